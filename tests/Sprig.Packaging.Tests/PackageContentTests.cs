using System.IO.Compression;
using System.Xml.Linq;
using Sprig.Packaging.Tests.Support;

namespace Sprig.Packaging.Tests;

/// <summary>What each package of the pack run holds and says about itself.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageContentTests(PackagesFixture packages)
{
    /// <summary>The packages: one per src project but the generator, which Sprig.Core carries.</summary>
    public static TheoryData<string, string> Packages => new()
    {
        { "Sprig.Core", "Core" },
        { "Sprig.Conditions", "Conditions" },
        { "Sprig.Web", "Web" },
        { "Sprig.Testing", "Testing" },
        { "Sprig.Nats", "Nats" },
    };

    [Fact]
    public void Feed_HoldsAPackageAndASymbolPackagePerSourceProject_AndNoneForTheGenerator()
    {
        var expected = Packages.SelectMany(row => new[] { $"{row[0]}.{packages.Version}.nupkg", $"{row[0]}.{packages.Version}.snupkg" });

        Directory.GetFiles(packages.Feed).Select(Path.GetFileName).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void CorePackage_CarriesTheGeneratorTheLibraryAndTheReadme()
    {
        var expected = new List<string>
        {
            "README.md",
            "analyzers/dotnet/cs/Sprig.Generator.dll",
            "lib/net10.0/Sprig.Core.dll",
            "lib/net10.0/Sprig.Core.xml",
        };
        // The generator's MSBuild switch, once src/Core/build/Sprig.Core.props exists.
        if (File.Exists(Path.Combine(packages.Repository, "src", "Core", "build", "Sprig.Core.props")))
        {
            expected.Add("build/Sprig.Core.props");
        }

        Content(packages.Package("Sprig.Core")).Should().BeEquivalentTo(expected);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_HasLicenseRepositoryReadmeDescriptionAndTags(string id, string folder)
    {
        var metadata = Nuspec(packages.Package(id));

        Element(metadata, "id").Should().Be(id);
        Element(metadata, "version").Should().Be(packages.Version);
        metadata.Element(metadata.Name.Namespace + "license")!.ToString(SaveOptions.DisableFormatting).Should()
            .Be($"<license type=\"expression\" xmlns=\"{metadata.Name.NamespaceName}\">MIT</license>");
        Element(metadata, "readme").Should().Be("README.md");
        Element(metadata, "description").Should().StartWith("Sprig: ");
        Element(metadata, "tags").Split(' ').Should().Contain("sprig");
        var repository = metadata.Element(metadata.Name.Namespace + "repository")!;
        repository.Attribute("type")!.Value.Should().Be("git");
        repository.Attribute("url")!.Value.Should().Be("https://github.com/sprig-dotnet/sprig");
        Read(packages.Package(id), "README.md").Should().Be(File.ReadAllText(Path.Combine(packages.Repository, "src", folder, "README.md")));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void SymbolPackage_HoldsTheLibrarysPdb(string id, string folder)
    {
        _ = folder;

        Content(packages.Package(id, "snupkg")).Should().BeEquivalentTo([$"lib/net10.0/{id}.pdb"]);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_DependsOnSprigCoreOfItsOwnVersionWithItsGenerator_AndNeverOnTheGenerator(string id, string folder)
    {
        _ = folder;
        var metadata = Nuspec(packages.Package(id));
        var sprig = metadata.Descendants(metadata.Name.Namespace + "dependency")
            .Where(d => d.Attribute("id")!.Value.StartsWith("Sprig.", StringComparison.Ordinal))
            .Select(d => $"{d.Attribute("id")?.Value} {d.Attribute("version")?.Value} include={d.Attribute("include")?.Value} exclude={d.Attribute("exclude")?.Value}");

        // include=All: an app that gets Sprig.Core through this package gets its analyzers and build files too.
        sprig.Should().BeEquivalentTo(id == "Sprig.Core" ? [] : new[] { $"Sprig.Core {packages.Version} include=All exclude=" });
    }

    /// <summary>The package's files, without the parts every package has (nuspec, relationships, content types, core properties).</summary>
    private static List<string> Content(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName)
            .Where(name => !name.EndsWith(".nuspec", StringComparison.Ordinal) && !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml")
            .ToList();
    }

    private static string Read(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private static XElement Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }

    private static string Element(XElement metadata, string name) => metadata.Element(metadata.Name.Namespace + name)!.Value;
}
