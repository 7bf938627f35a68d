using System.Buffers;
using System.Globalization;

namespace SiteGen.Search;

/// <summary>JSON text written the way JavaScript's JSON.stringify writes it, so output is compact and stable.</summary>
internal static class JsonText
{
    // Characters that may need an escape: controls, quote, backslash and surrogates (escaped only when unpaired).
    private static readonly SearchValues<char> MayNeedEscape = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\"\\"
        + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    /// <summary>
    /// The contents of <paramref name="value"/> as a JSON string, without the quotes; the same instance when nothing
    /// needs escaping (nearly always), so refs and terms escaped once can be copied as they are.
    /// </summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(MayNeedEscape) < 0) return value;
        var writer = JsonWriter.Measuring();
        writer.StringContents(value);
        return string.Create(writer.Length, value, static (span, value) =>
        {
            var writer = new JsonWriter(span);
            writer.StringContents(value);
        });
    }

    /// <summary>Whether <paramref name="value"/> has a character that may need an escape (otherwise it is copied as is).</summary>
    public static bool MayNeedEscaping(ReadOnlySpan<char> value) => value.IndexOfAny(MayNeedEscape) >= 0;

    public static bool IsPairedSurrogate(ReadOnlySpan<char> s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
                                   : i > 0 && char.IsHighSurrogate(s[i - 1]);

    /// <summary>
    /// Shortest round-trip form (.NET's "R", which JavaScript's Number#toString agrees with for these numbers: non-negative,
    /// never needing an exponent). Returns the number of characters written, or -1 when they do not fit.
    /// </summary>
    /// <remarks>
    /// Scores are rounded to thousandths (<c>Math.Floor(s * 1000 + 0.5) / 1000</c>), so they are the double nearest to
    /// k/1000 for an integer k. Below 1e9 two doubles are less than 1.2e-7 apart, while any other decimal with no more
    /// digits than k/1000 lies at least 0.001 away from it: the shortest text that reads back as the same double is k/1000
    /// itself, trailing zeros dropped. So such values are written from k's digits, skipping the general shortest-digits
    /// search; anything else (checked by k/1000 == value) goes through the general formatter.
    /// </remarks>
    public static int FormatNumber(double value, Span<char> destination)
    {
        if (IsThousandths(value, out var thousandths))
        {
            var length = ThousandthsLength(thousandths);
            if (length > destination.Length) return -1;
            var fraction = (int)(thousandths % 1000);
            (thousandths / 1000).TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
            if (fraction == 0) return written;
            // One to three decimals: trailing zeros are not written.
            destination[written++] = '.';
            destination[written++] = (char)('0' + fraction / 100);
            if (fraction % 100 != 0) destination[written++] = (char)('0' + fraction / 10 % 10);
            if (fraction % 10 != 0) destination[written++] = (char)('0' + fraction % 10);
            return written;
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
        Span<char> scratch = stackalloc char[32];
        return FormatNumber(value, scratch);
    }

    /// <summary>Whether <paramref name="value"/> is k/1000 for an integer k (given) below 1e12, where the fast form applies.</summary>
    private static bool IsThousandths(double value, out long thousandths)
    {
        thousandths = 0;
        if (value is not (>= 0 and < 1e9) || double.IsNegative(value)) return false;
        var k = Math.Round(value * 1000);
        if (k / 1000 != value) return false;
        thousandths = (long)k;
        return true;
    }

    private static int ThousandthsLength(long thousandths)
    {
        // The point and one to three decimals (".5", ".05", ".005"), or nothing.
        var fraction = thousandths % 1000;
        var fractionLength = fraction == 0 ? 0 : fraction % 100 == 0 ? 2 : fraction % 10 == 0 ? 3 : 4;
        return DigitCount(thousandths / 1000) + fractionLength;
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
/// Writes JSON text into a span whose exact length was found first by running the same code in measuring mode, so big
/// outputs go straight into their final string with no intermediate buffers.
/// </summary>
internal ref struct JsonWriter
{
    private readonly Span<char> _output;
    private readonly bool _measuring;

    /// <summary>Characters written (or counted) so far.</summary>
    public int Length;

    public JsonWriter(Span<char> output) => _output = output;

    private JsonWriter(bool measuring) => _measuring = measuring;

    /// <summary>A writer that only counts: the same calls then give the length to allocate.</summary>
    public static JsonWriter Measuring() => new(measuring: true);

    public void Raw(char c)
    {
        if (!_measuring) _output[Length] = c;
        Length++;
    }

    /// <summary>Text copied as it is (already JSON: punctuation, or contents from <see cref="JsonText.Escape"/>).</summary>
    public void Raw(string text)
    {
        if (!_measuring) text.CopyTo(_output[Length..]);
        Length += text.Length;
    }

    /// <summary>A non-negative integer.</summary>
    public void Int(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (_measuring)
        {
            Length += JsonText.DigitCount(value);
            return;
        }
        if (!value.TryFormat(_output[Length..], out var written, default, CultureInfo.InvariantCulture)) throw Overrun();
        Length += written;
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

    /// <summary>The escaped contents of a JSON string, as JSON.stringify escapes them.</summary>
    public void StringContents(string value)
    {
        if (!JsonText.MayNeedEscaping(value))
        {
            Raw(value);
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
                        Raw(string.Create(CultureInfo.InvariantCulture, $"{(int)c:x4}"));
                    }
                    else
                    {
                        Raw(c);
                    }
                    break;
            }
        }
    }

    private static InvalidOperationException Overrun() =>
        new("JSON text longer than measured: the measuring pass and the writing pass disagree.");
}
