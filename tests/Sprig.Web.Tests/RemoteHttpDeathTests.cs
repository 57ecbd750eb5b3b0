using System.Net;
using System.Net.Sockets;
using System.Text;
using static Sprig.Web.Tests.RemoteComponents;

namespace Sprig.Web.Tests;

/// <summary>
/// A server that dies mid-stream over the HTTP transport: the answer's chunked body breaks off before its last chunk, as when the
/// serving process is killed. The caller's enumeration throws a 502 — it never looks like the end of the stream.
/// </summary>
public sealed class RemoteHttpDeathTests
{
    [Fact]
    public async Task ProxyStream_Throws502_WhenTheServerDiesMidStream()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        var server = DieAfterTwoItemsAsync(listener);
        using var client = RemotePair.CreateClient(new PendingRegistry(), new() { ["Sprig:Remotes:remote:Calculator:Url"] = url });
        client.Refresh();

        var received = new List<int>();
        var act = async () =>
        {
            await foreach (var item in client.Get<ICalculator>().CountAsync(10))
            {
                received.Add(item);
            }
        };

        var thrown = (await act.Should().ThrowAsync<EndpointCallException>()).Which;
        await server;
        received.Should().Equal(0, 1);
        thrown.StatusCode.Should().Be(502);
        thrown.Message.Should().Be($"The process serving 'remote/Calculator/count' through HTTP {url} stopped answering mid-call "
            + "(The response ended prematurely. (ResponseEnded)). The call may or may not have run there; mark the endpoint "
            + "[Endpoint(Idempotent = true)] if it is safe to run again, so that it is retried on another instance.");
    }

    /// <summary>Answers one request with an NDJSON stream of two items, then closes the connection without the last chunk.</summary>
    private static async Task DieAfterTwoItemsAsync(TcpListener listener)
    {
        using var socket = await listener.AcceptSocketAsync();
        var request = new byte[64 * 1024];
        var read = 0;
        while (!Encoding.ASCII.GetString(request, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            read += await socket.ReceiveAsync(request.AsMemory(read));
        }

        var answer = "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "2\r\n0\n\r\n" + "2\r\n1\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(answer));
        socket.Close();
    }
}
