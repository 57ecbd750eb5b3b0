using System.Reflection;

namespace Sprig.Web.Routing;

/// <summary>One action of a <see cref="ControllerAttribute"/> component: the method, its HTTP verb and its full route template.</summary>
/// <param name="Component">The controller's component name.</param>
/// <param name="Controller">The controller's class.</param>
/// <param name="Method">The public method called.</param>
/// <param name="Verb">The HTTP method, upper case.</param>
/// <param name="Template">The route template: the controller's URL and the method's own part.</param>
/// <param name="Conventional">Whether the verb and route come from the method's name rather than a route attribute.</param>
internal sealed record ControllerAction(string Component, Type Controller, MethodInfo Method, string Verb, string Template, bool Conventional)
{
    /// <summary>Gets the method as people write it: <c>BookController.Get(int id)</c>.</summary>
    public string Display => Sprig.Hosting.SprigHosting.MethodDisplayName(Method);

    /// <summary>Gets Sprig.Generator's code of the method (without dynamic code), or null.</summary>
    public Generated.GeneratedAction? Generated { get; init; }
}
