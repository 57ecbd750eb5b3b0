using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Sprig.Tests.Controllers;
using Sprig.Web.Tests.Diagnostics;

namespace Sprig.Web.Tests;

/// <summary>A client that resets the connection while an RPC call's body is read: no failure logged, and the endpoint never runs.</summary>
public sealed class RpcAbortTests
{
    [Component(Namespace = "t")]
    public sealed class Journal
    {
        public int Calls { get; private set; }

        [Endpoint]
        public string Write(string text)
        {
            Calls++;
            return text;
        }
    }

    [Theory]
    [InlineData(100, 10)]
    [InlineData(3 * 1024 * 1024, 1024 * 1024)] // a megabyte of a 3 MiB upload, under the default limit of 4 MiB
    public async Task ClientThatResetsMidBody_IsA400WithoutAnError_AndTheEndpointNeverRuns(int length, int sent)
    {
        var aborting = new AbortingClient("/rpc/t/Journal/Write");
        var host = await DiagnosticsHost.StartAsync(
            new PendingRegistry().Register<Journal>(),
            configure: builder => builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging(),
            map: aborting.Watch);
        var logs = host.App.Services.GetFakeLogCollector();
        try
        {
            var status = await aborting.PostPartOfABodyThenResetAsync(host.Client.BaseAddress!, length, sent);

            status.Should().Be(400, "as a controller action's: the status alone, which the client never reads");
            host.Context.Get<Journal>().Calls.Should().Be(0);
        }
        finally
        {
            // Stopping the host finishes every request, so whatever the aborted one logs is in by now.
            await host.DisposeAsync();
        }

        // Kestrel may report that it could not drain the reset connection's body, for any route.
        logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning && !r.Message.Contains("automatic draining of the request body failed", StringComparison.Ordinal))
            .Select(r => $"{r.Level} {r.Category}: {r.Message} {r.Exception?.GetType().Name}").Should().BeEmpty();
    }
}
