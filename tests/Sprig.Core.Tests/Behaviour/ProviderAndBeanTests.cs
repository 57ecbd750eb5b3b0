using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>
/// Components made by code: a [Provider]'s product and a [Configuration] class's [Bean] methods, each following its own scope.
/// A Singleton product is made at refresh (by reflection); a Prototype one after refresh (through the compiled factory).
/// </summary>
public sealed class ProviderAndBeanTests
{
    public interface IPrvClock
    {
        int Serial { get; }
    }

    /// <summary>Counts calls; registered as an instance so that each test has its own.</summary>
    public sealed class PrvTally
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public int Next() => Interlocked.Increment(ref _count);
    }

    public sealed class PrvClock(int serial) : IPrvClock
    {
        public int Serial { get; } = serial;
    }

    public sealed class PrvConnection(string url)
    {
        public string Url { get; } = url;
    }

    public sealed class PrvBanner(string text)
    {
        public string Text { get; } = text;
    }

    public sealed class PrvRepository(PrvConnection connection, IPrvClock clock)
    {
        public PrvConnection Connection { get; } = connection;

        public IPrvClock Clock { get; } = clock;
    }

    [Provider]
    public sealed class PrvClockProvider(PrvTally tally) : IProvider<IPrvClock>
    {
        public IPrvClock Get() => new PrvClock(tally.Next());
    }

    [Provider("ticker", Scope = Scope.Prototype)]
    public sealed class PrvTickerProvider(PrvTally tally) : IProvider<PrvClock>
    {
        public PrvClock Get() => new(tally.Next());
    }

    [Provider("clock")]
    public sealed class PrvFirstClockProvider : IProvider<IPrvClock>
    {
        public IPrvClock Get() => new PrvClock(1);
    }

    [Provider("clock")]
    public sealed class PrvSecondClockProvider : IProvider<IPrvClock>
    {
        public IPrvClock Get() => new PrvClock(2);
    }

    [Component]
    public sealed class PrvTypoUser
    {
        [InjectByName("PrvClockProvidr")]
        public IPrvClock? Clock { get; set; }
    }

    [Component]
    public sealed class PrvClockUser(IPrvClock clock)
    {
        public IPrvClock Clock { get; } = clock;
    }

    [Provider]
    public sealed class PrvNotAProvider
    {
    }

    [Provider]
    public sealed class PrvNullProvider : IProvider<PrvConnection>
    {
        public PrvConnection Get() => null!;
    }

    [Configuration]
    public sealed class PrvDataConfig(PrvTally tally)
    {
        public int ConnectionCalls { get; private set; }

        [Bean]
        public PrvConnection Connection()
        {
            ConnectionCalls++;
            return new PrvConnection("db://main");
        }

        // Private and static factory methods are found too; as Prototypes they run through the compiled factory.
        [Bean("repository", Scope = Scope.Prototype)]
        private PrvRepository MakeRepository(PrvConnection connection, IPrvClock clock) => new(connection, clock);

        [Bean(Scope = Scope.Prototype)]
        public IPrvClock StampedClock() => new PrvClock(tally.Next());

        [Bean(Scope = Scope.Prototype)]
        internal static PrvBanner StaticBanner() => new("static");
    }

    [Configuration]
    public sealed class PrvLeftConfig
    {
        [Bean]
        public PrvBanner Banner() => new("left");
    }

    [Configuration]
    public sealed class PrvRightConfig
    {
        [Bean]
        public PrvBanner Banner() => new("right");
    }

    [Configuration]
    public sealed class PrvVoidBeanConfig
    {
        [Bean]
        public void Nothing()
        {
        }
    }

    [Configuration]
    public sealed class PrvGenericBeanConfig
    {
        [Bean]
        public T Make<T>()
            where T : new() => new();
    }

    [Fact]
    public void Provider_Product_IsWhatGetReturns_ByNameAndType()
    {
        var tally = new PrvTally();
        using var ctx = Create(tally, typeof(PrvClockProvider));
        ctx.Refresh();

        var clock = ctx.Get<IPrvClock>("PrvClockProvider");

        clock.Should().BeOfType<PrvClock>();
        ctx.Get("PrvClockProvider").Should().BeSameAs(clock);
        ctx.Get<IPrvClock>().Should().BeSameAs(clock);
        ctx.GetAll<IPrvClock>().Should().Equal(clock);
    }

    [Fact]
    public void Provider_GetRunsOnce_WhenProviderIsSingleton()
    {
        var tally = new PrvTally();
        using var ctx = Create(tally, typeof(PrvClockProvider), typeof(PrvClockUser));
        ctx.Refresh();

        var first = ctx.Get<IPrvClock>();

        ctx.Get<IPrvClock>().Should().BeSameAs(first);
        ctx.Get<PrvClockUser>().Clock.Should().BeSameAs(first);
        tally.Count.Should().Be(1);
    }

    [Fact]
    public void Provider_GetRunsEachTime_WhenProviderIsPrototype()
    {
        var tally = new PrvTally();
        using var ctx = Create(tally, typeof(PrvTickerProvider));
        ctx.Refresh();
        tally.Count.Should().Be(0);

        var first = ctx.Get<PrvClock>("ticker");
        var second = ctx.Get<PrvClock>();

        first.Serial.Should().Be(1);
        second.Serial.Should().Be(2);
        ctx.Contains("PrvTickerProvider").Should().BeFalse();
    }

    [Fact]
    public void Refresh_Throws_WhenTwoProvidersShareAName()
    {
        using var ctx = Contexts.Create(typeof(PrvFirstClockProvider), typeof(PrvSecondClockProvider));

        var act = () => ctx.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Two components are named 'clock': provider ProviderAndBeanTests.PrvFirstClockProvider and provider ProviderAndBeanTests.PrvSecondClockProvider. "
            + "Give one of them another name (e.g. [Component(\"clock2\")]) or remove one of the registrations.");
    }

    [Fact]
    public void Refresh_SuggestsProductName_NotProviderInternals_WhenInjectByNameIsMisspelt()
    {
        using var ctx = Create(new PrvTally(), typeof(PrvClockProvider), typeof(PrvTypoUser));

        var act = () => ctx.Refresh();

        act.Should().Throw<ComponentNotFoundException>().Which.Message.Should().Be(
            "'PrvTypoUser' needs the component named 'PrvClockProvidr' for property 'Clock', but no component has that name. "
            + "Did you mean 'PrvClockProvider'? Path: PrvTypoUser. Fix the name, or register a component named 'PrvClockProvidr'.");
    }

    [Fact]
    public void Register_Throws_WhenProviderDoesNotImplementIProvider()
    {
        var registry = new PendingRegistry();

        var act = () => registry.Register<PrvNotAProvider>();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "'ProviderAndBeanTests.PrvNotAProvider' is marked [Provider] but does not implement IProvider<T>. "
            + "Implement IProvider<T> to say what it provides, or mark it [Component] instead.");
        registry.Count.Should().Be(0);
    }

    [Fact]
    public void Refresh_Throws_WhenProviderReturnsNull()
    {
        using var ctx = Contexts.Create(typeof(PrvNullProvider));

        var act = () => ctx.Refresh();

        act.Should().Throw<ComponentCreationException>().Which.Message.Should().Be(
            "Creating 'PrvNullProvider' failed: provider 'ProviderAndBeanTests.PrvNullProvider'.Get() returned null. "
            + "A factory must return the component; register nothing instead (or use a condition) when there is nothing to provide. "
            + "Path: PrvNullProvider.");
    }

    [Fact]
    public void Bean_IsNamedAfterMethod_OrTheGivenName()
    {
        var tally = new PrvTally();
        using var ctx = Create(tally, typeof(PrvDataConfig));
        ctx.Refresh();

        ctx.Get("PrvDataConfig").Should().BeOfType<PrvDataConfig>();
        ctx.Get("Connection").Should().BeOfType<PrvConnection>().Which.Url.Should().Be("db://main");
        ctx.Get("repository").Should().BeOfType<PrvRepository>();
        ctx.Get("StampedClock").Should().BeOfType<PrvClock>();
        ctx.Get<PrvBanner>("StaticBanner").Text.Should().Be("static");
        ctx.Get<PrvBanner>().Should().NotBeSameAs(ctx.Get<PrvBanner>());
        ctx.Contains("MakeRepository").Should().BeFalse();
    }

    [Fact]
    public void Bean_SingletonMethodRunsOnce_AndPrototypeMethodRunsEachTime()
    {
        var tally = new PrvTally();
        using var ctx = Create(tally, typeof(PrvDataConfig));
        ctx.Refresh();

        ctx.Get<PrvConnection>().Should().BeSameAs(ctx.Get("Connection"));
        ctx.Get<PrvDataConfig>().ConnectionCalls.Should().Be(1);

        var first = ctx.Get<IPrvClock>();
        var second = ctx.Get<IPrvClock>();
        first.Should().NotBeSameAs(second);
        tally.Count.Should().Be(2);
    }

    [Fact]
    public void Bean_MethodParameters_AreInjectedByType()
    {
        var tally = new PrvTally();
        using var ctx = Create(tally, typeof(PrvDataConfig));
        ctx.Refresh();

        var repository = ctx.Get<PrvRepository>();

        repository.Should().NotBeSameAs(ctx.Get<PrvRepository>());
        repository.Connection.Should().BeSameAs(ctx.Get<PrvConnection>());
        repository.Clock.Should().BeOfType<PrvClock>();
    }

    [Fact]
    public void Refresh_Throws_WhenBeansOfTwoConfigurationsShareAName()
    {
        using var ctx = Contexts.Create(typeof(PrvLeftConfig), typeof(PrvRightConfig));

        var act = () => ctx.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Two components are named 'Banner': [Bean] method ProviderAndBeanTests.PrvLeftConfig.Banner and "
            + "[Bean] method ProviderAndBeanTests.PrvRightConfig.Banner. "
            + "Give one of them another name (e.g. [Component(\"Banner2\")]) or remove one of the registrations.");
    }

    [Fact]
    public void Register_Throws_WhenBeanMethodReturnsVoid()
    {
        var registry = new PendingRegistry();

        var act = () => registry.Register<PrvVoidBeanConfig>();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "[Bean] method 'ProviderAndBeanTests.PrvVoidBeanConfig.Nothing' cannot make a component: it returns void. "
            + "A [Bean] method returns the component it makes and has no type parameters.");
        registry.Count.Should().Be(0);
    }

    [Fact]
    public void Register_Throws_WhenBeanMethodIsGeneric()
    {
        var registry = new PendingRegistry();

        var act = () => registry.Register<PrvGenericBeanConfig>();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "[Bean] method 'ProviderAndBeanTests.PrvGenericBeanConfig.Make' cannot make a component: it is generic. "
            + "A [Bean] method returns the component it makes and has no type parameters.");
    }

    private static ApplicationContext Create(PrvTally tally, params Type[] types) =>
        Contexts.Create(Contexts.Registry(types).RegisterInstance("PrvTally", tally));
}
