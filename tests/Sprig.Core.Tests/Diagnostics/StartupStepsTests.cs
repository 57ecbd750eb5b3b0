using Sprig.Tests.Support;

namespace Sprig.Tests.Diagnostics;

/// <summary><see cref="ApplicationContext.StartupSteps"/>: the refresh phases and each component's creation and hooks, timed.</summary>
public sealed class StartupStepsTests
{
    [Component]
    public sealed class TlRepository
    {
        public bool Ready { get; private set; }

        [PostConstruct]
        public void Open() => Ready = true;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class TlWidget;

    [Component]
    public sealed class TlService(TlRepository repository, TlWidget widget)
    {
        public object[] Parts => [repository, widget];
    }

    [Component]
    public sealed class TlServer(TlService service)
    {
        public bool Started { get; private set; }

        public TlService Service => service;

        [OnStart]
        public Task StartAsync()
        {
            Started = true;
            return Task.CompletedTask;
        }
    }

    private static readonly string[] Phases = ["registration", "conditions", "planning", "validation", "ordering", "instantiation", "start"];

    private static ApplicationContext Refreshed()
    {
        // Registered dependents first: the creation order, not the registration order, decides.
        var context = Contexts.Create(Contexts.Registry(typeof(TlServer), typeof(TlService), typeof(TlWidget), typeof(TlRepository)));
        context.Refresh();
        return context;
    }

    private static TimeSpan End(StartupStep step) => step.Start + step.Duration;

    [Fact]
    public void StartupSteps_HaveOneStepPerPhase_InPipelineOrder_WithoutOverlap()
    {
        using var context = Refreshed();

        var phases = context.StartupSteps.Where(s => s.Name == s.Phase).ToList();

        phases.Select(s => s.Phase).Should().Equal(Phases);
        phases[0].Start.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero);
        for (var i = 1; i < phases.Count; i++)
        {
            phases[i].Start.Should().BeGreaterThanOrEqualTo(End(phases[i - 1]), $"'{phases[i].Phase}' begins after '{phases[i - 1].Phase}' ends");
        }

        context.StartupSteps.Should().OnlyContain(s => s.Duration >= TimeSpan.Zero);
    }

    [Fact]
    public void StartupSteps_ListEachComponentsCreationAndHooks_InTheOrderTheyBegan()
    {
        using var context = Refreshed();

        var steps = context.StartupSteps.Where(s => s.Name != s.Phase).Select(s => $"{s.Phase} {s.Name}");

        // The repository and the service are created in dependency order; the widget, a prototype, is made while the service is.
        steps.Should().Equal("create TlRepository", "post-construct TlRepository", "create TlService", "create TlWidget", "create TlServer", "on-start TlServer");
    }

    [Fact]
    public void StartupSteps_NestCreationsOfDependenciesMadeOnTheWay_AndFollowDependenciesCreatedBefore()
    {
        using var context = Refreshed();
        var steps = context.StartupSteps;
        StartupStep Step(string phase, string name) => steps.Single(s => s.Phase == phase && s.Name == name);

        var repository = Step("create", "TlRepository");
        var opened = Step("post-construct", "TlRepository");
        var service = Step("create", "TlService");
        var widget = Step("create", "TlWidget");
        var server = Step("create", "TlServer");

        opened.Start.Should().BeGreaterThanOrEqualTo(End(repository), "[PostConstruct] runs once the component is constructed and injected");
        service.Start.Should().BeGreaterThanOrEqualTo(End(opened), "a singleton dependency is created, hooks included, before what needs it");
        widget.Start.Should().BeGreaterThanOrEqualTo(service.Start, "a prototype dependency is created inside the creation of what needs it");
        End(widget).Should().BeLessThanOrEqualTo(End(service));
        server.Start.Should().BeGreaterThanOrEqualTo(End(service));
    }

    [Fact]
    public void StartupSteps_PutCreationsInTheInstantiationPhase_AndOnStartHooksInTheStartPhase()
    {
        using var context = Refreshed();
        var steps = context.StartupSteps;
        var instantiation = steps.Single(s => s.Phase == "instantiation");
        var start = steps.Single(s => s.Phase == "start");

        steps.Where(s => s.Phase is "create" or "post-construct").Should().OnlyContain(s => s.Start >= instantiation.Start && End(s) <= End(instantiation));
        steps.Where(s => s.Phase == "on-start").Should().ContainSingle().Which.Should().Match<StartupStep>(s => s.Start >= start.Start && End(s) <= End(start));
    }

    [Fact]
    public void StartupSteps_AreTheSame_WhenReadAgain_AndDoNotGrowAfterRefresh()
    {
        var context = Refreshed();
        var first = context.StartupSteps;

        for (var i = 0; i < 3; i++)
        {
            context.Get<TlWidget>();
            using var scope = context.CreateScope();
        }

        context.StartupSteps.Should().Equal(first);
        context.Dispose();
        context.StartupSteps.Should().Equal(first, "shutdown keeps the timeline");
    }

    [Fact]
    public void StartupSteps_AreEmpty_BeforeRefresh()
    {
        using var context = Contexts.Create(typeof(TlRepository));

        context.StartupSteps.Should().BeEmpty();
    }

    [Component]
    public sealed class TlBroken
    {
        public TlBroken(TlRepository repository) => throw new InvalidOperationException($"no disk for {repository}");
    }

    [Fact]
    public void StartupSteps_KeepTheStepsUpToTheFailure_WhenRefreshFails()
    {
        using var context = Contexts.Create(typeof(TlRepository), typeof(TlBroken));

        var refresh = () => context.Refresh();

        refresh.Should().Throw<ComponentCreationException>();
        context.StartupSteps.Select(s => $"{s.Phase} {s.Name}").Should().Equal(
            "registration registration", "conditions conditions", "planning planning", "validation validation", "ordering ordering",
            "instantiation instantiation", "create TlRepository", "post-construct TlRepository", "create TlBroken");
    }
}
