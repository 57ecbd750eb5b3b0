using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Sprig.Tests.Controllers;

/// <summary>
/// A result type that requires a signed-in user through the metadata it gives itself (<see cref="IEndpointMetadataProvider"/>),
/// as RequestDelegateFactory asks it: an action returning it is closed without any [Authorize] on the action.
/// </summary>
public sealed class SecretNote : IResult, IEndpointMetadataProvider
{
    /// <inheritdoc/>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => builder.Metadata.Add(new AuthorizeAttribute());

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext) => httpContext.Response.WriteAsync("the secret");
}
