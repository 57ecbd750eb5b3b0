using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sprig.Web;

/// <summary>
/// The authentication scheme of a <see cref="SprigWeb.ServeAsync"/> server, which has no way to sign users in: nobody is ever
/// authenticated, so a route that requires a user answers 401 (403 for a policy), and an <c>[AllowAnonymous]</c> one runs.
/// Host with <see cref="SprigWeb.UseSprig"/> to authenticate users.
/// </summary>
internal sealed class NoAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Sprig.NoAuthentication";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
}
