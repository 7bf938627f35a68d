using System.Buffers;
using System.Globalization;
using System.Text;

namespace SiteGen.Search;

/// <summary>
/// JSON text written as UTF-8 the way JavaScript's JSON.stringify writes it (then encoded), so output is compact and
/// stable, and the site's files need no string to be transcoded.
/// </summary>
/// <remarks>
/// Hand-written rather than Utf8JsonWriter because the lunr index must be byte for byte lunr.js's JSON.stringify of
/// the same index, and Utf8JsonWriter, even with the relaxed encoder, escapes emoji, U+2028/2029 and DEL, writes
/// \u001F where JavaScript writes \u001f and replaces unpaired surrogates (JsonTextNeededTests shows both against
/// node). Files that need no such identity (papers.json, the finder's output) use Utf8JsonWriter.
/// </remarks>
internal static class JsonText
{
    // Characters that may need an escape: controls, quote, backslash and surrogates (escaped only when unpaired).
    private static readonly SearchValues<char> MayNeedEscape = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\"\\"
        + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    /// <summary>Whether <paramref name="value"/> has a character that may need an escape (otherwise it is only encoded).</summary>
    public static bool MayNeedEscaping(ReadOnlySpan<char> value) => value.IndexOfAny(MayNeedEscape) >= 0;

    public static bool IsPairedSurrogate(ReadOnlySpan<char> s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
                                   : i > 0 && char.IsHighSurrogate(s[i - 1]);

    /// <summary>The escaped contents of <paramref name="value"/> as UTF-8, without the quotes.</summary>
    public static byte[] EscapedUtf8(string value)
    {
        var measure = JsonWriter.Measuring();
        measure.StringContents(value);
        var bytes = new byte[measure.Length];
        var writer = new JsonWriter(bytes);
        writer.StringContents(value);
        return bytes;
    }

    /// <summary>
    /// Shortest round-trip form (.NET's "R", which JavaScript's Number#toString agrees with for these numbers: non-negative,
    /// never needing an exponent). Returns the number of bytes written, or -1 when they do not fit.
    /// </summary>
    /// <remarks>
    /// Scores are rounded to thousandths (<c>Math.Floor(s * 1000 + 0.5) / 1000</c>), so they are the double nearest to
    /// k/1000 for an integer k. Below 1e9 two doubles are less than 1.2e-7 apart, while any other decimal with no more
    /// digits than k/1000 lies at least 0.001 away from it: the shortest text that reads back as the same double is k/1000
    /// itself, trailing zeros dropped. So such values are written from k's digits, skipping the general shortest-digits
    /// search; anything else (checked by k/1000 == value) goes through the general formatter.
    /// </remarks>
    public static int FormatNumber(double value, Span<byte> destination)
    {
        if (IsThousandths(value, out var thousandths))
        {
            var length = ThousandthsLength(thousandths);
            if (length > destination.Length) return -1;
            WriteThousandths(thousandths, destination);
            return length;
        }
        return value.TryFormat(destination, out var general, "R", CultureInfo.InvariantCulture) ? general : -1;
    }

    /// <summary>The length <see cref="FormatNumber"/> writes, worked out without writing for the common case.</summary>
    public static int NumberLength(double value) =>
        IsThousandths(value, out var thousandths) ? ThousandthsLength(thousandths) : GeneralNumberLength(value);

    // Apart, so the common path above carries no stack buffer (zeroed and guarded on every call).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int GeneralNumberLength(double value)
    {
        Span<byte> scratch = stackalloc byte[32];
        return FormatNumber(value, scratch);
    }

    /// <summary>Whether <paramref name="value"/> is k/1000 for an integer k (given) below 1e12, where the fast form applies.</summary>
    public static bool IsThousandths(double value, out long thousandths)
    {
        thousandths = 0;
        if (value is not (>= 0 and < 1e9) || double.IsNegative(value)) return false;
        var k = Math.Round(value * 1000);
        if (k / 1000 != value) return false;
        thousandths = (long)k;
        return true;
    }

    /// <summary>Bytes of k/1000 written as <see cref="WriteThousandths"/> writes it.</summary>
    public static int ThousandthsLength(long thousandths)
    {
        // The point and one to three decimals (".5", ".05", ".005"), or nothing.
        var fraction = thousandths % 1000;
        var fractionLength = fraction == 0 ? 0 : fraction % 100 == 0 ? 2 : fraction % 10 == 0 ? 3 : 4;
        return DigitCount(thousandths / 1000) + fractionLength;
    }

    /// <summary>
    /// k/1000 (k non-negative) in decimal with trailing zeros dropped, which is the shortest round-trip text of the double
    /// nearest to it (see <see cref="FormatNumber"/>). The destination must hold <see cref="ThousandthsLength"/> bytes.
    /// </summary>
    public static void WriteThousandths(long thousandths, Span<byte> destination)
    {
        var written = WriteDigits(thousandths / 1000, destination);
        var fraction = (int)(thousandths % 1000);
        if (fraction == 0) return;
        destination[written++] = (byte)'.';
        destination[written++] = (byte)('0' + fraction / 100);
        if (fraction % 100 == 0) return;
        destination[written++] = (byte)('0' + fraction / 10 % 10);
        if (fraction % 10 != 0) destination[written] = (byte)('0' + fraction % 10);
    }

    /// <summary>A non-negative number's decimal digits; returns how many were written.</summary>
    public static int WriteDigits(long value, Span<byte> destination)
    {
        var length = DigitCount(value);
        var digits = destination[..length];
        for (var i = length - 1; i > 0; i--)
        {
            var (quotient, digit) = Math.DivRem(value, 10);
            digits[i] = (byte)('0' + digit);
            value = quotient;
        }
        digits[0] = (byte)('0' + value);
        return length;
    }

    /// <summary>Decimal digits of a non-negative number.</summary>
    public static int DigitCount(long value)
    {
        if (value < 10) return 1;
        if (value < 100) return 2;
        if (value < 1000) return 3;
        if (value < 10000) return 4;
        var digits = 5;
        for (value /= 100000; value > 0; value /= 10) digits++;
        return digits;
    }
}

/// <summary>
/// The UTF-8 text of each number of a dense range (0, 1, 2, ... or 0, 0.001, 0.002, ...), at most eight bytes, packed
/// little-endian into a ulong with its length beside it: the index repeats a few hundred thousand distinct term indexes
/// and scores millions of times, and a number is then written with one store and measured with one load.
/// </summary>
internal sealed class PackedNumbers
{
    private readonly ulong[] _texts;
    private readonly byte[] _lengths;

    private PackedNumbers(int count, Func<int, Span<byte>, int> format)
    {
        (_texts, _lengths) = (new ulong[count], new byte[count]);
        Parallel.For(0, (count + 4095) / 4096, chunk =>
        {
            Span<byte> text = stackalloc byte[8];
            for (var i = chunk * 4096; i < Math.Min(count, (chunk + 1) * 4096); i++)
            {
                text.Clear();
                _lengths[i] = (byte)format(i, text);
                _texts[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(text);
            }
        });
    }

    /// <summary>Numbers below this have at most eight digits (with the point for thousandths: 9999.999).</summary>
    public const int MaxCount = 10_000_000;

    /// <summary>0 to count - 1 as integers.</summary>
    public static PackedNumbers Integers(int count) =>
        new(Math.Min(count, MaxCount), static (value, text) => JsonText.WriteDigits(value, text));

    /// <summary>k / 1000 for k from 0 to count - 1, as <see cref="JsonText.WriteThousandths"/> writes them.</summary>
    public static PackedNumbers Thousandths(int count) =>
        new(Math.Min(count, MaxCount), static (k, text) =>
        {
            var length = JsonText.ThousandthsLength(k);
            JsonText.WriteThousandths(k, text[..length]);
            return length;
        });

    /// <summary>Numbers held: 0 to Count - 1.</summary>
    public int Count => _lengths.Length;

    public ulong Text(int i) => _texts[i];

    public int Length(int i) => _lengths[i];
}

/// <summary>
/// Writes JSON as UTF-8 into a span whose exact length was found first by running the same code in measuring mode, so
/// big outputs go straight into their final array with no intermediate buffers or strings.
/// </summary>
internal ref struct JsonWriter
{
    private readonly Span<byte> _output;
    private readonly bool _measuring;

    /// <summary>Bytes written (or counted) so far.</summary>
    public int Length;

    public JsonWriter(Span<byte> output) => _output = output;

    private JsonWriter(bool measuring) => _measuring = measuring;

    /// <summary>A writer that only counts: the same calls then give the length to allocate.</summary>
    public static JsonWriter Measuring() => new(measuring: true);

    /// <summary>An ASCII character.</summary>
    public void Raw(char c)
    {
        if (!_measuring) _output[Length] = (byte)c;
        Length++;
    }

    /// <summary>UTF-8 copied as it is (already JSON: punctuation, or contents from <see cref="JsonText.EscapedUtf8"/>).</summary>
    public void Raw(scoped ReadOnlySpan<byte> utf8)
    {
        if (!_measuring) utf8.CopyTo(_output[Length..]);
        Length += utf8.Length;
    }

    /// <summary>A non-negative integer.</summary>
    public void Int(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Length += _measuring ? JsonText.DigitCount(value) : JsonText.WriteDigits(value, _output[Length..]);
    }

    /// <summary>k/1000 for a non-negative k, as JavaScript writes the double nearest to it.</summary>
    public void Thousandths(int thousandths)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(thousandths);
        var length = JsonText.ThousandthsLength(thousandths);
        if (!_measuring) JsonText.WriteThousandths(thousandths, _output.Slice(Length, length));
        Length += length;
    }

    /// <summary>Number <paramref name="i"/> of the table (below its <see cref="PackedNumbers.Count"/>).</summary>
    public void Packed(PackedNumbers numbers, int i)
    {
        var length = numbers.Length(i);
        if (!_measuring)
        {
            // All eight bytes when they fit: the ones past the number are overwritten by what follows.
            var rest = _output[Length..];
            if (rest.Length >= sizeof(ulong)) System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(rest, numbers.Text(i));
            else for (var b = 0; b < length; b++) rest[b] = (byte)(numbers.Text(i) >> (8 * b));
        }
        Length += length;
    }

    public void Number(double value)
    {
        var written = _measuring ? JsonText.NumberLength(value) : JsonText.FormatNumber(value, _output[Length..]);
        if (written < 0) throw Overrun();
        Length += written;
    }

    /// <summary>A JSON string, quotes included.</summary>
    public void String(string value)
    {
        Raw('"');
        StringContents(value);
        Raw('"');
    }

    /// <summary>The escaped contents of a JSON string, as JSON.stringify escapes them, in UTF-8.</summary>
    public void StringContents(string value)
    {
        if (!JsonText.MayNeedEscaping(value))
        {
            Length += _measuring ? Encoding.UTF8.GetByteCount(value) : Encoding.UTF8.GetBytes(value, _output[Length..]);
            return;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': Raw('\\'); Raw('"'); break;
                case '\\': Raw('\\'); Raw('\\'); break;
                case '\b': Raw('\\'); Raw('b'); break;
                case '\f': Raw('\\'); Raw('f'); break;
                case '\n': Raw('\\'); Raw('n'); break;
                case '\r': Raw('\\'); Raw('r'); break;
                case '\t': Raw('\\'); Raw('t'); break;
                default:
                    if (c < ' ' || (char.IsSurrogate(c) && !JsonText.IsPairedSurrogate(value, i)))
                    {
                        Raw('\\');
                        Raw('u');
                        for (var shift = 12; shift >= 0; shift -= 4) Raw("0123456789abcdef"[(c >> shift) & 0xF]);
                    }
                    else
                    {
                        // A paired surrogate is encoded with its partner: one four-byte sequence.
                        var chars = value.AsSpan(i, char.IsHighSurrogate(c) ? 2 : 1);
                        Length += _measuring ? Encoding.UTF8.GetByteCount(chars) : Encoding.UTF8.GetBytes(chars, _output[Length..]);
                        i += chars.Length - 1;
                    }
                    break;
            }
        }
    }

    private static InvalidOperationException Overrun() =>
        new("JSON text longer than measured: the measuring pass and the writing pass disagree.");
}
