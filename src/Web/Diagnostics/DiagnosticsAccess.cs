using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Web.Diagnostics;

/// <summary>
/// Who may read the diagnostics. In the Development environment everyone. Elsewhere an authenticated user, unless the
/// application opens the routes with <c>.AllowAnonymous()</c> (or sets its own policy) on the builder MapSprigDiagnostics returns:
/// <list type="bullet">
/// <item>an application with authorization and an authentication scheme to challenge with gets ASP.NET Core's own
/// <c>RequireAuthorization()</c> (the default policy) on the routes, so its authentication answers 401 as on any route;</item>
/// <item>an application without them could not answer that requirement (ASP.NET Core would fail every call with a 500), so the
/// routes check for a user themselves: with an authentication scheme but no authorization they challenge with that scheme (its
/// 401, as on any route); without a scheme they answer 401 problem+json saying how to add one or open them.</item>
/// </list>
/// </summary>
internal sealed class DiagnosticsAccess
{
    private readonly bool _guard;
    private readonly bool _challenge;

    private DiagnosticsAccess(bool guard, bool challenge = false)
    {
        _guard = guard;
        _challenge = challenge;
    }

    public static DiagnosticsAccess Apply(IEndpointConventionBuilder routes, IServiceProvider services, bool development)
    {
        if (development)
        {
            return new DiagnosticsAccess(guard: false);
        }

        var authorization = services.GetService<IAuthorizationPolicyProvider>() is not null;
        // Completes synchronously for the built-in scheme provider; read once, when the routes are mapped.
        var challenge = services.GetService<IAuthenticationSchemeProvider>()?.GetDefaultChallengeSchemeAsync().GetAwaiter().GetResult() is not null;
        if (authorization && challenge)
        {
            routes.RequireAuthorization();
            return new DiagnosticsAccess(guard: false);
        }

        return new DiagnosticsAccess(guard: true, challenge);
    }

    /// <summary>Tells whether the request may go on; otherwise answers 401 (the application's challenge when it has a scheme).</summary>
    public async ValueTask<bool> AllowAsync(HttpContext http)
    {
        if (!_guard || http.User.Identity?.IsAuthenticated == true || http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }

        if (_challenge)
        {
            // The application's scheme answers (401 and its WWW-Authenticate); Sprig's status problems give it a body.
            await http.ChallengeAsync().ConfigureAwait(false);
            return false;
        }

        await Problems.WriteAsync(http, StatusCodes.Status401Unauthorized, "Authentication is required.",
            WebErrors.DiagnosticsNeedUser(http.Request.Method, http.Request.Path)).ConfigureAwait(false);
        return false;
    }
}
