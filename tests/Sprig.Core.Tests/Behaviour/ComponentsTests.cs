namespace Sprig.Tests.Behaviour;

/// <summary><see cref="ApplicationContext.Components"/>: every component with its class, scope, origin and links, through the public surface.</summary>
public sealed class ComponentsTests
{
    public interface ICmpClock
    {
        DateTime Now { get; }
    }

    public sealed class CmpClock : ICmpClock
    {
        public DateTime Now => DateTime.UnixEpoch;
    }

    [Component(Namespace = "shop")]
    public sealed class CmpOrders(ICmpClock clock, [InjectByName("CmpBanner")] string banner)
    {
        public ICmpClock Clock { get; } = clock;

        public string Banner { get; } = banner;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class CmpReport(Lazy<CmpOrders> orders, IEnumerable<ICmpClock> clocks)
    {
        public CmpOrders Orders => orders.Value;

        public int Clocks { get; } = clocks.Count();
    }

    [Configuration]
    public sealed class CmpConfig
    {
        [Bean]
        public ICmpClock Clock() => new CmpClock();
    }

    private static ApplicationContext Refreshed()
    {
        var registry = new PendingRegistry().Register<CmpOrders>().Register<CmpReport>().Register<CmpConfig>().RegisterInstance("CmpBanner", "hello");
        var context = new ApplicationContext(registry);
        context.Refresh();
        return context;
    }

    [Fact]
    public void Components_ListsEachComponent_WithItsClassScopeNamespaceAndOrigin()
    {
        using var context = Refreshed();

        var components = context.Components.ToDictionary(c => c.Name);

        components["CmpOrders"].Should().BeEquivalentTo(new { Type = typeof(CmpOrders), Scope = Scope.Singleton, Namespace = "shop", Origin = "attribute" });
        components["CmpReport"].Should().BeEquivalentTo(new { Type = typeof(CmpReport), Scope = Scope.Prototype, Origin = "attribute" });
        components["Clock"].Should().BeEquivalentTo(new { Type = typeof(ICmpClock), Scope = Scope.Singleton, Origin = "[Bean] ComponentsTests.CmpConfig.Clock" });
        components["CmpBanner"].Should().BeEquivalentTo(new { Type = typeof(string), Origin = "instance" });
    }

    [Fact]
    public void Components_ListsDependencies_OfCreatedSingletonsAndPrototypes()
    {
        using var context = Refreshed();

        var components = context.Components.ToDictionary(c => c.Name);

        components["CmpOrders"].Dependencies.Should().Equal(new DependencyInfo("Clock", "type"), new DependencyInfo("CmpBanner", "name"));
        components["CmpReport"].Dependencies.Should().Equal(new DependencyInfo("CmpOrders", "lazy"), new DependencyInfo("Clock", "collection"));
        components["Clock"].Dependencies.Should().Equal(new DependencyInfo("CmpConfig", "bean-factory"));
        components["CmpBanner"].Dependencies.Should().BeEmpty();
    }

    [Fact]
    public void Components_Throws_WhenContextIsNotRefreshed()
    {
        using var context = new ApplicationContext(new PendingRegistry().Register<CmpClock>());

        var read = () => context.Components;

        read.Should().Throw<InvalidOperationException>();
    }
}
