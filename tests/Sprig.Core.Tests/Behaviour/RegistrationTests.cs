using Sprig.Scanning.Fixtures;
using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>How classes become components: the attributes, their names and scopes, and the registry's own rules.</summary>
public sealed class RegistrationTests
{
    public interface IRegGreeter
    {
        string Greet();
    }

    [Component]
    public sealed class RegWidget
    {
    }

    [Component("gadget")]
    public sealed class RegGadget
    {
    }

    [Service]
    public sealed class RegMailer
    {
    }

    [Service("mail_relay", Scope = Scope.Prototype)]
    public sealed class RegRelay
    {
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class RegTicket
    {
    }

    public sealed class RegPlain
    {
    }

    [Controller]
    public sealed class RegOrdersController
    {
    }

    [Controller(Scope = Scope.Singleton)]
    public sealed class RegStatusController
    {
    }

    [Component("hello")]
    public sealed class RegHello : IRegGreeter
    {
        public string Greet() => "hello";
    }

    public sealed class RegInstanceGreeter(string text) : IRegGreeter
    {
        public string Greet() => text;
    }

    [Component("Shared")]
    public sealed class RegDupFirst
    {
    }

    [Component("Shared")]
    public sealed class RegDupSecond
    {
    }

    [Configuration]
    public sealed class RegBeans
    {
        [Bean]
        public RegPlain First() => new();

        [Bean("second")]
        public RegInstanceGreeter Second() => new("second");
    }

    public interface IRegNotAClass
    {
    }

    [Component]
    public abstract class RegAbstract
    {
    }

    [Fact]
    public void Register_NamesComponentAfterClass_WhenAttributeHasNoName()
    {
        using var ctx = Contexts.Refreshed(typeof(RegWidget));

        ctx.Contains("RegWidget").Should().BeTrue();
        ctx.Get("RegWidget").Should().BeOfType<RegWidget>();
    }

    [Fact]
    public void Register_UsesAttributeName_WhenComponentIsNamed()
    {
        using var ctx = Contexts.Refreshed(typeof(RegGadget));

        ctx.Get("gadget").Should().BeOfType<RegGadget>();
        ctx.Contains("RegGadget").Should().BeFalse();
    }

    [Fact]
    public void Register_MakesSingleton_ForComponentServiceAndUnattributedClass()
    {
        using var ctx = Contexts.Refreshed(typeof(RegWidget), typeof(RegMailer), typeof(RegPlain));

        ctx.Get("RegWidget").Should().BeSameAs(ctx.Get("RegWidget"));
        ctx.Get("RegMailer").Should().BeOfType<RegMailer>().And.BeSameAs(ctx.Get<RegMailer>());
        ctx.Get("RegPlain").Should().BeOfType<RegPlain>().And.BeSameAs(ctx.Get<RegPlain>());
    }

    [Fact]
    public void Register_HonoursNameAndScope_OfServiceAttribute()
    {
        using var ctx = Contexts.Refreshed(typeof(RegRelay));

        ctx.Get("mail_relay").Should().BeOfType<RegRelay>().And.NotBeSameAs(ctx.Get("mail_relay"));
    }

    [Fact]
    public void Register_MakesNewInstanceEachTime_ForPrototype()
    {
        using var ctx = Contexts.Refreshed(typeof(RegTicket));

        ctx.Get<RegTicket>().Should().NotBeSameAs(ctx.Get<RegTicket>());
    }

    [Fact]
    public void Controller_IsRequestScoped_ByDefault()
    {
        using var ctx = Contexts.Refreshed(typeof(RegOrdersController));

        var fromRoot = () => ctx.Get<RegOrdersController>();

        fromRoot.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "'RegOrdersController' is Request-scoped, so it exists only inside a request scope and cannot be resolved from the root context. "
            + "Resolve it through context.CreateScope() (scope.ServiceProvider), or make it Singleton or Prototype.");
        using var scope = ctx.CreateScope();
        var first = scope.ServiceProvider.GetService(typeof(RegOrdersController));
        first.Should().BeOfType<RegOrdersController>();
        scope.ServiceProvider.GetService(typeof(RegOrdersController)).Should().BeSameAs(first);
    }

    [Fact]
    public void Controller_TakesScopeFromAttribute_WhenScopeIsGiven()
    {
        using var ctx = Contexts.Refreshed(typeof(RegStatusController));

        ctx.Get<RegStatusController>().Should().BeSameAs(ctx.Get<RegStatusController>());
    }

    [Fact]
    public void RegisterWithName_UsesGivenName_OverAttributeName()
    {
        var registry = new PendingRegistry().Register("hello_service", typeof(RegHello));
        using var ctx = Contexts.Create(registry);
        ctx.Refresh();

        ctx.Get("hello_service").Should().BeOfType<RegHello>();
        ctx.Contains("hello").Should().BeFalse();
        ctx.Contains("RegHello").Should().BeFalse();
    }

    [Fact]
    public void RegisterGeneric_RegistersLikeRegisterType()
    {
        var registry = new PendingRegistry().Register<RegGadget>().Register<RegWidget>();
        using var ctx = Contexts.Create(registry);
        ctx.Refresh();

        registry.Count.Should().Be(2);
        ctx.Get("gadget").Should().BeOfType<RegGadget>();
        ctx.Get("RegWidget").Should().BeOfType<RegWidget>();
    }

    [Fact]
    public void RegisterInstance_ServesTheSameObject_ByNameClassAndInterface()
    {
        var greeter = new RegInstanceGreeter("hi");
        var registry = new PendingRegistry().RegisterInstance("greeter", greeter);
        using var ctx = Contexts.Create(registry);
        ctx.Refresh();

        ctx.Get("greeter").Should().BeSameAs(greeter);
        ctx.Get<RegInstanceGreeter>().Should().BeSameAs(greeter);
        ctx.Get<IRegGreeter>().Should().BeSameAs(greeter);
    }

    [Fact]
    public void Scan_RegistersAttributedClasses_AlongsideExplicitRegistrations()
    {
        var registry = new PendingRegistry().Scan(typeof(AlphaService).Assembly).Register<RegWidget>();
        using var ctx = Contexts.Create(registry);
        ctx.Refresh();

        ctx.Get<AlphaService>().Should().BeSameAs(ctx.Get("AlphaService"));
        ctx.Get("beta").Should().BeOfType<BetaComponent>();
        ctx.Get("RegWidget").Should().BeOfType<RegWidget>();
        ctx.Contains("PlainClass").Should().BeFalse();
    }

    [Fact]
    public void Count_CountsEveryComponent_IncludingEachBean()
    {
        var registry = new PendingRegistry();
        registry.Count.Should().Be(0);

        registry.Register<RegWidget>().RegisterInstance("greeter", new RegInstanceGreeter("hi")).Register<RegBeans>();

        registry.Count.Should().Be(5); // RegWidget, greeter, RegBeans, First, second
    }

    [Fact]
    public void IsFrozen_BecomesTrue_WhenContextIsRefreshed()
    {
        var registry = Contexts.Registry(typeof(RegWidget));
        registry.IsFrozen.Should().BeFalse();
        using var ctx = Contexts.Create(registry);

        ctx.Refresh();

        registry.IsFrozen.Should().BeTrue();
    }

    [Fact]
    public void Register_Throws_WhenRegistryIsFrozen()
    {
        var registry = Contexts.Registry(typeof(RegWidget));
        using var ctx = Contexts.Create(registry);
        ctx.Refresh();

        var act = () => registry.Register<RegMailer>();

        act.Should().Throw<InvalidOperationException>().Which.Message.Should().Be(
            "Cannot register 'RegMailer': the registry is frozen because a context was refreshed from it. "
            + "Register components before calling Refresh(), or call PendingRegistry.Reset() in a test fixture to start over.");
        registry.Count.Should().Be(1);
    }

    [Fact]
    public void RegisterWithName_Throws_WhenRegistryIsFrozen()
    {
        var registry = new PendingRegistry();
        using var ctx = Contexts.Create(registry);
        ctx.Refresh();

        var byName = () => registry.Register("late_service", typeof(RegMailer));
        var instance = () => registry.RegisterInstance("late_instance", new RegPlain());

        byName.Should().Throw<InvalidOperationException>().Which.Message.Should().Be(
            "Cannot register 'late_service': the registry is frozen because a context was refreshed from it. "
            + "Register components before calling Refresh(), or call PendingRegistry.Reset() in a test fixture to start over.");
        instance.Should().Throw<InvalidOperationException>().Which.Message.Should().Be(
            "Cannot register 'late_instance': the registry is frozen because a context was refreshed from it. "
            + "Register components before calling Refresh(), or call PendingRegistry.Reset() in a test fixture to start over.");
    }

    [Fact]
    public void Refresh_Throws_WhenTwoComponentsShareAName()
    {
        using var ctx = Contexts.Create(typeof(RegDupFirst), typeof(RegDupSecond));

        var act = () => ctx.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Two components are named 'Shared': RegistrationTests.RegDupFirst and RegistrationTests.RegDupSecond. "
            + "Give one of them another name (e.g. [Component(\"Shared2\")]) or remove one of the registrations.");
    }

    [Fact]
    public void Refresh_Throws_WhenInstanceAndClassShareAName()
    {
        var registry = new PendingRegistry().Register<RegHello>().RegisterInstance("hello", new RegInstanceGreeter("hi"));
        using var ctx = Contexts.Create(registry);

        var act = () => ctx.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Two components are named 'hello': RegistrationTests.RegHello and an instance of RegistrationTests.RegInstanceGreeter. "
            + "Give one of them another name (e.g. [Component(\"hello2\")]) or remove one of the registrations.");
    }

    [Theory]
    [InlineData(typeof(IRegNotAClass), "RegistrationTests.IRegNotAClass")]
    [InlineData(typeof(RegAbstract), "RegistrationTests.RegAbstract")]
    [InlineData(typeof(RegGeneric<>), "RegistrationTests.RegGeneric<T>")]
    public void Register_Throws_WhenTypeIsNotAConcreteClass(Type type, string rendered)
    {
        var registry = new PendingRegistry();

        var act = () => registry.Register(type);

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            $"Cannot register '{rendered}': a component must be a concrete, non-generic class. "
            + "Register a class that implements it, or use RegisterInstance for an object you already have.");
        registry.Count.Should().Be(0);
    }

    [Component]
    public sealed class RegGeneric<T>
    {
    }
}
