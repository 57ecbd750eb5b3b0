using NATS.Client.Core;
using Sprig.Nats.Tests.Support;

namespace Sprig.Nats.Tests.EndToEnd;

/// <summary>A nats-server restart mid-session: both processes reconnect by themselves and calls work again.</summary>
public sealed class RestartTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Calls_WorkAgain_AfterTheNatsServerRestarts()
    {
        await using var server = await Contexts.ServerAsync(nats.Url, new Probe());
        await using var client = await Contexts.ClientAsync(nats.Url);
        var transport = client.Get<NatsTransport>();
        (await transport.InvokeAsync(new RemoteCall("nt", "Calc", "Add", Json.Of(new { a = 1, b = 1 })), CancellationToken.None)).GetInt32().Should().Be(2);
        var serverBack = Reopened(server.Get<NatsTransport>().Connection);
        var clientBack = Reopened(transport.Connection);

        await nats.RestartAsync();
        await Task.WhenAll(serverBack, clientBack).WaitAsync(Bound);
        await server.Get<NatsTransport>().Connection.PingAsync();   // the server has the re-sent subscriptions

        (await transport.InvokeAsync(new RemoteCall("nt", "Calc", "Add", Json.Of(new { a = 2, b = 2 })), CancellationToken.None)).GetInt32().Should().Be(4);
        var items = new List<int>();
        await foreach (var item in transport.StreamAsync(new RemoteCall("nt", "Calc", "Count", Json.Of(10)), CancellationToken.None))
        {
            items.Add(item.GetInt32());
        }

        items.Should().Equal(Enumerable.Range(0, 10));
    }

    private static Task Reopened(NatsConnection connection)
    {
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionOpened += (_, _) =>
        {
            opened.TrySetResult();
            return ValueTask.CompletedTask;
        };
        return opened.Task;
    }
}
