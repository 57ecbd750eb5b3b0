using System.Reflection;
using Microsoft.Extensions.Configuration;
using Sprig.Definitions;
using Sprig.Diagnostics;
using Sprig.Planning;
using Sprig.Resolution;

namespace Sprig.Tests.Planning;

/// <summary>A [Value] point's configuration key, and its binding at refresh into a constant, a default or a problem.</summary>
public sealed class ValueKeysTests
{
    public sealed class Server
    {
        [Value]
        private readonly int _port;

        [Value("server.host")]
        private readonly string? _host;

        [Value(Default = "3")]
        private readonly int _retries;

        public Server([Value] string region) => Region = region;

        public string Region { get; }

        public int Port => _port;

        public string? Host => _host;

        public int Retries => _retries;
    }

    private static InjectionPoint Field(string name, bool optional = false)
    {
        var field = typeof(Server).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)!;
        return InjectionPoint.ForMember(field, field.FieldType, optional);
    }

    private static InjectionPoint RegionParameter() => InjectionPoint.ForParameter(typeof(Server).GetConstructors()[0].GetParameters()[0], "constructor");

    private static ValueAttribute ValueOf(InjectionPoint point) => point.Attributes!.GetCustomAttributes(typeof(ValueAttribute), false).Cast<ValueAttribute>().Single();

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void KeyOf_IsComponentColonMember_WithTheUnderscoreDroppedAndTheFirstLetterUpper()
    {
        var point = Field("_port");

        ValueKeys.KeyOf(ValueOf(point), "Server", point).Should().Be("Server:Port");
        ValueKeys.KeyOf(ValueOf(RegionParameter()), "edge", RegionParameter()).Should().Be("edge:Region");
    }

    [Fact]
    public void KeyOf_IsTheAttributesOwnKey_AsWritten()
    {
        var point = Field("_host");

        ValueKeys.KeyOf(ValueOf(point), "Server", point).Should().Be("server.host");
    }

    [Fact]
    public void Bind_ReturnsTheConvertedValueAsAConstant()
    {
        var point = Field("_port");
        var problems = new Problems();

        var dependency = ValueKeys.Bind(ValueOf(point), "Server", point, Configuration(("Server:Port", "8080")), problems);

        dependency.Should().BeOfType<ConstantDependency>().Which.Value.Should().Be(8080);
        problems.Count.Should().Be(0);
    }

    [Fact]
    public void Bind_ReturnsTheAttributesDefault_WhenTheKeyIsNotSet()
    {
        var point = Field("_retries");
        var problems = new Problems();

        var dependency = ValueKeys.Bind(ValueOf(point), "Server", point, Configuration(), problems);

        dependency.Should().BeOfType<ConstantDependency>().Which.Value.Should().Be(3);
        problems.Count.Should().Be(0);
    }

    [Fact]
    public void Bind_RecordsAProblem_WhenARequiredKeyIsNotSet()
    {
        var problems = new Problems();

        var dependency = ValueKeys.Bind(ValueOf(RegionParameter()), "Server", RegionParameter(), Configuration(), problems);

        dependency.Should().BeSameAs(SkipDependency.Instance);
        problems.Render(e => [e.Name]).Select(p => p.Message).Should().Equal(
            "'Server' needs configuration key 'Server:Region' for constructor parameter 'region', but the key is not set. "
            + "Set it in configuration (appsettings.json, an environment variable or the command line), or give the parameter a default value.");
    }

    [Fact]
    public void Bind_RecordsAProblem_WhenTheValueCannotBeConverted()
    {
        var point = Field("_port");
        var problems = new Problems();

        var dependency = ValueKeys.Bind(ValueOf(point), "Server", point, Configuration(("Server:Port", "eighty")), problems);

        dependency.Should().BeSameAs(SkipDependency.Instance);
        problems.Render(e => [e.Name]).Select(p => p.Message).Should().Equal(
            "Cannot bind configuration key 'Server:Port' (value 'eighty') to int for field '_port' of 'Server'. "
            + "Set it to a valid int in configuration, or change the member's type.");
    }
}
