using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests.Authentication;

/// <summary>
/// A nats-server with the subject permissions the README's "Securing NATS calls" shows: the worker may take calls of the
/// "test" namespace and answer them, the caller may call them and send acks and cancels, and nothing more.
/// </summary>
public sealed class PermissionedWorker : WorkerFixture
{
    public string WorkerPassword { get; } = $"w-{Guid.NewGuid():N}";

    public string CallerPassword { get; } = $"c-{Guid.NewGuid():N}";

    protected override string ServerConfiguration => $$"""
        authorization {
          users = [
            { user: worker, password: "{{WorkerPassword}}", permissions: {
                subscribe: ["sprig.test.>", "sprig._ctl", "sprig._ctl.>", "_INBOX.>", "$SRV.>"]
                publish: ["_INBOX.>"] } }
            { user: caller, password: "{{CallerPassword}}", permissions: {
                subscribe: ["_INBOX.>"]
                publish: ["sprig.test.echoworker.>", "sprig.test.holdworker.>", "sprig._ctl", "sprig._ctl.>"] } }
          ]
        }
        """;

    protected override string[] Settings => ["Sprig:Nats:User=worker", $"Sprig:Nats:Password={WorkerPassword}"];
}

/// <summary>Calls, streams with flow control, and cancellation all work within the permissions the README recommends.</summary>
public sealed class PermissionsTests(PermissionedWorker fixture) : IClassFixture<PermissionedWorker>
{
    [Fact]
    public async Task Caller_CallsAndStreams_WithinThePermissions()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server, null, "Sprig:Nats:User=caller", $"Sprig:Nats:Password={fixture.CallerPassword}");
        using var timeout = new CancellationTokenSource(Deadlines.Call);

        (await caller.Get<IEchoWorker>().Echo("allowed").Answer(fixture.Worker)).Should().Be("allowed");
        var items = new List<int>();
        await foreach (var item in caller.Get<IEchoWorker>().Count(1000, timeout.Token))
        {
            items.Add(item);
        }

        items.Should().Equal(Enumerable.Range(0, 1000), "a stream longer than the window needs the caller's acks on the worker's control subject");
    }

    [Fact]
    public async Task CancellingTheCaller_ReachesTheWorker_WithinThePermissions()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server, null, "Sprig:Nats:User=caller", $"Sprig:Nats:Password={fixture.CallerPassword}");
        using var cancellation = new CancellationTokenSource();
        var call = caller.Get<IHoldWorker>().AwaitCancel("permitted-cancel", cancellation.Token);
        await fixture.Worker.WaitForLineAsync("STARTED permitted-cancel ");

        await cancellation.CancelAsync();

        await call.Invoking(c => c.WaitAsync(Deadlines.Call)).Should().ThrowAsync<OperationCanceledException>();
        await fixture.Worker.WaitForLineAsync("CANCELLED permitted-cancel ");
    }
}
