using Microsoft.Extensions.Configuration;

namespace Sprig.Web.Tests;

/// <summary>ServeAsync of a context that is not running says what to do for the state it is in.</summary>
public sealed class ServeAsyncStateTests
{
    [Fact]
    public async Task ServeAsync_OfAContextNotRefreshed_SaysToRefreshIt()
    {
        await using var context = new ApplicationContext(new PendingRegistry(), new ConfigurationBuilder().Build());

        (await context.Invoking(c => c.ServeAsync("http://127.0.0.1:0")).Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be(
            "The context is Created: only a running context can be served. Call context.Refresh() first.");
    }

    [Fact]
    public async Task ServeAsync_OfAStoppedContext_SaysAContextRunsOnce()
    {
        var context = new ApplicationContext(new PendingRegistry(), new ConfigurationBuilder().Build());
        context.Refresh();
        await context.ShutdownAsync();

        (await context.Invoking(c => c.ServeAsync("http://127.0.0.1:0")).Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be(
            "The context is Stopped: only a running context can be served, and a context runs once. Create a new ApplicationContext and refresh it.");
    }
}
