using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// Scriban's include, whose output is the included template's text: already escaped where it wrote values, so it is
/// trusted HTML and not escaped a second time by the page that includes it.
/// An include whose text is written where it stands (<c>{{ include 'x' }}</c> as a statement of its own, as in every
/// built-in template) renders straight into the page's output instead of into a string that is then copied there: the
/// same text in the same place. Anywhere else (a pipe, an assignment, an argument) it gives its text as a value.
/// </summary>
internal sealed class TrustedInclude(IScriptCustomFunction include) : IScriptCustomFunction
{
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (WrittenWhereItStands(context, callerContext) && arguments.Count > 0)
        {
            RenderInPlace(context, (ScriptFunctionCall)callerContext!, arguments);
            return null;
        }
        return include.Invoke(context, callerContext, arguments, blockStatement) is string text ? new TrustedHtml(text) : null;
    }

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        await include.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false) is string text ? new TrustedHtml(text) : null;

    public int RequiredParameterCount => include.RequiredParameterCount;
    public int ParameterCount => include.ParameterCount;
    public ScriptVarParamKind VarParamKind => include.VarParamKind;
    public Type ReturnType => typeof(TrustedHtml);
    public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);

    /// <summary>The call is a statement's whole expression in a block, which writes the value as soon as it has it.</summary>
    private static bool WrittenWhereItStands(TemplateContext context, ScriptNode? caller) =>
        context.EnableOutput && !context.AutoIndent && caller is ScriptFunctionCall
        && caller.Parent is ScriptExpressionStatement { CanOutput: true } statement && ReferenceEquals(statement.Expression, caller)
        && statement.Parent is ScriptBlockStatement or ScriptList<ScriptStatement> { Parent: ScriptBlockStatement };

    /// <summary>What Scriban's include does (the same lookup, recursion limit, arguments and source file), with the page's output.</summary>
    private static void RenderInPlace(TemplateContext context, ScriptFunctionCall caller, ScriptArray arguments)
    {
        var path = context.GetTemplatePathFromName(context.ObjectToString(arguments[0]), caller);
        if (path is null) return;
        var template = context.GetOrCreateTemplate(path, caller);
        context.EnterRecursive(caller);
        var named = NamedArguments(context, caller);
        context.PushLocal();
        try
        {
            context.SetValue(ScriptVariable.Arguments, arguments, asReadOnly: true, force: true);
            if (named is not null)
                foreach (var (name, value) in named) context.SetValue(ScriptVariable.Create(name, ScriptVariableScope.Local), value, asReadOnly: false, force: true);
            if (template.SourceFilePath is { } file) context.PushSourceFile(file);
            try
            {
                if (template.Page is { } page && context.Evaluate(page) is { } last && context.EnableOutput) context.Write(page.Span, last);
            }
            finally
            {
                if (template.SourceFilePath is not null) context.PopSourceFile();
            }
        }
        finally
        {
            context.PopLocal();
            context.ExitRecursive(caller);
        }
    }

    /// <summary>Jekyll's <c>include x key=value</c> (made <c>key: value</c>), evaluated before the include's scope opens; null when there are none.</summary>
    private static List<KeyValuePair<string, object?>>? NamedArguments(TemplateContext context, ScriptFunctionCall caller)
    {
        List<KeyValuePair<string, object?>>? named = null;
        foreach (var argument in caller.Arguments)
            if (argument is ScriptNamedArgument { Name.Name: { } name, Value: { } value })
                (named ??= []).Add(new(name, value.Evaluate(context)));
        return named;
    }
}
