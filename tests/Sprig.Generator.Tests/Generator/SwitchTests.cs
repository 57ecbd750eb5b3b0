using Sprig.Generator.Tests.Support;

namespace Sprig.Generator.Tests.Generator;

/// <summary>The MSBuild switch SprigGenerator, and the assemblies with nothing to register.</summary>
public sealed class SwitchTests
{
    [Theory]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("true", true)]
    [InlineData("", true)]
    public void Generator_EmitsUnlessSprigGeneratorIsFalse(string value, bool emits)
    {
        var (_, _, result) = GeneratorRunner.Run(GeneratorRunner.Compile("Shop", Samples.Shop), GeneratorRunner.Driver(("SprigGenerator", value)));

        result.GeneratedSources.Should().HaveCount(emits ? 1 : 0);
    }

    [Fact]
    public void Generator_EmitsNothing_WhenNoClassIsAComponent()
    {
        var (_, _, result) = GeneratorRunner.Run(GeneratorRunner.Compile("Plain", Samples.Unrelated));

        result.GeneratedSources.Should().BeEmpty();
    }
}
