using Microsoft.Extensions.Logging;
using Sprig.Diagnostics;
using Sprig.Remoting;

namespace Sprig;

/// <summary>The context's way to other processes: transports for outgoing calls, servers for incoming ones, contract proxies.</summary>
public sealed partial class ApplicationContext
{
    /// <summary>Gets the way out to other processes: the transports found at refresh.</summary>
    internal RemoteEndpoints Remote { get; }

    /// <summary>Gets the context's governance: the pipelines of the calls it makes and the limits of the calls it serves.</summary>
    internal Governance.Governor Governor { get; }

    /// <summary>Gets the context's remote contract proxies.</summary>
    internal RemoteProxies RemoteProxies { get; }

    /// <summary>Gets the proxies of contracts that local components implement under service keys: they pick an implementation per call.</summary>
    internal RemoteProxies KeyedProxies { get; }

    /// <summary>Returns the remote proxy of a contract no local component implements, or null when the type is no contract.</summary>
    /// <exception cref="ComponentNotFoundException">No transport carries the contract's component.</exception>
    private object? RemoteProxy(Type type)
    {
        if (ContractInfo.Of(type) is not { } contract)
        {
            return null;
        }

        return Remote.For(contract.Namespace, contract.Component) is null
            ? throw new ComponentNotFoundException(Errors.ContractNotServedHere(type, contract.Namespace, contract.Component), Errors.TypeName(type), [])
            : RemoteProxies.Get(contract);
    }

    /// <summary>Returns the contract a type is when a transport carries its component (so a remote proxy can stand for it), else null.</summary>
    private ContractInfo? CarriedContract(Type type) =>
        ContractInfo.Of(type) is { } contract && Remote.For(contract.Namespace, contract.Component) is not null ? contract : null;

    /// <summary>
    /// Lets remote calls find the transport components (and an application's <see cref="System.Net.Http.IHttpClientFactory"/>) from
    /// the moment singletons are created, so that constructors, [PostConstruct] and [OnStart] hooks can already call other processes.
    /// </summary>
    private void UseTransports(ComponentTable table) =>
        Remote.Use(() =>
        {
            var transports = new List<IEndpointTransport>();
            foreach (var entry in Singletons(table, typeof(IEndpointTransport), typeof(System.Net.Http.IHttpClientFactory)))
            {
                switch (entry.Resolve(null))
                {
                    case IEndpointTransport transport:
                        transports.Add(transport);
                        break;
                    case System.Net.Http.IHttpClientFactory factory:
                        Remote.Http.Use(factory);
                        break;
                }
            }

            return transports;
        });

    /// <summary>
    /// Puts the application's JSON metadata (its singletons implementing <see cref="System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver"/>,
    /// a <c>JsonSerializerContext</c> say) ahead of the built-in resolver of endpoint calls, before [OnStart] hooks may call endpoints.
    /// </summary>
    /// <exception cref="ContainerException">Without reflection (Native AOT), an endpoint's parameter or result type has no metadata.</exception>
    private void UseJsonResolvers(ComponentTable table, Endpoints.EndpointCatalog endpoints)
    {
        Json.Use([.. Singletons(table, typeof(System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver))
            .Select(e => (System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver)e.Resolve(null))]);
        if (!global::Sprig.Generated.DynamicCode.IsSupported && Json.MissingMetadata(endpoints) is { Count: > 0 } missing)
        {
            // Every call of those endpoints would fail: say so now, all at once, rather than at the first call.
            throw new ContainerException(global::Sprig.Diagnostics.Errors.EndpointJsonProblems(missing), missing);
        }
    }

    /// <summary>Gets this context's JSON metadata of endpoint and remote calls (the application's resolvers once refresh has made them).</summary>
    internal global::Sprig.Endpoints.JsonMetadata Json { get; } = new();

    /// <summary>Starts the endpoint servers after every [OnStart] hook, so that refresh returns serving.</summary>
    private async Task StartServersAsync(ComponentTable table, CancellationToken cancellationToken)
    {
        _servers = [.. Singletons(table, typeof(IEndpointServer)).Select(e => (IEndpointServer)e.Resolve(null))];
        foreach (var server in _servers)
        {
            await server.StartServingAsync(this, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the endpoint servers, letting their calls in flight finish; a failure to stop is logged, not thrown.</summary>
    private async Task StopServersAsync()
    {
        var servers = Interlocked.Exchange(ref _servers, []);
        foreach (var server in servers)
        {
            try
            {
                await server.StopServingAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.LogWarning(ex, "Stopping endpoint server {Server} failed", server.GetType().Name);
            }
        }
    }

    private static IEnumerable<ComponentEntry> Singletons(ComponentTable table, params Type[] types) =>
        table.Entries.Where(e => e.Definition.Scope == Scope.Singleton && e.Definition.RemoteContract is null
            && types.Any(t => t.IsAssignableFrom(e.Definition.ImplementationType ?? e.Definition.Type)));
}
