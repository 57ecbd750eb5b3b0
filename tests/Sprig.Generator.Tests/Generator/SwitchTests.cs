using Sprig.Generator.Tests.Support;

namespace Sprig.Generator.Tests.Generator;

/// <summary>The MSBuild switch SprigGenerator, and the assemblies with nothing to register.</summary>
public sealed class SwitchTests
{
    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    public void Generator_EmitsNothing_WhenSprigGeneratorIsFalse(string value)
    {
        var (_, _, result) = GeneratorRunner.Run(GeneratorRunner.Compile("Shop", Samples.Shop), GeneratorRunner.Driver(("SprigGenerator", value)));

        result.GeneratedSources.Should().BeEmpty();
    }

    [Theory]
    [InlineData("true")]
    [InlineData("")]
    public void Generator_Emits_WhenSprigGeneratorIsNotFalse(string value)
    {
        var (_, _, result) = GeneratorRunner.Run(GeneratorRunner.Compile("Shop", Samples.Shop), GeneratorRunner.Driver(("SprigGenerator", value)));

        result.GeneratedSources.Should().ContainSingle();
    }

    [Fact]
    public void Generator_EmitsNothing_WhenNoClassIsAComponent()
    {
        var (_, _, result) = GeneratorRunner.Run(GeneratorRunner.Compile("Plain", Samples.Unrelated));

        result.GeneratedSources.Should().BeEmpty();
    }
}
