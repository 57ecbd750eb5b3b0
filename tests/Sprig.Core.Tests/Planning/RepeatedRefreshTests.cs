using Sprig.Tests.Support;

namespace Sprig.Tests.Planning;

/// <summary>
/// A second refresh of the same classes in one process reads their metadata from the cache (TypeScan, DefinitionReader):
/// it must find the same problems and build new, separate components, as a test suite that refreshes many contexts expects.
/// </summary>
public sealed class RepeatedRefreshTests
{
    public sealed class Engine;

    public sealed class Car(Engine engine)
    {
        public Engine Engine { get; } = engine;

        [Inject]
        public Engine? Spare { get; set; }
    }

    public sealed class Ambiguous
    {
        public Ambiguous(Engine engine) => _ = engine;

        public Ambiguous(Car car) => _ = car;
    }

    public sealed class BadHook
    {
        [PostConstruct]
        public int Warm() => 1;
    }

    [Fact]
    public void ASecondContext_OfTheSameClasses_GetsItsOwnComponents()
    {
        using var first = Contexts.Refreshed(typeof(Car), typeof(Engine));
        using var second = Contexts.Refreshed(typeof(Car), typeof(Engine));

        second.Get<Car>().Should().NotBeSameAs(first.Get<Car>());
        second.Get<Car>().Engine.Should().BeSameAs(second.Get<Engine>());
        second.Get<Car>().Spare.Should().BeSameAs(second.Get<Engine>());
        first.Get<Car>().Engine.Should().BeSameAs(first.Get<Engine>());
    }

    [Fact]
    public void ASecondRefresh_OfTheSameBrokenClasses_ReportsTheSameProblems()
    {
        string Failure()
        {
            using var context = Contexts.Create(typeof(Ambiguous), typeof(BadHook), typeof(Car), typeof(Engine));
            return Assert.Throws<ContainerException>(context.Refresh).Message;
        }

        var first = Failure();
        var second = Failure();

        second.Should().Be(first);
        first.Should().Be(string.Join(Environment.NewLine,
            "Refresh found 2 problems; nothing was created:",
            "1. 'Ambiguous' cannot be created: RepeatedRefreshTests.Ambiguous has several public constructors and none is marked [Inject]: "
            + "RepeatedRefreshTests.Ambiguous(RepeatedRefreshTests.Engine engine); RepeatedRefreshTests.Ambiguous(RepeatedRefreshTests.Car car). "
            + "Mark the one to use with [Inject].",
            "2. 'BadHook' has [PostConstruct] method 'Warm' with an unsupported signature. A [PostConstruct] method takes no parameters and returns void or Task."));
    }
}
