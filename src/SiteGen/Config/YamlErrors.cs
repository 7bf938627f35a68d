using YamlDotNet.Core;

namespace SiteGen.Config;

internal static class YamlErrors
{
    /// <summary>YamlDotNet wraps the useful message; the innermost one says what was wrong without the position noise.</summary>
    public static string Describe(YamlException e)
    {
        Exception inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        var message = inner.Message;
        // Messages look like "(Line: 3, Col: 5, Idx: 20) - (Line: ...): While scanning ..."; keep the text after the position.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).Trim();
    }
}
