using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Sprig.Definitions;
using Sprig.Diagnostics;
using Sprig.Registry;

namespace Sprig;

/// <summary>
/// Holds component definitions until an <see cref="ApplicationContext"/> refreshes them; refresh freezes it.
/// </summary>
/// <example>
/// <code>
/// var registry = new PendingRegistry()
///     .Register&lt;EmailService&gt;()
///     .Register("hello_service", typeof(HelloService));
/// using var context = new ApplicationContext(registry);
/// context.Refresh();
/// </code>
/// </example>
public sealed class PendingRegistry
{
    private static readonly Lazy<PendingRegistry> Application = new(CreateApplicationRegistry, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lock _lock = new();
    private readonly List<ComponentDefinition> _definitions = [];
    private readonly List<ContainerException> _problems = [];
    private readonly List<Interop.OpenGenericRegistration> _openGenerics = [];
    private bool _frozen;
    private bool _reset;

    /// <summary>Initializes a private, initially empty registry.</summary>
    public PendingRegistry()
    {
    }

    /// <summary>
    /// Gets the process-wide registry. On first use it holds every attributed class of the application: the entry assembly and
    /// each application dependency that references Sprig.Core.
    /// </summary>
    public static PendingRegistry Instance => Application.Value;

    /// <summary>Gets the number of definitions registered (a <see cref="ConfigurationAttribute"/> class counts once per bean too).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _definitions.Count(d => !d.IsInfrastructure);
            }
        }
    }

    /// <summary>Gets whether a context has refreshed this registry; a frozen registry refuses registrations.</summary>
    public bool IsFrozen => Volatile.Read(ref _frozen);

    /// <summary>Empties <see cref="Instance"/> and unfreezes it. Test fixtures call this to start from a known state.</summary>
    public static void Reset()
    {
        var instance = Instance;
        lock (instance._lock)
        {
            instance._definitions.Clear();
            instance._problems.Clear();
            instance._openGenerics.Clear();
            Volatile.Write(ref instance._frozen, false);
            instance._reset = true;
        }
    }

    /// <summary>Gets whether <see cref="Reset"/> emptied this registry and nothing was registered since (for messages).</summary>
    internal bool EmptiedByReset
    {
        get
        {
            lock (_lock)
            {
                return _reset && _definitions.Count == 0 && _openGenerics.Count == 0;
            }
        }
    }

    /// <summary>Registers <typeparamref name="T"/>, honouring its attributes; a class without one becomes a singleton named after it.</summary>
    /// <typeparam name="T">The component class.</typeparam>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The registry is frozen.</exception>
    public PendingRegistry Register<[DynamicallyAccessedMembers(ComponentMembers.Kept)] T>() => Register(typeof(T));

    /// <summary>Registers a class, honouring its attributes; a class without one becomes a singleton named after it.</summary>
    /// <param name="type">The component class.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The registry is frozen.</exception>
    /// <exception cref="ContainerException">The type is not a concrete class.</exception>
    public PendingRegistry Register([DynamicallyAccessedMembers(ComponentMembers.Kept)] Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Add(type.Name, DefinitionReader.Read(type, explicitName: null));
    }

    /// <summary>Registers a class under an explicit name (SAGE's <c>register_service("hello_service", HelloService)</c>).</summary>
    /// <param name="name">The component name.</param>
    /// <param name="type">The component class.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The registry is frozen.</exception>
    public PendingRegistry Register(string name, [DynamicallyAccessedMembers(ComponentMembers.Kept)] Type type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(type);
        return Add(name, DefinitionReader.Read(type, name));
    }

    /// <summary>Registers an existing object as a singleton. The context never disposes it: its owner does.</summary>
    /// <param name="name">The component name.</param>
    /// <param name="instance">The object.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The registry is frozen.</exception>
    public PendingRegistry RegisterInstance(string name, object instance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(instance);
        return Add(name, [DefinitionReader.ForInstance(name, instance)]);
    }

    /// <summary>Registers every class of an assembly marked with <see cref="ComponentAttribute"/> or a derived attribute.</summary>
    /// <param name="assembly">The assembly to scan.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The registry is frozen.</exception>
    [RequiresUnreferencedCode(Generated.DynamicCode.Message)]
    public PendingRegistry Scan(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ThrowIfFrozen(assembly.GetName().Name ?? assembly.FullName ?? "assembly");
        foreach (var type in AssemblyScanner.FromRegistriesOrScanned([assembly]))
        {
            RegisterScanned(type);
        }

        return this;
    }

    /// <summary>
    /// Registers every <see cref="ServiceDescriptor"/> as a component (type, factory, instance, keyed, open generic), with
    /// Microsoft.Extensions.DependencyInjection's semantics: each answers only for its service type, the last registration wins a
    /// single resolution, and Singleton / Scoped / Transient map to Singleton / Request / Prototype.
    /// </summary>
    /// <param name="services">The service descriptors, e.g. an <see cref="IServiceCollection"/>.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The registry is frozen.</exception>
    public PendingRegistry RegisterServices(IEnumerable<ServiceDescriptor> services) => RegisterServices(services, hostConfiguration: null);

    /// <summary>Registers the descriptors as <see cref="RegisterServices(IEnumerable{ServiceDescriptor})"/> does, marking the host's own IConfiguration.</summary>
    internal PendingRegistry RegisterServices(IEnumerable<ServiceDescriptor> services, ServiceDescriptor? hostConfiguration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ThrowIfFrozen("services");
        lock (_lock)
        {
            var names = new HashSet<string>(_definitions.Select(d => d.Name), StringComparer.Ordinal);
            foreach (var descriptor in services)
            {
                var order = _definitions.Count + _openGenerics.Count;
                var name = Interop.DescriptorReader.NameOf(descriptor);
                for (var n = 2; !names.Add(name); n++)
                {
                    name = $"{Interop.DescriptorReader.NameOf(descriptor)}#{n}";
                }

                var (definition, openGeneric) = Interop.DescriptorReader.Read(descriptor, name, order, ReferenceEquals(descriptor, hostConfiguration));
                if (definition is not null)
                {
                    _definitions.Add(definition);
                }
                else
                {
                    _openGenerics.Add(openGeneric!);
                }
            }
        }

        return this;
    }

    internal (IReadOnlyList<ComponentDefinition> Definitions, IReadOnlyList<ContainerException> Problems, IReadOnlyList<Interop.OpenGenericRegistration> OpenGenerics) Freeze()
    {
        lock (_lock)
        {
            Volatile.Write(ref _frozen, true);
            return ([.. _definitions], [.. _problems], [.. _openGenerics]);
        }
    }

    /// <summary>
    /// Copies the registry: an unfrozen registry holding the same definitions (and registration problems), so that each host
    /// or test can add its own components without touching this one, even when this one is frozen.
    /// </summary>
    /// <returns>A new registry; later registrations in either one do not show in the other.</returns>
    /// <example>
    /// <code>
    /// var context = new ApplicationContext(PendingRegistry.Instance.Snapshot().Register&lt;TestClock&gt;(), configuration);
    /// </code>
    /// </example>
    public PendingRegistry Snapshot()
    {
        var copy = new PendingRegistry();
        lock (_lock)
        {
            copy._definitions.AddRange(_definitions);
            copy._problems.AddRange(_problems);
            copy._openGenerics.AddRange(_openGenerics);
        }

        return copy;
    }

    internal static PendingRegistry CreateApplicationRegistry()
    {
        var registry = new PendingRegistry();
        if (!Generated.DynamicCode.IsSupported)
        {
            // Without scanning (Native AOT) the application's components are the ones its generated registries announced.
            // Assemblies by name, as scanning orders them, not in the order their initializers happened to run; within one, the
            // registry's order (metadata tokens, scanning's order inside an assembly, do not exist under Native AOT).
            foreach (var component in Generated.GeneratedComponents.Assemblies.OrderBy(a => a.Assembly.FullName, StringComparer.Ordinal)
                .SelectMany(a => a.Components))
            {
                registry.RegisterScanned(component.Type);
            }

            return registry;
        }

        registry.ScanApplication();
        return registry;
    }

    [RequiresUnreferencedCode(Generated.DynamicCode.Message)]
    private void ScanApplication()
    {
        foreach (var type in AssemblyScanner.ApplicationComponentTypes())
        {
            RegisterScanned(type);
        }
    }

    // A class found by scanning that cannot be a component is reported by refresh, with every other problem.
    private void RegisterScanned([DynamicallyAccessedMembers(ComponentMembers.Kept)] Type type)
    {
        try
        {
            Register(type);
        }
        catch (ContainerException ex)
        {
            lock (_lock)
            {
                _problems.Add(ex);
            }
        }
    }

    private PendingRegistry Add(string name, IEnumerable<ComponentDefinition> definitions)
    {
        ThrowIfFrozen(name);
        var list = definitions.ToList();
        lock (_lock)
        {
            ThrowIfFrozen(name);
            _definitions.AddRange(list);
        }

        return this;
    }

    private void ThrowIfFrozen(string name)
    {
        if (IsFrozen)
        {
            throw new InvalidOperationException(Errors.RegistryFrozen(name));
        }
    }
}
