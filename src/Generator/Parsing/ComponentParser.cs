using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sprig.Generator.Model;

namespace Sprig.Generator.Parsing;

/// <summary>
/// Reads one attributed class into its <see cref="ComponentSpec"/>, with the runtime's rules (src/Core/Planning/TypeScan.cs,
/// Registry/DefinitionReader.cs, Endpoints/EndpointCollector.cs): what the runtime would call, the generator gives a delegate
/// for; what generated code cannot name is left out and the runtime falls back to reflection for it. Never reports: invalid
/// code is the analyzers' business.
/// </summary>
internal static class ComponentParser
{
    /// <summary>Returns the spec of <paramref name="type"/>, or null when generated code cannot create it.</summary>
    public static ComponentSpec? Parse(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellation)
    {
        // Open generic classes (a type parameter of their own or of a containing type) are closed by the runtime at run time.
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || TypeHierarchy.IsGeneric(type)
            || !TypeNames.CanName(type, compilation) || Symbols.IsObsoleteError(type))
        {
            return null;
        }

        // Base class first: base members are injected and base hooks run first.
        var hierarchy = TypeHierarchy.BaseFirst(type);
        var context = new Context(type, compilation);
        var experimental = new SortedSet<string>(System.StringComparer.Ordinal);
        ExperimentalIds.Add(experimental, type);
        var members = new List<MemberSpec>();
        var methods = new List<MethodSpec>();
        foreach (var level in hierarchy)
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var member in level.GetMembers())
            {
                switch (member)
                {
                    case IFieldSymbol or IPropertySymbol when Symbols.IsInjected(member) && context.Member(member) is { } spec:
                        members.Add(spec);
                        ExperimentalIds.Add(experimental, member);
                        ExperimentalIds.Add(experimental, member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type);
                        break;
                    case IMethodSymbol method when IsCalled(method, type, level) && context.Method(method) is { } spec:
                        methods.Add(spec);
                        ExperimentalIds.AddMethod(experimental, method);
                        break;
                }
            }
        }

        if (context.ProviderGet() is { } get)
        {
            methods.Add(get);
        }

        var constructors = context.Constructors(out var chosen, experimental);
        return new ComponentSpec(
            TypeNames.Of(type),
            new EquatableArray<ConstructorSpec>(constructors),
            new EquatableArray<MemberSpec>(members),
            new EquatableArray<MethodSpec>(methods),
            FactsReader.Of(type, hierarchy, compilation),
            chosen,
            AttributeSource.Of(type, compilation),
            new EquatableArray<string>(experimental));
    }

    /// <summary>
    /// Tells whether the runtime calls <paramref name="method"/>: a lifecycle hook or endpoint (static ones too) declared on any
    /// level (an override keeps its base's attribute), or a [Bean] method of a [Configuration] class (its own, static ones too, or an
    /// inherited non-private instance one).
    /// </summary>
    private static bool IsCalled(IMethodSymbol method, INamedTypeSymbol component, INamedTypeSymbol level)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsGenericMethod)
        {
            return false;
        }

        // An endpoint may be static (the runtime calls it without an instance); lifecycle hooks may not.
        if (Symbols.HasInherited(method, Symbols.Endpoint) || (!method.IsStatic && (Symbols.HasInherited(method, Symbols.PostConstruct)
            || Symbols.HasInherited(method, Symbols.OnStart) || Symbols.HasInherited(method, Symbols.PreDestroy))))
        {
            return true;
        }

        var own = SymbolEqualityComparer.Default.Equals(level, component);
        return Symbols.IsConfiguration(component) && Symbols.HasInherited(method, Symbols.Bean)
            && (own || (!method.IsStatic && method.DeclaredAccessibility != Accessibility.Private));
    }

    /// <summary>The class being read, and what reading its members needs.</summary>
    private sealed class Context(INamedTypeSymbol type, Compilation compilation)
    {
        /// <summary>Returns the constructors generated code calls, and the index among them of Sprig's plain choice (or -1).</summary>
        public List<ConstructorSpec> Constructors(out int chosen, ISet<string> experimental)
        {
            var result = new List<ConstructorSpec>();
            var plain = ConstructorChoice.Plain(type);
            chosen = -1;
            var required = HasRequiredMembers(type);
            foreach (var constructor in type.InstanceConstructors)
            {
                var marked = Symbols.Has(constructor, Symbols.Inject);
                if ((constructor.DeclaredAccessibility != Accessibility.Public && !marked) || Symbols.IsObsoleteError(constructor)
                    || Parameters(constructor) is not { } parameters)
                {
                    continue;
                }

                // A constructor that leaves required members unset cannot be called with 'new' (CS9035); the accessor can.
                var setsRequired = constructor.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == Symbols.SetsRequiredMembers);
                ExperimentalIds.AddMethod(experimental, constructor);
                if (SymbolEqualityComparer.Default.Equals(constructor, plain))
                {
                    chosen = result.Count;
                }

                result.Add(new ConstructorSpec(parameters, !Accessible(constructor) || (required && !setsRequired), new EquatableArray<string>(constructor.Parameters.Select(p => p.Name))));
            }

            return result;
        }

        public MemberSpec? Member(ISymbol member)
        {
            if (member.IsStatic || Symbols.IsObsoleteError(member) || !TypeNames.CanName(member.ContainingType, compilation))
            {
                return null;
            }

            var declaring = TypeNames.Of(member.ContainingType);
            switch (member)
            {
                case IFieldSymbol field when field.RefKind == RefKind.None && !field.IsConst && TypeNames.CanName(field.Type, compilation):
                    var writable = Accessible(field) && !field.IsReadOnly;
                    return Reachable(writable, field.ContainingType)
                        ? new MemberSpec(field.Name, declaring, TypeNames.Of(field.Type), writable ? MemberAccess.Assign : MemberAccess.FieldAccessor)
                        : null;
                case IPropertySymbol { SetMethod: { } setter, IsIndexer: false } property
                    when property.ReturnsByRef is false && property.ReturnsByRefReadonly is false && TypeNames.CanName(property.Type, compilation):
                    // The runtime calls the setter, whatever its accessibility (init too); a get-only property is its error to report.
                    var assignable = Accessible(property) && Accessible(setter) && !setter.IsInitOnly;
                    return Reachable(assignable, property.ContainingType)
                        ? new MemberSpec(property.Name, declaring, TypeNames.Of(property.Type), assignable ? MemberAccess.Assign : MemberAccess.SetterAccessor)
                        : null;
                default:
                    return null;
            }
        }

        public MethodSpec? Method(IMethodSymbol declared)
        {
            var method = MostDerived(declared);
            if (Symbols.IsObsoleteError(method) || method.IsAbstract || method.ReturnsByRef || method.ReturnsByRefReadonly
                || !TypeNames.CanName(declared.ContainingType, compilation) || !TypeNames.CanName(method.ContainingType, compilation)
                || Parameters(method) is not { } parameters)
            {
                return null;
            }

            string? returns = null;
            if (!method.ReturnsVoid)
            {
                if (!TypeNames.CanName(method.ReturnType, compilation))
                {
                    return null;
                }

                returns = TypeNames.Of(method.ReturnType);
            }

            var accessible = Accessible(method);
            var endpoint = Symbols.HasInherited(method, Symbols.Endpoint);
            var (resultOf, streams) = endpoint ? AdaptedResult(method.ReturnType) : (null, false);
            var contracts = endpoint && !method.IsStatic
                ? new EquatableArray<string>(TypeHierarchy.Implemented(type, method).Where(i => TypeNames.CanName(i, compilation)).Select(TypeNames.Of))
                : default;
            return Reachable(accessible, method.ContainingType)
                ? new MethodSpec(method.Name, TypeNames.Of(declared.ContainingType), parameters, returns, method.IsStatic, !accessible, TypeNames.Of(method.ContainingType),
                    resultOf, streams, contracts)
                : null;
        }

        /// <summary>
        /// Returns T of an endpoint's <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c> (and whether it streams),
        /// also of a class or interface implementing <c>IAsyncEnumerable&lt;T&gt;</c> (once: one with two item types is not a stream):
        /// reading such a result at run time takes generic code, so the generated call hands it over boxed instead.
        /// </summary>
        private (string? ResultOf, bool Streams) AdaptedResult(ITypeSymbol returns)
        {
            if (returns is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
            {
                var item = TypeNames.Of(named.TypeArguments[0]);
                switch (named.OriginalDefinition.ToDisplayString())
                {
                    case Symbols.TaskOfT or Symbols.ValueTaskOfT:
                        return (item, false);
                    case Symbols.AsyncEnumerable:
                        return (item, true);
                }
            }

            // As the runtime under JIT: a Task is awaited, never enumerated.
            if (IsTask(returns))
            {
                return (null, false);
            }

            var streams = returns.AllInterfaces.Where(i => i.OriginalDefinition.ToDisplayString() == Symbols.AsyncEnumerable).ToList();
            return streams.Count == 1 && TypeNames.CanName(streams[0].TypeArguments[0], compilation) ? (TypeNames.Of(streams[0].TypeArguments[0]), true) : (null, false);
        }

        private static bool IsTask(ITypeSymbol type)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (t.ToDisplayString() == Symbols.Task)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A provider's <c>IProvider&lt;T&gt;.Get</c>, the factory method the runtime calls for its product.</summary>
        public MethodSpec? ProviderGet()
        {
            var provider = type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.ToDisplayString() == Symbols.Provider);
            return provider is not null && TypeNames.CanName(provider, compilation)
                ? new MethodSpec("Get", TypeNames.Of(provider), EquatableArray<string>.Empty, TypeNames.Of(provider.TypeArguments[0]), IsStatic: false, Accessor: false, TypeNames.Of(provider))
                : null;
        }

        /// <summary>Returns the override of a virtual method that the component's instances run: its most derived one.</summary>
        private IMethodSymbol MostDerived(IMethodSymbol method)
        {
            if (!method.IsVirtual && !method.IsOverride && !method.IsAbstract)
            {
                return method;
            }

            for (var t = type; t is not null && !SymbolEqualityComparer.Default.Equals(t, method.ContainingType); t = t.BaseType)
            {
                foreach (var candidate in t.GetMembers(method.Name).OfType<IMethodSymbol>())
                {
                    for (var overridden = candidate.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method.OriginalDefinition))
                        {
                            return candidate;
                        }
                    }
                }
            }

            return method;
        }

        private EquatableArray<string>? Parameters(IMethodSymbol method)
        {
            var result = new string[method.Parameters.Length];
            for (var i = 0; i < result.Length; i++)
            {
                var parameter = method.Parameters[i];
                if (parameter.RefKind != RefKind.None || !TypeNames.CanName(parameter.Type, compilation))
                {
                    return null; // ref, out, in, pointers and ref structs cannot come out of an object[]: the runtime reports them
                }

                result[i] = TypeNames.Of(parameter.Type);
            }

            return new EquatableArray<string>(result);
        }

        private bool Accessible(ISymbol symbol) => compilation.IsSymbolAccessibleWithin(symbol, compilation.Assembly);

        /// <summary>
        /// An [UnsafeAccessor] finds a member of a generic type only from a generic accessor with matching type parameters; a
        /// member of a constructed generic base class that is not accessible is left to reflection.
        /// </summary>
        private static bool Reachable(bool accessible, INamedTypeSymbol declaring) => accessible || !TypeHierarchy.IsGeneric(declaring);

        private static bool HasRequiredMembers(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (t.GetMembers().Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
