using Sprig.Testing;

namespace Sprig.Conditions.Tests;

/// <summary>[ConditionalOnClass] / [ConditionalOnMissingClass] with full, assembly-qualified and unknown type names.</summary>
public sealed class ClassConditionTests
{
    [Service, ConditionalOnClass("System.Text.Json.JsonSerializer")]
    public sealed class JsonSupport;

    [Service, ConditionalOnMissingClass("System.Text.Json.JsonSerializer")]
    public sealed class NoJsonFallback;

    // System.Formats.Tar is part of the shared framework but nothing in this test run references it by type.
    [Service, ConditionalOnClass("System.Formats.Tar.TarFile")]
    public sealed class TarSupport;

    [Service, ConditionalOnClass("System.Text.Json.JsonSerializer, System.Text.Json")]
    public sealed class QualifiedJsonSupport;

#if SPRIG_GENERATED
    // The same sources compiled with the generator are an assembly of another name (tests/Sprig.Conditions.Tests.Generated).
    [Service, ConditionalOnClass("Sprig.Conditions.Tests.ClassConditionTests+JsonSupport, Sprig.Conditions.Tests.Generated")]
#else
    [Service, ConditionalOnClass("Sprig.Conditions.Tests.ClassConditionTests+JsonSupport, Sprig.Conditions.Tests")]
#endif
    public sealed class QualifiedNestedSupport;

    [Service, ConditionalOnClass("Acme.Does.Not.Exist")]
    public sealed class NeedsMissingType;

    [Service, ConditionalOnClass("Acme.Does.Not.Exist, Acme.Missing")]
    public sealed class NeedsMissingQualifiedType;

    [Service, ConditionalOnMissingClass("Acme.Does.Not.Exist")]
    public sealed class FallbackForMissingType;

    [Fact]
    public void OnClass_Includes_WhenFullNameIsAvailable() =>
        new ContextRunner().WithComponents(typeof(JsonSupport)).Run(context =>
        {
            context.Contains("JsonSupport").Should().BeTrue();
            context.ConditionReport.Explain("JsonSupport").Should().Be(
                "JsonSupport: in — ConditionalOnClass('System.Text.Json.JsonSerializer') found type 'System.Text.Json.JsonSerializer' in System.Text.Json");
        });

    [Fact]
    public void OnClass_Includes_WhenTypeLivesInAnAssemblyNotLoadedYet()
    {
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Should().NotContain(
            "System.Formats.Tar", "the test needs an assembly that nothing has loaded");

        new ContextRunner().WithComponents(typeof(TarSupport)).Run(context =>
            context.ConditionReport.Explain("TarSupport").Should().Be(
                "TarSupport: in — ConditionalOnClass('System.Formats.Tar.TarFile') found type 'System.Formats.Tar.TarFile' in System.Formats.Tar"));
    }

    [Fact]
    public void OnClass_Includes_WhenAssemblyQualifiedNameIsAvailable() =>
        new ContextRunner().WithComponents(typeof(QualifiedJsonSupport), typeof(QualifiedNestedSupport)).Run(context =>
        {
            context.Contains("QualifiedJsonSupport").Should().BeTrue();
            context.Contains("QualifiedNestedSupport").Should().BeTrue();
        });

    [Fact]
    public void OnClass_Excludes_WhenTypeIsMissing() =>
        new ContextRunner().WithComponents(typeof(NeedsMissingType)).Run(context =>
        {
            context.Contains("NeedsMissingType").Should().BeFalse();
            context.ConditionReport.Explain("NeedsMissingType").Should().Be(
                "NeedsMissingType: out — ConditionalOnClass('Acme.Does.Not.Exist') did not find type 'Acme.Does.Not.Exist'");
        });

    [Fact]
    public void OnClass_Excludes_WhenAssemblyQualifiedTypeIsMissing() =>
        new ContextRunner().WithComponents(typeof(NeedsMissingQualifiedType))
            .Run(context => context.Contains("NeedsMissingQualifiedType").Should().BeFalse());

    [Fact]
    public void OnMissingClass_Includes_WhenTypeIsMissing() =>
        new ContextRunner().WithComponents(typeof(FallbackForMissingType)).Run(context =>
        {
            context.Contains("FallbackForMissingType").Should().BeTrue();
            context.ConditionReport.Explain("FallbackForMissingType").Should().Be(
                "FallbackForMissingType: in — ConditionalOnMissingClass('Acme.Does.Not.Exist') did not find type 'Acme.Does.Not.Exist'");
        });

    [Fact]
    public void OnMissingClass_Excludes_WhenTypeIsAvailable() =>
        new ContextRunner().WithComponents(typeof(NoJsonFallback), typeof(JsonSupport)).Run(context =>
        {
            context.Contains("NoJsonFallback").Should().BeFalse();
            context.Contains("JsonSupport").Should().BeTrue();
        });

    [Fact]
    public void FindType_ReturnsNull_ForUnknownName() =>
        ConditionContext.FindType("Acme.Nothing.Here").Should().BeNull();

    [Fact]
    public void FindType_ReturnsTheType_ForFullName() =>
        ConditionContext.FindType("System.Text.Json.JsonSerializer").Should().Be(typeof(System.Text.Json.JsonSerializer));
}
