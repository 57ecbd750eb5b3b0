using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    [ComponentContract(Namespace = "bank")]
    public interface IBank
    {
        [Authorize]
        Task<int> Balance();

        Task<string> Hours();
    }

    [Component(Namespace = "bank")]
    public sealed class Bank : IBank
    {
        public Task<int> Balance() => Task.FromResult(1_000_000);

        public Task<string> Hours() => Task.FromResult("9 to 5");
    }

    [Fact]
    public async Task AuthorizeOnAContractMethod_AppliesToTheComponentServingIt()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Bank>());

        (await served.Client.PostAsync("/rpc/bank/Bank/Balance", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await served.Client.PostAsync("/rpc/bank/Bank/Hours", null)).Content.ReadFromJsonAsync<string>()).Should().Be("9 to 5");
    }

    [Component(Namespace = "vault")]
    public sealed class Safe
    {
        [Endpoint]
        [Authorize(Policy = "Keyholders")]
        public string Open() => "open";

        [Endpoint]
        public string Hours() => "9 to 5";
    }

    [Fact]
    public async Task APolicyServeAsyncDoesNotKnow_RefusesEveryone_AndBreaksNothingElse()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Safe>());

        (await served.Client.PostAsync("/rpc/vault/Safe/Open", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await served.Client.GetFromJsonAsync<List<JsonElement>>("/rpc"))!.Select(e => e.GetProperty("endpoint").GetString()).Should().Equal("Hours");
        (await served.Client.PostAsync("/rpc/vault/Safe/Hour", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
