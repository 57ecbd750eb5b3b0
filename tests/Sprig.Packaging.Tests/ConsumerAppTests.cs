using Sprig.Packaging.Tests.Support;

namespace Sprig.Packaging.Tests;

/// <summary>A fresh app outside the repository builds and runs on the packages alone.</summary>
[Collection(PackagesCollection.Name)]
public sealed class ConsumerAppTests(PackagesFixture packages)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);

    /// <summary>Sprig's one Information line per refresh carries a time; the app's output is compared whole without it.</summary>
    private static readonly Dictionary<string, string> Quiet = new() { ["Logging__LogLevel__Default"] = "Warning" };

    [Fact]
    public async Task App_BuildsAndRunsOnThePackagesAlone_WhenItReferencesSprigCoreAndConditions()
    {
        var directory = Path.Combine(packages.WorkDirectory, ConsumerApp.Name);
        var project = ConsumerApp.Write(directory, packages.Feed, packages.Version, await MachinePackagesAsync(packages.WorkDirectory));

        (await Dotnet.RunAsync(directory, BuildTimeout, environment: null, "build", project, "-c", "Release", "-nodeReuse:false")).EnsureSuccess();
        var dll = Path.Combine(directory, "bin", "Release", "net10.0", $"{ConsumerApp.Name}.dll");
        var run = (await Dotnet.RunAsync(directory, RunTimeout, Quiet, dll, ConsumerApp.Argument)).EnsureSuccess();

        run.Output.Should().Be(ConsumerApp.ExpectedOutput, run.ToString());
        run.Error.Should().BeEmpty(run.ToString());
        // This run's packages, restored from the feed into the app's private packages folder.
        Directory.Exists(Path.Combine(directory, "packages", "sprig.core", packages.Version)).Should().BeTrue();
        Directory.Exists(Path.Combine(directory, "packages", "sprig.conditions", packages.Version)).Should().BeTrue();
    }

    [Fact]
    public async Task App_PublishesAsNativeAot_AndRunsTheSame_OnThePackagesAlone()
    {
        // The packages must carry what Native AOT needs: the generator (registries, [Lazy] proxies), its switch, and a Sprig.Core
        // whose reflection fallback the trimmer can remove. Trim and AOT warnings fail the publish (TreatWarningsAsErrors).
        var directory = Path.Combine(packages.WorkDirectory, ConsumerApp.Name + "Aot");
        var project = ConsumerApp.Write(directory, packages.Feed, packages.Version, await MachinePackagesAsync(packages.WorkDirectory));
        var output = Path.Combine(directory, "native");

        var publish = (await Dotnet.RunAsync(directory, PublishTimeout, environment: null,
            "publish", project, "-c", "Release", "-r", "linux-x64", "-p:CppCompilerAndLinker=clang-14", "-p:WarningsAsErrors=IL2026%3BIL3050%3BIL2104%3BIL3053",
            "-o", output, "-nodeReuse:false")).EnsureSuccess();
        var run = (await Dotnet.RunProgramAsync(Path.Combine(output, ConsumerApp.Name), directory, RunTimeout, Quiet, ConsumerApp.Argument)).EnsureSuccess();

        publish.Output.Should().NotContain("warning", publish.ToString());
        run.Output.Should().Be(ConsumerApp.ExpectedOutput, run.ToString());
        run.Error.Should().BeEmpty(run.ToString());
    }

    /// <summary>The machine's global packages folder, as NuGet reports it (NUGET_PACKAGES, a config file, or ~/.nuget/packages).</summary>
    private static async Task<string> MachinePackagesAsync(string workingDirectory)
    {
        var locals = (await Dotnet.RunAsync(workingDirectory, RunTimeout, environment: null, "nuget", "locals", "global-packages", "--list")).EnsureSuccess();
        const string Prefix = "global-packages: ";
        var line = locals.Output.Split('\n').SingleOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        line.Should().NotBeNull(locals.ToString());
        return line![Prefix.Length..].Trim();
    }
}
