using System.Diagnostics;
using Sprig.Tests.Shared;
using static Sprig.Web.Tests.RemoteComponents;

namespace Sprig.Web.Tests;

/// <summary>The W3C trace context travels in the HTTP headers of a call through the HTTP transport, into the serving context's activity.</summary>
public sealed class RemoteTracingTests
{
    [Fact]
    public async Task ProxyCallOverHttp_ServingActivity_IsInsideTheRequestSpan_OfTheCallersTrace()
    {
        await using var pair = await RemotePair.StartAsync();
        // ASP.NET Core's request becomes a recorded SERVER span when its source is listened to, as OpenTelemetry setups do.
        using var traces = new TraceCollector("Microsoft.AspNetCore");
        ActivityContext root;

        using (var test = TraceCollector.Root())
        {
            root = test.Context;
            (await pair.Client.Get<ICalculator>().NegateAsync(5)).Should().Be(-5);
        }

        var spans = traces.Of(root.TraceId);
        var client = spans.Single(a => a.Kind == ActivityKind.Client);
        var serving = spans.Single(a => a != client);
        client.ParentSpanId.Should().Be(root.SpanId);
        client.GetTagItem("sprig.transport").Should().Be("http");
        client.OperationName.Should().Be("remote/Calculator/NegateAsync");
        serving.GetTagItem("sprig.transport").Should().Be("http");
        serving.OperationName.Should().Be("remote/Calculator/NegateAsync");
        serving.Kind.Should().Be(ActivityKind.Internal, "ASP.NET Core's request is the server span; Sprig's is inside it, not a second SERVER span");
        var request = traces.OfAnySource(root.TraceId).Single(a => a.Source.Name == "Microsoft.AspNetCore");
        request.Kind.Should().Be(ActivityKind.Server);
        request.HasRemoteParent.Should().BeTrue("HttpClient carried the caller's trace context (its own request span sits between, unrecorded here)");
        serving.ParentSpanId.Should().Be(request.SpanId);
    }
}
