using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sprig.Hosting;

namespace Sprig.Web;

/// <summary>
/// The Sprig request scope of an HTTP request. Under <see cref="SprigWeb.UseSprig"/> it is ASP.NET Core's own request scope
/// (the context is the application's container); under <see cref="SprigWeb.ServeAsync"/> a scope opened for the request.
/// </summary>
internal static class RequestScopes
{
    private const string Key = "Sprig.RequestScope";

    public static IServiceProvider For(HttpContext http, ApplicationContext context)
    {
        if (context.IsScopeOf(http.RequestServices))
        {
            return http.RequestServices;
        }

        if (http.Items.TryGetValue(Key, out var existing) && existing is IServiceScope open)
        {
            return open.ServiceProvider;
        }

        var scope = context.CreateScope();
        http.Items[Key] = scope;
        http.Response.RegisterForDisposeAsync((IAsyncDisposable)scope);
        return scope.ServiceProvider;
    }
}
