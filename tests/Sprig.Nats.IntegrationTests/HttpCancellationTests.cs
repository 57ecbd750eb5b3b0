using System.Runtime.CompilerServices;
using System.Text;
using Sprig.Nats.IntegrationTests.Support;
using Sprig.Web;

namespace Sprig.Nats.IntegrationTests;

/// <summary>
/// Rule 4 across two hops: an HTTP client of a Sprig.Web frontend goes away mid-stream, and the endpoint's token fires in the
/// worker process that the frontend was calling over NATS — the path of Dynamo's frontend -> worker when a user closes the tab.
/// </summary>
public sealed class HttpCancellationTests(SharedWorker fixture) : IClassFixture<SharedWorker>
{
    [Fact]
    public async Task HttpClientGoingAway_CancelsTheWorkersToken_WithinASecond()
    {
        var worker = fixture.Worker;
        await using var frontend = await Caller.ConnectAsync(fixture.Server, registry => registry.Register<Relay>());
        await using var server = await frontend.ServeAsync("http://127.0.0.1:0");
        // A client that closes its connection when it stops reading, as a browser tab does; HttpClient would otherwise try to
        // drain the rest of the answer for up to two seconds to reuse the connection.
        using var handler = new SocketsHttpHandler { MaxResponseDrainSize = 0 };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "rpc/front/Relay/relay")
        {
            Content = new StringContent("\"http-gone\"", Encoding.UTF8, "application/json"),
        };
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await body.ReadLineAsync().WaitAsync(Deadlines.Call)).Should().Be("0", "the relay passes the worker's first item on");
        await worker.WaitForLineAsync("STARTED http-gone ");

        var goneAt = DateTimeOffset.UtcNow;
        body.Dispose();
        response.Dispose();

        var line = await worker.WaitForLineAsync("CANCELLED http-gone ");
        var firedAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(line.Split(' ')[2]));
        firedAt.Should().BeCloseTo(goneAt, TimeSpan.FromSeconds(1), "the HTTP client left, so the worker's token fires within a second (it fired after {0} ms)\n{1}", (firedAt - goneAt).TotalMilliseconds, worker.Describe());
    }

    /// <summary>A frontend endpoint that streams what the remote worker streams, with the HTTP request's token.</summary>
    [Component(Namespace = "front")]
    public sealed class Relay(IHoldWorker worker)
    {

        [Endpoint("relay")]
        public async IAsyncEnumerable<int> Run(string tag, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var item in worker.StreamThenAwaitCancel(tag, 1, cancellationToken))
            {
                yield return item;
            }
        }
    }
}
