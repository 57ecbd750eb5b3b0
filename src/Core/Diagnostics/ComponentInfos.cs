using Sprig.Definitions;

namespace Sprig.Diagnostics;

/// <summary>
/// Describes a running context's components for <see cref="ApplicationContext.Components"/>. Nothing is kept: each call reads
/// the table; dependencies are found when first read, and a singleton whose plan was slimmed after creation is planned again
/// (planning reads, it creates nothing).
/// </summary>
/// <remarks>
/// Every entry of the table is listed, a provider's own instance ("&amp;name") included: its product's "bean-factory" link leads
/// to it, and its own dependencies hang off it. Components closed from open generic registrations on demand are not entries; a
/// link to one is a "framework" link named after its service type, as a link to a built-in service (the provider, the
/// configuration, loggers) is.
/// </remarks>
internal static class ComponentInfos
{
    public static IReadOnlyList<ComponentInfo> Of(ApplicationContext context, ComponentTable table)
    {
        var infos = new ComponentInfo[table.Entries.Length];
        for (var i = 0; i < infos.Length; i++)
        {
            infos[i] = Of(context, table, table.Entries[i]);
        }

        return infos;
    }

    public static ComponentInfo Of(ApplicationContext context, ComponentTable table, ComponentEntry entry)
    {
        var definition = entry.Definition;
        return new ComponentInfo(definition.Name, TypeOf(definition), definition.Scope, definition.Namespace, Origin(definition), new LazyDependencies(table, entry))
        {
            Live = new ComponentStateSource(context, entry),
        };
    }

    private static Type TypeOf(ComponentDefinition definition) =>
        definition.Instance?.GetType() ?? definition.ImplementationType ?? definition.Type;

    private static string Origin(ComponentDefinition definition) => definition switch
    {
        { RemoteContract: not null } => "remote contract",
        { FromDescriptor: true } => "service descriptor",
        { Kind: ComponentKind.Instance } => "instance",
        { Kind: ComponentKind.Factory, Factory: FactoryKind.Provider } => $"[Provider] {Errors.TypeName(definition.Source)}",
        { Kind: ComponentKind.Factory, FactoryMethod: { } method } => $"[Bean] {Errors.TypeName(method.DeclaringType!)}.{method.Name}",
        { Kind: ComponentKind.Class } when definition.Source.IsDefined(typeof(ComponentAttribute), inherit: false) => "attribute",
        _ => "registration",
    };

    /// <summary>A component's links, found on first read (most readers only want names and types; planning again costs).</summary>
    private sealed class LazyDependencies(ComponentTable table, ComponentEntry entry) : IReadOnlyList<DependencyInfo>
    {
        private List<DependencyInfo>? _items;

        private List<DependencyInfo> Items => LazyInitializer.EnsureInitialized(ref _items, () => [.. Links(table, entry).Select(l => new DependencyInfo(l.Component, l.Kind))]);

        public DependencyInfo this[int index] => Items[index];

        public int Count => Items.Count;

        public IEnumerator<DependencyInfo> GetEnumerator() => Items.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Returns a component's links in order: the owner of its factory, its constructor or factory arguments, its injected members.</summary>
    public static List<ComponentLink> Links(ComponentTable table, ComponentEntry entry)
    {
        var plan = entry.Plan;
        if (!plan.ByConstructor && plan.FactoryMethod is null && entry.Definition.Kind is ComponentKind.Class or ComponentKind.Factory)
        {
            // A created singleton keeps only its [PreDestroy] methods: its links are found by planning it again.
            plan = table.Planner.Plan(entry, new Problems());
        }

        var links = new List<ComponentLink>();
        if (plan.FactoryOwner is ComponentDependency owner)
        {
            links.Add(To(owner.Target, DependencyKinds.BeanFactory));
        }

        foreach (var argument in plan.Arguments)
        {
            Add(argument);
        }

        foreach (var member in plan.Members)
        {
            Add(member.Dependency);
        }

        return links;

        void Add(Dependency dependency)
        {
            switch (dependency)
            {
                case ComponentDependency direct:
                    links.Add(To(direct.Target, direct.ByName ? DependencyKinds.Name : direct.Target.Definition.FromDescriptor ? DependencyKinds.Framework : DependencyKinds.Type));
                    break;
                case ConstantDependency { Service: { } service }:
                    links.Add(new ComponentLink(service, DependencyKinds.Framework, null));
                    break;
                case ScopeProviderDependency provider:
                    links.Add(new ComponentLink(provider.Service, DependencyKinds.Framework, null));
                    break;
                case LazyProxyDependency lazy:
                    links.Add(To(lazy.Target, DependencyKinds.Lazy));
                    break;
                case GenericDependency:
                    foreach (var (target, lazy) in dependency.Links)
                    {
                        links.Add(To(target, lazy ? DependencyKinds.Lazy : DependencyKinds.Collection));
                    }

                    break;
            }
        }
    }

    // A component closed from an open generic registration is no entry of the table: the link names its service type.
    private static ComponentLink To(ComponentEntry target, string kind) =>
        target.Index >= 0
            ? new ComponentLink(target.Name, kind, target)
            : new ComponentLink(Errors.TypeName(target.Definition.Type), kind == DependencyKinds.Type ? DependencyKinds.Framework : kind, null);
}
