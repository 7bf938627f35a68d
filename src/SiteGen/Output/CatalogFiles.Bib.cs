using System.Buffers;
using System.Globalization;
using System.Text;
using SiteGen.Buffers;
using SiteGen.Model;

namespace SiteGen.Output;

/// <summary>site/papers.bib.</summary>
public static partial class CatalogFiles
{
    /// <summary>
    /// papers.bib: one @misc entry per paper, keyed by paper id, arXiv fields when known. TeX specials in scraped text are
    /// escaped. As the UTF-8 bytes written to the site, written straight into the buffer (no string per field or file).
    /// </summary>
    public static byte[] PapersBibUtf8(Model.Catalog catalog)
    {
        using var bib = NewBuffer();
        foreach (var p in ById(catalog.Papers))
        {
            bib.Write("@misc{"u8);
            WriteBibKey(bib, p.Id);
            bib.Write(",\n"u8);
            if (p.Title is { } title)
            {
                // Braced twice so BibTeX keeps the title's capitals.
                FieldStart(bib, "title"u8);
                bib.Write("{"u8);
                WriteEscaped(bib, title);
                bib.Write("}"u8);
                FieldEnd(bib);
            }
            // A field whose value is blank is left out: escaping keeps a value blank exactly when it was.
            var andOthers = p.AuthorCount is { } c && c > p.Authors.Count;
            if (p.Authors.Count > 1 || (p.Authors.Count == 1 && (andOthers || !string.IsNullOrWhiteSpace(p.Authors[0]))))
            {
                FieldStart(bib, "author"u8);
                for (var i = 0; i < p.Authors.Count; i++)
                {
                    if (i > 0) bib.Write(" and "u8);
                    WriteEscaped(bib, p.Authors[i]);
                }
                if (andOthers) bib.Write(" and others"u8);
                FieldEnd(bib);
            }
            if (p.Date is { } date)
            {
                FieldStart(bib, "year"u8);
                Encoding.UTF8.GetBytes(date.Year.ToString(CultureInfo.InvariantCulture), bib);
                FieldEnd(bib);
            }
            if (p.ArxivId is { } id)
            {
                EscapedField(bib, "eprint"u8, id);
                bib.Write("  archivePrefix = {arXiv},\n"u8);
                FieldStart(bib, "url"u8);
                bib.Write("https://arxiv.org/abs/"u8);
                WriteEscaped(bib, id);
                FieldEnd(bib);
            }
            else if (p.Url is { } url) EscapedField(bib, "url"u8, url);
            if (p.Doi is { } doi) EscapedField(bib, "doi"u8, doi);
            bib.Write("}\n\n"u8);
        }
        return bib.ToArray();
    }

    private static void FieldStart(PooledChunks<byte> bib, ReadOnlySpan<byte> name)
    {
        bib.Write("  "u8);
        bib.Write(name);
        bib.Write(" = {"u8);
    }

    private static void FieldEnd(PooledChunks<byte> bib) => bib.Write("},\n"u8);

    private static void EscapedField(PooledChunks<byte> bib, ReadOnlySpan<byte> name, string value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        FieldStart(bib, name);
        WriteEscaped(bib, value);
        FieldEnd(bib);
    }

    private static void WriteBibKey(PooledChunks<byte> bib, string id)
    {
        var key = bib.GetSpan(id.Length);
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            key[i] = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' ? (byte)c : (byte)'-';
        }
        bib.Advance(id.Length);
    }

    private static readonly SearchValues<char> TexSpecials = SearchValues.Create("\\{}%&$#_^~\r\n\t");

    /// <summary>Escapes characters that TeX treats specially, so a scraped title cannot break or inject into the .bib file.</summary>
    private static void WriteEscaped(PooledChunks<byte> bib, string s)
    {
        var rest = s.AsSpan();
        while (true)
        {
            var at = rest.IndexOfAny(TexSpecials);
            // Runs end only at ASCII characters, so a surrogate pair is never split between two encodings.
            Encoding.UTF8.GetBytes(at < 0 ? rest : rest[..at], bib);
            if (at < 0) return;
            switch (rest[at])
            {
                case '\\': bib.Write("\\textbackslash{}"u8); break;
                case '^': bib.Write("\\^{}"u8); break;
                case '~': bib.Write("\\~{}"u8); break;
                case '\r' or '\n' or '\t': bib.Write(" "u8); break;
                default:
                    var escaped = bib.GetSpan(2);
                    escaped[0] = (byte)'\\';
                    escaped[1] = (byte)rest[at];
                    bib.Advance(2);
                    break;
            }
            rest = rest[(at + 1)..];
        }
    }
}
