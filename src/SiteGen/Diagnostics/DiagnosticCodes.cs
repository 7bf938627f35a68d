namespace SiteGen.Diagnostics;

/// <summary>Every diagnostic code in one place, so codes stay unique and documented. Ranges: 1xxx config and sessions, 2xxx listings and readings, 3xxx catalog, 4xxx rendering and output, 5xxx search, 6xxx the instructors' finder.</summary>
public static class DiagnosticCodes
{
    public const string ConfigYaml = "SG1001";            // site.yml is not valid YAML
    public const string ConfigValue = "SG1002";           // site.yml value has the wrong shape
    public const string ContentFolderMissing = "SG1003";  // --content points nowhere
    public const string LinkOutsideFolder = "SG1004";     // a link leaving the course (or template) folder: not followed
    public const string NotRegularFile = "SG1005";        // a FIFO, device, folder or dangling link where a file was expected
    public const string SessionYaml = "SG1101";           // front matter YAML syntax error
    public const string SessionNoFrontMatter = "SG1102";  // no opening ---
    public const string SessionUnclosedFrontMatter = "SG1103";
    public const string SessionUnknownKey = "SG1104";     // unknown front-matter key
    public const string SessionEmpty = "SG1105";          // empty file
    public const string SessionNoTitle = "SG1106";
    public const string SessionBadValue = "SG1107";       // a key with a value of the wrong shape
    public const string SessionDuplicateKey = "SG1108";   // a front-matter key written twice (the last wins, as in Jekyll)
    public const string SessionNotMarkdown = "SG1109";    // a file in the sessions folder that is not .md
    public const string NoSessions = "SG1110";            // the sessions folder holds no session file
    public const string ImportUnreadable = "SG1401";      // import jekyll: _config.yml or index.html cannot be read
    public const string ImportLiquid = "SG1402";          // import jekyll: a Liquid construct the import does not understand
    public const string ImportNoFrontMatter = "SG1403";   // import jekyll: a top-level page without front matter
    public const string ImportKept = "SG1404";            // import jekyll: a file SiteGen would write exists with other content and is kept
    public const string BadFileName = "SG1111";           // a session or page file name made only of dots: no URL of its own
    public const string SessionBodyTooDeep = "SG1112";   // a body nested past Markdig's depth limit: shown as preformatted text
    public const string SessionUnclosedComment = "SG1113"; // an HTML comment opened in a body and never closed: the browser hides the rest
    public const string SlideMissing = "SG1201";          // Lectures/{lecture}.pdf not found
    public const string SlideNormalised = "SG1202";       // lecture had .pdf or Lectures/ that was stripped
    public const string PageYaml = "SG1301";              // a static page's front matter YAML syntax error
    public const string PageBodyTooDeep = "SG1302";       // a page's body nested past Markdig's depth limit: shown as preformatted text
    public const string PagePermalink = "SG1303";         // a static page's permalink SiteGen cannot serve (placeholders, .., the home page)
    public const string ListingUnrecognised = "SG2001";   // format could not be detected
    public const string ListingBinary = "SG2002";
    public const string ListingEmpty = "SG2003";
    public const string ListingInvalidUtf8 = "SG2004";
    public const string ListingEntrySkipped = "SG2005";   // text that looked like an entry but was not kept
    public const string ListingUnreadable = "SG2006";     // the file could not be read (permissions, I/O error)
    public const string ReadingNoTitle = "SG2101";
    public const string ReadingIncomplete = "SG2102";
    public const string ReadingNotRecognised = "SG2103"; // a bullet inside a reading section that is not read as a paper
    public const string ArxivIdNotReal = "SG2104";       // a reading's or listing entry's arXiv id that arXiv never gave (month 00, 0000.00000, ...)
    public const string DecisionsYaml = "SG3001";
    public const string DecisionStale = "SG3002";
    public const string TemplateError = "SG4001";
    public const string BrokenInternalLink = "SG4002";
    public const string OutputWriteFailed = "SG4003";     // writing the site failed (output path is a file, read-only, disk full)
    public const string OutputPathConflict = "SG4006";   // two sources would write one output path, or a path leaves the output folder
    public const string HandlebarsTemplate = "SG4009"; // a course template still in Handlebars (.hbs): no longer read
    public const string SearchPapersLimited = "SG4005"; // search.papers auto left listing-only papers out of a big catalog's index
    public const string FinderQuerySyntax = "SG6001";   // `find` query that does not parse
    public const string FinderQueryEmpty = "SG6002";    // a query of only stop words (nothing left to search for)
    public const string FinderQueryTooLong = "SG6003";
    public const string FinderLikeSession = "SG6004";   // --like names no session, or one without readings
    public const string FinderIndexRebuilt = "SG6005";  // the on-disk finder index was damaged or from another version
}
