using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sprig.Hosting;
using Sprig.Web.Diagnostics.Json;

namespace Sprig.Web.Diagnostics;

/// <summary>
/// Lists what the application answers: the HTTP routes of its <see cref="EndpointDataSource"/> (every route the application
/// mapped, Sprig's and its own), the context's RPC endpoints, and the NATS subjects of every <see cref="IServedEndpoints"/>
/// server whose protocol is "nats".
/// </summary>
internal static class MappingsView
{
    public const string NatsProtocol = "nats";

    public static MappingsJson Of(ApplicationContext context, EndpointDataSource? routes) => new(
        Http(routes),
        [.. context.Endpoints
            .OrderBy(e => e.Address, StringComparer.Ordinal)
            .Select(e => new RpcJson(e.Address, e.Namespace, e.Component, e.Method.Name, e.IsStreaming))],
        [.. context.GetAll<IServedEndpoints>()
            .Where(s => string.Equals(s.Protocol, NatsProtocol, StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => s.ServedEndpoints)
            .OrderBy(s => s.Address, StringComparer.Ordinal)
            .Select(s => new NatsSubjectJson(s.Address, s.Endpoint))]);

    private static IReadOnlyList<HttpRouteJson> Http(EndpointDataSource? routes) =>
        routes is null
            ? []
            : [.. routes.Endpoints.OfType<RouteEndpoint>().Select(e => new HttpRouteJson(
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [],
                Route(e),
                e.DisplayName))];

    private static string Route(RouteEndpoint endpoint)
    {
        // Routing ignores a trailing '/' (a group's "" route is "/prefix/"); the route is shown as it is asked.
        var text = (endpoint.RoutePattern.RawText ?? string.Empty).TrimEnd('/');
        return text.StartsWith('/') ? text : "/" + text;
    }
}
