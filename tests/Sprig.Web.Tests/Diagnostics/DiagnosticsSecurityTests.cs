using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sprig.Web.Tests.Security;

namespace Sprig.Web.Tests.Diagnostics;

/// <summary>
/// Secure by default: outside Development every diagnostics route, the page included, needs an authenticated user unless the
/// application opens them on the builder MapSprigDiagnostics returns; in Development they are open.
/// </summary>
public sealed class DiagnosticsSecurityTests
{
    [Fact]
    public async Task EveryRoute_Answers_WithoutUser_InDevelopment()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), "Development");

        foreach (var route in DiagnosticsFixtures.Routes)
        {
            using var response = await host.GetAsync(route);
            response.StatusCode.Should().Be(HttpStatusCode.OK, "GET {0} is open in Development: {1}", route, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task EveryRoute_Answers401SayingHowToOpenIt_OutsideDevelopment_WhenTheApplicationHasNoAuthenticationScheme()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), "Production");

        foreach (var route in DiagnosticsFixtures.Routes)
        {
            using var response = await host.GetAsync(route);
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Authentication is required.", type: null);
            problem.Detail.Should().Be(
                $"GET {route} requires an authenticated user: outside the Development environment the diagnostics routes are closed to anonymous callers, "
                + "and this application has no authentication scheme to sign one in. Add one (builder.Services.AddAuthentication(...)), "
                + "or open the routes deliberately with app.MapSprigDiagnostics().AllowAnonymous().");
        }
    }

    [Theory]
    [InlineData("/sprig/assets/app.js")]
    [InlineData("/sprig/assets/nope.js")]
    [InlineData("/sprig/assets/../config")]
    [InlineData("/SPRIG/CONFIG")]
    [InlineData("/sprig/config/")]
    [InlineData("/sprig/%2e%2e/sprig/config")]
    public async Task AssetsAndOtherSpellings_Answer401_OutsideDevelopment(string path)
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), "Production");
        await using var secured = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), "Production", authentication: true);

        using var response = await host.GetAsync(path);
        using var challenged = await secured.GetAsync(path, Callers.Anonymous);

        (await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Authentication is required.", type: null)).Detail.Should().EndWith(
            "or open the routes deliberately with app.MapSprigDiagnostics().AllowAnonymous().");
        challenged.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "GET {0} is a diagnostics route however it is spelled", path);
    }

    [Fact]
    public async Task EveryRoute_Answers401_OutsideDevelopment_WhenTheApplicationHasAuthorizationButNoAuthentication()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), "Staging", configure: b => b.Services.AddAuthorization());

        foreach (var route in DiagnosticsFixtures.Routes)
        {
            using var response = await host.GetAsync(route);
            (await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Authentication is required.", type: null)).Detail.Should().StartWith($"GET {route} requires an authenticated user: ");
        }
    }

    [Fact]
    public async Task EveryRoute_ChallengesWithTheApplicationsScheme_OutsideDevelopment_WhenTheApplicationHasAuthenticationButNoAuthorization()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), "Production", configure: b =>
            b.Services.AddAuthentication(TestAuthentication.SchemeName)
                .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, _ => { }));

        foreach (var route in DiagnosticsFixtures.Routes)
        {
            using var refused = await host.GetAsync(route, Callers.Anonymous);
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Authentication is required.", type: null,
                r => r.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be(TestAuthentication.SchemeName));
            problem.Detail.Should().Be($"GET {route} requires an authenticated user. Sign in and send the credentials the application accepts.");
            using var allowed = await host.GetAsync(route, Callers.Viewer);
            allowed.StatusCode.Should().Be(HttpStatusCode.OK, "GET {0} as a signed-in user: {1}", route, await allowed.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AllowAnonymous_OpensEveryRoute_OutsideDevelopment_WithoutAuthenticationScheme()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), "Production", diagnostics: d => d.AllowAnonymous());

        foreach (var route in DiagnosticsFixtures.Routes)
        {
            using var response = await host.GetAsync(route);
            response.StatusCode.Should().Be(HttpStatusCode.OK, "GET {0} was opened: {1}", route, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task EveryRoute_ChallengesWithTheApplicationsScheme_OutsideDevelopment_WithoutUser()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), "Production", authentication: true);

        foreach (var route in DiagnosticsFixtures.Routes)
        {
            using var response = await host.GetAsync(route, Callers.Anonymous);
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Authentication is required.", type: null,
                r => r.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be(TestAuthentication.SchemeName));
            problem.Detail.Should().Be($"GET {route} requires an authenticated user. Sign in and send the credentials the application accepts.");
        }
    }

    [Fact]
    public async Task EveryRoute_Answers_OutsideDevelopment_ToAnAuthenticatedUser()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), "Production", authentication: true);

        foreach (var route in DiagnosticsFixtures.Routes)
        {
            using var response = await host.GetAsync(route, Callers.Viewer);
            response.StatusCode.Should().Be(HttpStatusCode.OK, "GET {0} as a signed-in user: {1}", route, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AllowAnonymous_OpensEveryRoute_OutsideDevelopment_WithAuthenticationScheme()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), "Production", authentication: true, diagnostics: d => d.AllowAnonymous());

        foreach (var route in DiagnosticsFixtures.Routes)
        {
            using var response = await host.GetAsync(route, Callers.Anonymous);
            response.StatusCode.Should().Be(HttpStatusCode.OK, "GET {0} was opened: {1}", route, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task RequireAuthorizationWithPolicy_Answers403ToAUserWhoDoesNotMeetIt_AndRunsForOneWhoDoes()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), "Production", authentication: true,
            diagnostics: d => d.RequireAuthorization(SecuredHost.CanPublish));

        foreach (var route in DiagnosticsFixtures.Routes)
        {
            using var refused = await host.GetAsync(route, Callers.Viewer);
            (await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Access is denied.", type: null)).Detail.Should().Be(
                $"The user may not call GET {route}: the route's authorization policy refused it.");
            using var allowed = await host.GetAsync(route, Callers.Publisher);
            allowed.StatusCode.Should().Be(HttpStatusCode.OK, "GET {0} as a publisher: {1}", route, await allowed.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task RequireAuthorizationWithPolicy_AppliesInDevelopmentToo()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), "Development", authentication: true,
            diagnostics: d => d.RequireAuthorization(SecuredHost.CanPublish));

        using var response = await host.GetAsync("/sprig/health", Callers.Anonymous);
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Authentication is required.", type: null);
    }
}
