using Sprig.Aot.Tests.Support;

namespace Sprig.Aot.Tests.Configuration;

/// <summary>[Value] with the reflection fallback off: scalars and arrays parsed without the configuration binder or TypeDescriptor.</summary>
public sealed class ValueBindingTests
{
    public enum Tier
    {
        Free,
        Pro,
    }

    [Component]
    public sealed class Settings
    {
        [Value("app.name")] public string Name { get; set; } = "";

        [Value("app.port")] public int Port { get; set; }

        [Value("app.secure")] public bool Secure { get; set; }

        [Value("app.tier")] public Tier Tier { get; set; }

        [Value("app.timeout")] public TimeSpan Timeout { get; set; }

        [Value("app.id")] public Guid Id { get; set; }

        [Value("app.home")] public Uri? Home { get; set; }

        [Value("app.since")] public DateTimeOffset Since { get; set; }

        [Value("app.ports")] public int[] Ports { get; set; } = [];
    }

    [Component]
    public sealed class Defaults([Value("limits.retries", Default = "3")] int retries)
    {
        public int Retries { get; } = retries;

        [Value("limits.label")] public string Label { get; set; } = "unset";
    }

    public sealed class Endpoint
    {
        public string Host { get; set; } = "";
    }

    /// <summary>Binds an object: refused with the switch off. Included only where a test asks for it (aot.refused).</summary>
    [Component, ConditionalOnProperty("aot.refused")]
    public sealed class ObjectValue
    {
        [Value("remote")] public Endpoint? Remote { get; set; }
    }

    [Fact]
    public void Refresh_ParsesEachScalarAndArray_WithoutTheBinder()
    {
        using var context = Contexts.Create(
            new Dictionary<string, string?>
            {
                ["app:name"] = "shop",
                ["app:port"] = "8080",
                ["app:secure"] = "true",
                ["app:tier"] = "pro",
                ["app:timeout"] = "00:00:30",
                ["app:id"] = "6f9619ff-8b86-d011-b42d-00cf4fc964ff",
                ["app:home"] = "https://example.com/",
                ["app:since"] = "2026-01-02T03:04:05+01:00",
                ["app:ports:0"] = "80",
                ["app:ports:1"] = "443",
            },
            typeof(Settings));
        context.Refresh();

        var settings = context.Get<Settings>();

        settings.Name.Should().Be("shop");
        settings.Port.Should().Be(8080);
        settings.Secure.Should().BeTrue();
        settings.Tier.Should().Be(Tier.Pro);
        settings.Timeout.Should().Be(TimeSpan.FromSeconds(30));
        settings.Id.Should().Be(Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"));
        settings.Home.Should().Be(new Uri("https://example.com/"));
        settings.Since.Should().Be(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)));
        settings.Ports.Should().Equal(80, 443);
    }

    [Fact]
    public void Refresh_KeepsTheDefaults_WhenTheKeysAreMissing()
    {
        using var context = Contexts.Refreshed(typeof(Defaults));

        var defaults = context.Get<Defaults>();

        defaults.Retries.Should().Be(3);
        defaults.Label.Should().Be("unset");
    }

    [Fact]
    public void Refresh_Throws_WhenAValueDoesNotParse()
    {
        using var context = Contexts.Create(new Dictionary<string, string?> { ["app:port"] = "eighty" }, typeof(Settings));

        var act = () => context.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Cannot bind configuration key 'app:port' (value 'eighty') to int for property 'Port' of 'Settings'. "
            + "Set it to a valid int in configuration, or change the member's type.");
    }

    [Fact]
    public void Refresh_Throws_WhenAValueBindsAnObject()
    {
        using var context = Contexts.Create(
            new Dictionary<string, string?> { ["aot:refused"] = "true", ["remote:host"] = "example.com" }, typeof(ObjectValue));

        var act = () => context.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Cannot bind configuration section 'remote' to ValueBindingTests.Endpoint for property 'Remote' of 'ObjectValue': under Native AOT Sprig binds "
            + "strings, numbers, bool, enums, TimeSpan, Guid, Uri, dates and arrays of them, and binding an object needs the configuration binder's reflection. "
            + "Inject the values one by one with [Value], or bind the object yourself (the configuration binder's source generator: EnableConfigurationBindingGenerator).");
    }
}
