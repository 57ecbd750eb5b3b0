using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

[Collection(SharedRegistryCollection.Name)]
public class SharedRegistryTests
{
    [Fact]
    public void Reset_EmptiesAndUnfreezesTheSharedRegistry()
    {
        PendingRegistry.Reset();
        PendingRegistry.Instance.Register<SharedGreeter>();
        using (var context = Contexts.Create(PendingRegistry.Instance))
        {
            context.Refresh();
            PendingRegistry.Instance.IsFrozen.Should().BeTrue();
            context.Get<SharedGreeter>().Should().NotBeNull();
        }

        PendingRegistry.Reset();

        PendingRegistry.Instance.IsFrozen.Should().BeFalse();
        PendingRegistry.Instance.Count.Should().Be(0);
        PendingRegistry.Instance.Register<SharedGreeter>().Count.Should().Be(1);
        PendingRegistry.Reset();
    }

    [Fact]
    public void DefaultConstructor_UsesTheSharedRegistry()
    {
        PendingRegistry.Reset();
        PendingRegistry.Instance.Register("greeter", typeof(SharedGreeter));

        using var context = new ApplicationContext();
        context.Refresh();

        context.Get("greeter").Should().BeOfType<SharedGreeter>();
        PendingRegistry.Reset();
    }

    [Fact]
    public void DefaultFactory_BuildsSeveralProviders_FromCopiesOfTheSharedRegistry()
    {
        PendingRegistry.Reset();
        PendingRegistry.Instance.Register<SharedGreeter>();

        var first = (ApplicationContext)new SprigServiceProviderFactory().CreateServiceProvider(new Microsoft.Extensions.DependencyInjection.ServiceCollection());
        var second = (ApplicationContext)new SprigServiceProviderFactory().CreateServiceProvider(new Microsoft.Extensions.DependencyInjection.ServiceCollection());

        first.Get<SharedGreeter>().Should().NotBeSameAs(second.Get<SharedGreeter>());
        PendingRegistry.Instance.IsFrozen.Should().BeFalse("each host works on its own copy");
        first.Dispose();
        second.Dispose();
        PendingRegistry.Reset();
    }

    public class SharedGreeter
    {
    }
}
