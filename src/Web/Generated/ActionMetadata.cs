using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;

namespace Sprig.Web.Generated;

/// <summary>
/// Adds the endpoint metadata that an action's parameter and result types give themselves (<see cref="IEndpointMetadataProvider"/>,
/// <see cref="IEndpointParameterMetadataProvider"/>), as RequestDelegateFactory does: a type may add <c>[Authorize]</c> or other
/// policy, so a generated route must carry it too. Called by generated code through a type parameter, so that an explicit
/// implementation of the static method is reached as well. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ActionMetadata
{
    /// <summary>Lets <typeparamref name="T"/> (a parameter's or the result's type) add metadata for the method.</summary>
    /// <typeparam name="T">The type that provides metadata.</typeparam>
    /// <param name="method">The action.</param>
    /// <param name="builder">The route's builder.</param>
    public static void Of<T>(MethodInfo method, EndpointBuilder builder)
        where T : IEndpointMetadataProvider => T.PopulateMetadata(method, builder);

    /// <summary>Lets <typeparamref name="T"/> (a parameter's type) add metadata for the parameter at <paramref name="position"/>.</summary>
    /// <typeparam name="T">The type that provides metadata.</typeparam>
    /// <param name="method">The action.</param>
    /// <param name="position">The parameter's position.</param>
    /// <param name="builder">The route's builder.</param>
    public static void OfParameter<T>(MethodInfo method, int position, EndpointBuilder builder)
        where T : IEndpointParameterMetadataProvider => T.PopulateMetadata(method.GetParameters()[position], builder);
}
