using System.Xml.Linq;

namespace Sprig.Packaging.Tests.Support;

/// <summary>
/// Packs the src projects once for the whole collection, in Release, into a local folder feed in a temporary directory
/// outside the repository (deleted afterwards). Each run packs its own version, {VersionPrefix}-test-{id}, so nothing a NuGet
/// cache kept from an earlier run can stand in for this run's packages.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    /// <summary>How long packing every src project may take: a cold Release build of all of them on a busy 2-core machine.</summary>
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    private readonly string _suffix = $"test-{Guid.NewGuid():N}";

    public PackagesFixture()
    {
        Repository = FindRepository();
        Version = $"{VersionPrefix(Repository)}-{_suffix}";
    }

    /// <summary>Gets the repository root: the directory of Container.sln above this test's output.</summary>
    public string Repository { get; }

    /// <summary>Gets the temporary directory that holds the feed and the app; outside the repository.</summary>
    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), $"sprig-packaging-{Guid.NewGuid():N}");

    /// <summary>Gets the local folder feed the packages were packed into.</summary>
    public string Feed => Path.Combine(WorkDirectory, "feed");

    /// <summary>Gets the version every package of this run has: the repository's VersionPrefix and this run's suffix.</summary>
    public string Version { get; }

    /// <summary>Gets the path of a package of this run in the feed.</summary>
    public string Package(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkDirectory);
        // RunAnalyzers=false: the solution's own build already holds the code to the analyzers (warnings are errors), and
        // they do not change what is compiled (source generators still run); skipping them shortens this second, Release,
        // build by about a third.
        // -nodeReuse:false leaves no MSBuild node running after the test.
        var pack = await Dotnet.RunAsync(Repository, PackTimeout, environment: null,
            "pack", Path.Combine(Repository, "Sprig.Packages.slnf"), "-c", "Release", "-o", Feed,
            "--version-suffix", _suffix, "-p:RunAnalyzers=false", "-nodeReuse:false");
        pack.EnsureSuccess();
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(WorkDirectory))
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Reads the one version of the packages from Directory.Build.props.</summary>
    private static string VersionPrefix(string repository) =>
        XDocument.Load(Path.Combine(repository, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Container.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException($"No Container.sln above {AppContext.BaseDirectory}: this test runs from its build output inside the repository.");
    }
}
