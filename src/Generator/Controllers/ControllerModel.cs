using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sprig.Generator.Parsing;

namespace Sprig.Generator.Controllers;

/// <summary>
/// One [Controller] class, as strings only (the incremental pipeline keeps no symbols): its name and the statement that registers
/// its generated actions. Null for a class generated code cannot name (private, generic, file-local), or when the compilation
/// does not reference Sprig.Web: the runtime then reports the controller by name.
/// </summary>
internal sealed class ControllerModel(string typeName, string registration, string contracts) : IEquatable<ControllerModel>
{
    private const string Seam = "global::Sprig.Web.Generated.";

    // The attributes of methods the container calls, never HTTP clients (ControllerRoutes.ContainerAttributes at run time).
    private static readonly string[] ContainerAttributes =
        [Symbols.PostConstruct, Symbols.PreDestroy, Symbols.OnStart, Symbols.Bean, Symbols.Endpoint, "Microsoft.AspNetCore.Mvc.NonActionAttribute"];

    public string TypeName { get; } = typeName;

    public string Registration { get; } = registration;

    /// <summary>Gets the interfaces the actions implement (type names separated by semicolons), whose methods the trimmer must keep.</summary>
    public string Contracts { get; } = contracts;

    public static ControllerModel? For(ISymbol target, Compilation compilation, CancellationToken cancellationToken)
    {
        if (target is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false, IsStatic: false } type || TypeHierarchy.IsGeneric(type)
            || !TypeNames.CanName(type, compilation) || compilation.GetTypeByMetadataName("Sprig.Web.Generated.GeneratedControllers") is null)
        {
            return null;
        }

        var typeName = TypeNames.Of(type);
        var contracts = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append("            global::Sprig.Web.Generated.GeneratedControllers.Register(new ").Append(Seam).Append("GeneratedController(typeof(")
            .Append(typeName).Append("), new ").Append(Seam).AppendLine("GeneratedAction[]");
        text.AppendLine("            {");
        foreach (var method in Methods(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var implemented = Implemented(type, method);
            contracts.UnionWith(implemented);
            text.Append(ActionWriter.Write(typeName, method, implemented, compilation));
        }

        text.AppendLine("            }));");
        return new ControllerModel(typeName, text.ToString(), string.Join(";", contracts.OrderBy(c => c, StringComparer.Ordinal)));
    }

    public bool Equals(ControllerModel? other) => other is not null && TypeName == other.TypeName && Registration == other.Registration && Contracts == other.Contracts;

    public override bool Equals(object? obj) => Equals(obj as ControllerModel);

    public override int GetHashCode() => TypeName.GetHashCode();

    /// <summary>
    /// The public instance methods reflection lists on the class (its own and inherited, an override in place of what it
    /// overrides, a hiding method in place of the hidden one), base class first, except those of <see cref="object"/>. The runtime
    /// decides which are actions; the container's own methods and compiler-generated ones (a record's Equals, Deconstruct ...) are
    /// left out here only because the runtime's rules never make one of them an action.
    /// </summary>
    internal static List<IMethodSymbol> Methods(INamedTypeSymbol type)
    {
        var chain = TypeHierarchy.BaseFirst(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var overridden = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var result = new List<(int Level, IMethodSymbol Method)>();
        for (var level = chain.Count - 1; level >= 0; level--)
        {
            foreach (var method in chain[level].GetMembers().OfType<IMethodSymbol>())
            {
                if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public || !method.CanBeReferencedByName || method.IsImplicitlyDeclared
                    || overridden.Contains(method) || RootsInObject(method) || IsContainerMethod(method))
                {
                    continue;
                }

                for (var o = method.OverriddenMethod; o is not null; o = o.OverriddenMethod)
                {
                    overridden.Add(o.OriginalDefinition);
                }

                if (seen.Add(method.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString())) + ")"))
                {
                    result.Add((level, method));
                }
            }
        }

        return [.. result.OrderBy(r => r.Level).Select(r => r.Method)];
    }

    /// <summary>
    /// The interfaces whose methods the method implements on the controller (named as generated code names them), decided here
    /// where the compiler knows, because Native AOT's reflection cannot map interfaces to their implementations: the runtime reads
    /// their attributes as the route's metadata (<c>[Authorize]</c> on a contract), and never makes a method that implements one of
    /// .NET's (<c>IProgress&lt;T&gt;.Report</c>) an action by convention.
    /// </summary>
    private static List<string> Implemented(INamedTypeSymbol type, IMethodSymbol method) =>
        [.. TypeHierarchy.Implemented(type, method).Select(TypeNames.Of)];

    private static bool RootsInObject(IMethodSymbol method)
    {
        var root = method;
        while (root.OverriddenMethod is { } next)
        {
            root = next;
        }

        return root.ContainingType.SpecialType == SpecialType.System_Object;
    }

    // [PostConstruct], [PreDestroy], [OnStart], [Bean], [Endpoint] and [NonAction] methods are never actions unless a route attribute says so.
    private static bool IsContainerMethod(IMethodSymbol method) =>
        !method.GetAttributes().Any(a => ActionWriter.IsRouteAttribute(a.AttributeClass))
        && ContainerAttributes.Any(name => Symbols.HasInherited(method, name));
}
