using Sprig.Refresh;

namespace Sprig.Tests.Refresh;

/// <summary>Phase 5: the creation order puts each component after what it needs eagerly, and keeps registration order otherwise.</summary>
public sealed class OrderingPhaseTests
{
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

    [Component(DependsOn = ["Late"])]
    public sealed class Early
    {
    }

    public sealed class Late
    {
    }

    public sealed class Zeta
    {
    }

    public sealed class Alpha
    {
    }

    public sealed class Mu
    {
    }

    // [Lazy] proxies need a public interface (Castle DynamicProxy).
    public interface IStore
    {
        string Name { get; }
    }

    public sealed class Store : IStore
    {
        public string Name => "store";
    }

    public sealed class ProxyReader([Lazy] IStore store)
    {
        public IStore Store { get; } = store;
    }

    public sealed class LazyReader(Lazy<Store> store)
    {
        public Lazy<Store> Store { get; } = store;
    }

    public sealed class FuncReader(Func<Store> store)
    {
        public Func<Store> Store { get; } = store;
    }

    public sealed class EagerReader(IStore store)
    {
        public IStore Store { get; } = store;
    }

    [Fact]
    public void Run_PutsDependenciesBeforeDependents()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Top>().Register<Early>().Register<Middle>().Register<Late>().Register<Bottom>());
        var (planned, graph) = run.Validated();

        var order = OrderingPhase.Run(graph);

        order.Select(e => e.Name).Should().Equal("Bottom", "Middle", "Top", "Late", "Early");
        order.Should().OnlyContain(e => planned.Table.Entries.Contains(e));
    }

    [Fact]
    public void Run_KeepsRegistrationOrder_WhenNothingDependsOnAnything()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Zeta>().Register<Alpha>().Register<Mu>());

        var order = OrderingPhase.Run(run.Validated().Graph);

        order.Select(e => e.Name).Should().Equal("Zeta", "Alpha", "Mu");
    }

    [Fact]
    public void Run_IgnoresLazyLinks_WhenOrdering()
    {
        using var run = new PhaseRun(new PendingRegistry()
            .Register<ProxyReader>().Register<LazyReader>().Register<FuncReader>().Register<EagerReader>().Register<Store>());

        var order = OrderingPhase.Run(run.Validated().Graph);

        // Only the eager reader waits for the store; the lazy ones keep their registration order before it.
        order.Select(e => e.Name).Should().Equal("ProxyReader", "LazyReader", "FuncReader", "Store", "EagerReader");
    }
}
