using System.Text;
using SiteGen.Merging;
using SiteGen.Model;
using SiteGen.Output;

namespace SiteGen.Tests.Support;

/// <summary>The catalog files and keys as text, for assertions.</summary>
internal static class CatalogText
{
    public static string PapersJson(Model.Catalog catalog, string baseUrl) => Encoding.UTF8.GetString(CatalogFiles.PapersJsonUtf8(catalog, baseUrl));

    public static string DedupReportJson(Model.Catalog catalog) => Encoding.UTF8.GetString(CatalogFiles.DedupReportJsonUtf8(catalog));

    public static string PapersBib(Model.Catalog catalog) => Encoding.UTF8.GetString(CatalogFiles.PapersBibUtf8(catalog));

    /// <summary>The key the review and content/dedup-decisions.yml use for a record.</summary>
    public static string RecordKey(PaperRecord record) => RecordFeatures.From(record).Key;
}
