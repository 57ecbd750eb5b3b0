using System;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.LazyProxies;

/// <summary>
/// One interface that needs a [Lazy] proxy, as strings only (the incremental pipeline keeps no symbols): its name, the proxy
/// class's name and the proxy class's source.
/// </summary>
internal sealed class ProxyModel(string interfaceName, string className, string source, bool subclass = false) : IEquatable<ProxyModel>
{
    internal static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public string InterfaceName { get; } = interfaceName;

    public string ClassName { get; } = className;

    public string Source { get; } = source;

    /// <summary>Gets whether the proxy is a subclass of a class target (made by its static Create, no constructor run), not an interface's implementation.</summary>
    public bool Subclass { get; } = subclass;

    /// <summary>Returns the model for a [Lazy] property, field or parameter; null when its type is no interface a proxy class can implement.</summary>
    public static ProxyModel? For(ISymbol target, CancellationToken cancellationToken)
    {
        var type = target switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Class } @class && ClassProxy.For(@class, target.ContainingAssembly) is { } plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = @class.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Format);
            var proxyName = "SprigLazyProxy_" + Identifier(name);
            return new ProxyModel(name, proxyName, plan.Source(name, proxyName), subclass: true);
        }

        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Interface } contract || !CanImplement(contract, target.ContainingAssembly))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var interfaceName = contract.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Format);
        var className = "SprigLazyProxy_" + Identifier(interfaceName);
        return new ProxyModel(interfaceName, className, ClassSource(contract, interfaceName, className));
    }

    public bool Equals(ProxyModel? other) =>
        other is not null && InterfaceName == other.InterfaceName && ClassName == other.ClassName && Source == other.Source && Subclass == other.Subclass;

    public override bool Equals(object? obj) => Equals(obj as ProxyModel);

    public override int GetHashCode() => InterfaceName.GetHashCode();

    /// <summary>Tells whether the generator makes a proxy class of <paramref name="type"/> for a [Lazy] point of the assembly <paramref name="within"/>.</summary>
    public static bool CanGenerate(ITypeSymbol type, IAssemblySymbol within) =>
        type is INamedTypeSymbol named && (named.TypeKind == TypeKind.Interface ? CanImplement(named, within) : ClassProxy.For(named, within) is not null);

    /// <summary>Tells whether generated code in <paramref name="within"/> can name the interface and implement each of its members by forwarding.</summary>
    private static bool CanImplement(INamedTypeSymbol contract, IAssemblySymbol within)
    {
        if (contract.IsUnboundGenericType || !Nameable(contract, within))
        {
            return false;
        }

        foreach (var member in new[] { contract }.Concat(contract.AllInterfaces).SelectMany(i => i.GetMembers()))
        {
            // A static abstract member cannot be forwarded to an instance; an init accessor cannot be set on another object; a
            // non-public member cannot be called on the target.
            if ((member.IsStatic && (member.IsAbstract || member.IsVirtual)) || member is IPropertySymbol { SetMethod.IsInitOnly: true }
                || (!member.IsStatic && (member.IsAbstract || member.IsVirtual) && member.DeclaredAccessibility != Accessibility.Public))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool Nameable(ITypeSymbol type, IAssemblySymbol within) => type switch
    {
        ITypeParameterSymbol => false,
        IArrayTypeSymbol array => Nameable(array.ElementType, within),
        INamedTypeSymbol named => Visible(named, within) && named.TypeArguments.All(t => Nameable(t, within)),
        _ => true,
    };

    // Generated code is a top-level class of the assembly: it names public types, and internal ones of its own assembly or of
    // one that shows it its internals.
    private static bool Visible(INamedTypeSymbol type, IAssemblySymbol within)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal
                || (current.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedOrInternal
                    && !SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, within) && !current.ContainingAssembly.GivesAccessTo(within)))
            {
                return false;
            }
        }

        return true;
    }

    private static string ClassSource(INamedTypeSymbol contract, string interfaceName, string className)
    {
        var source = new StringBuilder();
        Emitting.ProxyClassHeader.Append(source, "[Lazy] proxy", interfaceName, "resolves its target on the first call, once, then forwards every member to it.", className);
        source.AppendLine("        private readonly global::System.Func<object> _resolve;");
        source.AppendLine("        private readonly object _gate = new object();");
        source.Append("        private ").Append(interfaceName).AppendLine("? _target;");
        source.AppendLine();
        source.Append("        public ").Append(className).AppendLine("(global::System.Func<object> resolve) => _resolve = resolve;");
        source.AppendLine();
        AppendTarget(source, interfaceName);
        foreach (var declaring in new[] { contract }.Concat(contract.AllInterfaces))
        {
            var owner = declaring.ToDisplayString(Format);
            foreach (var member in declaring.GetMembers())
            {
                // A member with a body that cannot be overridden (sealed, private) is not the implementer's to forward.
                if (member.IsStatic || !(member.IsAbstract || member.IsVirtual))
                {
                    continue;
                }

                var text = member switch
                {
                    IMethodSymbol { MethodKind: MethodKind.Ordinary } method => Method(owner, method),
                    IPropertySymbol property => Property(owner, property),
                    IEventSymbol @event => Event(owner, @event),
                    _ => null,
                };
                if (text is not null)
                {
                    source.AppendLine();
                    source.Append(text);
                }
            }
        }

        source.AppendLine("    }");
        return source.ToString();
    }

    /// <summary>Writes a proxy's Target property: the target resolved on the first call, once (under a lock), then read without one.</summary>
    internal static void AppendTarget(StringBuilder source, string typeName)
    {
        source.Append("        private ").Append(typeName).AppendLine(" Target => global::System.Threading.Volatile.Read(ref _target) ?? Resolve();");
        source.AppendLine();
        source.Append("        private ").Append(typeName).AppendLine(" Resolve()");
        source.AppendLine("        {");
        source.AppendLine("            lock (_gate)");
        source.AppendLine("            {");
        source.Append("                return _target ??= (").Append(typeName).AppendLine(")_resolve();");
        source.AppendLine("            }");
        source.AppendLine("        }");
    }

    private static string Method(string owner, IMethodSymbol method)
    {
        var typeParameters = method.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", method.TypeParameters.Select(t => t.Name)) + ">";
        var returns = method.ReturnsByRef ? "ref " : method.ReturnsByRefReadonly ? "ref readonly " : "";
        var call = $"(({owner})Target).{Escape(method.Name)}{typeParameters}({Arguments(method.Parameters)})";
        return $"        {returns}{method.ReturnType.ToDisplayString(Format)} {owner}.{Escape(method.Name)}{typeParameters}({Parameters(method.Parameters)}){Constraints(method)} => "
            + $"{(method.ReturnsByRef || method.ReturnsByRefReadonly ? "ref " : "")}{call};\n";
    }

    // An explicit implementation inherits its constraints, but reads 'T?' as Nullable<T> unless told 'class' or 'default'.
    internal static string Constraints(IMethodSymbol method) =>
        string.Concat(method.TypeParameters.Select(t =>
            t.HasReferenceTypeConstraint ? $" where {t.Name} : class"
            : t.HasValueTypeConstraint || t.HasUnmanagedTypeConstraint ? ""
            : $" where {t.Name} : default"));

    private static string Property(string owner, IPropertySymbol property)
    {
        var type = property.Type.ToDisplayString(Format);
        var byRef = property.ReturnsByRef || property.ReturnsByRefReadonly;
        var prefix = property.ReturnsByRef ? "ref " : property.ReturnsByRefReadonly ? "ref readonly " : "";
        var name = property.IsIndexer ? $"this[{Parameters(property.Parameters)}]" : Escape(property.Name);
        var access = property.IsIndexer ? $"(({owner})Target)[{Arguments(property.Parameters)}]" : $"(({owner})Target).{Escape(property.Name)}";
        var accessors = new StringBuilder();
        if (property.GetMethod is not null)
        {
            accessors.Append(" get => ").Append(byRef ? "ref " : "").Append(access).Append(';');
        }

        if (property.SetMethod is not null)
        {
            accessors.Append(" set => ").Append(access).Append(" = value;");
        }

        return $"        {prefix}{type} {owner}.{name} {{{accessors} }}\n";
    }

    private static string Event(string owner, IEventSymbol @event)
    {
        var access = $"(({owner})Target).{Escape(@event.Name)}";
        return $"        event {@event.Type.ToDisplayString(Format)} {owner}.{Escape(@event.Name)} {{ add => {access} += value; remove => {access} -= value; }}\n";
    }

    internal static string Parameters(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters) =>
        string.Join(", ", parameters.Select(p => $"{Modifier(p)}{(p.IsParams ? "params " : "")}{p.Type.ToDisplayString(Format)} {Escape(p.Name)}"));

    internal static string Arguments(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters) =>
        string.Join(", ", parameters.Select(p => $"{(p.RefKind is RefKind.In or RefKind.RefReadOnlyParameter ? "in " : Modifier(p))}{Escape(p.Name)}"));

    private static string Modifier(IParameterSymbol parameter) => parameter.RefKind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        RefKind.RefReadOnlyParameter => "ref readonly ",
        _ => "",
    };

    internal static string Escape(string name) => "@" + name;

    // A C# identifier from a type's full name, with a hash of the name so that 'A.B_C' and 'A_B.C' stay apart.
    internal static string Identifier(string fullName)
    {
        var plain = new StringBuilder();
        foreach (var c in fullName.Replace("global::", ""))
        {
            plain.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        var hash = 2166136261u;
        foreach (var c in fullName)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return $"{plain}_{hash:x8}";
    }
}
