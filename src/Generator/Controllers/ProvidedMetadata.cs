using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Sprig.Generator.Parsing;

namespace Sprig.Generator.Controllers;

/// <summary>
/// The metadata an action's parameter and result types add themselves, as RequestDelegateFactory asks them: each parameter's type
/// that implements <c>IEndpointParameterMetadataProvider</c> or <c>IEndpointMetadataProvider</c>, in order, then the result's
/// (awaited) type. A type can add <c>[Authorize]</c> this way, so a generated route must ask it as the JIT route does.
/// </summary>
internal static class ProvidedMetadata
{
    private const string Providers = "Microsoft.AspNetCore.Http.Metadata.";

    /// <summary>The member initializer that adds the metadata (<c>Metadata = ...</c>), or null when no type provides any.</summary>
    public static string? Initializer(IMethodSymbol method, ITypeSymbol? result)
    {
        var calls = new List<string>();
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var type = method.Parameters[i].Type;
            if (Implements(type, "IEndpointParameterMetadataProvider"))
            {
                calls.Add($"global::Sprig.Web.Generated.ActionMetadata.OfParameter<{TypeNames.Of(type)}>(m, {i}, e);");
            }

            if (Implements(type, "IEndpointMetadataProvider"))
            {
                calls.Add($"global::Sprig.Web.Generated.ActionMetadata.Of<{TypeNames.Of(type)}>(m, e);");
            }
        }

        if (result is not null && Implements(result, "IEndpointMetadataProvider"))
        {
            calls.Add($"global::Sprig.Web.Generated.ActionMetadata.Of<{TypeNames.Of(result)}>(m, e);");
        }

        return calls.Count == 0 ? null : "Metadata = static (m, e) => { " + string.Join(" ", calls) + " }";
    }

    private static bool Implements(ITypeSymbol type, string provider) =>
        type.AllInterfaces.Any(i => i.ToDisplayString() == Providers + provider);
}
