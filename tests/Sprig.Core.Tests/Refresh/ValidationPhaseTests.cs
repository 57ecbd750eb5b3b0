using Sprig.Refresh;

namespace Sprig.Tests.Refresh;

/// <summary>Phase 4: checks the planned graph and throws every problem at once, each with its path; else returns the graph.</summary>
public sealed class ValidationPhaseTests
{
    public sealed class Chicken(Egg egg)
    {
        public Egg Egg { get; } = egg;
    }

    public sealed class Egg(Chicken chicken)
    {
        public Chicken Chicken { get; } = chicken;
    }

    public sealed class Cart(Basket basket)
    {
        public Basket Basket { get; } = basket;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Basket(Session session)
    {
        public Session Session { get; } = session;
    }

    [Component(Scope = Scope.Request)]
    public sealed class Session
    {
    }

    public sealed class Top(Middle middle)
    {
        public Middle Middle { get; } = middle;
    }

    public sealed class Middle(Bottom bottom)
    {
        public Bottom Bottom { get; } = bottom;
    }

    public sealed class Bottom
    {
    }

    public interface IClock
    {
    }

    public sealed class Scheduler(IClock clock)
    {
        public IClock Clock { get; } = clock;
    }

    public sealed class Dispatcher(Scheduler scheduler)
    {
        public Scheduler Scheduler { get; } = scheduler;
    }

    [Component(DependsOn = ["Botom"])]
    public sealed class Migrations
    {
    }

    [Fact]
    public void Run_ThrowsOneExceptionListingEveryProblem_ForACycleAndAScopeCapture()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Chicken>().Register<Egg>().Register<Cart>().Register<Basket>().Register<Session>());
        var planned = run.Planned();

        var act = () => ValidationPhase.Run(planned, run.Configuration);

        var thrown = act.Should().Throw<ContainerException>().Which;
        thrown.Message.Should().Be(
            "Refresh found 2 problems; nothing was created:\n"
            + "1. Circular dependency: Chicken -> Egg -> Chicken. 'Chicken' cannot be created, because creating it needs 'Egg', which leads back to 'Chicken'. "
            + "Mark one link of the cycle [Lazy] (or inject Lazy<T> or Func<T>) so that it is resolved on first use.\n"
            + "2. Singleton 'Cart' depends on Request-scoped 'Session' (path: Cart -> Basket -> Session). A singleton outlives every request, "
            + "so it would keep one request's instance forever. Make 'Cart' Request- or Prototype-scoped, or make 'Session' a Singleton.");
        thrown.Problems.Should().HaveCount(2);
        thrown.Problems[0].Should().BeOfType<CircularDependencyException>().Which.Path.Should().Equal("Chicken", "Egg", "Chicken");
        thrown.Problems[1].Path.Should().Equal("Cart", "Basket", "Session");
    }

    [Fact]
    public void Run_RendersPlanningProblems_WithThePathFromTheOutermostComponent()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Dispatcher>().Register<Scheduler>());
        var planned = run.Planned();

        var act = () => ValidationPhase.Run(planned, run.Configuration);

        var thrown = act.Should().Throw<ComponentNotFoundException>().Which;
        thrown.Path.Should().Equal("Dispatcher", "Scheduler");
        thrown.Message.Should().Be(
            "'Scheduler' needs a component of type 'ValidationPhaseTests.IClock' for constructor parameter 'clock', but none is registered. "
            + "Path: Dispatcher -> Scheduler. Register a class that is or implements ValidationPhaseTests.IClock (mark it [Component] or [Service]), "
            + "or make it optional by giving the parameter a default value.");
    }

    [Fact]
    public void Run_ReportsUnknownDependsOnNamesAndGovernanceKeys_Together()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Migrations>().Register<Bottom>(),
            new Dictionary<string, string?> { ["Sprig:Governance:Defaults:Retries"] = "often" });
        var planned = run.Planned();

        var act = () => ValidationPhase.Run(planned, run.Configuration);

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Refresh found 2 problems; nothing was created:\n"
            + "1. Configuration key 'Sprig:Governance:Defaults:Retries' is 'often', which is not a whole number of at least -1. "
            + "Set Retries to a number, 0 for the default, or -1 to turn it off.\n"
            + "2. 'Migrations' lists 'Botom' in DependsOn, but no component has that name. Did you mean 'Bottom'? Fix the name, or remove it from DependsOn.");
    }

    [Fact]
    public void Run_LeavesItsInputUnchanged_SoThatRunningItAgainReportsTheSameProblems()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Migrations>().Register<Bottom>());
        var planned = run.Planned();
        var first = Assert.Throws<ComponentNotFoundException>(() => ValidationPhase.Run(planned, run.Configuration));

        var second = Assert.Throws<ComponentNotFoundException>(() => ValidationPhase.Run(planned, run.Configuration));

        second.Message.Should().Be(first.Message);
        planned.Problems.Count.Should().Be(0);
    }

    [Fact]
    public void Run_ReturnsTheGraph_WhosePathsLeadFromTheOutermostComponent()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Top>().Register<Middle>().Register<Bottom>());
        var planned = run.Planned();

        var graph = ValidationPhase.Run(planned, run.Configuration);

        var table = planned.Table;
        string.Join(" -> ", graph.PathTo(table.ByName["Bottom"])).Should().Be("Top -> Middle -> Bottom");
        string.Join(" -> ", graph.PathTo(table.ByName["Middle"])).Should().Be("Top -> Middle");
        graph.PathTo(table.ByName["Top"]).Should().Equal("Top");
    }
}
