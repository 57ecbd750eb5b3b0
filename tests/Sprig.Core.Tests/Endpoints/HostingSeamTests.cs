using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sprig.Hosting;

namespace Sprig.Tests.Endpoints;

/// <summary>The public seams a host serves endpoints through (namespace Sprig.Hosting), used only through the public surface.</summary>
public sealed class HostingSeamTests
{
    [Component(Scope = Scope.Request)]
    public sealed class HsvCounter
    {
        public int Calls { get; set; }

        [Endpoint]
        public int Next() => ++Calls;

        [Endpoint]
        public async IAsyncEnumerable<int> Count(int to)
        {
            for (var i = 1; i <= to; i++)
            {
                await Task.Yield();
                yield return i + Calls;
            }
        }
    }

    private static ApplicationContext Refreshed()
    {
        var context = new ApplicationContext(new PendingRegistry().Register<HsvCounter>());
        context.Refresh();
        return context;
    }

    [Fact]
    public async Task InvokeAsync_RunsInTheCallersScope_WhenRequestServicesGivesOne()
    {
        await using var context = Refreshed();
        await using var scope = (IAsyncDisposable)context.CreateScope();
        var provider = ((IServiceScope)scope).ServiceProvider;
        var call = new EndpointInvocation("default/HsvCounter/Next", default) { RequestServices = () => provider, Transport = "http" };

        await context.Endpoints.InvokeAsync(call);
        var second = await context.Endpoints.InvokeAsync(call);

        second.GetInt32().Should().Be(2);
        provider.GetRequiredService<HsvCounter>().Calls.Should().Be(2);
    }

    [Fact]
    public async Task InvokeAsync_OpensAScopePerCall_WhenRequestServicesIsTheContext()
    {
        await using var context = Refreshed();
        var call = new EndpointInvocation("default/HsvCounter/Next", default) { RequestServices = () => context };

        await context.Endpoints.InvokeAsync(call);
        var second = await context.Endpoints.InvokeAsync(call);

        second.GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task StreamAsync_RunsInTheCallersScope_WhenRequestServicesGivesOne()
    {
        await using var context = Refreshed();
        using var scope = context.CreateScope();
        scope.ServiceProvider.GetRequiredService<HsvCounter>().Calls = 10;
        var call = new EndpointInvocation("default/HsvCounter/Count", JsonSerializer.SerializeToElement(2)) { RequestServices = () => scope.ServiceProvider };

        var items = new List<int>();
        await foreach (var item in context.Endpoints.StreamAsync(call))
        {
            items.Add(item.GetInt32());
        }

        items.Should().Equal(11, 12);
    }

    [Fact]
    public async Task InvokeAsync_Throws_WhenRequestServicesBelongToAnotherContainer()
    {
        await using var context = Refreshed();
        await using var other = Refreshed();
        using var foreign = other.CreateScope();
        var call = new EndpointInvocation("default/HsvCounter/Next", default) { RequestServices = () => foreign.ServiceProvider };

        var invoke = () => context.Endpoints.InvokeAsync(call);

        (await invoke.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().StartWith(
            "A call of 'default/HsvCounter/Next' was given the request services RequestScope, which are not a scope of the context that serves it. "
            + "Pass a scope this context created (CreateScope().ServiceProvider, or the request services of a host that UseSprig made this context its container), or none: the call then opens a scope of its own.");
    }

    [Fact]
    public async Task IsScopeOf_AcceptsTheContextAndItsScopes_Only()
    {
        await using var context = Refreshed();
        await using var other = Refreshed();
        using var own = context.CreateScope();
        using var foreign = other.CreateScope();

        context.IsScopeOf(context).Should().BeTrue();
        context.IsScopeOf(own.ServiceProvider).Should().BeTrue();
        context.IsScopeOf(foreign.ServiceProvider).Should().BeFalse();
        context.IsScopeOf(other).Should().BeFalse();
        context.IsScopeOf(null).Should().BeFalse();
    }

    [Fact]
    public void DescribeFailure_HidesTheExceptionText_WithoutDetails()
    {
        var failure = SprigHosting.DescribeFailure(new InvalidOperationException("secret"), "default/HsvCounter/Next", includeDetails: false);

        failure.Status.Should().Be(500);
        failure.Detail.Should().NotContain("secret");
        failure.ExceptionType.Should().BeNull();
    }

    [Fact]
    public async Task NotFound_SuggestsOnlyVisibleAddresses()
    {
        await using var context = Refreshed();

        var hidden = context.Endpoints.NotFound("default/HsvCounter/Nxt", a => !a.EndsWith("Next", StringComparison.Ordinal));
        var open = context.Endpoints.NotFound("default/HsvCounter/Nxt");

        hidden.Suggestions.Should().NotContain("default/HsvCounter/Next");
        open.Suggestions.Should().Contain("default/HsvCounter/Next");
        open.Address.Should().Be("default/HsvCounter/Nxt");
    }

    [Fact]
    public void Snapshot_CopiesTheRegistry_AndStaysIndependent()
    {
        var registry = new PendingRegistry().Register<HsvCounter>();

        var copy = registry.Snapshot().RegisterInstance("Extra", "x");

        copy.Count.Should().Be(2);
        registry.Count.Should().Be(1);
    }
}
