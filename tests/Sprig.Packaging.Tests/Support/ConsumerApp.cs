namespace Sprig.Packaging.Tests.Support;

/// <summary>
/// A fresh console app in its own directory outside the repository that references Sprig only as packages from the local
/// feed: no project reference, no Directory.Build.props or Directory.Packages.props of the repository's, and a private
/// global packages folder, so that restoring it writes nothing into the machine's NuGet cache. It is written for Native AOT as
/// well as JIT (its endpoint's JSON metadata comes from a JsonSerializerContext component), so one app proves both.
/// </summary>
internal static class ConsumerApp
{
    public const string Name = "Consumer";

    /// <summary>The command-line argument the app runs with: a [Value] from the configuration.</summary>
    public const string Argument = "--greeting.word=Hi";

    /// <summary>What the app prints when the packages work.</summary>
    public const string ExpectedOutput =
        "Hi, packages!\n" +
        "Endpoint default/Greeter/greet: \"Hi, endpoint!\"\n" +
        "Shout is out: Shout: out — ConditionalOnProperty('greeting.loud', HavingValue='true') did not find the property\n";

    /// <summary>Writes the app into <paramref name="directory"/> and returns its project file.</summary>
    public static string Write(string directory, string feed, string version, string machinePackages)
    {
        Directory.CreateDirectory(directory);
        // Empty files stop MSBuild's search upwards: nothing of a directory above (a checkout the temp directory sits in) leaks in.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(directory, file), "<Project />\n");
        }

        // Sources: the local feed here, and the machine's own (nuget.org here, in the user's NuGet.Config, which NuGet merges
        // with this file). Packages restore into a private folder; the machine's global packages folder is a read-only
        // fallback, so the packages Sprig depends on come from there without a download.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(directory, "packages")}" />
              </config>
              <packageSources>
                <add key="sprig-local-feed" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        var project = Path.Combine(directory, $"{Name}.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <PublishAot>true</PublishAot>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Sprig.Core" Version="[{version}]" />
                <PackageReference Include="Sprig.Conditions" Version="[{version}]" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using Sprig;
            using Sprig.Conditions;

            PendingRegistry.Instance.RegisterInstance("json", AppJson.Default);
            await using var context = new ApplicationContext();
            context.Refresh();
            Console.WriteLine(context.Get<Greeter>().Greet("packages"));
            var result = await context.Endpoints.InvokeAsync("default/Greeter/greet", JsonSerializer.SerializeToElement("endpoint", AppJson.Default.String));
            Console.WriteLine($"Endpoint default/Greeter/greet: {result.GetRawText()}");
            Console.WriteLine($"Shout is {(context.Contains("Shout") ? "in" : "out")}: {context.ConditionReport.Explain("Shout")}");

            [Service]
            public sealed class Salutation
            {
                [Value("greeting.word")]
                public string Word { get; set; } = "Hello";
            }

            [Component]
            public sealed class Punctuation
            {
                public string Mark => "!";
            }

            [Service]
            public sealed class Greeter(Salutation salutation)
            {
                [Inject]
                public Punctuation Punctuation { get; set; } = null!;

                [Endpoint("greet")]
                public string Greet(string name) => $"{salutation.Word}, {name}{Punctuation.Mark}";
            }

            [Service]
            [ConditionalOnProperty("greeting.loud", HavingValue = "true")]
            public sealed class Shout;

            [JsonSerializable(typeof(string))]
            internal sealed partial class AppJson : JsonSerializerContext;
            """);
        return project;
    }
}
