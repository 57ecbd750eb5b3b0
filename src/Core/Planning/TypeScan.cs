using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Sprig.Definitions;
using Sprig.Generated;

namespace Sprig.Planning;

/// <summary>
/// What a class's own metadata says about injection, read once per type and shared by every context that plans it (a test suite
/// refreshes the same types many times): the members that receive dependencies, and the lifecycle methods. Facts only; the
/// planner turns a bad one into a problem naming the component.
/// </summary>
internal sealed class TypeScan
{
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    // Kept from one refresh to the next, not for the life of the process (see MetadataCache).
    private static readonly MetadataCache<TypeScan> Cache = new();

    private static readonly Type[] LifecycleAttributes = [typeof(PostConstructAttribute), typeof(OnStartAttribute), typeof(PreDestroyAttribute)];

    private AttributedConstructor? _constructor;
    private (MethodInfo Method, EndpointAttribute Attribute)[]? _endpointMethods;
    private Remoting.ContractInfo[]? _contracts;
    private GeneratedCalls? _generated;

    private TypeScan([DynamicallyAccessedMembers(ComponentMembers.Kept)] Type type, ScannedMember[] members, MethodInfo[] postConstruct, MethodInfo[] onStart, MethodInfo[] preDestroy, BadHook[] badHooks)
    {
        Type = type;
        Members = members;
        PostConstruct = postConstruct;
        OnStart = onStart;
        PreDestroy = preDestroy;
        BadHooks = badHooks;
    }

    /// <summary>Gets the type scanned.</summary>
    [DynamicallyAccessedMembers(ComponentMembers.Kept)]
    public Type Type { get; }

    /// <summary>Gets the constructor Sprig's rule chooses for an attributed component of this class, with its injection points.</summary>
    public AttributedConstructor Constructor => _constructor ??= AttributedConstructor.Read(Type, Generated);

    /// <summary>Gets the [Endpoint] methods of the class and its base classes, base first; an override replaces what it overrides.</summary>
    public IReadOnlyList<(MethodInfo Method, EndpointAttribute Attribute)> EndpointMethods =>
        _endpointMethods ??= (Facts & ClassFacts.Endpoints) == 0 ? [] : Endpoints.EndpointCollector.AttributedMethods(Type);

    /// <summary>Gets what Sprig.Generator saw the class carry (<see cref="ClassFacts.Unknown"/> without the generator): the parts it has none of are not read.</summary>
    public ClassFacts Facts { get; private init; }

    /// <summary>Gets the contracts the type implements (or is, for an interface), itself first.</summary>
    public IReadOnlyList<Remoting.ContractInfo> Contracts => _contracts ??= ContractsOf(Type);

    /// <summary>Gets the calls Sprig.Generator emitted for the class (<see cref="GeneratedCalls.None"/> without the generator).</summary>
    public GeneratedCalls Generated => _generated ??= GeneratedCalls.Of(Type);

    /// <summary>Gets the class's own [ServiceKey], or null.</summary>
    public ServiceKeyAttribute? ServiceKey { get; private init; }

    /// <summary>Gets the fields and properties with an injection attribute, base class first.</summary>
    public ScannedMember[] Members { get; }

    /// <summary>Gets the valid [PostConstruct] methods, base class first, an override once.</summary>
    public MethodInfo[] PostConstruct { get; }

    /// <summary>Gets the valid [OnStart] methods.</summary>
    public MethodInfo[] OnStart { get; }

    /// <summary>Gets the valid [PreDestroy] methods.</summary>
    public MethodInfo[] PreDestroy { get; }

    /// <summary>Gets the lifecycle methods whose signature breaks their attribute's rule.</summary>
    public BadHook[] BadHooks { get; }

    /// <summary>Returns the scan of <paramref name="type"/>, reading its metadata the first time only.</summary>
    public static TypeScan Of([DynamicallyAccessedMembers(ComponentMembers.Kept)] Type type) => Cache.Get(type, Read);

    /// <summary>
    /// Returns the scan of a class the trimmer keeps no members of for Sprig (a [Bean] method's or a provider's product, an
    /// instance's class, a service descriptor's class): read only by the reflection fallback; where it is off, the empty scan.
    /// </summary>
    public static TypeScan OfUnannotated(Type type) => Sprig.Generated.DynamicCode.IsSupported ? OfAny(type) : Of(typeof(object));

    [RequiresUnreferencedCode(Sprig.Generated.DynamicCode.Message)]
    private static TypeScan OfAny(Type type) => Of(type);

    /// <summary>
    /// Returns the cache, for a refresh to hold while it runs: a young cache held only weakly would not survive the many small
    /// collections of a large refresh.
    /// </summary>
    public static object Hold() => Cache.Hold();

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Read is called only by Of, through the cache, with Of's annotated type.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The levels are the annotated type and its base classes: ComponentMembers.Kept keeps inherited members of every accessibility.")]
    private static TypeScan Read(Type type)
    {
        var facts = GeneratedComponents.FactsOf(type);
        var hierarchy = (facts & (ClassFacts.Members | ClassFacts.Hooks)) == 0 ? [] : Hierarchy(type);
        var members = new List<ScannedMember>();
        var hooks = new List<(Type Attribute, MethodInfo Method)>();
        foreach (var level in hierarchy)
        {
            // Fields and properties only: asking for every member would also make reflection build the level's methods,
            // constructors and nested types.
            var injectable = (facts & ClassFacts.Members) == 0 ? [] : level.GetFields(Declared).Concat<MemberInfo>(level.GetProperties(Declared));
            foreach (var member in injectable)
            {
                if (InjectionKind(member) is { } optional)
                {
                    var memberType = member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
                    members.Add(new ScannedMember(member, memberType, optional, member is PropertyInfo { SetMethod: null }, InjectionPoint.ForMember(member, memberType, optional)));
                }
            }

            foreach (var method in (facts & ClassFacts.Hooks) == 0 ? [] : level.GetMethods(Declared))
            {
                // One metadata check for the common method without attributes (inherited ones count: an override keeps its hook).
                if (!method.IsDefined(typeof(Attribute), inherit: true))
                {
                    continue;
                }

                foreach (var attribute in LifecycleAttributes)
                {
                    if (method.IsDefined(attribute))
                    {
                        hooks.Add((attribute, method));
                    }
                }
            }
        }

        var bad = new List<BadHook>();
        var serviceKey = (facts & ClassFacts.ServiceKey) != 0 && type.IsDefined(typeof(ServiceKeyAttribute), inherit: false) ? type.GetCustomAttribute<ServiceKeyAttribute>(inherit: false) : null;
        return new TypeScan(
            type,
            [.. members],
            Hooks(typeof(PostConstructAttribute), "PostConstruct", Diagnostics.Errors.PostConstructRule, IsSimpleHook),
            Hooks(typeof(OnStartAttribute), "OnStart", Diagnostics.Errors.OnStartRule, IsStartHook),
            Hooks(typeof(PreDestroyAttribute), "PreDestroy", Diagnostics.Errors.PreDestroyRule, IsSimpleHook),
            [.. bad])
        {
            ServiceKey = serviceKey,
            Facts = facts,
        };

        MethodInfo[] Hooks(Type attribute, string name, string rule, Func<MethodInfo, bool> valid)
        {
            var result = new List<MethodInfo>();
            foreach (var (kind, method) in hooks)
            {
                if (kind != attribute || result.Any(m => m.GetBaseDefinition() == method.GetBaseDefinition()))
                {
                    continue;
                }

                if (valid(method))
                {
                    result.Add(method);
                }
                else
                {
                    bad.Add(new BadHook(name, method, rule));
                }
            }

            return [.. result];
        }
    }

    private static Remoting.ContractInfo[] ContractsOf([DynamicallyAccessedMembers(ComponentMembers.Kept)] Type type)
    {
        var implemented = Remoting.ContractInfo.Implemented(type);
        return Remoting.ContractInfo.Of(type) is { } itself ? [itself, .. implemented] : [.. implemented];
    }

    /// <summary>Returns null for a member that receives nothing, else whether it is optional.</summary>
    private static bool? InjectionKind(MemberInfo member)
    {
        // IsDefined reads the metadata without creating attribute objects; most members carry no attribute at all.
        if (!member.IsDefined(typeof(Attribute), inherit: true))
        {
            return null;
        }

        if (member.IsDefined(typeof(InjectAttribute)) && member.GetCustomAttribute<InjectAttribute>() is { } inject)
        {
            return !inject.Required;
        }

        if (member.IsDefined(typeof(InjectByNameAttribute)) && member.GetCustomAttribute<InjectByNameAttribute>() is { } byName)
        {
            return !byName.Required;
        }

        // A [Value] member without its key keeps the class's own default.
        if (member.IsDefined(typeof(ValueAttribute)))
        {
            return true;
        }

        return member.IsDefined(typeof(LazyAttribute)) ? false : null;
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

    /// <summary>A field or property with an injection attribute.</summary>
    public sealed record ScannedMember(MemberInfo Member, Type Type, bool Optional, bool HasNoSetter, InjectionPoint Point);

    /// <summary>A lifecycle method whose signature breaks the rule of its attribute.</summary>
    public sealed record BadHook(string Attribute, MethodInfo Method, string Rule);
}
