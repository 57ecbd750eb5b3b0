using Microsoft.CodeAnalysis;
using static Sprig.Generator.Tests.Support.AnalyzerRunner;

namespace Sprig.Generator.Tests.Analyzers;

/// <summary>The IDs are one table: each has its category, its help link to the README's row, and its line in the release tracking.</summary>
public sealed class DiagnosticTableTests
{
    private static readonly DiagnosticDescriptor[] Descriptors =
        [.. All.SelectMany(a => a.SupportedDiagnostics).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal)];

    [Fact]
    public void Ids_AreNumberedFromSprig0001_WithoutGaps()
    {
        Descriptors.Select(d => d.Id).Should().Equal(Enumerable.Range(1, Descriptors.Length).Select(i => $"SPRIG{i:0000}"));
    }

    [Fact]
    public void EveryDiagnostic_HasTheSprigCategory_AndLinksToItsReadmeRow()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var unshipped = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Generator", "Analyzers", "AnalyzerReleases.Unshipped.md"));

        foreach (var descriptor in Descriptors)
        {
            var anchor = descriptor.Id.ToLowerInvariant();
            descriptor.Category.Should().Be("Sprig");
            descriptor.IsEnabledByDefault.Should().BeTrue();
            descriptor.HelpLinkUri.Should().Be($"https://github.com/sprig-dotnet/sprig#{anchor}");
            readme.Should().Contain($"| <a id=\"{anchor}\"></a>{descriptor.Id} | {descriptor.DefaultSeverity} |");
            unshipped.Should().Contain($"{descriptor.Id} | Sprig | {descriptor.DefaultSeverity} |");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Container.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Container.sln was not found above " + AppContext.BaseDirectory);
    }
}
