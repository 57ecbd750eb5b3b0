using System.Reflection;

namespace Sprig.Web.Routing;

/// <summary>
/// The endpoint metadata of a route Sprig maps, as MVC gathers it for a controller action: every attribute of the class
/// (inherited ones included), then every attribute of the method. ASP.NET Core reads the last of a kind where one wins
/// (<c>[RequestTimeout]</c>, <c>[RequestSizeLimit]</c>), so the method's attribute wins over the class's; authorization
/// combines all <c>[Authorize]</c> attributes, and an <c>[AllowAnonymous]</c> anywhere opens the route, exactly as on MVC controllers.
/// </summary>
internal static class RouteMetadata
{
    public static IEnumerable<object> Of(Type component, MethodInfo method) =>
        component.GetCustomAttributes(inherit: true).Concat(method.GetCustomAttributes(inherit: true));
}
