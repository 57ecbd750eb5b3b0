using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sprig.Web.Tests.Security;

/// <summary>
/// A real ASP.NET Core authentication handler for the tests: <c>Authorization: Test user=ada; roles=admin,editor; perm=publish</c>
/// signs in "ada" with the roles "admin" and "editor" and the claim <c>perm=publish</c>. No header is no user (the request stays
/// anonymous); a header of another shape fails authentication. A challenge answers 401 with <c>WWW-Authenticate: Test</c>, as
/// JwtBearer answers with <c>Bearer</c>, and writes no body: the body of a 401 or 403 is the application's business.
/// </summary>
public sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name, and the first word of its Authorization header.</summary>
    public const string SchemeName = "Test";

    /// <summary>The claim type the <c>CanPublish</c> policy asks for.</summary>
    public const string PermissionClaim = "perm";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim>();
        foreach (var part in header[(SchemeName.Length + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Split('=', 2, StringSplitOptions.TrimEntries) is not [var key, var value])
            {
                return Task.FromResult(AuthenticateResult.Fail($"'{part}' is not key=value."));
            }

            var values = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            switch (key)
            {
                case "user":
                    claims.Add(new Claim(ClaimTypes.Name, value));
                    break;
                case "roles":
                    claims.AddRange(values.Select(role => new Claim(ClaimTypes.Role, role)));
                    break;
                case "perm":
                    claims.AddRange(values.Select(permission => new Claim(PermissionClaim, permission)));
                    break;
                default:
                    return Task.FromResult(AuthenticateResult.Fail($"Unknown key '{key}'."));
            }
        }

        if (!claims.Exists(c => c.Type == ClaimTypes.Name))
        {
            return Task.FromResult(AuthenticateResult.Fail("No user=... in the header."));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        return Task.CompletedTask;
    }
}
