using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Sprig.Tests.Controllers;

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

    [Fact]
    public async Task ClientThatResetsMidBody_IsNoLoggedFailure_AndTheEndpointNeverRuns()
    {
        var aborting = new AbortingClient("/rpc/t/Journal/Write");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
        var context = new ApplicationContext(new PendingRegistry().Register<Journal>(), builder.Configuration);
        builder.UseSprig(context);
        var app = builder.Build();
        aborting.Watch(app);
        app.MapSprig();
        await app.StartAsync();
        var logs = app.Services.GetFakeLogCollector();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

            var status = await aborting.PostHalfABodyThenResetAsync(address);

            status.Should().Be(400, "as a controller action's: the status alone, which the client never reads");
            context.Get<Journal>().Calls.Should().Be(0);
        }
        finally
        {
            // Stopping the host finishes every request, so whatever the aborted one logs is in by now.
            await app.DisposeAsync();
        }

        // Kestrel may report that it could not drain the reset connection's body, for any route.
        logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning && !r.Message.Contains("automatic draining of the request body failed", StringComparison.Ordinal))
            .Select(r => $"{r.Level} {r.Category}: {r.Message} {r.Exception?.GetType().Name}").Should().BeEmpty();
    }
}
