using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Sprig.Diagnostics;
using Sprig.Hosting;
using Sprig.Refresh;
using Sprig.Remoting;
using Sprig.Telemetry;

namespace Sprig.Endpoints;

/// <summary>
/// The endpoints refresh found, looked up by address (exactly, or ignoring case when that is unambiguous), and the in-process
/// calls: bind the JSON arguments, open a scope for a Prototype or Request component, call the compiled invoker, dispose the scope.
/// </summary>
internal sealed class EndpointCatalog : IEndpointCatalog
{
    /// <summary>The <c>sprig.transport</c> of a call made in this process.</summary>
    public const string InProcess = "in-process";

    public static readonly EndpointCatalog Empty = new(null, []);

    private readonly ApplicationContext? _context;
    private readonly CompiledEndpoint[] _endpoints;
    private ComponentTable? _table;
    private readonly FrozenDictionary<string, CompiledEndpoint> _exact;
    private readonly FrozenDictionary<string, CompiledEndpoint> _ignoringCase;

    private EndpointCatalog(ApplicationContext? context, List<CompiledEndpoint> all)
    {
        _context = context;
        // Keyed implementations of one address are one entry of the catalog: the first, which picks among them per call.
        var endpoints = new List<CompiledEndpoint>();
        foreach (var group in all.GroupBy(e => e.Address, StringComparer.Ordinal))
        {
            var first = group.First();
            if (first.Descriptor.ServiceKey is not null)
            {
                first.Keyed = new KeyedEndpoints([.. group]);
            }

            endpoints.Add(first);
        }

        _endpoints = [.. endpoints];
        _exact = endpoints.ToFrozenDictionary(e => e.Address, StringComparer.Ordinal);
        _ignoringCase = endpoints.GroupBy(e => e.Address, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _endpoints.Length;

    /// <summary>Collects and compiles the endpoints of the components in <paramref name="table"/>; problems go to <paramref name="problems"/>.</summary>
    /// <remarks>Reads what the code declares about governance too (<see cref="Declared"/>); nothing is configured until <see cref="Govern"/>.</remarks>
    public static EndpointCatalog Build(ApplicationContext context, ComponentTable table, Problems problems)
    {
        var collector = new EndpointCollector(table, problems);
        var endpoints = collector.Collect();
        return new(context, endpoints) { Declared = collector.Governance(endpoints), _table = table };
    }

    /// <summary>Gets the governance the code declares for each address (attributes and [Fallback]s), read at refresh.</summary>
    public FrozenDictionary<string, Governance.EndpointGovernance> Declared { get; private init; } = FrozenDictionary<string, Governance.EndpointGovernance>.Empty;

    /// <summary>Hands the declared governance to the context's governor, with the clock and the fallbacks of this catalog's table: when the context adopts the catalog.</summary>
    public void Govern(Governance.Governor governor)
    {
        var table = _table ?? throw new InvalidOperationException("Only a catalog built by refresh governs calls.");
        governor.Use(
            Declared,
            () => table.Find(typeof(TimeProvider)) is [.., var clock] ? (TimeProvider)clock.Resolve(null) : TimeProvider.System,
            (address, type, shape) => EndpointCollector.CompileFallbackNow(table, address, type, shape));
    }

    public EndpointDescriptor? Find(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Lookup(address)?.Descriptor;
    }

    // A call of a local endpoint by its address is traced as a client call in this process and governed (retries, breaker,
    // timeout, fallback) as any call; a remote address is traced and governed on the transport's side of it (RemoteEndpoints).
    // (The traced paths are methods of their own: a lambda's captures would otherwise be allocated on every call.)
    public Task<JsonElement> InvokeAsync(string address, JsonElement arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Lookup(address) is not { } endpoint)
        {
            return InvokeAsync(address, arguments, null, cancellationToken);
        }

        return SprigTelemetry.Enabled ? TracedClientAsync(endpoint, arguments, cancellationToken) : GovernedAsync(endpoint, arguments, cancellationToken);
    }

    public IAsyncEnumerable<JsonElement> StreamAsync(string address, JsonElement arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Lookup(address) is not { } endpoint)
        {
            return StreamAsync(address, arguments, null, cancellationToken);
        }

        return SprigTelemetry.Enabled ? TracedClientStream(endpoint, arguments, cancellationToken) : Governed(endpoint, arguments, cancellationToken);
    }

    /// <summary>Serves a call a host or transport received (see <see cref="IEndpointCatalog.InvokeAsync(EndpointInvocation, CancellationToken)"/>).</summary>
    public Task<JsonElement> InvokeAsync(EndpointInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return InvokeAsync(invocation.Address, invocation.Arguments, ScopeOf(invocation), cancellationToken, invocation.Parent, invocation.Transport ?? InProcess);
    }

    /// <summary>Serves a stream a host or transport received (see <see cref="IEndpointCatalog.StreamAsync(EndpointInvocation, CancellationToken)"/>).</summary>
    public IAsyncEnumerable<JsonElement> StreamAsync(EndpointInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return StreamAsync(invocation.Address, invocation.Arguments, ScopeOf(invocation), cancellationToken, invocation.Parent, invocation.Transport ?? InProcess);
    }

    /// <summary>Turns an invocation's request services into the scope a call runs in: a scope of this context, or null (the call opens its own).</summary>
    private Func<RequestScope?>? ScopeOf(EndpointInvocation invocation)
    {
        if (invocation.RequestServices is not { } services)
        {
            return null;
        }

        var context = _context;
        return () => services() switch
        {
            null => null,
            RequestScope scope when scope.Context == context => scope.IsRoot ? null : scope,
            var provider when ReferenceEquals(provider, context) => null,
            var provider => throw new ArgumentException(Errors.ForeignRequestServices(invocation.Address, provider), nameof(invocation)),
        };
    }

    private Task<JsonElement> GovernedAsync(CompiledEndpoint endpoint, JsonElement arguments, CancellationToken cancellationToken) =>
        _context!.Governor.InvokeAsync(endpoint.Address, remote: false, endpoint.Descriptor.Idempotent, arguments, (Catalog: this, Endpoint: endpoint, Arguments: arguments),
            static (s, token) => s.Catalog.Serve(s.Endpoint, s.Arguments, token), cancellationToken);

    /// <summary>Serves a call of a local endpoint already looked up (the caller's side found it): traced when somebody listens.</summary>
    private Task<JsonElement> Serve(CompiledEndpoint endpoint, JsonElement arguments, CancellationToken cancellationToken) =>
        SprigTelemetry.Enabled
            ? TracedServerAsync(endpoint.Address, arguments, null, default, InProcess, cancellationToken)
            : RunAsync(endpoint, arguments, null, limited: true, cancellationToken);

    private IAsyncEnumerable<JsonElement> Governed(CompiledEndpoint endpoint, JsonElement arguments, CancellationToken cancellationToken)
    {
        // The first attempt opens here, so that a call the wrong way or with arguments that do not fit throws at the call, as
        // without governance; a retry opens the stream again.
        var first = new StrongBox<IAsyncEnumerable<JsonElement>?>(StreamAsync(endpoint.Address, arguments, null, cancellationToken));
        return _context!.Governor.StreamAsync(endpoint.Address, remote: false, endpoint.Descriptor.Idempotent, arguments, (Catalog: this, Endpoint: endpoint, Arguments: arguments, First: first),
            static (s, token) => Interlocked.Exchange(ref s.First.Value, null) ?? s.Catalog.StreamAsync(s.Endpoint.Address, s.Arguments, null, token), cancellationToken);
    }

    /// <summary>Runs a [Fallback] method with a failed call's arguments, in a scope of its own when its component needs one.</summary>
    internal Task<JsonElement> RunFallbackAsync(CompiledEndpoint fallback, JsonElement arguments, CancellationToken cancellationToken) =>
        RunAsync(fallback, arguments, null, limited: false, cancellationToken);

    /// <summary>Streams a [Fallback] method with a failed call's arguments.</summary>
    internal IAsyncEnumerable<JsonElement> RunFallbackStream(CompiledEndpoint fallback, JsonElement arguments, CancellationToken cancellationToken) =>
        Run(fallback, arguments, null, limited: false, cancellationToken);

    /// <summary>
    /// Calls an endpoint in the caller's request scope (an HTTP request's), which the caller disposes; null opens one per call.
    /// A local endpoint's run is traced as the serving side of the call, under <paramref name="parent"/> (a remote caller's
    /// trace context) or the current activity.
    /// </summary>
    internal Task<JsonElement> InvokeAsync(string address, JsonElement arguments, Func<RequestScope?>? callerScope, CancellationToken cancellationToken,
        ActivityContext parent = default, string transport = InProcess)
    {
        ArgumentNullException.ThrowIfNull(address);
        return SprigTelemetry.Enabled && Lookup(address) is not null
            ? TracedServerAsync(address, arguments, callerScope, parent, transport, cancellationToken)
            : RunAsync(address, arguments, callerScope, cancellationToken);
    }

    private Task<JsonElement> TracedClientAsync(CompiledEndpoint endpoint, JsonElement arguments, CancellationToken cancellationToken) =>
        SprigTelemetry.Measured(() => GovernedAsync(endpoint, arguments, cancellationToken), ActivityKind.Client, endpoint.Address, InProcess);

    private Task<JsonElement> TracedServerAsync(string address, JsonElement arguments, Func<RequestScope?>? callerScope, ActivityContext parent, string transport,
        CancellationToken cancellationToken) =>
        SprigTelemetry.Measured(() => RunAsync(address, arguments, callerScope, cancellationToken), ActivityKind.Server, address, transport, parent);

    private Task<JsonElement> RunAsync(string address, JsonElement arguments, Func<RequestScope?>? callerScope, CancellationToken cancellationToken) =>
        Lookup(address) is { } endpoint
            ? RunAsync(endpoint, arguments, callerScope, limited: true, cancellationToken)
            : Remote(address).InvokeAsync(Call(address, arguments), cancellationToken);

    /// <summary>Serves one call of a local endpoint: within its concurrency limit, in its scope.</summary>
    private async Task<JsonElement> RunAsync(CompiledEndpoint endpoint, JsonElement arguments, Func<RequestScope?>? callerScope, bool limited, CancellationToken cancellationToken)
    {
        endpoint = endpoint.Keyed?.Pick(ServiceKeys.Current) ?? endpoint;
        // The caller's key picked this implementation; the calls the endpoint makes itself pick their own (changes to an async
        // local in an async method do not flow back to the caller).
        using var keyCleared = ServiceKeys.Current is null ? null : ServiceKeys.Use(null);
        if (endpoint.Unary is not { } invoke)
        {
            throw new EndpointCallException(Errors.EndpointStreams(endpoint.Address, endpoint.Descriptor.Method), endpoint.Address, 400, endpoint.Descriptor.Component);
        }

        var values = endpoint.Arguments(arguments);
        using var lease = limited ? await _context!.Governor.EnterAsync(endpoint.Address, cancellationToken).ConfigureAwait(false) : null;
        var (scope, owned) = Open(endpoint, callerScope);
        if (!owned)
        {
            return await invoke(scope, values, cancellationToken).ConfigureAwait(false);
        }

        JsonElement result;
        try
        {
            result = await invoke(scope, values, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DisposeAfterFailureAsync(scope!).ConfigureAwait(false);
            throw;
        }

        await scope!.DisposeAsync().ConfigureAwait(false);
        return result;
    }

    /// <summary>Streams an endpoint in the caller's request scope, which the caller disposes; null opens one for the stream.</summary>
    internal IAsyncEnumerable<JsonElement> StreamAsync(string address, JsonElement arguments, Func<RequestScope?>? callerScope, CancellationToken cancellationToken,
        ActivityContext parent = default, string transport = InProcess)
    {
        ArgumentNullException.ThrowIfNull(address);
        return SprigTelemetry.Enabled && Lookup(address) is not null
            ? TracedServerStream(address, arguments, callerScope, parent, transport, cancellationToken)
            : Run(address, arguments, callerScope, cancellationToken);
    }

    private IAsyncEnumerable<JsonElement> TracedClientStream(CompiledEndpoint endpoint, JsonElement arguments, CancellationToken cancellationToken) =>
        SprigTelemetry.Measured(() => Governed(endpoint, arguments, cancellationToken), ActivityKind.Client, endpoint.Address, InProcess, cancellationToken: cancellationToken);

    private IAsyncEnumerable<JsonElement> TracedServerStream(string address, JsonElement arguments, Func<RequestScope?>? callerScope, ActivityContext parent, string transport,
        CancellationToken cancellationToken) =>
        SprigTelemetry.Measured(() => Run(address, arguments, callerScope, cancellationToken), ActivityKind.Server, address, transport, parent, cancellationToken);

    private IAsyncEnumerable<JsonElement> Run(string address, JsonElement arguments, Func<RequestScope?>? callerScope, CancellationToken cancellationToken) =>
        Lookup(address) is { } endpoint
            ? Run(endpoint, arguments, callerScope, limited: true, cancellationToken)
            : Remote(address).StreamAsync(Call(address, arguments), cancellationToken);

    /// <summary>Serves one stream of a local endpoint: bad arguments throw at once; the stream holds a slot of the limit while it runs.</summary>
    private IAsyncEnumerable<JsonElement> Run(CompiledEndpoint endpoint, JsonElement arguments, Func<RequestScope?>? callerScope, bool limited, CancellationToken cancellationToken)
    {
        endpoint = endpoint.Keyed?.Pick(ServiceKeys.Current) ?? endpoint;
        var clearKey = ServiceKeys.Current is not null;
        if (endpoint.Stream is not { } stream)
        {
            throw new EndpointCallException(Errors.EndpointDoesNotStream(endpoint.Address, endpoint.Descriptor.ResultType), endpoint.Address, 400, endpoint.Descriptor.Component);
        }

        var values = endpoint.Arguments(arguments);
        ThrowIfNotRunning(endpoint);
        var caller = endpoint.NeedsScope ? callerScope?.Invoke() : null;
        if (endpoint.NeedsScope && caller is null)
        {
            // The stream's own scope is made when it is enumerated, so a stream nobody reads (or governance refuses) makes nothing.
            return InOwnScope(endpoint, stream, values, limited ? endpoint.Address : null, clearKey, cancellationToken);
        }

        var items = stream(caller, values, cancellationToken);
        return limited || clearKey ? Finish(items, limited ? endpoint.Address : null, null, clearKey, cancellationToken) : items;
    }

    /// <summary>Serves a stream of a Prototype or Request component in a scope of its own, made on the first step and disposed at the end.</summary>
    private async IAsyncEnumerable<JsonElement> InOwnScope(CompiledEndpoint endpoint, Func<RequestScope?, JsonElement[], CancellationToken, IAsyncEnumerable<JsonElement>> stream,
        JsonElement[] values, string? limited, bool clearKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfNotRunning(endpoint);
        var scope = (RequestScope)_context!.CreateScope();
        IAsyncEnumerable<JsonElement> items;
        try
        {
            items = stream(scope, values, cancellationToken);
        }
        catch
        {
            await DisposeAfterFailureAsync(scope).ConfigureAwait(false);
            throw;
        }

        await foreach (var item in Finish(items, limited, scope, clearKey, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public IEnumerator<EndpointDescriptor> GetEnumerator() => _endpoints.Select(e => e.Descriptor).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Enumerates a served stream within its address's concurrency limit (when <paramref name="limited"/> names it), without the
    /// caller's service key when <paramref name="clearKey"/> (it picked this implementation; the stream's own calls pick theirs),
    /// then disposes its scope.
    /// </summary>
    private async IAsyncEnumerable<JsonElement> Finish(IAsyncEnumerable<JsonElement> items, string? limited, RequestScope? scope, bool clearKey,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            using var lease = limited is null ? null : await _context!.Governor.EnterAsync(limited, cancellationToken).ConfigureAwait(false);
            await using var enumerator = items.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                // Each step of the endpoint runs inside this one, so the key is cleared for it alone.
                bool more;
                using (clearKey ? ServiceKeys.Use(null) : null)
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }

                if (!more)
                {
                    break;
                }

                yield return enumerator.Current;
            }
        }
        finally
        {
            if (scope is not null)
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async ValueTask DisposeAfterFailureAsync(RequestScope scope)
    {
        try
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
        catch (ContainerException)
        {
            // The endpoint's own exception is the one the caller must see; a failure to destroy its scope is secondary.
        }
    }

    private CompiledEndpoint? Lookup(string address) =>
        _exact.TryGetValue(address, out var endpoint) || _ignoringCase.TryGetValue(address, out endpoint) ? endpoint : null;

    /// <summary>Returns the exception for an address no local component serves, suggesting the closest local addresses.</summary>
    internal EndpointNotFoundException NotFound(string address) => NotFound(address, _ => true);

    /// <summary>Returns the exception for an unserved address, suggesting only among the addresses <paramref name="visible"/> accepts (those the caller may call).</summary>
    internal EndpointNotFoundException NotFound(string address, Func<string, bool> visible)
    {
        var suggestions = Suggest(address, visible);
        return new EndpointNotFoundException(Errors.EndpointNotFound(address, suggestions), address, suggestions);
    }

    private static RemoteCall Call(string address, JsonElement arguments)
    {
        var (ns, component, name) = RemoteEndpoints.Parse(address)!.Value;
        return new RemoteCall(ns, component, name, arguments);
    }

    /// <summary>Returns the way to the process serving an address that no local component serves, or throws 404 when there is none.</summary>
    private RemoteEndpoints Remote(string address)
    {
        // An address of a component this process serves is never sent elsewhere: a mistyped endpoint name is a 404 with suggestions.
        if (_context is { } context && RemoteEndpoints.Parse(address) is var (ns, component, _) && !ServesComponent(ns, component)
            && context.Remote.For(ns, component) is not null)
        {
            return context.Remote;
        }

        throw NotFound(address);
    }

    /// <summary>
    /// Suggests the closest addresses: among the endpoints of the same component by endpoint name when the component is right,
    /// otherwise among all addresses.
    /// </summary>
    private IReadOnlyList<string> Suggest(string address, Func<string, bool> visible)
    {
        var slash = address.LastIndexOf('/');
        if (slash > 0)
        {
            var prefix = address[..(slash + 1)];
            var siblings = _endpoints.Where(e => e.Address.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && visible(e.Address)).ToList();
            if (siblings.Count > 0)
            {
                var names = NameSuggestions.For(address[(slash + 1)..], siblings.Select(e => e.Descriptor.Name));
                return [.. names.Select(n => siblings.First(e => e.Descriptor.Name == n).Address)];
            }
        }

        return NameSuggestions.For(address, _exact.Keys.Where(visible));
    }

    private bool ServesComponent(string ns, string component)
    {
        foreach (var endpoint in _endpoints)
        {
            if (string.Equals(endpoint.Descriptor.Namespace, ns, StringComparison.OrdinalIgnoreCase)
                && string.Equals(endpoint.Descriptor.Component, component, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks that the context is running and opens the call's scope when the component is not a singleton.</summary>
    /// <summary>Returns the scope a call runs in, and whether the call owns (and so disposes) it.</summary>
    private (RequestScope? Scope, bool Owned) Open(CompiledEndpoint endpoint, Func<RequestScope?>? callerScope)
    {
        ThrowIfNotRunning(endpoint);
        if (!endpoint.NeedsScope)
        {
            return (null, false);
        }

        return callerScope?.Invoke() is { } caller ? (caller, false) : ((RequestScope)_context!.CreateScope(), true);
    }

    private void ThrowIfNotRunning(CompiledEndpoint endpoint)
    {
        var state = _context!.State;
        if (state is not (ContextState.Running or ContextState.Refreshing))
        {
            throw new InvalidOperationException(Errors.EndpointsNotRunning(endpoint.Address, state));
        }
    }
}
