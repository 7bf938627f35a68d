using System.Text;
using SiteGen.Text;

namespace SiteGen.Listings;

/// <summary>One line of a text file: 1-based line number and text without the line break.</summary>
public readonly record struct SourceLine(int Number, string Text);

/// <summary>A line whose bytes were not valid UTF-8: where the first bad byte was.</summary>
public readonly record struct InvalidUtf8(int Line, int Column);

/// <summary>
/// Raw bytes of a listing file, read once and then decoded line by line, so a 5 MB file never becomes one 5 MB string
/// and a bad byte can be reported with its line. Handles a UTF-8 BOM, UTF-16/UTF-32 by their BOM, LF/CRLF/CR endings and invalid UTF-8 (replaced by U+FFFD).
/// </summary>
public sealed class ListingText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly byte[] _bytes;
    private readonly int _start;
    private readonly int _length;

    public ListingText(byte[] bytes) : this(bytes, bytes.Length)
    {
    }

    /// <summary>The first <paramref name="length"/> bytes of a (pooled, reused) buffer.</summary>
    public ListingText(byte[] bytes, int length)
    {
        // A listing saved as UTF-16 or UTF-32 (with its mark) is read as its text, in UTF-8 from here on.
        if (ByteOrderMark.ToUtf8(bytes.AsSpan(0, length)) is { } utf8) (bytes, length) = (utf8, utf8.Length);
        _bytes = bytes;
        _length = length;
        _start = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
    }

    public bool HasBom => _start == 3;

    /// <summary>Empty or only whitespace.</summary>
    public bool IsBlank
    {
        get
        {
            for (var i = _start; i < _length; i++)
                if (_bytes[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
            return true;
        }
    }

    /// <summary>A NUL byte or many control bytes in the first 8 KB: not a text file (the same test git uses, plus a control-byte ratio).</summary>
    public bool LooksBinary
    {
        get
        {
            var end = Math.Min(_length, _start + 8192);
            var controls = 0;
            for (var i = _start; i < end; i++)
            {
                var b = _bytes[i];
                if (b == 0) return true;
                if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C)) controls++;
            }
            var length = end - _start;
            return length > 0 && controls * 10 > length;
        }
    }

    /// <summary>Lines decoded lazily; invalid UTF-8 is reported through <paramref name="onInvalid"/> and replaced.</summary>
    public IEnumerable<SourceLine> Lines(Action<InvalidUtf8>? onInvalid = null, int maxBytes = int.MaxValue)
    {
        var position = _start;
        var end = maxBytes == int.MaxValue ? _length : Math.Min(_length, _start + maxBytes);
        var number = 0;
        while (position < end)
        {
            var span = _bytes.AsSpan(position, end - position);
            var breakAt = span.IndexOfAny((byte)'\n', (byte)'\r');
            var lineLength = breakAt < 0 ? span.Length : breakAt;
            var next = position + lineLength;
            if (breakAt >= 0)
            {
                // CRLF counts as one break; a lone CR (old Mac) also ends a line.
                next += _bytes[next] == '\r' && next + 1 < end && _bytes[next + 1] == '\n' ? 2 : 1;
            }
            number++;
            yield return new SourceLine(number, Decode(_bytes.AsSpan(position, lineLength), number, onInvalid));
            position = next;
        }
    }

    private static string Decode(ReadOnlySpan<byte> line, int number, Action<InvalidUtf8>? onInvalid)
    {
        if (line.IsEmpty) return "";
        if (System.Text.Unicode.Utf8.IsValid(line)) return Strict.GetString(line);
        if (onInvalid is not null)
        {
            // Column of the first bad byte, counted in characters decoded before it (1-based).
            var valid = 0;
            while (valid < line.Length)
            {
                var status = System.Text.Rune.DecodeFromUtf8(line[valid..], out _, out var consumed);
                if (status != System.Buffers.OperationStatus.Done) break;
                valid += consumed;
            }
            onInvalid(new InvalidUtf8(number, Lenient.GetCharCount(line[..valid]) + 1));
        }
        return Lenient.GetString(line);
    }
}
