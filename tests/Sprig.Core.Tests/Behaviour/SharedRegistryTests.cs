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

    public class SharedGreeter
    {
    }
}
