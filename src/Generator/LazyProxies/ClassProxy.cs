using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.LazyProxies;

/// <summary>
/// A [Lazy] proxy of a class: a subclass that overrides every public member (all virtual, its base classes' included) to forward
/// it to the target, resolved on the first call. Made without running a constructor (the target runs the class's own), as
/// Castle's class proxies are, so it never needs the constructor's arguments. The generator makes one only where Castle's rule
/// holds and generated code can subclass the class; any other class target keeps Castle's proxy (under JIT).
/// </summary>
internal sealed class ClassProxy
{
    private readonly IMethodSymbol _constructor;
    private readonly List<ISymbol> _members;

    private ClassProxy(IMethodSymbol constructor, List<ISymbol> members)
    {
        _constructor = constructor;
        _members = members;
    }

    /// <summary>
    /// Returns the plan of a proxy of <paramref name="type"/> made in <paramref name="within"/>, or null when generated code cannot
    /// make one: a sealed, static, generic or record class; one without a constructor a subclass may call with plain arguments;
    /// one with a public member that is not virtual (or sealed), a member with an accessor that is not public or is init-only,
    /// or an abstract member that is not public.
    /// </summary>
    public static ClassProxy? For(INamedTypeSymbol type, IAssemblySymbol within)
    {
        if (type.IsSealed || type.IsStatic || type.IsRecord || type.IsGenericType || type.SpecialType != SpecialType.None
            || !ProxyModel.Nameable(type, within) || Constructor(type, within) is not { } constructor)
        {
            return null;
        }

        var members = new List<ISymbol>();
        var overridden = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.IsImplicitlyDeclared || member is not (IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol or IEventSymbol))
                {
                    continue;
                }

                var overridable = (member.IsVirtual || member.IsAbstract || member.IsOverride) && !member.IsSealed;
                if (member.DeclaredAccessibility != Accessibility.Public)
                {
                    if (member.IsAbstract && !overridden.Contains(member))
                    {
                        return null; // a subclass must implement it, and cannot forward it
                    }

                    continue;
                }

                if (!overridable || !PublicAccessors(member))
                {
                    return null;
                }

                if (overridden.Add(member))
                {
                    members.Add(member);
                }

                for (var @base = Overridden(member); @base is not null; @base = Overridden(@base))
                {
                    overridden.Add(@base);
                }
            }
        }

        return new ClassProxy(constructor, members);
    }

    /// <summary>Returns the proxy class's source.</summary>
    public string Source(string className, string proxyName)
    {
        var source = new StringBuilder();
        Emitting.ProxyClassHeader.Append(source, "[Lazy] proxy", className,
            "a subclass made without running a constructor; resolves its target on the first call, once, then forwards every member to it.", proxyName);
        source.AppendLine("        private global::System.Func<object> _resolve;");
        source.AppendLine("        private object _gate;");
        source.Append("        private ").Append(className).AppendLine("? _target;");
        source.AppendLine();
        source.AppendLine("        // Never runs: Create makes the proxy without a constructor, so the class's own runs only for the target.");
        var arguments = string.Join(", ", _constructor.Parameters.Select(p => $"default({p.Type.ToDisplayString(ProxyModel.Format)})!"));
        source.Append("        private ").Append(proxyName).Append("() : base(").Append(arguments).AppendLine(")");
        source.AppendLine("        {");
        source.AppendLine("            _resolve = null!;");
        source.AppendLine("            _gate = null!;");
        source.AppendLine("        }");
        source.AppendLine();
        source.Append("        public static ").Append(className).AppendLine(" Create(global::System.Func<object> resolve)");
        source.AppendLine("        {");
        source.Append("            var proxy = (").Append(proxyName).Append(")global::System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(")
            .Append(proxyName).AppendLine("));");
        source.AppendLine("            proxy._resolve = resolve;");
        source.AppendLine("            proxy._gate = new object();");
        source.AppendLine("            return proxy;");
        source.AppendLine("        }");
        source.AppendLine();
        ProxyModel.AppendTarget(source, className);
        foreach (var member in _members)
        {
            source.AppendLine();
            source.Append(member switch
            {
                IMethodSymbol method => Method(method),
                IPropertySymbol property => Property(property),
                _ => Event((IEventSymbol)member),
            });
        }

        source.AppendLine("    }");
        return source.ToString();
    }

    // A constructor a subclass in 'within' may call, with plain parameters (no ref, out, in, pointers): the one with fewest.
    private static IMethodSymbol? Constructor(INamedTypeSymbol type, IAssemblySymbol within)
    {
        var sameAssembly = SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, within) || type.ContainingAssembly.GivesAccessTo(within);
        return type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
                || (sameAssembly && c.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedAndInternal))
            .Where(c => c.Parameters.All(p => p.RefKind == RefKind.None && p.Type is not (IPointerTypeSymbol or IFunctionPointerTypeSymbol) && !p.Type.IsRefLikeType
                && ProxyModel.Nameable(p.Type, within)))
            .OrderBy(c => c.Parameters.Length)
            .FirstOrDefault();
    }

    // Every accessor public and none init-only (an init accessor cannot be called on the target), across the override chain.
    private static bool PublicAccessors(ISymbol member) => member switch
    {
        IPropertySymbol property => Accessors(property).All(a => a.DeclaredAccessibility == Accessibility.Public && !a.IsInitOnly),
        _ => true,
    };

    private static IEnumerable<IMethodSymbol> Accessors(IPropertySymbol property)
    {
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if (current.GetMethod is { } get)
            {
                yield return get;
            }

            if (current.SetMethod is { } set)
            {
                yield return set;
            }
        }
    }

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        IEventSymbol @event => @event.OverriddenEvent,
        _ => null,
    };

    private static string Method(IMethodSymbol method)
    {
        var typeParameters = method.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", method.TypeParameters.Select(t => t.Name)) + ">";
        var byRef = method.ReturnsByRef || method.ReturnsByRefReadonly;
        var returns = method.ReturnsByRef ? "ref " : method.ReturnsByRefReadonly ? "ref readonly " : "";
        return $"        public override {returns}{method.ReturnType.ToDisplayString(ProxyModel.Format)} {ProxyModel.Escape(method.Name)}{typeParameters}({ProxyModel.Parameters(method.Parameters)}){ProxyModel.Constraints(method)} => "
            + $"{(byRef ? "ref " : "")}Target.{ProxyModel.Escape(method.Name)}{typeParameters}({ProxyModel.Arguments(method.Parameters)});\n";
    }

    private static string Property(IPropertySymbol property)
    {
        var accessors = Accessors(property).ToList();
        var get = accessors.Any(a => a.MethodKind == MethodKind.PropertyGet);
        var set = accessors.Any(a => a.MethodKind == MethodKind.PropertySet);
        var byRef = property.ReturnsByRef || property.ReturnsByRefReadonly;
        var prefix = property.ReturnsByRef ? "ref " : property.ReturnsByRefReadonly ? "ref readonly " : "";
        var name = property.IsIndexer ? $"this[{ProxyModel.Parameters(property.Parameters)}]" : ProxyModel.Escape(property.Name);
        var access = property.IsIndexer ? $"Target[{ProxyModel.Arguments(property.Parameters)}]" : $"Target.{ProxyModel.Escape(property.Name)}";
        var body = new StringBuilder();
        if (get)
        {
            body.Append(" get => ").Append(byRef ? "ref " : "").Append(access).Append(';');
        }

        if (set)
        {
            body.Append(" set => ").Append(access).Append(" = value;");
        }

        return $"        public override {prefix}{property.Type.ToDisplayString(ProxyModel.Format)} {name} {{{body} }}\n";
    }

    private static string Event(IEventSymbol @event)
    {
        var access = $"Target.{ProxyModel.Escape(@event.Name)}";
        return $"        public override event {@event.Type.ToDisplayString(ProxyModel.Format)} {ProxyModel.Escape(@event.Name)} {{ add => {access} += value; remove => {access} -= value; }}\n";
    }
}
