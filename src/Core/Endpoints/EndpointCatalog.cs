using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Sprig.Diagnostics;
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
    private readonly FrozenDictionary<string, CompiledEndpoint> _exact;
    private readonly FrozenDictionary<string, CompiledEndpoint> _ignoringCase;

    private EndpointCatalog(ApplicationContext? context, List<CompiledEndpoint> endpoints)
    {
        _context = context;
        _endpoints = [.. endpoints];
        _exact = endpoints.ToFrozenDictionary(e => e.Address, StringComparer.Ordinal);
        _ignoringCase = endpoints.GroupBy(e => e.Address, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _endpoints.Length;

    /// <summary>Collects and compiles the endpoints of the components in <paramref name="table"/>; problems go to <paramref name="problems"/>.</summary>
    public static EndpointCatalog Build(ApplicationContext context, ComponentTable table, Problems problems) =>
        new(context, new EndpointCollector(table, problems).Collect());

    public EndpointDescriptor? Find(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Lookup(address)?.Descriptor;
    }

    // A call of a local endpoint by its address is traced as a client call in this process; a remote address is traced by the
    // transport's side of it (RemoteEndpoints).
    // (The traced paths are methods of their own: a lambda's captures would otherwise be allocated on every call.)
    public Task<JsonElement> InvokeAsync(string address, JsonElement arguments, CancellationToken cancellationToken = default) =>
        SprigTelemetry.Enabled && address is not null && Lookup(address) is not null
            ? TracedClientAsync(address, arguments, cancellationToken)
            : InvokeAsync(address!, arguments, null, cancellationToken);

    public IAsyncEnumerable<JsonElement> StreamAsync(string address, JsonElement arguments, CancellationToken cancellationToken = default) =>
        SprigTelemetry.Enabled && address is not null && Lookup(address) is not null
            ? TracedClientStream(address, arguments, cancellationToken)
            : StreamAsync(address!, arguments, null, cancellationToken);

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

    private Task<JsonElement> TracedClientAsync(string address, JsonElement arguments, CancellationToken cancellationToken) =>
        SprigTelemetry.Measured(() => InvokeAsync(address, arguments, null, cancellationToken), ActivityKind.Client, address, InProcess);

    private Task<JsonElement> TracedServerAsync(string address, JsonElement arguments, Func<RequestScope?>? callerScope, ActivityContext parent, string transport,
        CancellationToken cancellationToken) =>
        SprigTelemetry.Measured(() => RunAsync(address, arguments, callerScope, cancellationToken), ActivityKind.Server, address, transport, parent);

    private async Task<JsonElement> RunAsync(string address, JsonElement arguments, Func<RequestScope?>? callerScope, CancellationToken cancellationToken)
    {
        if (Lookup(address) is not { } endpoint)
        {
            return await Remote(address).InvokeAsync(Call(address, arguments), cancellationToken).ConfigureAwait(false);
        }

        if (endpoint.Unary is not { } invoke)
        {
            throw new EndpointCallException(Errors.EndpointStreams(endpoint.Address, endpoint.Descriptor.Method), endpoint.Address, 400, endpoint.Descriptor.Component);
        }

        var values = endpoint.Arguments(arguments);
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

    private IAsyncEnumerable<JsonElement> TracedClientStream(string address, JsonElement arguments, CancellationToken cancellationToken) =>
        SprigTelemetry.Measured(() => StreamAsync(address, arguments, null, cancellationToken), ActivityKind.Client, address, InProcess, cancellationToken: cancellationToken);

    private IAsyncEnumerable<JsonElement> TracedServerStream(string address, JsonElement arguments, Func<RequestScope?>? callerScope, ActivityContext parent, string transport,
        CancellationToken cancellationToken) =>
        SprigTelemetry.Measured(() => Run(address, arguments, callerScope, cancellationToken), ActivityKind.Server, address, transport, parent, cancellationToken);

    private IAsyncEnumerable<JsonElement> Run(string address, JsonElement arguments, Func<RequestScope?>? callerScope, CancellationToken cancellationToken)
    {
        if (Lookup(address) is not { } endpoint)
        {
            return Remote(address).StreamAsync(Call(address, arguments), cancellationToken);
        }

        if (endpoint.Stream is not { } stream)
        {
            throw new EndpointCallException(Errors.EndpointDoesNotStream(endpoint.Address, endpoint.Descriptor.ResultType), endpoint.Address, 400, endpoint.Descriptor.Component);
        }

        var values = endpoint.Arguments(arguments);
        var (scope, owned) = Open(endpoint, callerScope);
        if (!owned)
        {
            return stream(scope, values, cancellationToken);
        }

        IAsyncEnumerable<JsonElement> items;
        try
        {
            items = stream(scope, values, cancellationToken);
        }
        catch
        {
            DisposeAfterFailureAsync(scope!).AsTask().GetAwaiter().GetResult();
            throw;
        }

        return DisposeAfter(items, scope!, cancellationToken);
    }

    public IEnumerator<EndpointDescriptor> GetEnumerator() => _endpoints.Select(e => e.Descriptor).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static async IAsyncEnumerable<JsonElement> DisposeAfter(IAsyncEnumerable<JsonElement> items, RequestScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            await scope.DisposeAsync().ConfigureAwait(false);
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
        var state = _context!.State;
        if (state is not (ContextState.Running or ContextState.Refreshing))
        {
            throw new InvalidOperationException(Errors.EndpointsNotRunning(endpoint.Address, state));
        }

        if (!endpoint.NeedsScope)
        {
            return (null, false);
        }

        return callerScope?.Invoke() is { } caller ? (caller, false) : ((RequestScope)_context.CreateScope(), true);
    }
}
