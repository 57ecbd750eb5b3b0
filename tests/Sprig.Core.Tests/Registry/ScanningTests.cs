using Sprig.Scanning.Fixtures;
using Sprig.Tests.Support;

namespace Sprig.Tests.Registry;

public class ScanningTests
{
    [Fact]
    public void Scan_RegistersEveryAttributedConcreteClass_InDeclarationOrder()
    {
        var registry = new PendingRegistry().Scan(typeof(AlphaService).Assembly);

        using var context = Contexts.Create(registry);
        context.Refresh();

        registry.Count.Should().Be(5); // AlphaService, beta, GammaInternal, FixtureConfiguration, greeting
        context.Get("AlphaService").Should().BeOfType<AlphaService>();
        context.Get("beta").Should().BeOfType<BetaComponent>().And.NotBeSameAs(context.Get("beta"));
        context.Contains("GammaInternal").Should().BeTrue();
        context.Get<string>("greeting").Should().Be("hello from a bean");
        context.Contains("PlainClass").Should().BeFalse();
        context.Contains("AbstractComponent").Should().BeFalse();
    }

    [Fact]
    public void CreateApplicationRegistry_FindsAttributedClassesOfTheApplicationsDependencies()
    {
        // The registry behind PendingRegistry.Instance, built fresh so that no other test's Reset() interferes.
        var registry = PendingRegistry.CreateApplicationRegistry();

        var types = AllRegisteredTypes(registry);

        types.Should().Contain([typeof(AlphaService), typeof(BetaComponent), typeof(FixtureConfiguration)]);
        types.Should().Contain(typeof(AlphaService).Assembly.GetType("Sprig.Scanning.Fixtures.GammaInternal")!);
        types.Should().NotContain(typeof(PlainClass));
    }

    [Fact]
    public void Scan_Throws_WhenRegistryIsFrozen()
    {
        var registry = new PendingRegistry();
        using var context = Contexts.Create(registry);
        context.Refresh();

        var act = () => registry.Scan(typeof(AlphaService).Assembly);

        act.Should().Throw<InvalidOperationException>().Which.Message.Should().Be(
            "Cannot register 'Sprig.Scanning.Fixtures': the registry is frozen because a context was refreshed from it. "
            + "Register components before calling Refresh(), or call PendingRegistry.Reset() in a test fixture to start over.");
    }

    private static List<Type> AllRegisteredTypes(PendingRegistry registry) =>
        [.. registry.Freeze().Definitions.Select(d => d.ImplementationType ?? d.Type)];
}
