using Microsoft.AspNetCore.Http.Metadata;

namespace Sprig.Web.Generated;

/// <summary>
/// Marks a generated action that reads or writes JSON as an API endpoint, as RequestDelegateFactory does: cookie authentication
/// answers it 401 or 403 instead of redirecting to a login page.
/// </summary>
internal sealed class ApiEndpointMetadata : IDisableCookieRedirectMetadata
{
    public static readonly ApiEndpointMetadata Instance = new();

    private ApiEndpointMetadata()
    {
    }
}
