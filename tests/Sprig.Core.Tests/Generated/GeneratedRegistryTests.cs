using Microsoft.Extensions.Configuration;
using Sprig.Generated;

namespace Sprig.Tests.Generated;

/// <summary>
/// How the runtime uses what Sprig.Generator emits, with a registry written by hand the way the generator writes it: scanning
/// takes an assembly's components from its registry, and refresh calls the generated constructors, setters, lifecycle hooks and [Bean] methods.
/// (The generator's own output is tested in Sprig.Generator.Tests.)
/// </summary>
public sealed class GeneratedRegistryTests
{
    /// <summary>
    /// One registry for this test assembly, registered when the assembly loads, as generated code does: before any test reads one
    /// of its classes (a scan of the assembly in another test would otherwise keep the class's definition as reflection reads it).
    /// </summary>
#pragma warning disable CA2255 // a module initializer in a test assembly, as Sprig.Generator writes in applications
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterTheRegistry()
    {
        GeneratedComponents.Register(new GeneratedAssembly(typeof(GeneratedRegistryTests).Assembly,
        [
            new GeneratedComponent(typeof(Engine), [new GeneratedConstructor([], static _ => new Engine("generated constructor"))]),
            new GeneratedComponent(typeof(Car), [new GeneratedConstructor([typeof(Engine)], static a => new Car((Engine)a[0]!, "generated constructor"))])
            {
                Members = [new GeneratedMember("_wheels", static (instance, value) => ((Car)instance).SetWheels((int)value!, "generated setter"))],
                Methods = [new GeneratedMethod("Ready", [], static (instance, _) => ((Car)instance!).MarkReady("generated [PostConstruct] call"))],
            },
            new GeneratedComponent(typeof(Garage), [new GeneratedConstructor([], static _ => new Garage())])
            {
                Methods = [new GeneratedMethod(nameof(Garage.Spare), [typeof(Engine)], static (owner, a) => ((Garage)owner!).Spare((Engine)a[0]!).Tagged("generated [Bean] call"))],
            },

            // What the generator hands over for the planner to take without reflection; it differs from the class here, so that
            // the tests see which one was taken.
            new GeneratedComponent(typeof(Gauge), [new GeneratedConstructor([typeof(Engine)], static a => new Gauge((Engine)a[0]!)) { ParameterNames = ["engineFromTheGenerator"] }])
            {
                ChosenConstructor = 0,
                Attribute = new ComponentAttribute("generatedGauge") { Scope = Scope.Prototype },
            },
            new GeneratedComponent(typeof(Meter), [new GeneratedConstructor([typeof(IClock)], static a => new Meter((IClock)a[0]!)) { ParameterNames = ["clockFromTheGenerator"] }])
            {
                ChosenConstructor = 0,
            },
        ]));
        GeneratedComponents.Register(new GeneratedProxy(typeof(IClock), static resolve => new ClockProxy(resolve)));
    }

    public interface IClock
    {
        string Now();
    }

    [Component]
    public sealed class TowerClock : IClock
    {
        public string Now() => "noon";
    }

    [Component]
    public sealed class Dashboard([Lazy] IClock clock)
    {
        public IClock Clock => clock;
    }

    /// <summary>What the generator writes for a [Lazy] interface: the target resolved on the first call, every member forwarded.</summary>
    private sealed class ClockProxy(Func<object> resolve) : IClock
    {
        private readonly Lazy<IClock> _target = new(() => (IClock)resolve());

        public bool Resolved => _target.IsValueCreated;

        public string Now() => $"{_target.Value.Now()} (through the generated proxy)";
    }

    [Component]
    public sealed class Engine
    {
        public Engine()
            : this("reflection")
        {
        }

        internal Engine(string madeBy) => MadeBy = madeBy;

        public string MadeBy { get; private set; }

        internal Engine Tagged(string by)
        {
            MadeBy = by;
            return this;
        }
    }

    [Component]
    public sealed class Car
    {
        [Value("car:wheels")]
        private int _wheels;

        public Car(Engine engine)
            : this(engine, "reflection")
        {
        }

        internal Car(Engine engine, string madeBy) => (Engine, MadeBy) = (engine, madeBy);

        public Engine Engine { get; }

        public string MadeBy { get; }

        public int Wheels => _wheels;

        public string WheelsSetBy { get; private set; } = "reflection";

        public string ReadyBy { get; private set; } = "nobody";

        internal void SetWheels(int wheels, string by) => (_wheels, WheelsSetBy) = (wheels, by);

        internal object? MarkReady(string by)
        {
            ReadyBy = by;
            return null;
        }

        [PostConstruct]
        private void Ready() => ReadyBy = "reflection";
    }

    [Component("reflectedGauge")]
    public sealed class Gauge(Engine engine)
    {
        public Engine Engine => engine;
    }

    [Component]
    public sealed class Meter(IClock clock)
    {
        public IClock Clock => clock;
    }

    [Configuration]
    public sealed class Garage
    {
        [Bean]
        public Engine Spare(Engine engine) => new("reflection");
    }

    [Theory]
    [InlineData("@A")]
    [InlineData("@A`")]
    [InlineData("@a@")]
    public void ARegistryWhoseFactsDoNotDescribeItsClasses_IsRefused_WithTheFix(string facts)
    {
        var create = () => new GeneratedAssembly(typeof(GeneratedRegistryTests).Assembly, 3, static () => [typeof(Engine), typeof(Car), typeof(Garage)], static _ => null!, facts);

        create.Should().Throw<ArgumentException>().WithMessage(
            $"The generated registry of 'Sprig.Core.Tests' announces 3 component classes, but its facts are {facts.Length} characters, not 3 of '@' to '_' or '?'. "
            + "Rebuild the assembly with the Sprig.Generator of the Sprig.Core it runs with. (Parameter 'facts')");
    }

    [Fact]
    public void AChosenConstructorOutsideTheConstructors_IsRefused()
    {
        var create = () => new GeneratedComponent(typeof(Engine), [new GeneratedConstructor([], static _ => new Engine())]) { ChosenConstructor = 1 };

        create.Should().Throw<ArgumentOutOfRangeException>().WithMessage(
            "The generated component of GeneratedRegistryTests.Engine chooses constructor 1 of 1. Rebuild the assembly with the Sprig.Generator of the Sprig.Core it runs with. "
            + $"(Parameter 'value'){Environment.NewLine}Actual value was 1.");
    }

    [Fact]
    public void ParameterNamesThatAreNotOnePerParameter_AreRefused_WithTheFix()
    {
        var create = () => new GeneratedConstructor([typeof(Engine)], static a => new Car((Engine)a[0]!)) { ParameterNames = ["engine", "extra"] };

        create.Should().Throw<ArgumentException>().WithMessage(
            "A generated constructor of (GeneratedRegistryTests.Engine) has 2 parameter names, not 1. Rebuild the assembly with the Sprig.Generator of the Sprig.Core it runs with. (Parameter 'value')");
    }

    [Fact]
    public void Refresh_TakesTheGeneratedAttributeAndChoiceOfConstructor_InsteadOfReadingThem()
    {
        using var context = new ApplicationContext(new PendingRegistry().Register<Engine>().Register<Gauge>());
        context.Refresh();

        var gauge = (Gauge)context.Get("generatedGauge");

        gauge.Engine.MadeBy.Should().Be("generated constructor");
        context.Get("generatedGauge").Should().NotBeSameAs(gauge, "the generated attribute says Prototype");
        context.Contains("reflectedGauge").Should().BeFalse();
    }

    [Fact]
    public void AProblemWithAParameterOfTheGeneratedChoice_NamesTheParameterAsTheGeneratorDid()
    {
        using var context = new ApplicationContext(new PendingRegistry().Register<Meter>());

        var refresh = () => context.Refresh();

        refresh.Should().Throw<ContainerException>().WithMessage(
            "'Meter' needs a component of type 'GeneratedRegistryTests.IClock' for constructor parameter 'clockFromTheGenerator', but none is registered. "
            + "Path: Meter. Register a class that is or implements GeneratedRegistryTests.IClock (mark it [Component] or [Service]), or make it optional "
            + "by giving the parameter a default value.");
    }

    [Fact]
    public void ScanningAnAssemblyWithARegistry_StillFindsTheClassesTheRegistryLeftOut()
    {
        // The registry holds four classes; scanning finds every attributed class of this assembly (hundreds), private nested
        // ones included, which generated code cannot name and reflection still creates.
        var registry = new PendingRegistry().Scan(typeof(GeneratedRegistryTests).Assembly);

        registry.Count.Should().BeGreaterThan(100);
    }

    [Fact]
    public void Refresh_CallsTheGeneratedConstructorsSettersHooksAndBeanMethods()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["car:wheels"] = "4" }).Build();
        using var context = new ApplicationContext(new PendingRegistry().Register<Engine>().Register<Car>().Register<Garage>(), configuration);
        context.Refresh();

        var car = context.Get<Car>();

        car.MadeBy.Should().Be("generated constructor");
        car.Engine.MadeBy.Should().Be("generated constructor");
        car.Wheels.Should().Be(4);
        car.WheelsSetBy.Should().Be("generated setter");
        car.ReadyBy.Should().Be("generated [PostConstruct] call");
        ((Engine)context.Get("Spare")).MadeBy.Should().Be("generated [Bean] call");
    }

    [Fact]
    public void ALazyInterface_GetsTheGeneratedProxy_WhichResolvesItsTargetOnTheFirstCall()
    {
        using var context = new ApplicationContext(new PendingRegistry().Register<TowerClock>().Register<Dashboard>());
        context.Refresh();

        var clock = context.Get<Dashboard>().Clock;

        clock.Should().BeOfType<ClockProxy>().Which.Resolved.Should().BeFalse();
        clock.Now().Should().Be("noon (through the generated proxy)");
        ((ClockProxy)clock).Resolved.Should().BeTrue();
    }
}
