using System.Globalization;
using System.Text;

namespace SiteGen.Search;

/// <summary>JSON text written the way JavaScript's JSON.stringify writes it, so output is compact and stable.</summary>
internal static class JsonText
{
    public static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ' || (char.IsSurrogate(c) && !IsPairedSurrogate(value, i)))
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    private static bool IsPairedSurrogate(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
                                   : i > 0 && char.IsHighSurrogate(s[i - 1]);

    /// <summary>Shortest round-trip form; our numbers are non-negative and never need an exponent.</summary>
    public static void AppendNumber(StringBuilder sb, double value) =>
        sb.Append(CultureInfo.InvariantCulture, $"{value:R}");
}
