using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Sprig.Web.Tests;

/// <summary>RPC endpoints over HTTP, against a real Kestrel server on a free port.</summary>
public sealed class RpcTests
{
    /// <summary>Signals shared between a test and the endpoints it calls (registered as an instance per test).</summary>
    public sealed class Signals
    {
        public TaskCompletionSource FirstTokenRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> StreamCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Pings;
    }

    [Component(Namespace = "dynamo")]
    public sealed class VllmWorker(Signals signals)
    {
        [Endpoint]
        public string Echo(string text) => text;

        [Endpoint("add")]
        public int Add(int a, int b) => a + b;

        [Endpoint]
        public void Ping() => Interlocked.Increment(ref signals.Pings);

        [Endpoint]
        public Task<string> Boom() => throw new InvalidOperationException("secret connection string");

        [Endpoint("generate")]
        public async IAsyncEnumerable<string> Generate(string prompt, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return $"{prompt}:0";
            // The next token waits until the client has read the first one: proof that each item is flushed on its own.
            await signals.FirstTokenRead.Task.WaitAsync(cancellationToken);
            yield return $"{prompt}:1";
            yield return $"{prompt}:2";
        }

        [Endpoint]
        public async IAsyncEnumerable<int> Forever([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var i = 0;
            try
            {
                while (true)
                {
                    yield return i++;
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            finally
            {
                signals.StreamCancelled.TrySetResult(cancellationToken.IsCancellationRequested);
            }
        }

        public string NotAnEndpoint() => "hidden";
    }

    [Fact]
    public async Task Call_ReturnsJson_ForSingleAndNamedParameters()
    {
        await using var fixture = await Serve();

        var echo = await fixture.Client.PostAsJsonAsync("/rpc/dynamo/VllmWorker/Echo", "hello");
        echo.StatusCode.Should().Be(HttpStatusCode.OK);
        (await echo.Content.ReadFromJsonAsync<string>()).Should().Be("hello");

        var sum = await fixture.Client.PostAsJsonAsync("/rpc/dynamo/VllmWorker/add", new { a = 2, b = 3 });
        (await sum.Content.ReadFromJsonAsync<int>()).Should().Be(5);
    }

    [Fact]
    public async Task Call_Answers204_ForVoid()
    {
        await using var fixture = await Serve();

        var response = await fixture.Client.PostAsync("/rpc/dynamo/VllmWorker/Ping", null);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        fixture.Signals.Pings.Should().Be(1);
    }

    [Fact]
    public async Task Stream_SendsNdjson_FlushingEachItem()
    {
        await using var fixture = await Serve();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/rpc/dynamo/VllmWorker/generate") { Content = JsonContent.Create("hi") };

        using var response = await fixture.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        (await reader.ReadLineAsync()).Should().Be("\"hi:0\"");
        fixture.Signals.FirstTokenRead.SetResult();
        (await reader.ReadLineAsync()).Should().Be("\"hi:1\"");
        (await reader.ReadLineAsync()).Should().Be("\"hi:2\"");
        (await reader.ReadLineAsync()).Should().BeNull();
    }

    [Fact]
    public async Task Stream_SendsServerSentEvents_WhenAccepted()
    {
        await using var fixture = await Serve();
        fixture.Signals.FirstTokenRead.SetResult();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/rpc/dynamo/VllmWorker/generate") { Content = JsonContent.Create("x") };
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await fixture.Client.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        (await response.Content.ReadAsStringAsync()).Should().Be("data: \"x:0\"\n\ndata: \"x:1\"\n\ndata: \"x:2\"\n\n");
    }

    [Fact]
    public async Task Stream_IsCancelled_WhenTheClientGoesAway()
    {
        await using var fixture = await Serve();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/rpc/dynamo/VllmWorker/Forever");
        var response = await fixture.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await reader.ReadLineAsync()).Should().Be("0");

        response.Dispose(); // the client disconnects

        (await fixture.Signals.StreamCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();
        (await fixture.Client.PostAsJsonAsync("/rpc/dynamo/VllmWorker/Echo", "still up")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Call_Answers404Problem_ForUnknownEndpointsAndMethodsWithoutEndpoint()
    {
        await using var fixture = await Serve();

        foreach (var path in new[] { "/rpc/dynamo/VllmWorker/Ech", "/rpc/dynamo/VllmWorker/NotAnEndpoint" })
        {
            var response = await fixture.Client.PostAsJsonAsync(path, "x");
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            problem!.Detail.Should().Contain(path["/rpc/".Length..]);
        }
    }

    [Fact]
    public async Task Call_Answers400Problem_ForMalformedJsonAndWrongTypes()
    {
        await using var fixture = await Serve();

        var malformed = await fixture.Client.PostAsync("/rpc/dynamo/VllmWorker/add", new StringContent("{\"a\": 1,", Encoding.UTF8, "application/json"));
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        malformed.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");

        var wrongType = await fixture.Client.PostAsJsonAsync("/rpc/dynamo/VllmWorker/add", new { a = "two", b = 3 });
        wrongType.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await wrongType.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("parameter").GetString().Should().Be("a");
        problem.RootElement.GetProperty("path").GetString().Should().Be("$.a");
        problem.RootElement.GetProperty("detail").GetString().Should().Contain("'a'");
    }

    [Fact]
    public async Task Call_Answers413Problem_WhenTheBodyIsOverTheLimit()
    {
        await using var fixture = await Serve(new Dictionary<string, string?> { ["Sprig:Web:MaxRequestBodySize"] = "64" });

        var response = await fixture.Client.PostAsJsonAsync("/rpc/dynamo/VllmWorker/Echo", new string('x', 100));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Detail.Should().Be(
            "The body of a call to 'dynamo/VllmWorker/Echo' may be at most 64 bytes (Sprig:Web:MaxRequestBodySize). Send less, or raise the limit.");
        (await fixture.Client.PostAsJsonAsync("/rpc/dynamo/VllmWorker/Echo", "ok")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Call_Answers500Problem_WithoutExceptionText()
    {
        await using var fixture = await Serve();

        var response = await fixture.Client.PostAsync("/rpc/dynamo/VllmWorker/Boom", null);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain("secret").And.NotContain("InvalidOperationException");
        using var problem = JsonDocument.Parse(body);
        var traceId = problem.RootElement.GetProperty("traceId").GetString();
        problem.RootElement.GetProperty("detail").GetString().Should().Be(
            $"The server failed to process the request. Quote the trace id '{traceId}' when you report it; the log has the details.");
    }

    [Fact]
    public async Task Catalog_ListsEveryEndpoint()
    {
        await using var fixture = await Serve();

        using var catalog = JsonDocument.Parse(await fixture.Client.GetStringAsync("/rpc"));

        var entries = catalog.RootElement.EnumerateArray().Select(e => (e.GetProperty("endpoint").GetString(), e.GetProperty("streaming").GetBoolean(), e.GetProperty("path").GetString())).ToList();
        entries.Should().Contain(("generate", true, "/rpc/dynamo/VllmWorker/generate"));
        entries.Should().Contain(("add", false, "/rpc/dynamo/VllmWorker/add"));
        entries.Should().NotContain(e => e.Item1 == "NotAnEndpoint");
        catalog.RootElement[0].GetProperty("namespace").GetString().Should().Be("dynamo");
    }

    [Fact]
    public async Task Server_AnswersEveryRequest_FromManyConcurrentClients()
    {
        await using var fixture = await Serve();

        var calls = Enumerable.Range(0, 400).Select(async i =>
        {
            var response = await fixture.Client.PostAsJsonAsync("/rpc/dynamo/VllmWorker/add", new { a = i, b = 1 });
            return await response.Content.ReadFromJsonAsync<int>();
        });

        (await Task.WhenAll(calls)).Should().Equal(Enumerable.Range(1, 400));
    }

    private static async Task<Fixture> Serve(Dictionary<string, string?>? configuration = null)
    {
        var signals = new Signals();
        var registry = new PendingRegistry().Register<VllmWorker>().RegisterInstance("Signals", signals);
        return new Fixture(await ServedContext.StartAsync(registry, configuration), signals);
    }

    private sealed record Fixture(ServedContext Served, Signals Signals) : IAsyncDisposable
    {
        public HttpClient Client => Served.Client;

        public ValueTask DisposeAsync() => Served.DisposeAsync();
    }
}
