using Sprig.Refresh;
using Sprig.Tests.Support;

namespace Sprig.Tests.Refresh;

/// <summary>Phase 7: runs [OnStart] hooks in creation order, then slims the plans of created singletons and ends refresh mode.</summary>
public sealed class StartPhaseTests
{
    public sealed class Top(Middle middle, Journal journal)
    {
        public Middle Middle { get; } = middle;

        [OnStart]
        public Task StartAsync()
        {
            journal.Write("start Top");
            return Task.CompletedTask;
        }
    }

    public sealed class Middle(Bottom bottom, Journal journal)
    {
        public Bottom Bottom { get; } = bottom;

        [OnStart]
        public Task StartAsync(CancellationToken cancellationToken)
        {
            journal.Write($"start Middle (can cancel: {cancellationToken.CanBeCanceled})");
            return Task.CompletedTask;
        }
    }

    public sealed class Bottom(Journal journal)
    {
        [OnStart]
        public async Task StartAsync()
        {
            await Task.Yield();
            journal.Write("start Bottom");
        }
    }

    public sealed class Listener
    {
        [OnStart]
        public Task StartAsync() => throw new InvalidOperationException("port 8080 is in use");
    }

    public sealed class Later(Journal journal)
    {
        [OnStart]
        public Task StartAsync()
        {
            journal.Write("start Later");
            return Task.CompletedTask;
        }
    }

    public sealed class Engine
    {
    }

    public sealed class Car(Engine engine)
    {
        public Engine Engine { get; } = engine;

        [PreDestroy]
        public void Park()
        {
        }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Trip(Car car)
    {
        public Car Car { get; } = car;
    }

    [Fact]
    public async Task RunAsync_RunsOnStartHooks_InCreationOrder()
    {
        var journal = new Journal();
        using var run = new PhaseRun(new PendingRegistry().RegisterInstance("journal", journal).Register<Top>().Register<Middle>().Register<Bottom>());
        var (table, graph, order) = run.Ordered();
        InstantiationPhase.Run(table, order, graph, run.Configuration);
        using var cancellation = new CancellationTokenSource();

        await StartPhase.RunAsync(order, graph, cancellation.Token);

        journal.Entries.Should().Equal("start Bottom", "start Middle (can cancel: True)", "start Top");
    }

    [Fact]
    public async Task RunAsync_Throws_WhenAHookThrows_AndRunsNoLaterHook()
    {
        var journal = new Journal();
        using var run = new PhaseRun(new PendingRegistry().RegisterInstance("journal", journal).Register<Listener>().Register<Later>());
        var (table, graph, order) = run.Ordered();
        InstantiationPhase.Run(table, order, graph, run.Configuration);

        var act = () => StartPhase.RunAsync(order, graph, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<ComponentCreationException>()).Which;
        thrown.Message.Should().Be(
            "Starting 'Listener' failed: [OnStart] method 'StartAsync' threw InvalidOperationException: port 8080 is in use. "
            + "Refresh stopped and destroyed what it had created; fix the hook or what it uses, or catch the failure inside the hook if the component can run without it.");
        thrown.Path.Should().Equal("Listener");
        thrown.InnerException.Should().BeOfType<InvalidOperationException>();
        journal.Entries.Should().BeEmpty();
    }

    public sealed class Gateway(Listener listener)
    {
        public Listener Listener { get; } = listener;
    }

    [Fact]
    public async Task RunAsync_NamesThePathToTheComponentWhoseHookThrew()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Gateway>().Register<Listener>());
        var (table, graph, order) = run.Ordered();
        InstantiationPhase.Run(table, order, graph, run.Configuration);

        var act = () => StartPhase.RunAsync(order, graph, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<ComponentCreationException>()).Which;
        thrown.Message.Should().Be(
            "Starting 'Listener' failed: [OnStart] method 'StartAsync' threw InvalidOperationException: port 8080 is in use. Path: Gateway -> Listener. "
            + "Refresh stopped and destroyed what it had created; fix the hook or what it uses, or catch the failure inside the hook if the component can run without it.");
        thrown.Path.Should().Equal("Gateway", "Listener");
    }

    [Fact]
    public async Task RunAsync_Throws_WhenCancelledBeforeAHook()
    {
        var journal = new Journal();
        using var run = new PhaseRun(new PendingRegistry().RegisterInstance("journal", journal).Register<Later>());
        var (table, graph, order) = run.Ordered();
        InstantiationPhase.Run(table, order, graph, run.Configuration);

        var act = () => StartPhase.RunAsync(order, graph, new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        journal.Entries.Should().BeEmpty();
    }

    [Fact]
    public void Finish_SlimsThePlansOfCreatedSingletons_AndEndsRefreshMode()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Car>().Register<Engine>().Register<Trip>());
        var (table, graph, order) = run.Ordered();
        InstantiationPhase.Run(table, order, graph, run.Configuration);
        var car = table.ByName["Car"];
        var trip = table.ByName["Trip"];
        var tripPlan = trip.Plan;
        car.Plan.Arguments.Should().HaveCount(1);
        table.Lifetime.IsRefreshing.Should().BeTrue();

        StartPhase.Finish(table);

        car.Plan.Arguments.Should().BeEmpty();
        car.Plan.Constructor.Should().BeNull();
        car.Plan.Links.Should().BeEmpty();
        car.Plan.PreDestroy.Should().Equal(typeof(Car).GetMethod(nameof(Car.Park))!);
        trip.Plan.Should().BeSameAs(tripPlan);
        table.Lifetime.IsRefreshing.Should().BeFalse();
        // A slimmed singleton still resolves; a prototype is now made by its compiled factory, still from the full plan.
        var made = trip.Resolve(null).Should().BeOfType<Trip>().Subject;
        made.Car.Should().BeSameAs(car.Resolve(null));
    }
}
