using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Sprig.Web.Routing;

/// <summary>
/// The endpoint metadata of a route Sprig maps, as MVC gathers it for a controller action: the attributes of the class
/// (inherited ones included), then those of the method. Where the method implements an interface method (a contract's), the
/// interface's and the interface method's attributes come first, so that <c>[Authorize]</c> written on a contract applies to
/// the component serving it. ASP.NET Core reads the last of a kind where one wins (<c>[RequestTimeout]</c>,
/// <c>[RequestSizeLimit]</c>), so the method's attribute wins over the class's; authorization combines all <c>[Authorize]</c>
/// attributes, and an <c>[AllowAnonymous]</c> anywhere opens the route, exactly as on MVC controllers.
/// </summary>
internal static class RouteMetadata
{
    /// <summary>
    /// Lists the metadata; <paramref name="contracts"/>, when given (the generated path), are the interfaces the compiler saw the
    /// method implement, read instead of reflection's interface maps (which Native AOT cannot give).
    /// </summary>
    public static IEnumerable<object> Of(Type component, MethodInfo method, IReadOnlyList<Type>? contracts = null)
    {
        var implemented = contracts is null ? Implemented(component, method) : Implemented(contracts, method);
        return implemented.SelectMany(m => m.DeclaringType!.GetCustomAttributes(inherit: true))
            .Concat(component.GetCustomAttributes(inherit: true))
            .Concat(implemented.SelectMany(m => m.GetCustomAttributes(inherit: true)))
            .Concat(method.GetCustomAttributes(inherit: true));
    }

    /// <summary>Finds, on each interface the generator named, the method of <paramref name="method"/>'s name and parameter types.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The generated module initializer keeps each contract's public methods (DynamicDependency).")]
    private static List<MethodInfo> Implemented(IReadOnlyList<Type> contracts, MethodInfo method)
    {
        var parameters = Array.ConvertAll(method.GetParameters(), p => p.ParameterType);
        var result = new List<MethodInfo>();
        foreach (var contract in contracts)
        {
            if (contract.GetMethod(method.Name, parameters) is { } declared)
            {
                result.Add(declared);
            }
        }

        return result;
    }

    /// <summary>Lists the interface methods <paramref name="method"/> implements on <paramref name="component"/>.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "A component class: Register<T>() and the generated registry keep its interfaces and all its methods (ComponentMembers.Kept), and the trimmer keeps every interface method a kept method implements.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "As above: the interfaces of a component class, whose implemented methods are kept.")]
    private static List<MethodInfo> Implemented(Type component, MethodInfo method)
    {
        var result = new List<MethodInfo>();
        if (component.IsInterface || method.IsStatic)
        {
            return result;
        }

        foreach (var contract in component.GetInterfaces())
        {
            var map = component.GetInterfaceMap(contract);
            var index = Array.IndexOf(map.TargetMethods, method);
            if (index >= 0)
            {
                result.Add(map.InterfaceMethods[index]);
            }
        }

        return result;
    }
}
