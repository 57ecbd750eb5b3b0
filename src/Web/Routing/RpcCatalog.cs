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
        if (http.RequestServices.GetService<ApplicationContext>() is { State: not ContextState.Running } context)
        {
            await Problems.UnavailableAsync(http, context).ConfigureAwait(false);
            return;
        }

        var visible = await VisibleAsync(http).ConfigureAwait(false);
        await http.Response.WriteAsJsonAsync(visible.Select(e => new Entry(e.Namespace, e.Component, e.Name, e.IsStreaming, "/rpc/" + e.Address)).ToList(), WebJson.Default.ListEntry, cancellationToken: http.RequestAborted)
            .ConfigureAwait(false);
    }

    /// <summary>Lists the RPC endpoints whose routes the caller would be allowed through.</summary>
    public static async Task<List<EndpointDescriptor>> VisibleAsync(HttpContext http)
    {
        var visible = new List<EndpointDescriptor>();
        foreach (var endpoint in http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<RpcEndpointMetadata>() is { } rpc && await MayCall(http, endpoint).ConfigureAwait(false))
            {
                visible.Add(rpc.Endpoint);
            }
        }

        return visible;
    }

    /// <summary>Evaluates a route's authorization as ASP.NET Core's authorization middleware does (policies, requirement data, fallback policy, anonymous access).</summary>
    private static async Task<bool> MayCall(HttpContext http, Endpoint endpoint)
    {
        var provider = http.RequestServices.GetService<IAuthorizationPolicyProvider>();
        var evaluator = http.RequestServices.GetService<IPolicyEvaluator>();
        var data = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var policies = endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>();
        var requirements = endpoint.Metadata.GetOrderedMetadata<IAuthorizationRequirementData>();
        if (provider is null || evaluator is null)
        {
            // Without authorization services a route with authorization metadata refuses to run; the catalog does not list it either.
            return data.Count == 0 && policies.Count == 0 && requirements.Count == 0;
        }

        AuthorizationPolicy? policy;
        try
        {
            policy = await AuthorizationPolicy.CombineAsync(provider, data, policies).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // A policy name nobody registered: the route itself fails every call; the catalog hides it rather than fail too.
            return false;
        }

        if (requirements.Count > 0)
        {
            var builder = new AuthorizationPolicyBuilder();
            foreach (var requirement in requirements.SelectMany(r => r.GetRequirements()))
            {
                builder.AddRequirements(requirement);
            }

            policy = policy is null ? builder.Build() : AuthorizationPolicy.Combine(policy, builder.Build());
        }

        if (policy is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }

        var authentication = await evaluator.AuthenticateAsync(policy, http).ConfigureAwait(false);
        var result = await evaluator.AuthorizeAsync(policy, authentication, http, http).ConfigureAwait(false);
        return result.Succeeded;
    }

    /// <summary>One line of the catalog.</summary>
    internal sealed record Entry(string Namespace, string Component, string Endpoint, bool Streaming, string Path);
}
