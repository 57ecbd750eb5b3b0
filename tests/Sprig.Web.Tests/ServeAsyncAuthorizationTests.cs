using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authorization;

namespace Sprig.Web.Tests;

/// <summary>ServeAsync cannot sign anyone in: a route that requires a user answers 401 and never runs; an anonymous one runs.</summary>
public sealed class ServeAsyncAuthorizationTests
{
    [Component(Namespace = "vault")]
    [Authorize]
    public sealed class Vault
    {
        public int Opened { get; private set; }

        [Endpoint]
        public string Open() => $"opened {++Opened}";

        [Endpoint]
        [AllowAnonymous]
        public string Hours() => "9 to 5";
    }

    [Fact]
    public async Task AnAuthorizeEndpoint_NeverRuns_UnderServeAsync()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Vault>());

        var open = await served.Client.PostAsync("/rpc/vault/Vault/Open", null);
        var hours = await served.Client.PostAsync("/rpc/vault/Vault/Hours", null);

        open.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        open.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await open.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("Authentication is required.");
        problem.Detail.Should().Be("POST /rpc/vault/Vault/Open requires an authenticated user. Sign in and send the credentials the application accepts.");
        served.Context.Get<Vault>().Opened.Should().Be(0, "the endpoint must not run without authorization");
        (await hours.Content.ReadFromJsonAsync<string>()).Should().Be("9 to 5", "[AllowAnonymous] on the method wins over the class");
    }
}
