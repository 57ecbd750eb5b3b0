using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Web.Tests.Security;

/// <summary>
/// The bodies of the 401, 403 and 429 answers ASP.NET Core's own middleware gives on Sprig's routes. Authentication handlers,
/// the authorization middleware and the rate limiter set a status and write no body; the issue asks for problem+json, as every
/// other Sprig error is. With <c>AddProblemDetails()</c> (UseSprig adds it) and <c>UseStatusCodePages()</c> ahead of
/// authentication, ASP.NET Core's status code pages write them through <c>IProblemDetailsService</c>.
/// </summary>
public sealed class ProblemAnswerTests
{
    [Service]
    public sealed class Desk
    {
        [Endpoint]
        [Authorize]
        public string Whoami() => "me";

        [Endpoint]
        [Authorize(Roles = "admin")]
        public string Admin() => "admin";

        [Endpoint]
        public string Open() => "open";
    }

    [Controller(Url = "/api/desk")]
    [Authorize]
    public sealed class DeskController
    {
        [Get("/{id}")]
        public int Find(int id) => id;
    }

    private static PendingRegistry Registry() => new PendingRegistry().Register<Desk>().Register<DeskController>();

    [Fact]
    public async Task Answers401And403_AsProblemJson_WithStatusCodePages()
    {
        await using var host = await SecuredHost.StartAsync(Registry());

        await (await host.PostAsync("/rpc/default/Desk/Whoami", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/Desk/Admin", Callers.Viewer)).ShouldBeForbiddenAsync();
        await (await host.GetAsync("/api/desk/1", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
    }

    [Fact]
    public async Task Answers401And403And429_AsProblemJson_WithoutStatusCodePages()
    {
        // What the issue asks of Sprig's routes with no setup beyond UseSprig: the same answers, as problem+json.
        await using var host = await SecuredHost.StartAsync(
            Registry(),
            group => group.RequireRateLimiting("one"),
            services => services.AddRateLimiter(o =>
            {
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                o.AddPolicy("one", http => RateLimitPartition.GetFixedWindowLimiter(http.Request.Path.Value!,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
            }),
            app => app.UseRateLimiter(),
            statusCodePages: false);

        await Problem(await host.PostAsync("/rpc/default/Desk/Whoami", Callers.Anonymous), HttpStatusCode.Unauthorized);
        await Problem(await host.PostAsync("/rpc/default/Desk/Admin", Callers.Viewer), HttpStatusCode.Forbidden);
        await Problem(await host.GetAsync("/api/desk/1", Callers.Anonymous), HttpStatusCode.Unauthorized);
        await (await host.PostAsync("/rpc/default/Desk/Open", Callers.Anonymous)).ShouldBeJsonAsync("open");
        await Problem(await host.PostAsync("/rpc/default/Desk/Open", Callers.Anonymous), HttpStatusCode.TooManyRequests);
    }

    /// <summary>Asserts a problem+json answer with the status, a title, the request's path and a trace id (titles are Sprig's to choose).</summary>
    private static async Task Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status);
        (response.Content.Headers.ContentType?.MediaType).Should().Be("application/problem+json", "the body was '{0}'", body);
        var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(body, System.Text.Json.JsonSerializerOptions.Web)!;
        problem.Status.Should().Be((int)status);
        problem.Title.Should().NotBeNullOrWhiteSpace();
        problem.Extensions.Should().ContainKey("traceId");
        if (status == HttpStatusCode.Unauthorized)
        {
            response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be(TestAuthentication.SchemeName, "the challenge's header stays");
        }
    }
}
