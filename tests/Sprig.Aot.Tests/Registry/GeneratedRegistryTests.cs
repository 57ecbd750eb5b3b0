using Sprig.Aot.Tests.Endpoints;
using Sprig.Generated;

namespace Sprig.Aot.Tests.Registry;

/// <summary>Registries with the reflection fallback off: an assembly's components come from its generated registry, without scanning.</summary>
public sealed class GeneratedRegistryTests
{
    [Fact]
    public void Scan_TakesTheComponentsOfTheGeneratedRegistry()
    {
        var generated = GeneratedComponents.Of(typeof(GeneratedRegistryTests).Assembly);

        var registry = new PendingRegistry().Scan(typeof(GeneratedRegistryTests).Assembly);

        generated.Should().NotBeNull();
        // Plus the one class the generator cannot name, which the scan still finds: Web.HiddenHolder's private controller.
        registry.Count.Should().Be(generated!.Components.Count + 1);
    }

    [Fact]
    public void Refresh_CreatesTheScannedComponents_WithoutTheOnesTheirConditionsExclude()
    {
        using var context = Support.Contexts.Create(new PendingRegistry().RegisterInstance("json", AotJson.Default).Scan(typeof(GeneratedRegistryTests).Assembly));
        context.Refresh();

        context.Components.Select(c => c.Name).Order(StringComparer.Ordinal).Should().Equal(
            "Alarm", "Bell", "Clock", "Defaults", "Door", "Gong", "Greeter", "Ledger", "Settings", "Shop", "Tower", "Writer", "json");
        context.Get<Endpoints.GeneratedEndpointTests.Shop>().Should().NotBeNull();
    }
}
