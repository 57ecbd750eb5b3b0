using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sprig.Definitions;
using Sprig.Diagnostics;
using Sprig.Proxies;

namespace Sprig.Planning;

/// <summary>How an injection point finds what it receives: a [Value], a [Lazy] proxy, a component by name or by type, a collection, a built-in service.</summary>
internal sealed partial class Planner
{
    /// <summary>Resolves one injection point to the dependency that fills it; records a problem when it cannot.</summary>
    private Dependency Resolve(ComponentEntry owner, InjectionPoint point, Problems problems)
    {
        try
        {
            return ResolveOrThrow(owner, point, problems);
        }
        catch (ContainerException e)
        {
            // Generic code that cannot be made here (a value type, Lazy<T>, Func<T> under Native AOT): the owner's problem, with its path.
            problems.Add(owner, path => new ContainerException(Errors.UnresolvableDependency(owner.Name, point.Description, path, e.Message), owner.Name, path));
            return SkipDependency.Instance;
        }
    }

    private Dependency ResolveOrThrow(ComponentEntry owner, InjectionPoint point, Problems problems)
    {
        var name = owner.Name;

        if (point.Value is { } value)
        {
            return ValueKeys.Bind(value, name, point, services.Configuration, problems);
        }

        if (point.Lazy is { } lazy)
        {
            var lazyPoint = point with { Description = "[Lazy] " + point.Description, IsLazy = true };
            var target = lazy.Name is not null ? ByName(owner, lazyPoint, lazy.Name, problems) : ByType(owner, lazyPoint, point.Type, problems);
            if (target is null)
            {
                return SkipDependency.Instance;
            }

            // A generated proxy class serves the interface; else Castle makes one at run time, where it can.
            if (!LazyProxyFactory.IsGenerated(point.Type, Site(point, owner)))
            {
                if (!Generated.DynamicCode.IsSupported)
                {
                    // Only an interface gets a generated proxy class: for a class, enabling the generator would not help.
                    problems.Add(new ComponentCreationException(
                        point.Type.IsInterface
                            ? Errors.DynamicCodeUnavailable($"make the [Lazy] proxy of {point.Description} of '{name}'")
                            : Errors.NotProxyable(name, point.Description, point.Type, Errors.LazyClassNeedsDynamicCode(point.Type), Errors.LazyClassFix(point.Type)),
                        name, [name]));
                    return SkipDependency.Instance;
                }

                if (LazyProxies.WhyNotProxyable(point.Type) is { } why)
                {
                    problems.Add(new ComponentCreationException(Errors.NotProxyable(name, point.Description, point.Type, why.Reason, why.Fix), name, [name]));
                    return SkipDependency.Instance;
                }
            }

            return new LazyProxyDependency(target, point.Type);
        }

        if (point.ByName is { } byName)
        {
            var target = ByName(owner, point, byName.Name ?? point.InferredName, problems);
            if (target is null)
            {
                return Fallback(point);
            }

            if (DeferredType.Is(point.Type, out var inner, out var isLazy))
            {
                return isLazy ? GenericDependency.Lazy(inner, target) : GenericDependency.Func(inner, target);
            }

            return new ComponentDependency(target, byName: true);
        }

        return ByTypeDependency(owner, point, problems);
    }

    private Dependency ByTypeDependency(ComponentEntry owner, InjectionPoint point, Problems problems)
    {
        var type = point.Type;
        if (Builtin(owner, type) is { } builtin)
        {
            return builtin;
        }

        if (ElementType(type) is { } element)
        {
            return GenericDependency.All(element, [.. table.Find(element).Where(e => e != owner && !e.Definition.IsInfrastructure && !HostOnly(owner, e))]);
        }

        if (DeferredType.Is(type, out var inner, out var lazy))
        {
            var target = ByType(owner, point, inner, problems);
            if (target is null)
            {
                return Fallback(point);
            }

            return lazy ? GenericDependency.Lazy(inner, target) : GenericDependency.Func(inner, target);
        }

        var single = ByType(owner, point, type, problems);
        return single is null ? Fallback(point) : new ComponentDependency(single);
    }

    private static Dependency Fallback(InjectionPoint point) =>
        point.IsParameter ? new ConstantDependency(point.DefaultValue) : SkipDependency.Instance;

    private ComponentEntry? ByType(ComponentEntry owner, InjectionPoint point, Type type, Problems problems)
    {
        var candidates = table.Find(type).Where(e => e != owner && !HostOnly(owner, e)).ToList();
        if (candidates.Count > 1)
        {
            // Like Spring: among several candidates, the one named after the parameter or member wins.
            var named = candidates.Where(c => string.Equals(c.Name, point.InferredName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count == 1)
            {
                return named[0];
            }

            var visible = candidates.Where(c => !c.Definition.IsInfrastructure).ToList();
            if (visible.Count == 1)
            {
                return visible[0];
            }

            problems.Add(owner, path => new ContainerException(
                Errors.AmbiguousDependency(owner.Name, point.Description, type, [.. candidates.Select(c => c.Definition)], path, point.IsLazy), owner.Name, path));
            return null;
        }

        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        // An open generic service descriptor (ILogger<>, IOptions<>) closes for this type.
        if (candidates.Count == 0 && table.FindLast(type) is { } closed && closed != owner)
        {
            return closed;
        }

        if (!point.Optional)
        {
            var contract = Remoting.ContractInfo.Of(type);
            problems.Add(owner, path => new ComponentNotFoundException(
                contract is null
                    ? Errors.MissingByType(owner.Name, point.Description, type, path, Errors.ExcludedHint(table.ExclusionsOf(type)))
                    : Errors.ContractWithoutServer(owner.Name, point.Description, type, contract.Namespace, contract.Component, path),
                Errors.TypeName(type), [], owner.Name, path));
        }

        return null;
    }

    private ComponentEntry? ByName(ComponentEntry owner, InjectionPoint point, string name, Problems problems)
    {
        if (!table.ByName.TryGetValue(name, out var target))
        {
            if (!point.Optional)
            {
                var excluded = table.ExclusionOf(name);
                var suggestions = excluded is null ? NameSuggestions.For(name, table.PublicNames) : [];
                problems.Add(owner, path => new ComponentNotFoundException(
                    Errors.MissingByName(owner.Name, point.Description, name, suggestions, path, Errors.ExcludedHint(excluded is null ? [] : [excluded])),
                    name, suggestions, owner.Name, path));
            }

            return null;
        }

        var wanted = DeferredType.Unwrap(point.Type);
        if (!wanted.IsAssignableFrom(target.Definition.Type))
        {
            problems.Add(owner, path => new ContainerException(Errors.NamedWrongType(owner.Name, point.Description, target.Definition, wanted, path), owner.Name, path));
            return null;
        }

        return target;
    }

    /// <summary>
    /// The plan of a built-in service (<see cref="BuiltinServices"/>), unless a registered component provides the type. The host
    /// builder's own IConfiguration, when the context was made over another configuration, provides it only to the host's services
    /// (service descriptors): a component gets the context's configuration, which its conditions and [Value]s read. An
    /// IConfiguration the application registers is found last, and wins.
    /// </summary>
    private Dependency? Builtin(ComponentEntry owner, Type type) =>
        table.FindLast(type) is { } registered && registered != owner && !HostOnly(owner, registered) ? null : services.Builtins.Plan(type, owner);

    /// <summary>
    /// Tells whether <paramref name="candidate"/> is the host builder's own IConfiguration and <paramref name="owner"/> a component
    /// rather than one of the host's services (a descriptor): the component gets the context's configuration instead.
    /// </summary>
    private static bool HostOnly(ComponentEntry owner, ComponentEntry candidate) =>
        candidate.Definition.IsHostConfiguration && !owner.Definition.FromDescriptor;

    /// <summary>The module that declares an injection point: its parameter's method's, its member's, else the component class's.</summary>
    private static System.Reflection.Module Site(InjectionPoint point, ComponentEntry owner) => point.Attributes switch
    {
        System.Reflection.ParameterInfo parameter => parameter.Member.Module,
        System.Reflection.MemberInfo member => member.Module,
        _ => owner.Definition.Source.Module,
    };

    /// <summary>Returns T for IEnumerable&lt;T&gt;, IReadOnlyList&lt;T&gt;, IReadOnlyCollection&lt;T&gt;, ICollection&lt;T&gt;, IList&lt;T&gt; and T[].</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
            || definition == typeof(ICollection<>) || definition == typeof(IList<>)
            ? type.GetGenericArguments()[0]
            : null;
    }
}
