using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sprig.Generator.Parsing;

namespace Sprig.Generator.Controllers;

/// <summary>
/// Writes one method's <c>GeneratedAction</c>: a factory that asks the runtime's <c>ActionBinder</c> for a binder per parameter
/// (RequestDelegateFactory's sources, decided here where the method says and at <c>MapSprig</c> where the route decides) and
/// returns a delegate that binds them, calls the method on the controller and writes the result. A method no request can call
/// (ref parameters, a type generated code cannot name, form binding ...) gets the reason instead, which the runtime reports only
/// if the method is an action.
/// </summary>
internal static class ActionWriter
{
    private const string Seam = "global::Sprig.Web.Generated.";
    private const string Indent = "                ";

    public static bool IsRouteAttribute(INamedTypeSymbol? attribute)
    {
        for (var t = attribute; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == "Sprig.Web.HttpRouteAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes the method's entry; <paramref name="contracts"/> are the interfaces whose methods it implements on the controller.</summary>
    public static string Write(string controller, IMethodSymbol method, List<string> contracts, Compilation compilation)
    {
        var name = SymbolDisplay.FormatLiteral(method.Name, quote: true);
        var implements = contracts.Count == 0 ? null : "Contracts = new global::System.Type[] { " + string.Join(", ", contracts.Select(c => $"typeof({c})")) + " }";
        var framework = implements is null ? "" : " { " + implements + " }";
        if (Why(method, compilation) is { } reason)
        {
            return $"{Indent}new {Seam}GeneratedAction({name}, {method.Parameters.Length}, {SymbolDisplay.FormatLiteral(reason, quote: true)}){framework},\n";
        }

        var types = method.Parameters.IsEmpty
            ? "global::System.Type.EmptyTypes"
            : "new global::System.Type[] { " + string.Join(", ", method.Parameters.Select(p => $"typeof({TypeNames.Of(p.Type)})")) + " }";
        var setup = new List<string>();
        var body = new List<string>();
        var arguments = new List<string>();
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            var binding = Parameters.Bind(parameter, compilation);
            var start = $"b.Parameter({(Parameters.IsOptional(parameter) ? "true" : "false")})";
            if (binding.Direct is { } direct)
            {
                setup.Add(start + ";");
                arguments.Add(direct);
                continue;
            }

            setup.Add($"var p{i} = {start}.{binding.Binder};");
            body.Add($"var a{i} = await p{i}.BindAsync(http).ConfigureAwait(false);");
            arguments.Add($"a{i}");
        }

        var call = $"(({controller})o).{TypeNames.Escape(method.Name)}({string.Join(", ", arguments)})";
        var (awaited, result) = Awaited(method.ReturnType, compilation);
        var invoke = awaited ? $"await {call}.ConfigureAwait(false)" : call;
        if (result is null)
        {
            body.Add(invoke + ";");
        }
        else
        {
            body.Add($"var r = {invoke};");
            body.Add(Write(result, compilation, setup));
        }

        var text = new StringBuilder();
        text.Append(Indent).Append("new ").Append(Seam).Append("GeneratedAction(").Append(name).Append(", ").Append(types).AppendLine(", static b =>");
        text.Append(Indent).AppendLine("{");
        foreach (var line in setup)
        {
            text.Append(Indent).Append("    ").AppendLine(line);
        }

        text.Append(Indent).AppendLine("    return async (http, o) =>");
        text.Append(Indent).AppendLine("    {");
        foreach (var line in body)
        {
            text.Append(Indent).Append("        ").AppendLine(line);
        }

        text.Append(Indent).AppendLine("    };");
        var metadata = ProvidedMetadata.Initializer(method, result);
        var initializers = string.Join(", ", new[] { metadata, implements }.Where(i => i is not null));
        text.Append(Indent).Append("})").Append(initializers.Length == 0 ? "" : " { " + initializers + " }").AppendLine(",");
        return text.ToString();
    }

    /// <summary>Why no request delegate can call the method, or null.</summary>
    internal static string? Why(IMethodSymbol method, Compilation compilation)
    {
        if (method.IsGenericMethod)
        {
            return "a generic method cannot be an action (a request cannot choose its type arguments). Make it non-generic.";
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly || method.ReturnType.IsRefLikeType || method.ReturnType.TypeKind == TypeKind.Pointer)
        {
            return "it returns by reference or a ref struct, which an answer cannot carry. Return a value.";
        }

        if (Symbols.IsObsoleteError(method))
        {
            return "it is [Obsolete] as an error, so generated code cannot call it. Mark it [NonAction], or remove the error.";
        }

        if (!method.ReturnsVoid && !TypeNames.CanName(method.ReturnType, compilation))
        {
            return $"its result type {method.ReturnType.ToDisplayString()} cannot be named by generated code in this assembly. Make the type public or internal.";
        }

        foreach (var parameter in method.Parameters)
        {
            if (Parameters.Why(parameter, compilation) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>Whether the call is awaited, and the type of the result to write (null for none).</summary>
    private static (bool Awaited, ITypeSymbol? Result) Awaited(ITypeSymbol returns, Compilation compilation)
    {
        if (returns.SpecialType == SpecialType.System_Void)
        {
            return (false, null);
        }

        var definition = returns.OriginalDefinition.ToDisplayString();
        return definition switch
        {
            "System.Threading.Tasks.Task" or "System.Threading.Tasks.ValueTask" => (true, null),
            "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>" => (true, ((INamedTypeSymbol)returns).TypeArguments[0]),
            _ => (false, returns),
        };
    }

    /// <summary>The statement that writes the result <c>r</c>: text, an executed IResult, or JSON through the application's metadata.</summary>
    private static string Write(ITypeSymbol result, Compilation compilation, List<string> setup)
    {
        if (result.SpecialType == SpecialType.System_String)
        {
            return $"await {Seam}ActionResults.Text(http, r).ConfigureAwait(false);";
        }

        var iresult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IResult");
        if (iresult is not null && (SymbolEqualityComparer.Default.Equals(result, iresult) || result.AllInterfaces.Contains(iresult, SymbolEqualityComparer.Default)))
        {
            return $"await {Seam}ActionResults.Execute(http, r).ConfigureAwait(false);";
        }

        setup.Add($"var w = b.Result<{TypeNames.Of(result)}>({SymbolDisplay.FormatLiteral(Parameters.DisplayName(result), quote: true)});");
        return "await w.WriteAsync(http, r).ConfigureAwait(false);";
    }
}
