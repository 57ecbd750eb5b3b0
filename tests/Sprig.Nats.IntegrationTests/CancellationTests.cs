using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests;

/// <summary>Rule 4 — cancelling the caller's token cancels the endpoint's token in the worker within a second.</summary>
public sealed class CancellationTests(SharedWorker fixture) : IClassFixture<SharedWorker>
{
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task CancellingTheCaller_CancelsTheWorkersToken_WithinASecond_ForAUnaryCall()
    {
        var worker = fixture.Worker;
        await using var caller = await Caller.ConnectAsync(fixture.Server);
        using var cancellation = new CancellationTokenSource();
        var call = caller.Get<IHoldWorker>().AwaitCancel("unary-cancel", cancellation.Token);
        await worker.WaitForLineAsync("STARTED unary-cancel ");

        var cancelledAt = DateTimeOffset.UtcNow;
        await cancellation.CancelAsync();

        await call.Invoking(c => c.WaitAsync(Deadlines.Call)).Should().ThrowAsync<OperationCanceledException>("the caller cancelled");
        var line = await worker.WaitForLineAsync("CANCELLED unary-cancel ");
        FiredAt(line).Should().BeCloseTo(cancelledAt, WithinASecond, "the worker's token fires within a second of the caller's\n{0}", worker.Describe());
    }

    [Fact]
    public async Task CancellingTheCaller_CancelsTheWorkersToken_WithinASecond_ForAStream()
    {
        var worker = fixture.Worker;
        await using var caller = await Caller.ConnectAsync(fixture.Server);
        using var cancellation = new CancellationTokenSource();
        await using var items = caller.Get<IHoldWorker>().StreamThenAwaitCancel("stream-cancel", 3, cancellation.Token).GetAsyncEnumerator();
        for (var i = 0; i < 3; i++)
        {
            (await items.MoveNextAsync().Answer(worker)).Should().BeTrue();
        }

        await worker.WaitForLineAsync("STARTED stream-cancel ");
        var next = items.MoveNextAsync().AsTask();
        var cancelledAt = DateTimeOffset.UtcNow;
        await cancellation.CancelAsync();

        await next.Invoking(n => n.WaitAsync(Deadlines.Call)).Should().ThrowAsync<OperationCanceledException>("the caller cancelled");
        var line = await worker.WaitForLineAsync("CANCELLED stream-cancel ");
        FiredAt(line).Should().BeCloseTo(cancelledAt, WithinASecond, "the worker's token fires within a second of the caller's\n{0}", worker.Describe());
    }

    // "CANCELLED {tag} {unix ms}": the moment the endpoint's token fired in the worker (same machine, same clock).
    private static DateTimeOffset FiredAt(string line) => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(line.Split(' ')[2]));
}
