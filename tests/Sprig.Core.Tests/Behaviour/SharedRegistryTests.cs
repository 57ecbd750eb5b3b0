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
    public void Get_AfterReset_SaysTheRegistryWasEmptied_AndHowToFillIt()
    {
        PendingRegistry.Reset();
        using var context = Contexts.Create(PendingRegistry.Instance);
        context.Refresh();

        context.Invoking(c => c.Get("UserService")).Should().Throw<ComponentNotFoundException>().Which.Message.Should().Be(
            "No component named 'UserService' is registered: PendingRegistry.Reset() emptied PendingRegistry.Instance, and nothing was registered "
            + "since. Register what the test needs before creating the context (PendingRegistry.Instance.Register<T>(), or .Scan(assembly) for a "
            + "whole assembly), or give the context a registry of its own (new ApplicationContext(new PendingRegistry().Register<T>())).");
        context.Invoking(c => c.Get<SharedGreeter>()).Should().Throw<ComponentNotFoundException>().Which.Message.Should().StartWith(
            "No component of type 'SharedRegistryTests.SharedGreeter' is registered: PendingRegistry.Reset() emptied PendingRegistry.Instance, and nothing was registered since.");
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
