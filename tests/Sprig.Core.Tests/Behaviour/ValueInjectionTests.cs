using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>
/// [Value]: configuration values by explicit or default key, converted to the member's type. Each feature is checked on a
/// Singleton (built at refresh, by reflection) and on a Prototype resolved after refresh (through its compiled factory).
/// </summary>
public sealed class ValueInjectionTests
{
    public enum ValLevel
    {
        Quiet,
        Verbose,
    }

    [Component]
    public class ValSettings
    {
        [Value("server.port")]
        private readonly int _port;

        public ValSettings([Value("server:host")] string host) => Host = host;

        public string Host { get; }

        public int Port => _port;

        [Value("server:timeout")]
        public TimeSpan Timeout { get; private set; }

        [Value("server.level")]
        public ValLevel Level { get; set; }

        [Value("server.secure")]
        public bool Secure { get; init; }

        [Value("server.name")]
        public string? Name;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class ValSettingsPrototype([Value("server:host")] string host) : ValSettings(host);

    [Component]
    public class ValDefaults
    {
        [Value]
        private readonly int _retries;

        public ValDefaults([Value] string region) => Region = region;

        public string Region { get; }

        public int Retries => _retries;

        [Value]
        public string? Greeting { get; set; }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class ValDefaultsPrototype([Value] string region) : ValDefaults(region);

    [Component]
    public class ValFallbacks
    {
        [Value("missing.retries")]
        private readonly int _retries = 7;

        public ValFallbacks([Value("missing.region")] string region = "eu-west", [Value("missing.limit")] int limit = 42)
        {
            Region = region;
            Limit = limit;
        }

        public string Region { get; }

        public int Limit { get; }

        public int Retries => _retries;

        [Value("missing.greeting")]
        public string Greeting { get; set; } = "hello";

        [Value]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(9);
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class ValFallbacksPrototype([Value("missing.region")] string region = "eu-west", [Value("missing.limit")] int limit = 42)
        : ValFallbacks(region, limit);

    [Component]
    public class ValColonKey
    {
        [Value("feature:timeout")]
        public int Timeout { get; set; }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class ValColonKeyPrototype : ValColonKey
    {
    }

    [Component]
    public sealed class ValBadPort
    {
        [Value("server.port")]
        public int Port { get; set; }
    }

    [Component]
    public sealed class ValBadLevel([Value("log.level")] ValLevel level)
    {
        public ValLevel Level { get; } = level;
    }

    [Component]
    public sealed class ValNeedsPort([Value] int port)
    {
        public int Port { get; } = port;
    }

    private static readonly Dictionary<string, string?> Server = new()
    {
        ["server:host"] = "example.org",
        ["server:port"] = "8080",
        ["server:timeout"] = "00:00:30",
        ["server:level"] = "Verbose",
        ["server:secure"] = "true",
        ["server:name"] = "edge",
    };

    [Theory]
    [InlineData(typeof(ValSettings))]
    [InlineData(typeof(ValSettingsPrototype))]
    public void Value_ConvertsConfiguration_ToTheMemberType(Type type)
    {
        using var ctx = Refreshed(type, Server);

        var settings = (ValSettings)ctx.Get(type.Name);

        settings.Host.Should().Be("example.org");
        settings.Port.Should().Be(8080);
        settings.Timeout.Should().Be(TimeSpan.FromSeconds(30));
        settings.Level.Should().Be(ValLevel.Verbose);
        settings.Secure.Should().BeTrue();
        settings.Name.Should().Be("edge");
    }

    [Theory]
    [InlineData(typeof(ValDefaults))]
    [InlineData(typeof(ValDefaultsPrototype))]
    public void Value_UsesComponentNameAndMemberName_WhenNoKeyIsGiven(Type type)
    {
        var name = type.Name;
        using var ctx = Refreshed(type, new Dictionary<string, string?>
        {
            [$"{name}:Region"] = "us-east",
            [$"{name}:Retries"] = "5",
            [$"{name}:Greeting"] = "hi",
        });

        var defaults = (ValDefaults)ctx.Get(name);

        defaults.Region.Should().Be("us-east");
        defaults.Retries.Should().Be(5);
        defaults.Greeting.Should().Be("hi");
    }

    [Fact]
    public void Value_DefaultKey_FollowsTheRegisteredName()
    {
        var registry = new PendingRegistry().Register("defaults", typeof(ValDefaults));
        using var ctx = Contexts.Create(registry, new Dictionary<string, string?> { ["defaults:Region"] = "ap-south", ["ValDefaults:Region"] = "wrong" });
        ctx.Refresh();

        ctx.Get<ValDefaults>().Region.Should().Be("ap-south");
    }

    [Theory]
    [InlineData(typeof(ValFallbacks))]
    [InlineData(typeof(ValFallbacksPrototype))]
    public void Value_KeepsClassDefault_WhenKeyIsMissing(Type type)
    {
        using var ctx = Refreshed(type, []);

        var fallbacks = (ValFallbacks)ctx.Get(type.Name);

        fallbacks.Region.Should().Be("eu-west");
        fallbacks.Limit.Should().Be(42);
        fallbacks.Retries.Should().Be(7);
        fallbacks.Greeting.Should().Be("hello");
        fallbacks.Timeout.Should().Be(TimeSpan.FromSeconds(9));
    }

    [Theory]
    [InlineData(typeof(ValColonKey), "feature:timeout")]
    [InlineData(typeof(ValColonKeyPrototype), "feature:timeout")]
    [InlineData(typeof(ValColonKey), "feature.timeout")]
    [InlineData(typeof(ValColonKeyPrototype), "feature.timeout")]
    public void Value_TreatsDotAndColonAsTheSameSeparator(Type type, string storedKey)
    {
        using var ctx = Refreshed(type, new Dictionary<string, string?> { [storedKey] = "15" });

        ((ValColonKey)ctx.Get(type.Name)).Timeout.Should().Be(15);
    }

    [Theory]
    [InlineData("feature.timeout", "feature:timeout")]
    [InlineData("feature:timeout", "feature.timeout")]
    [InlineData("feature.timeout", "feature.timeout")]
    public void GetProperty_TreatsDotAndColonAsTheSameSeparator(string storedKey, string askedKey)
    {
        using var ctx = Contexts.Create(new PendingRegistry(), new Dictionary<string, string?> { [storedKey] = "15" });
        ctx.Refresh();

        ctx.GetProperty(askedKey).Should().Be("15");
        ctx.GetProperty("feature.missing").Should().BeNull();
    }

    [Fact]
    public void Refresh_Throws_WhenValueDoesNotConvert()
    {
        using var ctx = Refreshable(typeof(ValBadPort), new Dictionary<string, string?> { ["server:port"] = "eighty" });

        var act = () => ctx.Refresh();

        var ex = act.Should().Throw<ConfigurationBindingException>().Which;
        ex.Message.Should().Be(
            "Cannot bind configuration key 'server:port' (value 'eighty') to int for property 'Port' of 'ValBadPort'. "
            + "Set it to a valid int in configuration, or change the member's type.");
        ex.Key.Should().Be("server:port");
        ex.RawValue.Should().Be("eighty");
        ex.TargetType.Should().Be<int>();
        ex.ComponentName.Should().Be("ValBadPort");
    }

    [Fact]
    public void Refresh_Throws_WhenEnumValueIsUnknown()
    {
        using var ctx = Refreshable(typeof(ValBadLevel), new Dictionary<string, string?> { ["log:level"] = "Loud" });

        var act = () => ctx.Refresh();

        act.Should().Throw<ConfigurationBindingException>().Which.Message.Should().Be(
            "Cannot bind configuration key 'log:level' (value 'Loud') to ValueInjectionTests.ValLevel for constructor parameter 'level' of 'ValBadLevel'. "
            + "Set it to a valid ValueInjectionTests.ValLevel in configuration, or change the member's type.");
    }

    [Fact]
    public void Refresh_Throws_WhenRequiredConstructorValueHasNoKey()
    {
        using var ctx = Refreshable(typeof(ValNeedsPort), []);

        var act = () => ctx.Refresh();

        var ex = act.Should().Throw<ConfigurationBindingException>().Which;
        ex.Message.Should().Be(
            "'ValNeedsPort' needs configuration key 'ValNeedsPort:Port' for constructor parameter 'port', but the key is not set. "
            + "Set it in configuration (appsettings.json, an environment variable or the command line), or give the parameter a default value.");
        ex.Key.Should().Be("ValNeedsPort:Port");
    }

    private static ApplicationContext Refreshable(Type type, Dictionary<string, string?> configuration) =>
        Contexts.Create(Contexts.Registry(type), configuration);

    private static ApplicationContext Refreshed(Type type, Dictionary<string, string?> configuration)
    {
        var context = Refreshable(type, configuration);
        context.Refresh();
        return context;
    }
}
