using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig.Conditions.Tests.Support;

namespace Sprig.Conditions.Tests;

/// <summary>
/// SprigConfiguration.CreateDefault: each source, their precedence, [Value] binding from them, and malformed files.
/// Files are read from a temporary folder given as basePath, so the process's current directory is never touched.
/// (The path where <c>new ApplicationContext(registry)</c> reads a malformed file from the current directory and fails
/// Refresh is not tested here: it would need the current directory changed, which parallel tests would observe.)
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ConfigurationSourceTests
{
    private const string LevelVariable = "SPRIGCFG__LEVEL";

    [Service]
    public sealed class LevelHolder
    {
        [Value("sprigcfg.level")]
        public string Level { get; set; } = "class default";

        [Value("sprigcfg.unset")]
        public string Unset { get; set; } = "class default";

        [Value("sprigcfg.withdefault", Default = "attribute default")]
        public string WithDefault { get; set; } = "class default";

        [Value("sprigcfg.number", Default = "7")]
        public int Number { get; set; } = 1;
    }

    [Service]
    public sealed class VllmWorker
    {
        [Value]
        public string ModelPath { get; set; } = "none";

        [Value]
        public int Port { get; set; }

        [Value]
        public List<string> Models { get; set; } = [];
    }

    [Service, ConditionalOnProperty("sprigcfg.flag", HavingValue = "true")]
    public sealed class FlaggedService;

    public static TheoryData<int, string> Levels => new()
    {
        { 0, "class default" },
        { 1, "appsettings.json" },
        { 2, "appsettings.dev.json" },
        { 3, "application.yaml" },
        { 4, "application-dev.yaml" },
        { 5, "environment" },
        { 6, "command line" },
        { 7, "overrides" },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void CreateDefault_HigherSourceWins_ForEachLevel(int sources, string expected)
    {
        using var directory = new TempDirectory();
        string[] args = [];
        IConfiguration? overrides = null;
        if (sources >= 1)
        {
            directory.Write("appsettings.json", """{ "sprigcfg": { "level": "appsettings.json" } }""");
        }

        if (sources >= 2)
        {
            directory.Write("appsettings.dev.json", """{ "sprigcfg": { "level": "appsettings.dev.json" } }""");
        }

        if (sources >= 3)
        {
            directory.Write("application.yaml", "sprigcfg:\n  level: application.yaml\n");
        }

        if (sources >= 4)
        {
            directory.Write("application-dev.yaml", "sprigcfg:\n  level: application-dev.yaml\n");
        }

        if (sources >= 5)
        {
            Environment.SetEnvironmentVariable(LevelVariable, "environment");
        }

        if (sources >= 6)
        {
            args = ["--sprigcfg:level", "command line"];
        }

        if (sources >= 7)
        {
            overrides = Contexts.InMemory(("sprigcfg:level", "overrides"));
        }

        try
        {
            var configuration = SprigConfiguration.CreateDefault(args, ["dev"], directory.Path, overrides);

            using var context = Contexts.Create(configuration, typeof(LevelHolder));
            context.Refresh();
            context.Get<LevelHolder>().Level.Should().Be(expected);
            if (sources > 0)
            {
                context.GetProperty("sprigcfg.level").Should().Be(expected);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(LevelVariable, null);
        }
    }

    [Fact]
    public void CreateDefault_ReadsYmlExtension()
    {
        using var directory = new TempDirectory().Write("application.yml", "sprigcfg:\n  level: from yml\n");

        SprigConfiguration.CreateDefault([], null, directory.Path)["sprigcfg:level"].Should().Be("from yml");
    }

    [Fact]
    public void CreateDefault_ReadsProfileFilesOfProfilesActivatedInAFile()
    {
        using var directory = new TempDirectory()
            .Write("application.yaml", "profiles:\n  active: qa\nsprigcfg:\n  level: base\n")
            .Write("application-qa.yml", "sprigcfg:\n  level: qa\n")
            .Write("appsettings.qa.json", """{ "sprigcfg": { "other": "qa json" } }""");

        var configuration = SprigConfiguration.CreateDefault([], null, directory.Path);

        configuration["sprigcfg:level"].Should().Be("qa");
        configuration["sprigcfg:other"].Should().Be("qa json");
    }

    [Fact]
    public void CreateDefault_IgnoresProfileFilesOfInactiveProfiles()
    {
        using var directory = new TempDirectory()
            .Write("appsettings.json", """{ "sprigcfg": { "level": "base" } }""")
            .Write("appsettings.prod.json", """{ "sprigcfg": { "level": "prod" } }""");

        SprigConfiguration.CreateDefault([], ["dev"], directory.Path)["sprigcfg:level"].Should().Be("base");
    }

    [Theory]
    [InlineData(new[] { "--sprigcfg:level=one" }, "one")]
    [InlineData(new[] { "--sprigcfg:level", "two" }, "two")]
    [InlineData(new[] { "sprigcfg:level=three" }, "three")]
    [InlineData(new[] { "--sprigcfg.level=four" }, "four")]
    public void CreateDefault_ReadsCommandLineForms(string[] args, string expected)
    {
        using var directory = new TempDirectory();

        var configuration = SprigConfiguration.CreateDefault(args, null, directory.Path);

        using var context = Contexts.Create(configuration, typeof(LevelHolder));
        context.Refresh();
        context.Get<LevelHolder>().Level.Should().Be(expected);
    }

    [Fact]
    public void CreateDefault_FlatDottedCommandLineKey_WinsOverNestedJsonKey()
    {
        using var directory = new TempDirectory().Write("appsettings.json", """{ "sprigcfg": { "flag": "false" } }""");

        var configuration = SprigConfiguration.CreateDefault(["--sprigcfg.flag=true"], null, directory.Path);

        using var context = Contexts.Create(configuration, typeof(FlaggedService));
        context.Refresh();
        context.GetProperty("sprigcfg.flag").Should().Be("true");
        context.Contains("FlaggedService").Should().BeTrue();
    }

    [Fact]
    public void CreateDefault_FlatDottedOverrideKey_WinsOverNestedYamlKey()
    {
        using var directory = new TempDirectory().Write("application.yaml", "sprigcfg:\n  level: yaml\n");

        var configuration = SprigConfiguration.CreateDefault([], null, directory.Path, Contexts.InMemory(("sprigcfg.level", "override")));

        using var context = Contexts.Create(configuration, typeof(LevelHolder));
        context.Refresh();
        context.Get<LevelHolder>().Level.Should().Be("override");
    }

    [Fact]
    public void Value_UsesAttributeDefault_WhenNothingIsConfigured()
    {
        using var directory = new TempDirectory();

        using var context = Contexts.Create(SprigConfiguration.CreateDefault([], null, directory.Path), typeof(LevelHolder));
        context.Refresh();

        var holder = context.Get<LevelHolder>();
        holder.Unset.Should().Be("class default");
        holder.WithDefault.Should().Be("attribute default");
        holder.Number.Should().Be(7);
    }

    [Fact]
    public void Value_ConfigurationWinsOverAttributeDefault()
    {
        using var directory = new TempDirectory().Write("appsettings.json", """{ "sprigcfg": { "withdefault": "json", "number": 42 } }""");

        using var context = Contexts.Create(SprigConfiguration.CreateDefault([], null, directory.Path), typeof(LevelHolder));
        context.Refresh();

        context.Get<LevelHolder>().WithDefault.Should().Be("json");
        context.Get<LevelHolder>().Number.Should().Be(42);
    }

    [Fact]
    public void Value_BindsComponentsOwnSection_FromYamlNestedMapping()
    {
        using var directory = new TempDirectory().Write(
            "application.yaml",
            """
            VllmWorker:
              ModelPath: /models/llama-3
              Port: 8000
              Models:
                - llama-3
                - mistral
            """);

        var configuration = SprigConfiguration.CreateDefault([], null, directory.Path);

        configuration["VllmWorker:Models:0"].Should().Be("llama-3");
        configuration["VllmWorker:Models:1"].Should().Be("mistral");
        using var context = Contexts.Create(configuration, typeof(VllmWorker));
        context.Refresh();
        var worker = context.Get<VllmWorker>();
        worker.ModelPath.Should().Be("/models/llama-3");
        worker.Port.Should().Be(8000);
        worker.Models.Should().Equal("llama-3", "mistral");
        context.GetProperty("VllmWorker.ModelPath").Should().Be("/models/llama-3");
    }

    [Fact]
    public void Yaml_FlattensNestedSequencesOfMappings()
    {
        using var directory = new TempDirectory().Write(
            "application.yaml",
            """
            servers:
              - host: a.example
                ports: [80, 443]
              - host: b.example
            empty: ~
            quoted: "null"
            """);

        var configuration = SprigConfiguration.CreateDefault([], null, directory.Path);

        configuration["servers:0:host"].Should().Be("a.example");
        configuration["servers:0:ports:0"].Should().Be("80");
        configuration["servers:0:ports:1"].Should().Be("443");
        configuration["servers:1:host"].Should().Be("b.example");
        configuration["empty"].Should().BeNull();
        configuration["quoted"].Should().Be("null");
    }

    [Fact]
    public void Report_NamesTheFile_WhenPropertyComesFromAppSettings()
    {
        using var directory = new TempDirectory().Write("appsettings.json", """{ "sprigcfg": { "flag": "false" } }""");

        using var context = Contexts.Create(SprigConfiguration.CreateDefault([], null, directory.Path), typeof(FlaggedService));
        context.Refresh();

        context.ConditionReport.Explain("FlaggedService").Should().Be(
            "FlaggedService: out — ConditionalOnProperty('sprigcfg.flag', HavingValue='true') found 'false' (from appsettings.json)");
    }

    [Fact]
    public void Report_NamesTheFile_WhenPropertyComesFromYaml()
    {
        using var directory = new TempDirectory()
            .Write("appsettings.json", """{ "sprigcfg": { "flag": "false" } }""")
            .Write("application.yaml", "sprigcfg:\n  flag: true\n");

        using var context = Contexts.Create(SprigConfiguration.CreateDefault([], null, directory.Path), typeof(FlaggedService));
        context.Refresh();

        context.ConditionReport.Explain("FlaggedService").Should().Be(
            "FlaggedService: in — ConditionalOnProperty('sprigcfg.flag', HavingValue='true') found 'true' (from application.yaml)");
    }

    [Fact]
    public void Report_NamesTheArgument_WhenPropertyComesFromCommandLine()
    {
        using var directory = new TempDirectory();

        using var context = Contexts.Create(SprigConfiguration.CreateDefault(["--sprigcfg:flag=true"], null, directory.Path), typeof(FlaggedService));
        context.Refresh();

        context.ConditionReport.Explain("FlaggedService").Should().Be(
            "FlaggedService: in — ConditionalOnProperty('sprigcfg.flag', HavingValue='true') found 'true' (from command-line argument --sprigcfg:flag)");
    }

    [Fact]
    public void Report_NamesTheEnvironmentVariable_WhenCreateDefaultReadsIt()
    {
        const string variable = "SPRIGCFG__FLAG";
        Environment.SetEnvironmentVariable(variable, "true");
        try
        {
            using var directory = new TempDirectory().Write("appsettings.json", """{ "sprigcfg": { "flag": "false" } }""");

            using var context = Contexts.Create(SprigConfiguration.CreateDefault([], null, directory.Path), typeof(FlaggedService));
            context.Refresh();

            context.ConditionReport.Explain("FlaggedService").Should().Be(
                $"FlaggedService: in — ConditionalOnProperty('sprigcfg.flag', HavingValue='true') found 'true' (from environment variable {variable})");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void CreateDefault_Throws_WhenYamlIsMalformed()
    {
        using var directory = new TempDirectory().Write("application.yaml", "sprigcfg:\n  level: a: b\n");
        var file = Path.Combine(directory.Path, "application.yaml");

        var ex = Assert.Throws<ContainerException>(() => SprigConfiguration.CreateDefault([], null, directory.Path));

        ex.Message.Should().Be(
            $"Failed to load configuration from file '{file}': the file is malformed at line 2, column 11: "
            + "While scanning a plain scalar value, found invalid mapping. Fix the file, or remove it.");
    }

    // YamlDotNet's scanner throws InvalidOperationException (not YamlException) for this input; the position must still be reported.
    [Fact]
    public void CreateDefault_Throws_WithPosition_WhenYamlFlowSequenceIsUnclosed()
    {
        using var directory = new TempDirectory().Write("application.yaml", "sprigcfg:\n  level: [unclosed\n  other: 1\n");
        var file = Path.Combine(directory.Path, "application.yaml");

        var ex = Assert.Throws<ContainerException>(() => SprigConfiguration.CreateDefault([], null, directory.Path));

        ex.Message.Should().MatchRegex(
            "^" + System.Text.RegularExpressions.Regex.Escape($"Failed to load configuration from file '{file}': the file is malformed at line ")
            + @"\d+, column \d+: [^.]+\. Fix the file, or remove it\.$");
    }

    [Fact]
    public void CreateDefault_Throws_WhenJsonIsMalformed()
    {
        using var directory = new TempDirectory().Write("appsettings.json", "{\n  \"sprigcfg\": {\n    \"level\": ,\n  }\n}\n");
        var file = Path.Combine(directory.Path, "appsettings.json");

        var ex = Assert.Throws<ContainerException>(() => SprigConfiguration.CreateDefault([], null, directory.Path));

        ex.Message.Should().Be(
            $"Failed to load configuration from file '{file}': the file is malformed at line 3, column 14: "
            + "',' is an invalid start of a value. Fix the file, or remove it.");
    }

    [Fact]
    public void CreateDefault_Throws_WhenProfileYamlIsMalformed()
    {
        using var directory = new TempDirectory().Write("application-dev.yaml", "a: b: c\n");
        var file = Path.Combine(directory.Path, "application-dev.yaml");

        var ex = Assert.Throws<ContainerException>(() => SprigConfiguration.CreateDefault([], ["dev"], directory.Path));

        ex.Message.Should().Be(
            $"Failed to load configuration from file '{file}': the file is malformed at line 1, column 5: "
            + "While scanning a plain scalar value, found invalid mapping. Fix the file, or remove it.");
    }

    [Fact]
    public void CreateDefault_Throws_WhenJsonIsMalformedAndProfilesAreGivenInCode()
    {
        using var directory = new TempDirectory().Write("appsettings.json", "{ \"a\": }");
        var file = Path.Combine(directory.Path, "appsettings.json");

        var ex = Assert.Throws<ContainerException>(() => SprigConfiguration.CreateDefault([], ["dev"], directory.Path));

        ex.Message.Should().Be(
            $"Failed to load configuration from file '{file}': the file is malformed at line 1, column 8: "
            + "'}' is an invalid start of a value. Fix the file, or remove it.");
    }

    [Fact]
    public void CreateDefault_DoesNotUseTheProcessArguments_WhenArgsAreGiven()
    {
        using var directory = new TempDirectory();

        var configuration = SprigConfiguration.CreateDefault([], null, directory.Path);

        configuration.AsEnumerable().Should().NotContain(p => p.Key.StartsWith("sprigcfg", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ContextOverGivenConfiguration_UsesNothingElse()
    {
        using var context = new ApplicationContext(Contexts.Registry(typeof(LevelHolder)), Contexts.InMemory(("sprigcfg:level", "given")), NullLoggerFactory.Instance);
        context.Refresh();

        context.Get<LevelHolder>().Level.Should().Be("given");
    }
}
