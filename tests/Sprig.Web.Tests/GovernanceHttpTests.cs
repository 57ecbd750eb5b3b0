using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Sprig.Web.Tests;

/// <summary>Governance over HTTP: the Sprig-Service-Key header picks an implementation, and a full limit answers 503 with Retry-After.</summary>
public sealed class GovernanceHttpTests
{
    [ComponentContract(Namespace = "keys")]
    public interface IGreeter
    {
        Task<string> HelloAsync(string name);
    }

    [Service, ServiceKey("v1")]
    public sealed class GreeterV1 : IGreeter
    {
        public Task<string> HelloAsync(string name) => Task.FromResult($"Hello, {name}");
    }

    [Service, ServiceKey("v2")]
    public sealed class GreeterV2 : IGreeter
    {
        public Task<string> HelloAsync(string name) => Task.FromResult($"Hi {name}!");
    }

    public sealed class Gate
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [Component(Namespace = "gov")]
    public sealed class Busy(Gate gate)
    {
        [Endpoint("hold"), Governance(MaxConcurrency = 1, MaxQueue = -1)]
        public async Task<int> HoldAsync(int n)
        {
            gate.Entered.TrySetResult();
            await gate.Release.Task;
            return n;
        }
    }

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TheServiceKeyHeader_PicksTheImplementation_AndAnUnknownKeyIs404()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<GreeterV1>().Register<GreeterV2>());

        (await PostAsync(served.Client, "/rpc/keys/Greeter/HelloAsync", "\"Ada\"", "v2")).Should().Be((HttpStatusCode.OK, "\"Hi Ada!\""));
        (await PostAsync(served.Client, "/rpc/keys/Greeter/HelloAsync", "\"Ada\"", "v1")).Should().Be((HttpStatusCode.OK, "\"Hello, Ada\""));

        var (status, body) = await PostAsync(served.Client, "/rpc/keys/Greeter/HelloAsync", "\"Ada\"", "v9");
        status.Should().Be(HttpStatusCode.NotFound);
        JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString().Should().Be(
            "No implementation of 'keys/Greeter/HelloAsync' is served under service key 'v9'; the keys are 'v1', 'v2'. Pick one of them "
            + "(ServiceKeys.Use or the Sprig-Service-Key header), or call without a key to split calls by weight.");
    }

    [Fact]
    public async Task TheServiceKey_TravelsWithACallThroughTheHttpTransport()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<GreeterV1>().Register<GreeterV2>());
        await using var client = new ApplicationContext(new PendingRegistry(), new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sprig:Remotes:keys:Greeter:Url"] = served.Server.BaseAddress.ToString(),
        }).Build());
        client.Refresh();

        using (ServiceKeys.Use("v2"))
        {
            (await client.Get<IGreeter>().HelloAsync("Ada")).Should().Be("Hi Ada!");
        }

        using (ServiceKeys.Use("v1"))
        {
            (await client.Endpoints.InvokeAsync("keys/Greeter/HelloAsync", JsonSerializer.SerializeToElement("Ada"))).GetString().Should().Be("Hello, Ada");
        }
    }

    [Fact]
    public async Task AFullLimit_Answers503WithRetryAfter_AndTheServerKeepsServing()
    {
        var gate = new Gate();
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Busy>().RegisterInstance("gate", gate));

        var held = PostAsync(served.Client, "/rpc/gov/Busy/hold", "1");
        await gate.Entered.Task.WaitAsync(Bound);
        using var refused = await served.Client.PostAsync("/rpc/gov/Busy/hold", new StringContent("2", Encoding.UTF8, "application/json"));

        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Be(
            "Endpoint 'gov/Busy/hold' refused the call without running it: its limit is full, with 1 running (MaxConcurrency) and 0 waiting (MaxQueue). "
            + "Try again after Retry-After, run more instances, or raise MaxConcurrency / MaxQueue in [Governance] or Sprig:Governance.");
        problem.GetProperty("notStarted").GetBoolean().Should().BeTrue();
        problem.GetProperty("retryAfter").GetInt32().Should().Be(1);

        gate.Release.SetResult();
        (await held.WaitAsync(Bound)).Should().Be((HttpStatusCode.OK, "1"));
        (await PostAsync(served.Client, "/rpc/gov/Busy/hold", "3")).Should().Be((HttpStatusCode.OK, "3"), "the server keeps serving");
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string path, string json, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add(ServiceKeys.Header, key);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
