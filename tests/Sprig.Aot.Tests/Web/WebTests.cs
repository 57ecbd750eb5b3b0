using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig.Web;

namespace Sprig.Aot.Tests.Web;

/// <summary>
/// Sprig.Web with the reflection fallback off, as under Native AOT (samples/AotWeb publishes the real thing): RPC endpoints are
/// served through generated invokers, controllers through the request delegates Sprig.Generator wrote for them (ControllerTests).
/// </summary>
public sealed class WebTests
{
    [Service, ConditionalOnProperty("aot.web")]
    public sealed class Tally
    {
        [Endpoint("add")]
        public int Add(int a, int b) => checked(a + b);

        [Endpoint("countdown")]
        public Countdown CountDown(int from) => new(from); // a class implementing IAsyncEnumerable<int>: NDJSON
    }

    /// <summary>A stream that is a class of its own.</summary>
    public sealed class Countdown(int from) : IAsyncEnumerable<int>
    {
        public async IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            for (var i = from; i > 0; i--)
            {
                await Task.Yield();
                yield return i;
            }
        }
    }

    /// <summary>The contract of <see cref="Tally"/>, as another process sees it: Sprig.Generator generates its remote proxy class.</summary>
    [ComponentContract("Tally")]
    public interface ITally
    {
        [Endpoint("add")]
        Task<int> AddAsync(int a, int b, CancellationToken cancellationToken = default);
    }

    /// <summary>A client of <see cref="ITally"/>: no implementation here, so the context injects the remote proxy.</summary>
    [Component, ConditionalOnProperty("aot.web.client")]
    public sealed class Accountant(ITally tally)
    {
        public ITally Tally { get; } = tally;
    }

    [Controller(Url = "/tally"), ConditionalOnProperty("aot.web.controller")]
    public sealed class TallyController
    {
        public string GetTotal() => "42";
    }

    [Fact]
    public async Task ServeAsync_ServesEndpoints_ThroughGeneratedInvokers()
    {
        await using var context = Refreshed(new() { ["aot.web"] = "true" });
        await using var server = await context.ServeAsync("http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var good = await client.PostAsync("/rpc/default/Tally/add", new StringContent("""{"a":2,"b":3}""", Encoding.UTF8, "application/json"));
        using var bad = await client.PostAsync("/rpc/default/Tally/add", new StringContent("""{"a":"two","b":3}""", Encoding.UTF8, "application/json"));

        good.StatusCode.Should().Be(HttpStatusCode.OK);
        (await good.Content.ReadAsStringAsync()).Should().Be("5");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task ServeAsync_StreamsNdjson_FromAClassImplementingIAsyncEnumerable()
    {
        await using var context = Refreshed(new() { ["aot.web"] = "true" });
        await using var server = await context.ServeAsync("http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await client.PostAsync("/rpc/default/Tally/countdown", new StringContent("3", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        (await response.Content.ReadAsStringAsync()).Should().Be("3\n2\n1\n");
    }

    [Fact]
    public async Task RemoteContract_CallsTheServedEndpoint_ThroughTheGeneratedProxy()
    {
        await using var server = Refreshed(new() { ["aot.web"] = "true" });
        await using var served = await server.ServeAsync("http://127.0.0.1:0");
        await using var client = Refreshed(new() { ["aot.web.client"] = "true", ["Sprig:Remotes:default:Tally:Url"] = served.BaseAddress.ToString() });

        var tally = client.Get<Accountant>().Tally;
        var sum = await tally.AddAsync(2, 3);
        var failure = () => tally.AddAsync(int.MaxValue, 1);

        tally.GetType().Name.Should().Contain("SprigRemoteProxy_");
        sum.Should().Be(5);
        (await failure.Should().ThrowAsync<EndpointCallException>()).Which.StatusCode.Should().Be(500);
    }

    [Fact]
    public async Task ServeAsync_ServesControllers_ThroughGeneratedRequestDelegates()
    {
        await using var context = Refreshed(new() { ["aot.web"] = "true", ["aot.web.controller"] = "true" });
        await using var server = await context.ServeAsync("http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        (await client.GetStringAsync("/tally/total")).Should().Be("42");
    }

    private static ApplicationContext Refreshed(Dictionary<string, string?> configuration)
    {
        var context = new ApplicationContext(
            new PendingRegistry().Scan(typeof(WebTests).Assembly).RegisterInstance("json", Endpoints.AotJson.Default),
            new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(),
            NullLoggerFactory.Instance);
        context.Refresh();
        return context;
    }
}
