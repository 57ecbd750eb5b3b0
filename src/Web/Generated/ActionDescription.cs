using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Sprig.Web.Generated;

/// <summary>
/// The metadata RequestDelegateFactory infers for a handler, given to a generated action's route so that routing, OpenAPI and
/// authentication see the same route under Native AOT as under JIT: the JSON body it accepts (<see cref="IAcceptsMetadata"/>,
/// which also makes routing pass over the action for a request whose body is not JSON), how each parameter is bound
/// (<see cref="IParameterBindingMetadata"/>), the result it produces (<see cref="IProducesResponseTypeMetadata"/>), and whether
/// it is an API endpoint (<see cref="IDisableCookieRedirectMetadata"/>), in RequestDelegateFactory's order.
/// </summary>
internal static class ActionDescription
{
    private static readonly string[] Json = ["application/json"];
    private static readonly string[] Text = ["text/plain"];

    /// <summary>Adds the metadata of <paramref name="method"/>, bound as <paramref name="binder"/> decided, to the route.</summary>
    public static void Add(MethodInfo method, ActionBinder binder, EndpointBuilder route)
    {
        var api = false;
        if (binder.BodyType is { } body)
        {
            route.Metadata.Add(new AcceptsMetadata(Json, body.Type, body.Optional));
            api = true;
        }

        var parameters = method.GetParameters();
        if (binder.Parameters.Count == parameters.Length)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                route.Metadata.Add(new BoundParameter(parameters[i], binder.Parameters[i].HasTryParse, binder.Parameters[i].Optional));
            }
        }

        // As RequestDelegateFactory: nothing for no result (void, Task, ValueTask) or an IResult (which describes itself, if at all).
        var result = Result(method.ReturnType);
        if (result != typeof(void) && !typeof(IResult).IsAssignableFrom(result))
        {
            var json = result != typeof(string);
            route.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, result, json ? Json : Text));
            api |= json;
        }

        if (api)
        {
            route.Metadata.Add(ApiEndpointMetadata.Instance);
        }
    }

    /// <summary>What the method answers with once awaited (<see cref="Task"/> and <see cref="ValueTask"/> as generated code awaits them); void for none.</summary>
    private static Type Result(Type returns)
    {
        if (returns == typeof(Task) || returns == typeof(ValueTask))
        {
            return typeof(void);
        }

        return returns.IsGenericType && (returns.GetGenericTypeDefinition() == typeof(Task<>) || returns.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returns.GetGenericArguments()[0]
            : returns;
    }
}
