using SiteGen.Diagnostics;
using SiteGen.Files;
using SiteGen.Model;

namespace SiteGen.Listings;

/// <summary>Stage: content/listings/* -> paper records with provenance.</summary>
public static class ReadListings
{
    public const string Folder = "listings";

    /// <summary>Invalid UTF-8 is reported for this many lines per file, then once more as a count, so a mis-encoded file does not flood the output.</summary>
    private const int MaxInvalidUtf8Reports = 5;

    public static ListingsResult Run(ContentSource content, SiteConfig config, DiagnosticBag diagnostics) => Run(content, config, diagnostics, cache: null);

    /// <summary>
    /// As <see cref="Run(ContentSource, SiteConfig, DiagnosticBag)"/>, reusing from <paramref name="cache"/> the records and
    /// diagnostics of each file whose fingerprint is unchanged, and leaving in it what this read saw: the same result as
    /// a read without a cache.
    /// </summary>
    public static ListingsResult Run(ContentSource content, SiteConfig config, DiagnosticBag diagnostics, ListingFileCache? cache)
    {
        if (cache is null) return Read(content, config, diagnostics, null);
        lock (cache.Gate) return Read(content, config, diagnostics, cache);
    }

    private static ListingsResult Read(ContentSource content, SiteConfig config, DiagnosticBag diagnostics, ListingFileCache? cache)
    {
        var folder = Path.Combine(content.Root, Folder);
        if (!Directory.Exists(folder))
        {
            cache?.Replace(new(StringComparer.Ordinal), 0, 0);
            return ListingsResult.Empty;
        }

        // Dot files (.gitkeep, .DS_Store) are not listings.
        var files = CourseFiles.List(content.Root, folder, extension: null, recursive: true, skipDotNames: true, diagnostics, p => content.Display(content.Relative(p)))
            .Select(path => (Path: path, Relative: content.Relative(path)))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();

        // Files are parsed on every core, each into its own slot, and joined in file order: the same records in the same
        // order as one by one. Diagnostics are sorted when read, so the order they arrive in does not matter.
        var parsed = new (IReadOnlyList<PaperRecord> Records, string Format)[files.Count];
        var entries = cache is null ? null : new ListingFileCache.Entry?[files.Count];
        var reused = 0;
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (path, relative) = files[i];
            if (cache is null)
            {
                parsed[i] = ReadOne(path, relative, content, config, diagnostics, out _);
                return;
            }
            // The fingerprint is taken before the file is read: a file written meanwhile is read again next time.
            var fingerprint = ListingFileCache.Fingerprint(path, config.ListingFormats.GetValueOrDefault(RelativeToListings(relative)));
            if (fingerprint is not null && cache.Find(relative, fingerprint) is { } known)
            {
                foreach (var d in known.Diagnostics) diagnostics.Add(d);
                parsed[i] = (known.Records, known.Format);
                entries![i] = known;
                Interlocked.Increment(ref reused);
                return;
            }
            var own = new DiagnosticBag();
            parsed[i] = ReadOne(path, relative, content, config, own, out var readable);
            var found = own.Items;
            foreach (var d in found) diagnostics.Add(d);
            if (readable && fingerprint is not null) entries![i] = new ListingFileCache.Entry(fingerprint, parsed[i].Records, parsed[i].Format, found);
        });
        if (cache is not null)
        {
            var kept = new Dictionary<string, ListingFileCache.Entry>(files.Count, StringComparer.Ordinal);
            for (var i = 0; i < files.Count; i++)
                if (entries![i] is { } entry) kept[files[i].Relative] = entry;
            cache.Replace(kept, reused, files.Count - reused);
        }

        var total = 0;
        foreach (var p in parsed) total += p.Records.Count;
        var records = new List<PaperRecord>(total);
        var summaries = new List<ListingSummary>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            records.AddRange(parsed[i].Records);
            summaries.Add(new ListingSummary(files[i].Relative, parsed[i].Format, parsed[i].Records.Count));
        }
        return new ListingsResult(records, summaries);
    }

    /// <summary>Reads and parses one file; an unreadable one is a warning and no records (<paramref name="readable"/> false).</summary>
    private static (IReadOnlyList<PaperRecord> Records, string Format) ReadOne(string path, string relative, ContentSource content, SiteConfig config, DiagnosticBag diagnostics, out bool readable)
    {
        byte[] bytes;
        int length;
        try
        {
            (bytes, length) = ReadAll(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(DiagnosticCodes.ListingUnreadable, content.Display(relative), 1, 1,
                $"Listing file could not be read ({e.Message}); skipped.", "Check the file's permissions, or remove it from listings/.");
            readable = false;
            return ([], "unreadable");
        }
        readable = true;
        return ReadFile(new ListingText(bytes, length), relative, content.Display(relative), config, diagnostics);
    }

    /// <summary>Parses one listing file's bytes. <paramref name="relativePath"/> is relative to the content folder ("listings/x.txt").</summary>
    public static (IReadOnlyList<PaperRecord> Records, string Format) ReadFile(byte[] bytes, string relativePath, string displayPath, SiteConfig config, DiagnosticBag diagnostics) =>
        ReadFile(new ListingText(bytes), relativePath, displayPath, config, diagnostics);

    /// <summary>A file larger than this is read into an array of its own, let go once parsed, instead of the thread's reused buffer.</summary>
    private const int MaxReusedBufferBytes = 16 << 20;

    /// <summary>
    /// A file's bytes in this thread's reused buffer: listing files are megabytes each, and a new array per file lands on
    /// the large object heap, whose collections walk every record read so far. A file of hundreds of megabytes gets an
    /// array of its own: kept in the buffer, it would stay in memory, beside everything made from it, to the end of the build.
    /// </summary>
    private static (byte[] Bytes, int Length) ReadAll(string path)
    {
        using var handle = File.OpenHandle(path);
        var size = RandomAccess.GetLength(handle);
        if (size > Array.MaxLength) throw new IOException($"{path} is larger than 2 GB.");
        var buffer = size > MaxReusedBufferBytes ? new byte[size]
            : t_fileBuffer is { } b && b.Length >= size ? b : t_fileBuffer = new byte[Math.Max(size, 1 << 20)];
        var length = 0;
        for (int read; length < size && (read = RandomAccess.Read(handle, buffer.AsSpan(length, (int)size - length), length)) > 0;) length += read;
        return (buffer, length);
    }

    [ThreadStatic] private static byte[]? t_fileBuffer;

    private static (IReadOnlyList<PaperRecord> Records, string Format) ReadFile(ListingText text, string relativePath, string displayPath, SiteConfig config, DiagnosticBag diagnostics)
    {
        if (text.IsBlank)
        {
            diagnostics.Warning(DiagnosticCodes.ListingEmpty, displayPath, 1, 1, "Listing file is empty; no papers read from it.",
                "Paste the listing text into the file or delete it.");
            return ([], "empty");
        }
        if (text.LooksBinary)
        {
            diagnostics.Warning(DiagnosticCodes.ListingBinary, displayPath, 1, 1, "Listing file is binary, not text; skipped.",
                "Only plain-text listings (copied arXiv or Hugging Face pages) belong in listings/.");
            return ([], "binary");
        }

        var format = ChooseFormat(text, relativePath, displayPath, config, diagnostics);
        if (format == ListingFormat.Unrecognised)
        {
            diagnostics.Warning(DiagnosticCodes.ListingUnrecognised, displayPath, 1, 1,
                $"Could not tell the format of listing '{relativePath}'; no papers read from it.",
                $"Set it in site.yml: listing_formats: {{ \"{RelativeToListings(relativePath)}\": hf }} (arxiv, hf or hf-plain).");
            return ([], ListingFormats.Name(format));
        }

        var invalidLines = 0;
        void OnInvalid(InvalidUtf8 bad)
        {
            invalidLines++;
            if (invalidLines <= MaxInvalidUtf8Reports)
                diagnostics.Warning(DiagnosticCodes.ListingInvalidUtf8, displayPath, bad.Line, bad.Column,
                    "Invalid UTF-8 bytes replaced with U+FFFD (�).", "Re-save the file as UTF-8.");
        }

        var lines = text.Lines(OnInvalid);
        var records = format == ListingFormat.Arxiv
            ? ArxivListingParser.Parse(lines, relativePath, displayPath, diagnostics)
            : HuggingFaceListingParser.Parse(lines, relativePath, displayPath, diagnostics);
        if (invalidLines > MaxInvalidUtf8Reports)
            diagnostics.Warning(DiagnosticCodes.ListingInvalidUtf8, displayPath, 1, 1,
                $"{invalidLines} lines in all hold invalid UTF-8; only the first {MaxInvalidUtf8Reports} are listed.", "Re-save the file as UTF-8.");
        return (records, ListingFormats.Name(format));
    }

    private static ListingFormat ChooseFormat(ListingText text, string relativePath, string displayPath, SiteConfig config, DiagnosticBag diagnostics)
    {
        var key = RelativeToListings(relativePath);
        if (config.ListingFormats.TryGetValue(key, out var forced))
        {
            if (ListingFormats.Parse(forced) is { } format) return format;
            diagnostics.Warning(DiagnosticCodes.ListingUnrecognised, displayPath, 1, 1,
                $"site.yml listing_formats gives '{forced}' for '{key}', which is not a listing format; detecting it from the text instead.",
                "Use one of: arxiv, hf, hf-plain.");
        }
        // Detection reads only the first 64 KB, decoded without reporting (the full pass reports bad bytes once).
        return ListingFormats.Detect(text.Lines(maxBytes: 64 * 1024));
    }

    /// <summary>"listings/a/b.txt" -> "a/b.txt", the key site.yml uses.</summary>
    private static string RelativeToListings(string relativePath) =>
        relativePath.StartsWith(Folder + "/", StringComparison.Ordinal) ? relativePath[(Folder.Length + 1)..] : relativePath;
}
