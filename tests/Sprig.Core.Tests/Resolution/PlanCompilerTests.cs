using Sprig.Tests.Support;

namespace Sprig.Tests.Resolution;

/// <summary>What a prototype's compiled factory (used after refresh) gives its dependencies, compared with the singletons themselves.</summary>
public sealed class PlanCompilerTests
{
    public interface IRate
    {
        decimal Value { get; }
    }

    /// <summary>A value-type singleton: boxed once when registered.</summary>
    public readonly struct Rate(decimal value) : IRate
    {
        public decimal Value { get; } = value;
    }

    public interface IClock;

    public sealed class Clock : IClock;

    [Component(Scope = Scope.Prototype)]
    public sealed class Quote(IRate rate, IClock clock)
    {
        public IRate Rate { get; } = rate;

        public IClock Clock { get; } = clock;
    }

    [Fact]
    public void CompiledFactory_GivesEveryPrototypeTheSingletonsThemselves_AlsoAValueTypeOne()
    {
        var registry = new PendingRegistry().RegisterInstance("rate", new Rate(1.25m)).Register<Clock>().Register<Quote>();
        using var context = Contexts.Create(registry);
        context.Refresh();
        var rate = context.Get("rate");

        var first = context.Get<Quote>();
        var second = context.Get<Quote>();

        second.Should().NotBeSameAs(first);
        first.Rate.Should().BeSameAs(rate, "a boxed singleton is passed as it is, not unboxed and boxed again");
        second.Rate.Should().BeSameAs(rate);
        first.Clock.Should().BeSameAs(context.Get<Clock>());
        second.Clock.Should().BeSameAs(first.Clock);
    }
}
