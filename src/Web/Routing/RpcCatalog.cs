using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Web.Routing;

/// <summary>
/// <c>GET /rpc</c>: the endpoints the caller may call. An endpoint whose route requires authorization the caller does not
/// pass (its <c>[Authorize]</c> attributes and policies, evaluated as ASP.NET Core's authorization middleware evaluates them)
/// is left out, so the catalog never tells an anonymous caller what is hidden from it.
/// </summary>
internal static class RpcCatalog
{
    public static async Task WriteAsync(HttpContext http)
    {
        var visible = new List<Entry>();
        foreach (var endpoint in http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<RpcEndpointMetadata>() is { } rpc && await MayCall(http, endpoint).ConfigureAwait(false))
            {
                var e = rpc.Endpoint;
                visible.Add(new Entry(e.Namespace, e.Component, e.Name, e.IsStreaming, "/rpc/" + e.Address));
            }
        }

        await http.Response.WriteAsJsonAsync(visible, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<bool> MayCall(HttpContext http, Endpoint endpoint)
    {
        var data = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var policies = endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>();
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || (data.Count == 0 && policies.Count == 0))
        {
            return true;
        }

        var provider = http.RequestServices.GetService<IAuthorizationPolicyProvider>();
        var evaluator = http.RequestServices.GetService<IPolicyEvaluator>();
        if (provider is null || evaluator is null)
        {
            // Without authorization services the route itself refuses to run; the catalog does not list it either.
            return false;
        }

        var policy = await AuthorizationPolicy.CombineAsync(provider, data, policies).ConfigureAwait(false);
        if (policy is null)
        {
            return true;
        }

        var authentication = await evaluator.AuthenticateAsync(policy, http).ConfigureAwait(false);
        var result = await evaluator.AuthorizeAsync(policy, authentication, http, http).ConfigureAwait(false);
        return result.Succeeded;
    }

    private sealed record Entry(string Namespace, string Component, string Endpoint, bool Streaming, string Path);
}
