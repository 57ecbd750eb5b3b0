using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig.Configuration;
using Sprig.Diagnostics;
using Sprig.Refresh;

namespace Sprig;

/// <summary>
/// The container: <see cref="Refresh"/> turns a <see cref="PendingRegistry"/> into a frozen, wired, running set of components
/// that are then resolved by name or type. After refresh, resolution is safe from any number of threads.
/// </summary>
/// <example>
/// <code>
/// using var context = new ApplicationContext();   // the application's attributed classes
/// context.Refresh();
/// var users = context.Get&lt;UserService&gt;();
/// var hello = (HelloService)context.Get("hello_service");
/// </code>
/// </example>
public sealed partial class ApplicationContext : IServiceProvider, IDisposable, IAsyncDisposable
{
    private readonly PendingRegistry _registry;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly bool _ownsLoggers;
    private readonly Lock _stateGate = new();
    private readonly ContainerException? _configurationError;
    private ComponentTable? _table;
    private ConditionReport? _report;
    private global::Sprig.Endpoints.EndpointCatalog _endpoints = global::Sprig.Endpoints.EndpointCatalog.Empty;
    private ContextState _state;
    private IEndpointServer[] _servers = [];
    private Task? _shutdown;

    /// <summary>Initializes a context over <see cref="PendingRegistry.Instance"/> with the default configuration.</summary>
    public ApplicationContext()
        : this(PendingRegistry.Instance)
    {
    }

    /// <summary>
    /// Initializes a context over a registry with the default configuration (<see cref="SprigConfiguration.CreateDefault"/>:
    /// appsettings.json, appsettings.{profile}.json, application.yaml, environment variables, command line).
    /// A malformed configuration file makes <see cref="Refresh"/> fail with the file, line and column.
    /// </summary>
    /// <param name="registry">The definitions to refresh.</param>
    public ApplicationContext(PendingRegistry registry)
        : this(registry, LoadDefaults())
    {
    }

    private ApplicationContext(PendingRegistry registry, (IConfiguration Configuration, ContainerException? Error) defaults)
        : this(registry, defaults.Configuration, null) => _configurationError = defaults.Error;

    /// <summary>Initializes a context over a registry with the given configuration; logging goes to the console.</summary>
    /// <param name="registry">The definitions to refresh.</param>
    /// <param name="configuration">The configuration <see cref="ValueAttribute"/> members and <see cref="GetProperty"/> read.</param>
    public ApplicationContext(PendingRegistry registry, IConfiguration configuration)
        : this(registry, configuration, null)
    {
    }

    /// <summary>Initializes a context over a registry with the given configuration and logger factory.</summary>
    /// <param name="registry">The definitions to refresh.</param>
    /// <param name="configuration">The configuration <see cref="ValueAttribute"/> members and <see cref="GetProperty"/> read.</param>
    /// <param name="loggerFactory">The logger factory components' loggers come from; <see langword="null"/> for the console. The context does not dispose it.</param>
    public ApplicationContext(PendingRegistry registry, IConfiguration configuration, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(configuration);
        _registry = registry;
        Configuration = configuration;
        _ownsLoggers = loggerFactory is null;
        _loggers = loggerFactory ?? DefaultLogging.Create(configuration);
        _logger = _loggers.CreateLogger("Sprig.ApplicationContext");
        Builtins = new Resolution.BuiltinServices(this, configuration, _loggers);
        Governor = new Governance.Governor(this, configuration, _loggers);
        Remote = new Remoting.RemoteEndpoints(configuration, Governor);
        RemoteProxies = new Remoting.RemoteProxies(Remote, Governor, Json);
        KeyedProxies = new Remoting.RemoteProxies(new Remoting.KeyedContractCalls(this), Governor, Json);
    }

    internal PendingRegistry Registry => _registry;

    /// <summary>
    /// Gets or sets whether resolving a scoped service descriptor from the root provider throws, as MS.DI's does with
    /// <see cref="ServiceProviderOptions.ValidateScopes"/> (set by <see cref="SprigServiceProviderFactory"/>); otherwise it lives
    /// in a root scope until the context shuts down, as MS.DI's does without validation.
    /// </summary>
    internal bool ValidateScopes { get; set; }

    /// <summary>
    /// Gets or sets whether refresh fails for a service descriptor whose dependencies nothing provides, as MS.DI's
    /// <see cref="ServiceProviderOptions.ValidateOnBuild"/> does (set by <see cref="SprigServiceProviderFactory"/>); otherwise it
    /// fails when resolved.
    /// </summary>
    internal bool ValidateOnBuild { get; set; }

    /// <summary>Gets the frozen component table while the context runs (for Sprig.Web), or null.</summary>
    internal ComponentTable? Table => _table;

    /// <summary>Gets the configuration of the context.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Gets why each conditional component is in or out. Empty until refresh has evaluated the conditions.</summary>
    public ConditionReport ConditionReport => _report ?? ConditionReport.Empty;

    /// <summary>Gets the active profiles: configuration key <c>profiles:active</c>, comma-separated.</summary>
    public IReadOnlySet<string> ActiveProfiles => Profiles.Active(Configuration);

    /// <summary>Gets the RPC endpoints refresh found: every [Endpoint] method of every component that is in. Empty until refresh.</summary>
    public IEndpointCatalog Endpoints => EndpointsCore;

    internal global::Sprig.Endpoints.EndpointCatalog EndpointsCore => _endpoints;

    /// <summary>Gets the life stage of the context.</summary>
    public ContextState State
    {
        get
        {
            lock (_stateGate)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// Validates every definition (reporting all problems at once), creates the singletons in dependency order, runs their
    /// [PostConstruct] and then [OnStart] hooks. On failure, disposes what it created and leaves <see cref="State"/> Failed.
    /// </summary>
    /// <exception cref="ContainerException">A definition is invalid or a component failed; the message names it and the path.</exception>
    /// <exception cref="InvalidOperationException">The context was refreshed before.</exception>
    public void Refresh() => RefreshAsync().GetAwaiter().GetResult();

    /// <inheritdoc cref="Refresh"/>
    /// <param name="cancellationToken">Cancels the [OnStart] phase.</param>
    /// <returns>A task that completes when the context is running.</returns>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        MoveTo(ContextState.Refreshing, from: ContextState.Created);
        if (_configurationError is not null)
        {
            DisposeLoggers();
            MoveTo(ContextState.Failed, from: ContextState.Refreshing);
            throw _configurationError;
        }

        _startup.Start();
        var stopwatch = Stopwatch.StartNew();
        var pipeline = new RefreshPipeline(new Planning.PlanServices(Configuration, _loggers, this), RemoteProxies, KeyedProxies);
        ComponentTable? table = null;
        using var traced = Telemetry.SprigTelemetry.StartRefresh();
        try
        {
            Prepared prepared;
            using (Telemetry.SprigTelemetry.StartRefresh("plan"))
            {
                prepared = pipeline.Prepare(_registry);
            }

            // The one hand-over: components being created may already resolve others and call endpoints through the context.
            (table, _report, _endpoints) = (prepared.Table, prepared.Report, prepared.Endpoints);
            _table = table;
            prepared.Endpoints.Govern(Governor);
            UseTransports(table);
            using (var create = Telemetry.SprigTelemetry.StartRefresh("create"))
            {
                pipeline.Instantiate(prepared);
                create?.SetTag("sprig.components", table.Entries.Length);
            }

            UseJsonResolvers(table, prepared.Endpoints);

            using (Telemetry.SprigTelemetry.StartRefresh("start"))
            using (_startup.Measure("start"))
            {
                // [OnStart] hooks and servers start work that outlives refresh (loops, subscriptions): like hosted services,
                // they start with no ambient activity, so that refresh's trace does not adopt everything they do later.
                var ambient = Activity.Current;
                Activity.Current = null;
                try
                {
                    await StartPhase.RunAsync(prepared.Order, prepared.Graph, cancellationToken).ConfigureAwait(false);
                    await StartServersAsync(table, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    Activity.Current = ambient;
                }
            }

            StartPhase.Finish(table);
            MoveTo(ContextState.Running, from: ContextState.Refreshing);
            pipeline.LogRefreshed(table, stopwatch.ElapsedMilliseconds);
        }
        catch (Exception ex)
        {
            Telemetry.SprigTelemetry.Failed(traced, ex);
            _table = null;
            _report ??= pipeline.Report;
            if (table is not null)
            {
                // What refresh built is destroyed; failures there are secondary to the one being thrown.
                await StopServersAsync().ConfigureAwait(false);
                await table.Lifetime.Singletons.DestroyAllAsync().ConfigureAwait(false);
            }

            Remote.Dispose();
            Governor.Dispose();

            DisposeLoggers();
            MoveTo(ContextState.Failed, from: ContextState.Refreshing);
            throw;
        }
        finally
        {
            _startup.Stop();
        }
    }

    /// <summary>Returns the component with the given name.</summary>
    /// <param name="name">The component name.</param>
    /// <returns>The component.</returns>
    /// <exception cref="ComponentNotFoundException">No component has that name; the message suggests the closest ones.</exception>
    public object Get(string name) => Entry(name).Resolve(null);

    /// <summary>Returns the component of type <typeparamref name="T"/> (its class or any interface it implements).</summary>
    /// <typeparam name="T">The type asked for.</typeparam>
    /// <returns>The component.</returns>
    /// <exception cref="ComponentNotFoundException">No component is a <typeparamref name="T"/>.</exception>
    /// <exception cref="ContainerException">Several components are, and the message lists them.</exception>
    public T Get<T>()
    {
        var table = _table;
        if (table?.SingleFor<T>() is { } entry)
        {
            return (T)entry.Resolve(null);
        }

        return (T)GetByTypeSlow(typeof(T));
    }

    /// <summary>Returns the component with the given name as a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type asked for.</typeparam>
    /// <param name="name">The component name.</param>
    /// <returns>The component.</returns>
    /// <exception cref="ComponentNotFoundException">No component has that name.</exception>
    /// <exception cref="ContainerException">The component is not a <typeparamref name="T"/>.</exception>
    public T Get<T>(string name)
    {
        var entry = Entry(name);
        if (entry.Definition.Kind == Definitions.ComponentKind.Class && !typeof(T).IsAssignableFrom(entry.Definition.Type))
        {
            throw new ContainerException(Errors.WrongType(name, entry.Definition.Type, typeof(T)), name, null);
        }

        return entry.Resolve(null) is T component
            ? component
            : throw new ContainerException(Errors.WrongType(name, entry.Definition.Type, typeof(T)), name, null);
    }

    /// <summary>Looks for the single component of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type asked for.</typeparam>
    /// <param name="component">The component, when exactly one matches.</param>
    /// <returns><see langword="true"/> when exactly one component is a <typeparamref name="T"/>.</returns>
    public bool TryGet<T>([MaybeNullWhen(false)] out T component)
    {
        var visible = Running().Find(typeof(T)).Where(e => !e.Definition.IsInfrastructure).ToList();
        if (visible.Count == 1)
        {
            component = (T)visible[0].Resolve(null);
            return true;
        }

        component = default;
        return false;
    }

    /// <summary>Tells whether a component has the given name.</summary>
    /// <param name="name">The component name.</param>
    /// <returns><see langword="true"/> when it is registered (and, once conditions apply, not excluded).</returns>
    public bool Contains(string name) => Running().ByName.ContainsKey(name);

    /// <summary>Returns every component of type <typeparamref name="T"/>, in registration order.</summary>
    /// <typeparam name="T">The type asked for.</typeparam>
    /// <returns>The components; empty when none matches.</returns>
    public IReadOnlyList<T> GetAll<T>()
    {
        var entries = Running().Find(typeof(T));
        var result = new List<T>(entries.Length);
        foreach (var entry in entries)
        {
            if (!entry.Definition.IsInfrastructure)
            {
                result.Add((T)entry.Resolve(null));
            }
        }

        return result;
    }

    /// <summary>Returns a configuration value; "a.b" and "a:b" are the same key.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The value, or <see langword="null"/> when the key is not set.</returns>
    public string? GetProperty(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ConfigurationKeys.Get(Configuration, key);
    }

    /// <summary>Opens a request scope: each Request component is created once in it and destroyed when it is disposed.</summary>
    /// <returns>The scope; resolve through its <see cref="IServiceScope.ServiceProvider"/>.</returns>
    public IServiceScope CreateScope() => new RequestScope(this, Running().RequestSlotCount);

    /// <summary>Returns the component of a type, or <see langword="null"/> when the context does not know it (the .NET container convention).</summary>
    /// <param name="serviceType">The type asked for.</param>
    /// <returns>The component; the last registered one when several match.</returns>
    public object? GetService(Type serviceType) => GetService(serviceType, null);

    /// <summary>Runs every [PreDestroy] hook and disposes every component, in reverse creation order.</summary>
    /// <exception cref="ContainerException">Some components failed to stop; all of them are listed, and all others were stopped.</exception>
    public void Shutdown() => ShutdownAsync().GetAwaiter().GetResult();

    /// <inheritdoc cref="Shutdown"/>
    /// <param name="cancellationToken">Not used to abandon shutdown half way; reserved for hosts that pass one.</param>
    /// <returns>A task that completes when every component is stopped.</returns>
    public async Task ShutdownAsync(CancellationToken cancellationToken = default)
    {
        // One shutdown runs; a concurrent call (a host's stop and a Dispose) waits for it instead of destroying components
        // while the first one still drains the servers' calls in flight.
        TaskCompletionSource? mine = null;
        Task? running;
        lock (_stateGate)
        {
            if (_shutdown is null && _state == ContextState.Running)
            {
                mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _shutdown = mine.Task;
            }

            running = _shutdown;
        }

        if (mine is null)
        {
            // Another call is draining the servers of the running context: wait for it, so that nothing is destroyed under the
            // calls in flight. Once it destroys components (Stopping), a nested call (a component disposing the context it lives
            // in, as a host does) returns at once, as it always has. A context that never ran stops at once.
            if (running is null || State != ContextState.Running)
            {
                await ShutdownOnceAsync().ConfigureAwait(false);
                return;
            }

            await running.ConfigureAwait(false);
            return;
        }

        try
        {
            await ShutdownOnceAsync().ConfigureAwait(false);
        }
        finally
        {
            mine.SetResult();
        }
    }

    private async Task ShutdownOnceAsync()
    {
        if (State == ContextState.Running)
        {
            // Servers stop taking calls and finish those in flight while every component is still alive.
            await StopServersAsync().ConfigureAwait(false);
        }

        ComponentTable? table;
        lock (_stateGate)
        {
            if (_state == ContextState.Created)
            {
                // Disposing a context that never ran: it can no longer be refreshed.
                _state = ContextState.Stopped;
                DisposeLoggers();
                return;
            }

            if (_state != ContextState.Running)
            {
                return;
            }

            _state = ContextState.Stopping;
            table = _table;

            // Resolution stops before anything is destroyed, so that no caller receives a destroyed component.
            _table = null;
        }

        var problems = await table!.Lifetime.Singletons.DestroyAllAsync().ConfigureAwait(false);
        Remote.Dispose();
        Governor.Dispose();
        DisposeLoggers();
        MoveTo(ContextState.Stopped, from: ContextState.Stopping);
        ThrowProblems(problems, Errors.ShutdownProblems);
    }

    /// <summary>Shuts the context down if it is running.</summary>
    public void Dispose() => Shutdown();

    /// <summary>Shuts the context down if it is running.</summary>
    /// <returns>A task that completes when every component is stopped.</returns>
    public async ValueTask DisposeAsync() => await ShutdownAsync().ConfigureAwait(false);

    internal static void ThrowProblems(List<ContainerException> problems, Func<IReadOnlyList<ContainerException>, string> summary)
    {
        if (problems.Count == 1)
        {
            throw problems[0];
        }

        if (problems.Count > 1)
        {
            throw new ContainerException(summary(problems), problems);
        }
    }

    private static (IConfiguration, ContainerException?) LoadDefaults()
    {
        try
        {
            return (SprigConfiguration.CreateDefault(), null);
        }
        catch (ContainerException ex)
        {
            return (new ConfigurationBuilder().Build(), ex);
        }
    }

    private ComponentEntry Entry(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var table = Running();
        if (table.ByName.TryGetValue(name, out var entry))
        {
            return entry;
        }

        if (table.ExclusionOf(name) is { } explanation)
        {
            throw new ComponentNotFoundException(Errors.ExcludedComponent(name, explanation), name, []);
        }

        if (_registry.EmptiedByReset)
        {
            throw new ComponentNotFoundException(Errors.RegistryWasReset($"No component named '{name}' is registered"), name, []);
        }

        var suggestions = NameSuggestions.For(name, table.PublicNames);
        throw new ComponentNotFoundException(Errors.NoComponentNamed(name, suggestions), name, suggestions);
    }

    private object GetByTypeSlow(Type type)
    {
        var table = Running();
        var entries = table.Find(type);
        var visible = entries.Where(e => !e.Definition.IsInfrastructure).ToList();
        return visible.Count switch
        {
            1 => visible[0].Resolve(null),
            0 => GetService(type, null) ?? RemoteProxy(type)
                ?? throw new ComponentNotFoundException(
                    _registry.EmptiedByReset
                        ? Errors.RegistryWasReset($"No component of type '{Errors.TypeName(type)}' is registered")
                        : Errors.NoComponentOfType(type, Errors.ExcludedHint(table.ExclusionsOf(type))),
                    Errors.TypeName(type), []),
            _ => throw new ContainerException(Errors.AmbiguousType(type, [.. visible.Select(e => e.Definition)])),
        };
    }

    private ComponentTable Running()
    {
        var table = _table;
        if (table is null)
        {
            // After shutdown the provider is disposed: MS.DI's ObjectDisposedException (an InvalidOperationException).
            ThrowHelper.NotRunning(State);
        }

        return table;
    }

    private void MoveTo(ContextState state, ContextState from)
    {
        lock (_stateGate)
        {
            if (_state != from)
            {
                throw new InvalidOperationException(Errors.AlreadyRefreshed(_state));
            }

            _state = state;
        }
    }

    private void DisposeLoggers()
    {
        if (_ownsLoggers)
        {
            _loggers.Dispose();
        }
    }
}
