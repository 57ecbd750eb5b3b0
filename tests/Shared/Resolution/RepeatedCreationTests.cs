using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sprig.Conditions;

namespace Sprig.Tests.Resolution;

/// <summary>
/// Prototypes and Request components created again and again after refresh, compiled into Sprig.Core.Tests (JIT: compiled plans)
/// and Sprig.Aot.Tests (dynamic code off: prepared plans through Sprig.Generator's constructors and setters), with the same
/// expected instances and the same whole messages: a difference between the two paths fails one suite.
/// </summary>
public sealed class RepeatedCreationTests
{
    // The components are kept out of the contexts that scan the test assembly.
    private const string Asked = "tests.repeated-creation";

    public interface IClock;

    public sealed class Clock : IClock;

    [Component(Scope = Scope.Prototype), ConditionalOnProperty(Asked)]
    public sealed class Part(IClock clock)
    {
        public IClock Clock { get; } = clock;
    }

    /// <summary>A prototype graph: a singleton and an inlined prototype through the constructor, the same through members.</summary>
    [Component(Scope = Scope.Prototype), ConditionalOnProperty(Asked)]
    public sealed class Machine(IClock clock, Part part)
    {
        public IClock Clock { get; } = clock;

        public Part Part { get; } = part;

        [Inject]
        public Part Spare { get; set; } = null!;

        [Inject]
        public IClock? SpareClock { get; set; }

        [Inject(Required = false)]
        public IDisposable? Missing { get; set; }
    }

    /// <summary>A prototype with a [PostConstruct] hook: created through its own factory, not inlined.</summary>
    [Component(Scope = Scope.Prototype), ConditionalOnProperty(Asked)]
    public sealed class Inspected
    {
        public int Checks { get; private set; }

        [PostConstruct]
        public void Check() => Checks++;
    }

    [Component(Scope = Scope.Prototype), ConditionalOnProperty(Asked)]
    public sealed class Line(Inspected inspected, Machine machine)
    {
        public Inspected Inspected { get; } = inspected;

        public Machine Machine { get; } = machine;
    }

    [Component(Scope = Scope.Request), ConditionalOnProperty(Asked)]
    public sealed class Shift(Part part, IClock clock)
    {
        public Part Part { get; } = part;

        public IClock Clock { get; } = clock;
    }

    [Fact]
    public void Prototypes_AreNewOnEachGet_WithTheSingletonsThemselves_ThroughConstructorsMembersAndHooks()
    {
        using var context = Refreshed(typeof(Clock), typeof(Part), typeof(Machine), typeof(Inspected), typeof(Line));
        var clock = context.Get<IClock>();

        var first = context.Get<Line>();
        var second = context.Get<Line>();

        second.Should().NotBeSameAs(first);
        second.Machine.Should().NotBeSameAs(first.Machine);
        first.Machine.Part.Should().NotBeSameAs(first.Machine.Spare);
        first.Inspected.Checks.Should().Be(1);
        second.Inspected.Checks.Should().Be(1);
        foreach (var line in new[] { first, second })
        {
            line.Machine.Clock.Should().BeSameAs(clock);
            line.Machine.Part.Clock.Should().BeSameAs(clock);
            line.Machine.Spare.Clock.Should().BeSameAs(clock);
            line.Machine.SpareClock.Should().BeSameAs(clock);
            line.Machine.Missing.Should().BeNull();
        }
    }

    [Fact]
    public void RequestComponents_AreOnePerScope_WithTheirPrototypesNewInEach()
    {
        using var context = Refreshed(typeof(Clock), typeof(Part), typeof(Shift));

        using var one = context.CreateScope();
        using var two = context.CreateScope();
        var shift = one.ServiceProvider.GetRequiredService<Shift>();

        one.ServiceProvider.GetRequiredService<Shift>().Should().BeSameAs(shift);
        two.ServiceProvider.GetRequiredService<Shift>().Should().NotBeSameAs(shift);
        two.ServiceProvider.GetRequiredService<Shift>().Part.Should().NotBeSameAs(shift.Part);
        shift.Clock.Should().BeSameAs(context.Get<IClock>());
        shift.Part.Clock.Should().BeSameAs(shift.Clock);
    }

    [Component(Scope = Scope.Prototype), ConditionalOnProperty(Asked)]
    public sealed class BrokenPart
    {
        public BrokenPart() => throw new InvalidOperationException("The part is out of stock.");
    }

    [Component(Scope = Scope.Prototype), ConditionalOnProperty(Asked)]
    public sealed class Assembly(IClock clock, BrokenPart part)
    {
        public IClock Clock { get; } = clock;

        public BrokenPart Part { get; } = part;
    }

    [Component(Scope = Scope.Prototype), ConditionalOnProperty(Asked)]
    public sealed class Gauge
    {
        [Inject]
        public IClock Clock
        {
            get => null!;
            set => throw new ArgumentException("The gauge has no clock face.");
        }
    }

    [Component(Scope = Scope.Prototype), ConditionalOnProperty(Asked)]
    public sealed class Panel
    {
        [Inject]
        public IClock Clock { get; set; } = null!;

        [Inject]
        public Gauge Gauge { get; set; } = null!;
    }

    [Component(Scope = Scope.Prototype), ConditionalOnProperty(Asked)]
    public sealed class Alarm
    {
        [Inject]
        public IClock Clock { get; set; } = null!;

        [PostConstruct]
        public void Arm() => throw new TimeoutException("The alarm did not arm.");
    }

    [Fact]
    public void AFailingInlinedPrototype_IsNamedWithThePath_AndTheStageItFailedIn()
    {
        using var context = Refreshed(typeof(Clock), typeof(BrokenPart), typeof(Assembly));

        // Twice: the second creation takes the path used after the first (a compiled or prepared factory), not refresh's.
        for (var i = 0; i < 2; i++)
        {
            var ex = Assert.Throws<ComponentCreationException>(() => context.Get<Assembly>());

            ex.Message.Should().Be("Creating 'BrokenPart' failed: its constructor threw InvalidOperationException: The part is out of stock. Path: Assembly -> BrokenPart.");
            ex.InnerException.Should().BeOfType<InvalidOperationException>();
        }
    }

    [Fact]
    public void AFailingMember_AndAFailingHook_AreNamed()
    {
        using var context = Refreshed(typeof(Clock), typeof(Gauge), typeof(Panel), typeof(Alarm));

        for (var i = 0; i < 2; i++)
        {
            Assert.Throws<ComponentCreationException>(() => context.Get<Panel>()).Message.Should().Be(
                "Creating 'Gauge' failed: injecting property 'Clock' threw ArgumentException: The gauge has no clock face. Path: Panel -> Gauge.");
            Assert.Throws<ComponentCreationException>(() => context.Get<Alarm>()).Message.Should().Be(
                "Creating 'Alarm' failed: [PostConstruct] method 'Arm' threw TimeoutException: The alarm did not arm. Path: Alarm.");
        }
    }

    public interface IArchive
    {
        string Name { get; }
    }

    public sealed class Archive : IArchive
    {
        public string Name => "archive";
    }

    public abstract class StationBase
    {
        [Inject]
        private readonly IClock? _baseClock = null;

        [Inject]
        public Part? Inherited { get; set; }

        /// <summary>Hidden by <see cref="Station.Shadowed"/>: both are injected, each through the class that declares it.</summary>
        [Inject]
        public IClock? Shadowed { get; set; }

        public IClock? BaseClock => _baseClock;

        public IClock? BaseShadowed => Shadowed;
    }

    /// <summary>
    /// Members of every kind, set after each creation: inherited ones (a private field, a property hidden by one of the same
    /// name), a property declared before the fields, a private readonly field, an init-only property, [Value]s (one whose key is
    /// missing keeps the class's value), an optional member with nothing to inject (also kept) and a [Lazy] link.
    /// </summary>
    [Component(Scope = Scope.Prototype), ConditionalOnProperty(Asked)]
    public sealed class Station : StationBase
    {
        public static readonly IFormatProvider Fallback = System.Globalization.CultureInfo.InvariantCulture;

        [Value(Asked + ".missing")]
        public int Kept = 7;

        [Value(Asked + ".count")]
        internal int Count;

        [Inject]
        private readonly Part? _part = null;

        [Inject]
        public IClock First { get; set; } = null!;

        [Inject]
        public new Part? Shadowed { get; set; }

        [Inject]
        public IClock Initialized { get; init; } = null!;

        [Inject(Required = false)]
        public IDisposable? Absent { get; set; }

        [Inject(Required = false)]
        public IFormatProvider? Optional { get; private set; } = Fallback;

        [Lazy]
        public IArchive Archive { get; set; } = null!;

        public Part? Part => _part;
    }

    [Fact]
    public void Members_OfEveryKind_AreSetOnEachCreation_InheritedPrivateInitOnlyValuesAndLazy()
    {
        using var context = Refreshed(typeof(Clock), typeof(Part), typeof(Archive), typeof(Station));
        var clock = context.Get<IClock>();

        var stations = new[] { context.Get<Station>(), context.Get<Station>(), context.Get<Station>() };

        stations.Distinct().Should().HaveCount(3);
        stations.Select(s => s.Part).Concat(stations.Select(s => s.Inherited)).Concat(stations.Select(s => s.Shadowed)).Distinct().Should().HaveCount(9);
        foreach (var station in stations)
        {
            station.BaseClock.Should().BeSameAs(clock);
            station.BaseShadowed.Should().BeSameAs(clock);
            station.First.Should().BeSameAs(clock);
            station.Initialized.Should().BeSameAs(clock);
            station.Part!.Clock.Should().BeSameAs(clock);
            station.Inherited!.Clock.Should().BeSameAs(clock);
            station.Shadowed!.Clock.Should().BeSameAs(clock);
            station.Count.Should().Be(3);
            station.Kept.Should().Be(7);
            station.Absent.Should().BeNull();
            station.Optional.Should().BeSameAs(Station.Fallback);
            station.Archive.Name.Should().Be("archive");
        }
    }

    public abstract class MeterBase
    {
        [Inject]
        public IClock? Clock { get; set; }
    }

    [Component(Scope = Scope.Prototype), ConditionalOnProperty(Asked)]
    public sealed class Meter : MeterBase
    {
        [Inject(Required = false)]
        public IDisposable? Skipped { get; set; }

        [Inject]
        public Part Part { get; set; } = null!;

        [Inject]
        public IClock Dial
        {
            get => null!;
            set => throw new ArgumentException("The dial is stuck.");
        }

        [Inject]
        public Part After { get; set; } = null!;
    }

    [Component(Scope = Scope.Prototype), ConditionalOnProperty(Asked)]
    public sealed class Cabinet
    {
        [Inject]
        public IClock Clock { get; set; } = null!;

        [Inject]
        public Assembly Assembly { get; set; } = null!;
    }

    [Fact]
    public void AFailingMember_AmongOthers_IsNamed_AndSoIsAFailingPrototypeInjectedIntoAMember()
    {
        using var context = Refreshed(typeof(Clock), typeof(Part), typeof(Meter), typeof(BrokenPart), typeof(Assembly), typeof(Cabinet));

        for (var i = 0; i < 2; i++)
        {
            Assert.Throws<ComponentCreationException>(() => context.Get<Meter>()).Message.Should().Be(
                "Creating 'Meter' failed: injecting property 'Dial' threw ArgumentException: The dial is stuck. Path: Meter.");
            Assert.Throws<ComponentCreationException>(() => context.Get<Cabinet>()).Message.Should().Be(
                "Creating 'BrokenPart' failed: its constructor threw InvalidOperationException: The part is out of stock. Path: Cabinet -> Assembly -> BrokenPart.");
        }
    }

    private static ApplicationContext Refreshed(params Type[] types)
    {
        var registry = new PendingRegistry();
        foreach (var type in types)
        {
            registry.Register(type);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [Asked] = "true", [Asked + ".count"] = "3" }).Build();
        var context = new ApplicationContext(registry, configuration);
        context.Refresh();
        return context;
    }
}
