using Sprig.Definitions;
using Sprig.Resolution;

namespace Sprig.Diagnostics;

/// <summary>
/// Describes a running context's components for <see cref="ApplicationContext.Components"/>. Nothing is kept: each call reads
/// the table; dependencies are found when first read, and a singleton whose plan was slimmed after creation is planned again (planning reads, it creates nothing).
/// </summary>
internal static class ComponentInfos
{
    public static IReadOnlyList<ComponentInfo> Of(ComponentTable table)
    {
        var infos = new List<ComponentInfo>(table.Entries.Length);
        foreach (var entry in table.Entries)
        {
            var definition = entry.Definition;
            if (definition.IsInfrastructure)
            {
                continue;
            }

            infos.Add(new ComponentInfo(definition.Name, TypeOf(definition), definition.Scope, definition.Namespace, Origin(definition), new LazyDependencies(table, entry)));
        }

        return infos;
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

        private List<DependencyInfo> Items => LazyInitializer.EnsureInitialized(ref _items, () => Dependencies(table, entry));

        public DependencyInfo this[int index] => Items[index];

        public int Count => Items.Count;

        public IEnumerator<DependencyInfo> GetEnumerator() => Items.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static List<DependencyInfo> Dependencies(ComponentTable table, ComponentEntry entry)
    {
        var plan = entry.Plan;
        if (plan.Constructor is null && plan.FactoryMethod is null && entry.Definition.Kind is ComponentKind.Class or ComponentKind.Factory)
        {
            // A created singleton keeps only its [PreDestroy] methods: its links are found by planning it again.
            plan = table.Planner.Plan(entry, new Problems());
        }

        var dependencies = new List<DependencyInfo>();
        if (plan.FactoryOwner is ComponentDependency owner)
        {
            dependencies.Add(new DependencyInfo(owner.Target.Name, "bean-factory"));
        }

        foreach (var argument in plan.Arguments)
        {
            Add(argument);
        }

        foreach (var member in plan.Members)
        {
            Add(member.Dependency);
        }

        return dependencies;

        void Add(Dependency dependency)
        {
            switch (dependency)
            {
                case ComponentDependency direct:
                    dependencies.Add(new DependencyInfo(direct.Target.Name, direct.ByName ? "name" : direct.Target.Definition.FromDescriptor ? "framework" : "type"));
                    break;
                case LazyProxyDependency:
                    dependencies.AddRange(dependency.Links.Select(l => new DependencyInfo(l.Target.Name, "lazy")));
                    break;
                default:
                    dependencies.AddRange(dependency.Links.Select(l => new DependencyInfo(l.Target.Name, l.Lazy ? "lazy" : "collection")));
                    break;
            }
        }
    }
}
