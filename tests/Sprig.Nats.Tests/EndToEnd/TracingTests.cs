using System.Diagnostics;
using System.Text.Json;
using Sprig.Nats.Tests.Support;
using Sprig.Tests.Shared;

namespace Sprig.Nats.Tests.EndToEnd;

/// <summary>
/// The W3C trace context travels in the NATS headers of a call: the serving context's activity is the child of the calling
/// context's, although nothing but the NATS message connects them (the two contexts share a process, not an async flow).
/// </summary>
public sealed class TracingTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private readonly Probe _probe = new();
    private ApplicationContext _server = null!;
    private ApplicationContext _client = null!;

    public async Task InitializeAsync()
    {
        _server = await Contexts.ServerAsync(nats.Url, _probe);
        _client = await Contexts.ClientAsync(nats.Url);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task UnaryCall_ServerActivity_IsTheChildOfTheCallersClientActivity()
    {
        using var traces = new TraceCollector();
        ActivityContext root;

        using (var test = TraceCollector.Root())
        {
            root = test.Context;
            (await _client.Endpoints.InvokeAsync("nt/Calc/Add", JsonSerializer.SerializeToElement(new { a = 1, b = 2 }))).GetInt32().Should().Be(3);
        }

        var spans = traces.Of(root.TraceId);
        var client = spans.Single(a => a.Kind == ActivityKind.Client);
        var server = spans.Single(a => a.Kind == ActivityKind.Server);
        client.ParentSpanId.Should().Be(root.SpanId);
        client.GetTagItem("sprig.transport").Should().Be("nats");
        server.ParentSpanId.Should().Be(client.SpanId);
        server.HasRemoteParent.Should().BeTrue("the parent came in the message's traceparent header");
        server.GetTagItem("sprig.transport").Should().Be("nats");
        server.OperationName.Should().Be("nt/Calc/Add");
    }

    [Fact]
    public async Task Stream_ServerActivity_IsTheChildOfTheCallersClientActivity_AndCountsItems()
    {
        using var traces = new TraceCollector();
        ActivityTraceId trace;
        var items = new List<int>();

        using (var test = TraceCollector.Root())
        {
            trace = test.TraceId;
            await foreach (var item in _client.Endpoints.StreamAsync("nt/Calc/Count", JsonSerializer.SerializeToElement(3)))
            {
                items.Add(item.GetInt32());
            }
        }

        items.Should().HaveCount(3);
        var spans = traces.Of(trace);
        var server = spans.Single(a => a.Kind == ActivityKind.Server);
        server.ParentSpanId.Should().Be(spans.Single(a => a.Kind == ActivityKind.Client).SpanId);
        server.GetTagItem("sprig.stream.items").Should().Be(3L);
    }

    [Fact]
    public async Task UntracedCall_StillAnswers_AndARemoteFailure_IsMarkedOnTheClientActivity()
    {
        (await _client.Endpoints.InvokeAsync("nt/Calc/Add", JsonSerializer.SerializeToElement(new { a = 2, b = 2 }))).GetInt32().Should().Be(4);
        using var traces = new TraceCollector();
        ActivityTraceId trace;

        using (var test = TraceCollector.Root())
        {
            trace = test.TraceId;
            var call = () => _client.Endpoints.InvokeAsync("nt/Nobody/serves", default);
            await call.Should().ThrowAsync<EndpointCallException>();
        }

        var client = traces.Of(trace).Single();
        client.Kind.Should().Be(ActivityKind.Client);
        client.Status.Should().Be(ActivityStatusCode.Error);
        client.GetTagItem("error.type").Should().Be("503");
    }

    [Fact]
    public async Task ACallWithoutTraceContext_IsServedAsARootActivity_NotAsAChildOfRefresh()
    {
        using var traces = new TraceCollector();
        // A server refreshed while somebody traces: refresh's activities are current while it starts serving.
        await _server.ShutdownAsync();
        await using var server = await Contexts.ServerAsync(nats.Url, new Probe());
        await using var raw = new NATS.Client.Core.NatsConnection(new NATS.Client.Core.NatsOpts { Url = nats.Url });

        var answer = await raw.RequestAsync<byte[], byte[]>("sprig.nt.calc.add", """{"a":2,"b":3}"""u8.ToArray());

        System.Text.Encoding.UTF8.GetString(answer.Data!).Should().Be("5");
        // Other tests' traced calls of nt/Calc/Add may reach this server through the shared queue group: they have parents of
        // their own. What must never happen is a refresh activity standing in for the missing trace context.
        var refreshes = traces.All.Where(a => a.OperationName.StartsWith("sprig.refresh", StringComparison.Ordinal)).Select(a => a.SpanId).ToHashSet();
        var served = traces.All.Where(a => a.OperationName == "nt/Calc/Add" && a.Kind == ActivityKind.Server).ToList();
        served.Should().Contain(a => a.ParentSpanId == default, "a plain NATS request carries no trace context");
        served.Should().NotContain(a => refreshes.Contains(a.ParentSpanId), "nothing ambient may stand in for the missing trace context");
    }
}
