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
        var expectedPath = Path.Combine(SourceDirectory(), "Expected", "SprigGeneratedRegistry.g.cs");
        if (Environment.GetEnvironmentVariable("SPRIG_ACCEPT") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : "";
        if (actual != expected)
        {
            var actualPath = Path.Combine(AppContext.BaseDirectory, "SprigGeneratedRegistry.actual.g.cs");
            File.WriteAllText(actualPath, actual);
            Assert.Fail($"The generated registry differs from {expectedPath}; the output is in {actualPath}. "
                + "If the change is intended, run the tests with SPRIG_ACCEPT=1 to overwrite the expected file, and commit it.");
        }
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
