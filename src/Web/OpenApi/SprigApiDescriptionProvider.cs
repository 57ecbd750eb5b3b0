using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sprig.Web.Routing;

namespace Sprig.Web.OpenApi;

/// <summary>
/// Describes Sprig's routes to ApiExplorer, which OpenAPI documents are built from. An RPC route's handler reads its body
/// itself, so minimal APIs' provider cannot describe it: this provider adds one description per endpoint (the single
/// parameter as the JSON body, the result as the 200 answer, 204 without one, NDJSON and SSE for streams) and drops any
/// other description of the same route. Controller actions keep the description minimal APIs give them (their handlers are
/// built by <see cref="RequestDelegateFactory"/>); this provider adds their problem answers and marks them as Sprig's.
/// </summary>
internal sealed class SprigApiDescriptionProvider(EndpointDataSource endpoints) : IApiDescriptionProvider
{
    private const string Json = "application/json";

    /// <summary>Gets the order: after minimal APIs' provider (-1100), whose descriptions this one completes or replaces.</summary>
    public int Order => -1050;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        for (var i = context.Results.Count - 1; i >= 0; i--)
        {
            var description = context.Results[i];
            if (description.ActionDescriptor.EndpointMetadata.OfType<RpcEndpointMetadata>().Any())
            {
                // Another provider's description of an RPC route (minimal APIs', were the route to carry a MethodInfo) would
                // describe the request delegate, not the endpoint: this provider's own description replaces it.
                context.Results.RemoveAt(i);
            }
            else if (description.ActionDescriptor.EndpointMetadata.OfType<SprigRouteMetadata>().Any()
                && description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().LastOrDefault() is { } method)
            {
                // A new list: the marker stays in this description and never reaches the route.
                description.ActionDescriptor.EndpointMetadata = [.. description.ActionDescriptor.EndpointMetadata, new SprigActionMetadata(method)];
                AddProblems(description, [StatusCodes.Status400BadRequest, StatusCodes.Status500InternalServerError], rpc: false);
            }
        }

        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<RpcEndpointMetadata>() is { } rpc
                && endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            {
                context.Results.Add(Describe(endpoint, rpc.Endpoint));
            }
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    private static ApiDescription Describe(RouteEndpoint route, EndpointDescriptor endpoint)
    {
        var description = new ApiDescription
        {
            HttpMethod = HttpMethods.Post,
            GroupName = route.Metadata.GetMetadata<IEndpointGroupNameMetadata>()?.EndpointGroupName,
            RelativePath = route.RoutePattern.RawText?.TrimStart('/'),
            ActionDescriptor = new ActionDescriptor
            {
                DisplayName = route.DisplayName,
                RouteValues = { ["controller"] = endpoint.Component },
                EndpointMetadata = [.. route.Metadata],
            },
        };

        // One parameter is the body itself; several are the properties of an object the operation transformer describes.
        if (endpoint.Parameters is [var single])
        {
            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = single.Name ?? "",
                Source = BindingSource.Body,
                Type = single.ParameterType,
                IsRequired = RpcArguments.IsRequired(single),
                DefaultValue = single.HasDefaultValue ? single.DefaultValue : null,
                ParameterDescriptor = new RpcParameterDescriptor(single),
            });
        }

        if (endpoint.Parameters.Count > 0)
        {
            description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = Json });
        }

        description.SupportedResponseTypes.Add(Success(endpoint));
        AddProblems(description,
            [StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable,
                StatusCodes.Status504GatewayTimeout],
            rpc: true);
        return description;
    }

    /// <summary>The answer of a call that succeeds: the result as JSON, each item of a stream as an NDJSON line or an SSE event, or 204.</summary>
    private static ApiResponseType Success(EndpointDescriptor endpoint)
    {
        if (endpoint.ResultType is not { } result)
        {
            return new ApiResponseType { StatusCode = StatusCodes.Status204NoContent, Type = typeof(void), Description = "The endpoint returned no result." };
        }

        var success = new ApiResponseType { StatusCode = StatusCodes.Status200OK, Type = result };
        if (endpoint.IsStreaming)
        {
            success.Description = "The stream's items: one JSON value a line (NDJSON), or one an event when the request accepts text/event-stream.";
            success.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = "application/x-ndjson" });
            success.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = "text/event-stream" });
        }
        else
        {
            success.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = Json });
        }

        return success;
    }

    /// <summary>
    /// Adds the problem+json answers a route gives: <paramref name="statuses"/>, and 401 and 403 when its metadata requires
    /// authorization. A status the route already describes (a <c>[ProducesResponseType]</c>) is left as it is.
    /// </summary>
    private static void AddProblems(ApiDescription description, int[] statuses, bool rpc)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var all = RequiresAuthorization(metadata)
            ? [.. statuses, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]
            : statuses;
        foreach (var status in all.Order())
        {
            if (description.SupportedResponseTypes.Any(r => r.StatusCode == status))
            {
                continue;
            }

            var problem = new ApiResponseType { StatusCode = status, Type = typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), Description = ProblemDescription(status, rpc) };
            problem.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = "application/problem+json" });
            description.SupportedResponseTypes.Add(problem);
        }
    }

    // As ASP.NET Core's authorization middleware decides: any [AllowAnonymous] opens the route; else any [Authorize] or policy closes it.
    private static bool RequiresAuthorization(IList<object> metadata) =>
        !metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any()
        && (metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any() || metadata.OfType<Microsoft.AspNetCore.Authorization.AuthorizationPolicy>().Any()
            || metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizationRequirementData>().Any());

    private static string ProblemDescription(int status, bool rpc) => status switch
    {
        StatusCodes.Status400BadRequest when rpc => "The request is not valid: malformed JSON, or an argument that does not bind (the problem names it).",
        StatusCodes.Status400BadRequest => "The request is not valid: a route, query or body value that does not bind (the problem names the parameter).",
        StatusCodes.Status401Unauthorized => "The request carries no authenticated user.",
        StatusCodes.Status403Forbidden => "The user may not call this route.",
        StatusCodes.Status413PayloadTooLarge => "The body is larger than the limit.",
        StatusCodes.Status503ServiceUnavailable => "The endpoint did not run: its concurrency limit is full (call again after Retry-After), a circuit is open, or the server is stopping.",
        StatusCodes.Status504GatewayTimeout => "The call took longer than its timeout (governance's TimeoutMs, or [RequestTimeout]) and was cancelled.",
        _ => "The server failed; the problem carries a trace id to quote.",
    };
}
