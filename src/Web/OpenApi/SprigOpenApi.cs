using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Sprig.Web.OpenApi;

/// <summary>
/// Puts Sprig's routes into the documents of Microsoft.AspNetCore.OpenApi (<c>AddOpenApi()</c> / <c>MapOpenApi()</c>): an API
/// description per RPC endpoint, problem responses on every Sprig route, and the request bodies and XML doc comments that API
/// descriptions cannot carry. Without <c>AddOpenApi()</c> none of it runs.
/// </summary>
internal static class SprigOpenApi
{
    /// <summary>Registers the API description provider and, for every OpenAPI document, the operation transformer.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddSprigOpenApi(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IApiDescriptionProvider) && d.ImplementationType == typeof(SprigApiDescriptionProvider)))
        {
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, SprigApiDescriptionProvider>());
        // Post-configuration runs after every AddOpenApi(...) configuration, so the transformer sees the operations after the
        // application's own transformers and Microsoft's XML comment transformer (when the application compiles it in).
        services.PostConfigureAll<OpenApiOptions>(options => options.AddOperationTransformer(new SprigOperationTransformer()));
        return services;
    }
}
