using Sprig.Generated;
using Sprig.Tests.Behaviour;

namespace Sprig.Tests;

/// <summary>That this project's copy of the Core suite really runs on the generated path: the generator's registry and proxies are in.</summary>
public sealed class GeneratedPathTests
{
    [Fact]
    public void TheSuitesComponents_ComeWithGeneratedCode()
    {
        var registry = GeneratedComponents.Of(typeof(GeneratedPathTests).Assembly);

        registry.Should().NotBeNull();
        registry!.Components.Should().Contain(c => c.Type == typeof(LazyProxyTests.FormalGreeter));
        GeneratedComponents.Of(typeof(LazyProxyTests.FormalGreeter))!.Constructors.Should().ContainSingle();
    }

    [Fact]
    public void LazyInterfaces_GetGeneratedProxies_NotCastles()
    {
        GeneratedComponents.ProxyOf(typeof(LazyProxyTests.IGreeter)).Should().NotBeNull();

        using var context = new ApplicationContext(new PendingRegistry()
            .Register<LazyProxyTests.Counter>().Register<LazyProxyTests.FormalGreeter>().Register<LazyProxyTests.PropertyHolder>());
        context.Refresh();

        context.Get<LazyProxyTests.PropertyHolder>().Greeter.GetType().Name.Should().Contain("SprigLazyProxy_");
    }
}
