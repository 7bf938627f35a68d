using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// Scriban's include, whose output is the included template's text: already escaped where it wrote values, so it is
/// trusted HTML and not escaped a second time by the page that includes it.
/// </summary>
internal sealed class TrustedInclude(IScriptCustomFunction include) : IScriptCustomFunction
{
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        include.Invoke(context, callerContext, arguments, blockStatement) is string text ? new TrustedHtml(text) : null;

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        await include.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false) is string text ? new TrustedHtml(text) : null;

    public int RequiredParameterCount => include.RequiredParameterCount;
    public int ParameterCount => include.ParameterCount;
    public ScriptVarParamKind VarParamKind => include.VarParamKind;
    public Type ReturnType => typeof(TrustedHtml);
    public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);
}
