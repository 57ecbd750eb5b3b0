using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Sprig.Tests.Shared;
using Sprig.Tests.Support;

namespace Sprig.Tests.Telemetry;

/// <summary>Endpoint calls in one process are a client and a server activity of one trace, tagged after OpenTelemetry's RPC conventions.</summary>
public sealed class EndpointTracingTests
{
    [Component(Namespace = "tel")]
    public sealed class Greeter
    {
        public ActivityContext? SeenBy { get; private set; }

        [Endpoint("hello")]
        public string Hello(string name)
        {
            SeenBy = Activity.Current?.Context;
            return $"Hello, {name}!";
        }

        [Endpoint("fail")]
        public string Fail() => throw new InvalidOperationException("no");

        [Endpoint("count")]
        public async IAsyncEnumerable<int> Count(int to)
        {
            for (var i = 1; i <= to; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }
    }

    [Fact]
    public async Task InProcessCall_IsAClientAndAServerActivity_OfTheCallersTrace()
    {
        using var traces = new TraceCollector();
        using var context = Contexts.Refreshed(typeof(Greeter));
        ActivityContext root;

        using (var test = TraceCollector.Root())
        {
            root = test.Context;
            (await context.Endpoints.InvokeAsync("tel/Greeter/hello", JsonSerializer.SerializeToElement("Ada"))).GetString().Should().Be("Hello, Ada!");
        }

        var spans = traces.Of(root.TraceId);
        var client = spans.Single(a => a.Kind == ActivityKind.Client);
        var server = spans.Single(a => a.Kind == ActivityKind.Server);
        client.OperationName.Should().Be("tel/Greeter/hello");
        client.ParentSpanId.Should().Be(root.SpanId);
        server.OperationName.Should().Be("tel/Greeter/hello");
        server.ParentSpanId.Should().Be(client.SpanId);
        server.TagObjects.Should().Contain(new KeyValuePair<string, object?>[]
        {
            new("rpc.system", "sprig"), new("rpc.service", "tel/Greeter"), new("rpc.method", "hello"), new("sprig.transport", "in-process"),
        });
        context.Get<Greeter>().SeenBy!.Value.SpanId.Should().Be(server.SpanId, "the endpoint runs inside the server activity");
    }

    [Fact]
    public async Task FailedCall_MarksBothActivities_WithTheErrorType()
    {
        using var traces = new TraceCollector();
        using var context = Contexts.Refreshed(typeof(Greeter));
        ActivityTraceId trace;

        using (var test = TraceCollector.Root())
        {
            trace = test.TraceId;
            var call = () => context.Endpoints.InvokeAsync("tel/Greeter/fail", default);
            await call.Should().ThrowAsync<InvalidOperationException>();
        }

        traces.Of(trace).Should().HaveCount(2).And.OnlyContain(a =>
            a.Status == ActivityStatusCode.Error && (string?)a.GetTagItem("error.type") == "System.InvalidOperationException");
    }

    [Fact]
    public async Task Stream_IsOneServerActivity_ForTheWholeEnumeration_CountingItsItems()
    {
        using var traces = new TraceCollector();
        using var context = Contexts.Refreshed(typeof(Greeter));
        ActivityTraceId trace;
        var items = new List<int>();

        using (var test = TraceCollector.Root())
        {
            trace = test.TraceId;
            await foreach (var item in context.Endpoints.StreamAsync("tel/Greeter/count", JsonSerializer.SerializeToElement(3)))
            {
                items.Add(item.GetInt32());
            }
        }

        items.Should().Equal(1, 2, 3);
        var server = traces.Of(trace).Single(a => a.Kind == ActivityKind.Server);
        server.GetTagItem("sprig.stream.items").Should().Be(3L);
        server.ParentSpanId.Should().Be(traces.Of(trace).Single(a => a.Kind == ActivityKind.Client).SpanId);
    }

    [Fact]
    public async Task CallDurations_AreRecorded_OnBothSides_WithTheRpcTags()
    {
        var recorded = new System.Collections.Concurrent.ConcurrentBag<(string Instrument, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Sprig")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
            recorded.Add((instrument.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        meters.Start();
        using var context = Contexts.Refreshed(typeof(Greeter));

        await context.Endpoints.InvokeAsync("tel/Greeter/hello", JsonSerializer.SerializeToElement("Ada"));

        var mine = recorded.Where(r => Equals(r.Tags.GetValueOrDefault("rpc.service"), "tel/Greeter") && Equals(r.Tags.GetValueOrDefault("rpc.method"), "hello")).ToList();
        mine.Select(r => r.Instrument).Should().BeEquivalentTo("rpc.client.duration", "rpc.server.duration");
        mine.Should().OnlyContain(r => Equals(r.Tags["rpc.system"], "sprig") && Equals(r.Tags["sprig.transport"], "in-process") && !r.Tags.ContainsKey("error.type"));
    }

    [Fact]
    public void Refresh_IsOneActivity_WithAChildPerPhase()
    {
        using var traces = new TraceCollector();
        ActivityContext root;

        using (var test = TraceCollector.Root())
        {
            root = test.Context;
            using var context = Contexts.Refreshed(typeof(Greeter));
        }

        var spans = traces.Of(root.TraceId);
        var refresh = spans.Single(a => a.OperationName == "sprig.refresh");
        refresh.ParentSpanId.Should().Be(root.SpanId);
        spans.Where(a => a.ParentSpanId == refresh.SpanId).Select(a => a.OperationName).Should().Equal("sprig.refresh.plan", "sprig.refresh.create", "sprig.refresh.start");
        spans.Single(a => a.OperationName == "sprig.refresh.create").GetTagItem("sprig.components").Should().BeOfType<int>().Which.Should().BePositive();
    }

    [Theory]
    [InlineData("00:00:00", true)]
    [InlineData("01:00:00", false)]
    public void SingletonCreations_AtLeastTheThreshold_AreActivitiesOfTheCreatePhase(string threshold, bool traced)
    {
        using var traces = new TraceCollector();
        ActivityTraceId trace;

        using (var test = TraceCollector.Root())
        {
            trace = test.TraceId;
            using var context = Contexts.Create(Contexts.Registry(typeof(Greeter)), new Dictionary<string, string?> { ["Sprig:Telemetry:CreationThreshold"] = threshold });
            context.Refresh();
        }

        var spans = traces.Of(trace);
        var creations = spans.Where(a => a.OperationName == "sprig.create").ToList();
        if (traced)
        {
            creations.Select(a => a.GetTagItem("sprig.component")).Should().Contain("Greeter");
            creations.Should().OnlyContain(a => a.ParentSpanId == spans.Single(p => p.OperationName == "sprig.refresh.create").SpanId);
        }
        else
        {
            creations.Should().BeEmpty();
        }
    }

    [Fact]
    public void StreamWithBadArguments_ThrowsAtOnce_AndItsActivitiesRecordTheFailure()
    {
        using var traces = new TraceCollector();
        using var context = Contexts.Refreshed(typeof(Greeter));
        ActivityTraceId trace;

        using (var test = TraceCollector.Root())
        {
            trace = test.TraceId;
            var open = () => context.Endpoints.StreamAsync("tel/Greeter/count", JsonSerializer.SerializeToElement("three"));
            open.Should().Throw<EndpointBindingException>();
        }

        traces.Of(trace).Select(a => (a.Kind, a.Status, Error: a.GetTagItem("error.type")))
            .Should().BeEquivalentTo(new[] { (ActivityKind.Server, ActivityStatusCode.Error, (object?)"400"), (ActivityKind.Client, ActivityStatusCode.Error, (object?)"400") });
    }

    [Fact]
    public async Task ActiveCallsAndStreamedItems_AreCounted_EvenWithNoOtherListener()
    {
        var measured = new System.Collections.Concurrent.ConcurrentBag<(string Instrument, long Value)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Sprig" && instrument.Name is "sprig.rpc.server.active_calls" or "sprig.rpc.server.streamed_items")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (tags.ToArray().Any(t => t.Key == "rpc.service" && Equals(t.Value, "tel/Counter")))
            {
                measured.Add((instrument.Name, value));
            }
        });
        meters.Start();
        using var context = Contexts.Refreshed(typeof(Counter));

        await foreach (var _ in context.Endpoints.StreamAsync("tel/Counter/count", JsonSerializer.SerializeToElement(3)))
        {
        }

        measured.Where(m => m.Instrument == "sprig.rpc.server.streamed_items").Sum(m => m.Value).Should().Be(3);
        var active = measured.Where(m => m.Instrument == "sprig.rpc.server.active_calls").Select(m => m.Value).ToList();
        active.Should().HaveCount(2).And.Contain(1).And.Contain(-1, "the call that ended is no longer active");
    }

    [Component(Namespace = "tel")]
    public sealed class Counter
    {
        [Endpoint("count")]
        public async IAsyncEnumerable<int> Count(int to)
        {
            for (var i = 1; i <= to; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }
    }
}
