using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
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

/// <summary>
/// The policies of a <see cref="SprigWeb.ServeAsync"/> server: it registers none, so a policy an attribute names is unknown
/// there. Instead of failing every request, an unknown policy refuses everyone (with <see cref="NoAuthentication"/>: 401).
/// </summary>
internal sealed class DenyUnknownPolicies(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private static readonly AuthorizationPolicy Nobody = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(_ => false).Build();

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        await base.GetPolicyAsync(policyName).ConfigureAwait(false) ?? Nobody;
}
