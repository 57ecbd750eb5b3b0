using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sprig.Generator.Tests.Support;

namespace Sprig.Generator.Tests.Generator;

/// <summary>The incremental pipeline: an edit that changes no component leaves every step cached, and no step holds symbols.</summary>
public sealed class CachingTests
{
    private static readonly string[] Steps = [ComponentGenerator.ParseStep, ComponentGenerator.CollectStep, ComponentGenerator.EnabledStep];

    [Fact]
    public void Steps_StayCached_WhenAnUnrelatedFileChanges()
    {
        var compilation = GeneratorRunner.Compile("Shop", Samples.Shop, Samples.Unrelated);
        var (driver, _, first) = GeneratorRunner.Run(compilation);
        first.TrackedSteps.Keys.Should().Contain(Steps);

        var unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "Source1.cs");
        var edited = compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText(Samples.UnrelatedEdited, GeneratorRunner.ParseOptions, "Source1.cs"))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Shop; public sealed class Plain { }", GeneratorRunner.ParseOptions, "Source2.cs"));
        var (_, _, second) = GeneratorRunner.Run(edited, driver);

        foreach (var step in Steps)
        {
            var reasons = second.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            reasons.Should().NotBeEmpty().And.OnlyContain(
                r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged, $"step {step} should not run again");
        }

        second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .Should().OnlyContain(o => o.Reason == IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Steps_Rerun_WhenAComponentChanges()
    {
        var compilation = GeneratorRunner.Compile("Shop", Samples.Shop);
        var (driver, _, _) = GeneratorRunner.Run(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Shop; [Sprig.Component] public sealed class Added { }", GeneratorRunner.ParseOptions, "Source1.cs"));
        var (_, _, second) = GeneratorRunner.Run(edited, driver);

        second.TrackedSteps[ComponentGenerator.CollectStep].SelectMany(s => s.Outputs).Select(o => o.Reason)
            .Should().ContainSingle().Which.Should().Be(IncrementalStepRunReason.Modified);
        second.GeneratedSources.Single().SourceText.ToString().Should().Contain("typeof(global::Shop.Added)");
    }

    [Fact]
    public void Steps_HoldNoSymbolsSyntaxOrCompilation()
    {
        var (_, _, result) = GeneratorRunner.Run(GeneratorRunner.Compile("Shop", Samples.Shop));

        foreach (var step in Steps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertHoldsNoRoslynObjects(output.Value, step, []);
            }
        }
    }

    /// <summary>Walks an output's object graph (fields, collections) as the incremental generators cookbook suggests.</summary>
    private static void AssertHoldsNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        (value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location).Should()
            .BeFalse($"step {step} holds a {value.GetType().Name}: models must be plain data to compare by value");

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertHoldsNoRoslynObjects(item, step, seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertHoldsNoRoslynObjects(field.GetValue(value), step, seen);
        }
    }
}
