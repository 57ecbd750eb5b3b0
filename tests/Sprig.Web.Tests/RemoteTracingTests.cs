using System.Diagnostics;
using Sprig.Tests.Shared;
using static Sprig.Web.Tests.RemoteComponents;

namespace Sprig.Web.Tests;

/// <summary>The W3C trace context travels in the HTTP headers of a call through the HTTP transport, into the serving context's activity.</summary>
public sealed class RemoteTracingTests
{
    [Fact]
    public async Task ProxyCallOverHttp_ServerActivity_IsInTheCallersTrace()
    {
        await using var pair = await RemotePair.StartAsync();
        using var traces = new TraceCollector();
        ActivityContext root;

        using (var test = TraceCollector.Root())
        {
            root = test.Context;
            (await pair.Client.Get<ICalculator>().NegateAsync(5)).Should().Be(-5);
        }

        var spans = traces.Of(root.TraceId);
        var client = spans.Single(a => a.Kind == ActivityKind.Client);
        var server = spans.Single(a => a.Kind == ActivityKind.Server);
        client.ParentSpanId.Should().Be(root.SpanId);
        client.GetTagItem("sprig.transport").Should().Be("http");
        client.OperationName.Should().Be("remote/Calculator/NegateAsync");
        server.GetTagItem("sprig.transport").Should().Be("http");
        server.OperationName.Should().Be("remote/Calculator/NegateAsync");
        server.ParentSpanId.Should().NotBe(default(ActivitySpanId), "the serving side continues the caller's trace (through ASP.NET Core's request activity)");
    }
}
