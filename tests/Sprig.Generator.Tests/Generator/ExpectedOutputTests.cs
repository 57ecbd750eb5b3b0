using System.Runtime.CompilerServices;
using Sprig.Generator.Tests.Support;

namespace Sprig.Generator.Tests.Generator;

/// <summary>
/// The generated registry of <see cref="Samples.Shop"/> compared with the committed Expected/SprigGeneratedRegistry.g.cs.
/// To accept a deliberate change, run the tests with SPRIG_ACCEPT=1: the expected file is overwritten with the output.
/// </summary>
public sealed class ExpectedOutputTests
{
    [Fact]
    public void Generator_EmitsCommittedRegistry_ForShopSample()
    {
        var (_, _, result) = GeneratorRunner.Run(GeneratorRunner.Compile("Shop", Samples.Shop));

        var generated = result.GeneratedSources.Should().ContainSingle().Subject;
        generated.HintName.Should().Be("SprigGeneratedRegistry.g.cs");
        var actual = generated.SourceText.ToString();
        GeneratorRunner.AssertMatchesCommitted(actual, Path.Combine(SourceDirectory(), "Expected", "SprigGeneratedRegistry.g.cs"), "generated registry");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
