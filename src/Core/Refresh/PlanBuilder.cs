using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sprig.Configuration;
using Sprig.Definitions;
using Sprig.Diagnostics;
using Sprig.Proxies;

namespace Sprig.Refresh;

/// <summary>
/// Decides how each component is built: chooses its constructor or factory, resolves every injection point to a
/// <see cref="Dependency"/>, reads its lifecycle methods. Every problem is recorded, none thrown, so refresh reports all at once.
/// </summary>
internal sealed partial class PlanBuilder(ComponentTable table, IConfiguration configuration, ILoggerFactory loggers, ApplicationContext context, Problems problems)
{
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public void Build(ComponentEntry entry)
    {
        var definition = entry.Definition;
        if (definition.Kind == ComponentKind.Instance)
        {
            return;
        }

        if (definition.FromDescriptor && definition.Kind != ComponentKind.Class)
        {
            entry.Plan = new ComponentPlan { Stages = ["its factory delegate"] };
            return;
        }

        var stages = new List<string>();
        ConstructorInfo? constructor = null;
        Dependency? owner = null;
        var arguments = new List<Dependency>();
        if (definition.Kind == ComponentKind.Class)
        {
            constructor = definition.FromDescriptor ? SelectLongestSatisfiable(entry) : SelectConstructor(entry);
            stages.Add("its constructor");
            foreach (var parameter in constructor?.GetParameters() ?? [])
            {
                var point = InjectionPoint.ForParameter(parameter, "constructor");
                arguments.Add(definition.FromDescriptor ? ResolveService(entry, point, parameter) : Resolve(entry, point));
            }
        }
        else
        {
            var method = definition.FactoryMethod!;
            var isProvider = definition.FactoryDescription == "provider";
            stages.Add(isProvider ? $"provider '{Errors.TypeName(definition.Source)}'.Get()" : $"[Bean] method '{Errors.TypeName(definition.Source)}.{method.Name}'");
            if (definition.FactoryOwner is not null)
            {
                owner = new ComponentDependency(table.ByName[definition.FactoryOwner]);
            }

            foreach (var parameter in method.GetParameters())
            {
                arguments.Add(Resolve(entry, InjectionPoint.ForParameter(parameter, $"[Bean] method '{method.Name}'")));
            }
        }

        var type = definition.ImplementationType ?? definition.Type;
        var members = Members(entry, type);
        stages.AddRange(members.Select(m => $"injecting {m.Description}"));
        var postConstruct = Lifecycle<PostConstructAttribute>(entry, type, "PostConstruct", Errors.PostConstructRule, IsSimpleHook);
        stages.AddRange(postConstruct.Select(m => $"[PostConstruct] method '{m.Name}'"));
        var onStart = Lifecycle<OnStartAttribute>(entry, type, "OnStart", Errors.OnStartRule, IsStartHook);
        if (onStart.Count > 0 && definition.Scope != Scope.Singleton)
        {
            problems.Add(new ComponentCreationException(Errors.OnStartNeedsSingleton(definition, onStart[0]), definition.Name, [definition.Name]));
        }

        var preDestroy = Lifecycle<PreDestroyAttribute>(entry, type, "PreDestroy", Errors.PreDestroyRule, IsSimpleHook);
        entry.Plan = new ComponentPlan
        {
            Constructor = constructor,
            FactoryMethod = definition.FactoryMethod,
            FactoryOwner = owner,
            Arguments = [.. arguments],
            Members = [.. members],
            PostConstruct = [.. postConstruct],
            OnStart = [.. onStart],
            PreDestroy = [.. preDestroy],
            Stages = [.. stages],
            MayNeedDestroy = preDestroy.Count > 0 || ComponentPlan.TypeMayNeedDestroy(type, exact: definition.Kind == ComponentKind.Class),
        };
    }

    private ConstructorInfo? SelectConstructor(ComponentEntry entry)
    {
        var type = entry.Definition.ImplementationType!;
        var all = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        var marked = all.Where(c => c.IsDefined(typeof(InjectAttribute))).ToList();
        if (marked.Count == 1)
        {
            return marked[0];
        }

        if (marked.Count > 1)
        {
            problems.Add(new ComponentCreationException(Errors.SeveralInjectConstructors(entry.Definition, marked), entry.Name, [entry.Name]));
            return null;
        }

        var visible = all.Where(c => c.IsPublic).ToList();
        if (visible.Count == 1)
        {
            return visible[0];
        }

        if (visible.Count == 0)
        {
            problems.Add(new ComponentCreationException(Errors.NoPublicConstructor(entry.Definition), entry.Name, [entry.Name]));
            return null;
        }

        // Several public constructors and none marked: like Spring, the parameterless one is the default.
        var parameterless = visible.FirstOrDefault(c => c.GetParameters().Length == 0);
        if (parameterless is null)
        {
            problems.Add(new ComponentCreationException(Errors.SeveralConstructors(entry.Definition, visible), entry.Name, [entry.Name]));
        }

        return parameterless;
    }

    private List<MemberInjection> Members(ComponentEntry entry, Type type)
    {
        var result = new List<MemberInjection>();
        foreach (var level in Hierarchy(type))
        {
            // Fields and properties only: asking for every member would also make reflection build the level's methods,
            // constructors and nested types, which is most of planning's cost for a large graph.
            foreach (var member in level.GetFields(Declared).Concat<MemberInfo>(level.GetProperties(Declared)))
            {
                if (!IsInjected(member, out var optional))
                {
                    continue;
                }

                if (member is PropertyInfo { SetMethod: null } property)
                {
                    problems.Add(new ComponentCreationException(Errors.PropertyWithoutSetter(entry.Definition, property), entry.Name, [entry.Name]));
                    continue;
                }

                var memberType = member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
                var point = InjectionPoint.ForMember(member, memberType, optional);
                result.Add(new MemberInjection(member, memberType, Resolve(entry, point), point.Description));
            }
        }

        return result;
    }

    // IsDefined reads the metadata without creating attribute objects; most members carry none of these attributes.
    private static bool IsInjected(MemberInfo member, out bool optional)
    {
        optional = false;
        // One metadata check for the common case of a member without any attribute, instead of four.
        if (!member.IsDefined(typeof(Attribute), inherit: true))
        {
            return false;
        }

        if (member.IsDefined(typeof(InjectAttribute)) && member.GetCustomAttribute<InjectAttribute>() is { } inject)
        {
            optional = !inject.Required;
            return true;
        }

        if (member.IsDefined(typeof(InjectByNameAttribute)) && member.GetCustomAttribute<InjectByNameAttribute>() is { } byName)
        {
            optional = !byName.Required;
            return true;
        }

        // A [Value] member without its key keeps the class's own default.
        optional = member.IsDefined(typeof(ValueAttribute));
        return optional || member.IsDefined(typeof(LazyAttribute));
    }

    /// <summary>Resolves one injection point to the dependency that fills it; records a problem when it cannot.</summary>
    private Dependency Resolve(ComponentEntry owner, InjectionPoint point)
    {
        var attributes = point.Attributes;
        var name = owner.Name;

        if (Attribute<ValueAttribute>(attributes) is { } value)
        {
            var key = value.Key ?? $"{name}:{char.ToUpperInvariant(point.MemberName.TrimStart('_')[0])}{point.MemberName.TrimStart('_')[1..]}";
            try
            {
                if (ValueBinder.TryBind(configuration, key, point.Type, name, point.Description, out var bound)
                    || (value.Default is { } fallback && ValueBinder.TryBind(
                        new ConfigurationBuilder().AddInMemoryCollection([new(ConfigurationKeys.Normalize(key), fallback)]).Build(),
                        key, point.Type, name, point.Description, out bound)))
                {
                    return new ConstantDependency(bound);
                }
            }
            catch (ConfigurationBindingException ex)
            {
                problems.Add(ex);
                return SkipDependency.Instance;
            }

            if (point.Optional)
            {
                return point.Attributes is ParameterInfo ? new ConstantDependency(point.DefaultValue) : SkipDependency.Instance;
            }

            problems.Add(new ConfigurationBindingException(Errors.MissingValue(name, point.Description, ConfigurationKeys.Normalize(key)), name, ConfigurationKeys.Normalize(key), null, point.Type, null));
            return SkipDependency.Instance;
        }

        if (Attribute<LazyAttribute>(attributes) is { } lazy)
        {
            var lazyPoint = point with { Description = "[Lazy] " + point.Description };
            var target = lazy.Name is not null ? ByName(owner, lazyPoint, lazy.Name) : ByType(owner, lazyPoint, point.Type);
            if (target is null)
            {
                return SkipDependency.Instance;
            }

            if (LazyProxies.WhyNotProxyable(point.Type) is { } why)
            {
                problems.Add(new ComponentCreationException(Errors.NotProxyable(name, point.Description, point.Type, why.Reason, why.Fix), name, [name]));
                return SkipDependency.Instance;
            }

            return new LazyProxyDependency(target, point.Type);
        }

        if (Attribute<InjectByNameAttribute>(attributes) is { } byName)
        {
            var target = ByName(owner, point, byName.Name ?? point.InferredName);
            if (target is null)
            {
                return Fallback(point);
            }

            if (DeferredType.Is(point.Type, out var inner, out var isLazy))
            {
                return isLazy ? GenericDependency.Lazy(inner, target) : GenericDependency.Func(inner, target);
            }

            return new ComponentDependency(target);
        }

        return ByTypeDependency(owner, point);
    }

    private Dependency ByTypeDependency(ComponentEntry owner, InjectionPoint point)
    {
        var type = point.Type;
        if (ServiceBuiltin(owner, type) is { } service)
        {
            return service;
        }

        if (Builtin(owner, type) is { } builtin)
        {
            return new ConstantDependency(builtin);
        }

        if (ElementType(type) is { } element)
        {
            return GenericDependency.All(element, [.. table.Find(element).Where(e => e != owner && !e.Definition.IsInfrastructure)]);
        }

        if (DeferredType.Is(type, out var inner, out var lazy))
        {
            var target = ByType(owner, point, inner);
            if (target is null)
            {
                return Fallback(point);
            }

            return lazy ? GenericDependency.Lazy(inner, target) : GenericDependency.Func(inner, target);
        }

        var single = ByType(owner, point, type);
        return single is null ? Fallback(point) : new ComponentDependency(single);
    }

    private static Dependency Fallback(InjectionPoint point) =>
        point.Attributes is ParameterInfo ? new ConstantDependency(point.DefaultValue) : SkipDependency.Instance;

    private ComponentEntry? ByType(ComponentEntry owner, InjectionPoint point, Type type)
    {
        var candidates = table.Find(type).Where(e => e != owner).ToList();
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

            var lazy = point.Description.StartsWith("[Lazy]", StringComparison.Ordinal);
            problems.Add(owner, path => new ContainerException(
                Errors.AmbiguousDependency(owner.Name, point.Description, type, [.. candidates.Select(c => c.Definition)], path, lazy), owner.Name, path));
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

    private ComponentEntry? ByName(ComponentEntry owner, InjectionPoint point, string name)
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

    private object? Builtin(ComponentEntry owner, Type type)
    {
        // A registered component (an ILoggerFactory or IConfiguration from the host, an open generic ILogger<>) wins.
        if (table.FindLast(type) is { } registered && registered != owner)
        {
            return null;
        }

        if (type == typeof(IConfiguration))
        {
            return configuration;
        }

        if (type == typeof(ApplicationContext) || type == typeof(IServiceProvider))
        {
            return context;
        }

        if (type == typeof(ILoggerFactory))
        {
            return loggers;
        }

        if (type == typeof(ILogger))
        {
            return loggers.CreateLogger(owner.Definition.Type.FullName?.Replace('+', '.') ?? owner.Name);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ILogger<>) && table.Find(type).Length == 0)
        {
            return Activator.CreateInstance(typeof(Logger<>).MakeGenericType(type.GetGenericArguments()), loggers);
        }

        return null;
    }

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

    private List<MethodInfo> Lifecycle<TAttribute>(ComponentEntry entry, Type type, string attribute, string rule, Func<MethodInfo, bool> valid)
        where TAttribute : Attribute
    {
        var result = new List<MethodInfo>();
        foreach (var level in Hierarchy(type))
        {
            foreach (var method in level.GetMethods(Declared))
            {
                if (!method.IsDefined(typeof(TAttribute)) || result.Any(m => m.GetBaseDefinition() == method.GetBaseDefinition()))
                {
                    continue;
                }

                if (!valid(method))
                {
                    problems.Add(new ComponentCreationException(Errors.InvalidLifecycleMethod(entry.Definition, attribute, method, rule), entry.Name, [entry.Name]));
                    continue;
                }

                result.Add(method);
            }
        }

        return result;
    }

    private static bool IsSimpleHook(MethodInfo method) =>
        method.GetParameters().Length == 0 && !method.ContainsGenericParameters && (method.ReturnType == typeof(void) || method.ReturnType == typeof(Task));

    private static bool IsStartHook(MethodInfo method) =>
        typeof(Task).IsAssignableFrom(method.ReturnType) && !method.ContainsGenericParameters
        && method.GetParameters() is var p && (p.Length == 0 || (p.Length == 1 && p[0].ParameterType == typeof(CancellationToken)));

    /// <summary>Lists a type and its base classes, base first, so that base members are injected and base hooks run first.</summary>
    private static List<Type> Hierarchy(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        return chain;
    }

    private static T? Attribute<T>(ICustomAttributeProvider provider)
        where T : Attribute => provider.IsDefined(typeof(T), true) ? provider.GetCustomAttributes(typeof(T), true).OfType<T>().FirstOrDefault() : null;
}
