using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>Fetching components from a refreshed context: by name, by type, all of a type, and the errors when that fails.</summary>
public sealed class ResolutionTests
{
    public interface IResSender
    {
    }

    public interface IResNotifier
    {
    }

    public interface IResShape
    {
    }

    public interface IResUnregistered
    {
    }

    public abstract class ResMailerBase
    {
    }

    [Component]
    public sealed class ResMailer : ResMailerBase, IResSender, IResNotifier
    {
    }

    [Component]
    public sealed class ResUserService
    {
    }

    [Component]
    public sealed class ResUserStore
    {
    }

    [Component]
    public sealed class ResCircle : IResShape
    {
    }

    [Component]
    public sealed class ResSquare : IResShape
    {
    }

    [Component]
    public sealed class ResTriangle : IResShape
    {
    }

    private const string NotRefreshed = "The context cannot resolve components while it is Created. Call Refresh() first.";

    [Fact]
    public void Get_ReturnsComponent_ByName()
    {
        using var ctx = Contexts.Refreshed(typeof(ResMailer), typeof(ResUserService));

        ctx.Get("ResUserService").Should().BeOfType<ResUserService>().And.BeSameAs(ctx.Get<ResUserService>());
    }

    [Fact]
    public void GetOfT_ReturnsSameComponent_ForItsClassBaseClassAndEveryInterface()
    {
        using var ctx = Contexts.Refreshed(typeof(ResMailer));
        var mailer = ctx.Get("ResMailer");

        ctx.Get<ResMailer>().Should().BeSameAs(mailer);
        ctx.Get<ResMailerBase>().Should().BeSameAs(mailer);
        ctx.Get<IResSender>().Should().BeSameAs(mailer);
        ctx.Get<IResNotifier>().Should().BeSameAs(mailer);
    }

    [Fact]
    public void GetOfTByName_ReturnsComponent_WhenTypeMatches()
    {
        using var ctx = Contexts.Refreshed(typeof(ResCircle), typeof(ResSquare));

        ctx.Get<IResShape>("ResSquare").Should().BeOfType<ResSquare>();
        ctx.Get<ResCircle>("ResCircle").Should().BeSameAs(ctx.Get("ResCircle"));
    }

    [Fact]
    public void GetOfTByName_Throws_WhenComponentIsOfAnotherType()
    {
        using var ctx = Contexts.Refreshed(typeof(ResMailer), typeof(ResCircle));

        var act = () => ctx.Get<IResShape>("ResMailer");

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Component 'ResMailer' is of type 'ResolutionTests.ResMailer', which is not assignable to 'ResolutionTests.IResShape'. "
            + "Ask for it as 'ResolutionTests.ResMailer' or one of its interfaces, or use the name of a component that is a 'ResolutionTests.IResShape'.");
    }

    [Fact]
    public void GetOfT_Throws_WhenSeveralComponentsMatch()
    {
        using var ctx = Contexts.Refreshed(typeof(ResCircle), typeof(ResSquare));

        var act = () => ctx.Get<IResShape>();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "2 components match type 'ResolutionTests.IResShape': 'ResCircle' (ResolutionTests.ResCircle), 'ResSquare' (ResolutionTests.ResSquare). "
            + "Ask for one by name with Get<ResolutionTests.IResShape>(\"ResCircle\"), or use GetAll<ResolutionTests.IResShape>() for all of them.");
    }

    [Fact]
    public void Get_Throws_WhenNameIsUnknown_AndSuggestsTheClosestName()
    {
        using var ctx = Contexts.Refreshed(typeof(ResUserService), typeof(ResMailer));

        var act = () => ctx.Get("ResUserServise");

        var ex = act.Should().Throw<ComponentNotFoundException>().Which;
        ex.Message.Should().Be(
            "No component named 'ResUserServise' is registered. Did you mean 'ResUserService'? "
            + "Check the spelling, or register one with [Component(\"ResUserServise\")] or PendingRegistry.Register(\"ResUserServise\", type).");
        ex.Requested.Should().Be("ResUserServise");
        ex.Suggestions.Should().Equal("ResUserService");
    }

    [Fact]
    public void Get_Throws_WhenNameIsUnknown_AndListsSeveralCloseNames()
    {
        using var ctx = Contexts.Refreshed(typeof(ResUserService), typeof(ResUserStore), typeof(ResMailer));

        var act = () => ctx.Get("ResUser");

        act.Should().Throw<ComponentNotFoundException>().Which.Message.Should().Be(
            "No component named 'ResUser' is registered. Did you mean one of: 'ResUserStore', 'ResUserService'? "
            + "Check the spelling, or register one with [Component(\"ResUser\")] or PendingRegistry.Register(\"ResUser\", type).");
    }

    [Fact]
    public void Get_Throws_WhenNameIsUnknown_AndNothingIsClose()
    {
        using var ctx = Contexts.Refreshed(typeof(ResUserService));

        var act = () => ctx.Get("Billing");

        act.Should().Throw<ComponentNotFoundException>().Which.Message.Should().Be(
            "No component named 'Billing' is registered. "
            + "Check the spelling, or register one with [Component(\"Billing\")] or PendingRegistry.Register(\"Billing\", type).");
    }

    [Fact]
    public void GetOfT_Throws_WhenTypeIsUnknown()
    {
        using var ctx = Contexts.Refreshed(typeof(ResUserService));

        var act = () => ctx.Get<IResUnregistered>();

        act.Should().Throw<ComponentNotFoundException>().Which.Message.Should().Be(
            "No component of type 'ResolutionTests.IResUnregistered' is registered. "
            + "Register a class that is or implements it (mark it [Component] or [Service]), or use TryGet<ResolutionTests.IResUnregistered> when it is optional.");
    }

    [Fact]
    public void GetService_ReturnsNull_WhenTypeIsUnknown()
    {
        using var ctx = Contexts.Refreshed(typeof(ResUserService));
        ctx.GetService(typeof(IResUnregistered)).Should().BeNull();
        ctx.GetService(typeof(ResUserService)).Should().BeSameAs(ctx.Get<ResUserService>());
    }

    [Fact]
    public void TryGet_ReturnsComponent_WhenExactlyOneMatches()
    {
        using var ctx = Contexts.Refreshed(typeof(ResMailer));

        ctx.TryGet<IResSender>(out var sender).Should().BeTrue();

        sender.Should().BeSameAs(ctx.Get("ResMailer"));
    }

    [Fact]
    public void TryGet_ReturnsFalse_WhenNoneOrSeveralMatch()
    {
        using var ctx = Contexts.Refreshed(typeof(ResCircle), typeof(ResSquare));

        ctx.TryGet<IResUnregistered>(out var missing).Should().BeFalse();
        ctx.TryGet<IResShape>(out var ambiguous).Should().BeFalse();

        missing.Should().BeNull();
        ambiguous.Should().BeNull();
    }

    [Fact]
    public void Contains_TellsWhetherNameIsRegistered()
    {
        using var ctx = Contexts.Refreshed(typeof(ResUserService));

        ctx.Contains("ResUserService").Should().BeTrue();
        ctx.Contains("resuserservice").Should().BeFalse();
        ctx.Contains("ResMailer").Should().BeFalse();
    }

    [Fact]
    public void GetAll_ReturnsEveryMatch_InRegistrationOrder()
    {
        using var ctx = Contexts.Refreshed(typeof(ResTriangle), typeof(ResCircle), typeof(ResMailer), typeof(ResSquare));

        var shapes = ctx.GetAll<IResShape>();

        shapes.Select(s => s.GetType()).Should().Equal(typeof(ResTriangle), typeof(ResCircle), typeof(ResSquare));
        shapes[0].Should().BeSameAs(ctx.Get("ResTriangle"));
        ctx.GetAll<IResUnregistered>().Should().BeEmpty();
    }

    [Fact]
    public void Resolution_Throws_BeforeRefresh()
    {
        using var ctx = Contexts.Create(typeof(ResUserService));

        ((Action)(() => ctx.Get("ResUserService"))).Should().Throw<InvalidOperationException>().Which.Message.Should().Be(NotRefreshed);
        ((Action)(() => ctx.Get<ResUserService>())).Should().Throw<InvalidOperationException>().Which.Message.Should().Be(NotRefreshed);
        ((Action)(() => ctx.Get<ResUserService>("ResUserService"))).Should().Throw<InvalidOperationException>().Which.Message.Should().Be(NotRefreshed);
        ((Action)(() => ctx.TryGet<ResUserService>(out _))).Should().Throw<InvalidOperationException>().Which.Message.Should().Be(NotRefreshed);
        ((Action)(() => ctx.Contains("ResUserService"))).Should().Throw<InvalidOperationException>().Which.Message.Should().Be(NotRefreshed);
        ((Action)(() => ctx.GetAll<ResUserService>())).Should().Throw<InvalidOperationException>().Which.Message.Should().Be(NotRefreshed);
    }

    [Fact]
    public void Get_Throws_AfterShutdown()
    {
        var ctx = Contexts.Refreshed(typeof(ResUserService));
        ctx.Shutdown();

        var act = () => ctx.Get("ResUserService");

        act.Should().Throw<InvalidOperationException>().Which.Message.Should().Be(
            "The context cannot resolve components while it is Stopped. Resolve components only between Refresh() and Shutdown().");
    }
}
