using System.Reflection;
using Sprig.Generated;
using Sprig.Planning;

namespace Sprig.Tests;

/// <summary>
/// What the generator hands over for the planner to take without reflection — each class's component attribute, and the
/// constructor Sprig's rule chooses with its parameters — against what reflection reads, for every component class of the suite
/// that compiles this file with Sprig.Generator. A difference would make a class register or be built otherwise with the generator
/// than without it.
/// </summary>
public sealed class GeneratedPlansMatchReflectionTests
{
    private static readonly GeneratedAssembly Registry = GeneratedComponents.Of(typeof(GeneratedPlansMatchReflectionTests).Assembly)!;

    [Fact]
    public void EveryGeneratedAttribute_IsTheAttributeReflectionReads()
    {
        var compared = 0;
        var wrong = new List<string>();
        foreach (var component in Registry.Components.Where(c => c.Attribute is not null))
        {
            compared++;
            var reflected = component.Type.GetCustomAttribute<ComponentAttribute>(inherit: false);
            if (reflected is null || reflected.GetType() != component.Attribute!.GetType())
            {
                wrong.Add($"{component.Type.FullName}: generated {component.Attribute!.GetType().Name}, reflection {reflected?.GetType().Name ?? "none"}");
                continue;
            }

            foreach (var property in reflected.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != nameof(Attribute.TypeId)))
            {
                var (mine, theirs) = (property.GetValue(component.Attribute), property.GetValue(reflected));
                if (!(Equals(mine, theirs) || (mine is Array a && theirs is Array b && a.Cast<object?>().SequenceEqual(b.Cast<object?>()))))
                {
                    wrong.Add($"{component.Type.FullName}.{property.Name}: generated {mine}, reflection {theirs}");
                }
            }
        }

        wrong.Should().BeEmpty();

        // Most classes have one, so that the comparison above compares.
        compared.Should().BeGreaterThan(Registry.Types.Count / 2);
    }

    [Fact]
    public void EveryGeneratedChoiceOfConstructor_IsReflectionsChoiceWithTheSameParameters()
    {
        var compared = 0;
        var wrong = new List<string>();
        foreach (var component in Registry.Components.Where(c => c.ChosenConstructor >= 0))
        {
            compared++;
            var generated = component.Constructors[component.ChosenConstructor];
            var reflected = AttributedConstructor.Read(component.Type, GeneratedCalls.None);
            var fromData = AttributedConstructor.Read(component.Type, GeneratedCalls.Of(component.Type));
            if (reflected.Chosen is null || !reflected.Chosen.GetParameters().Select(p => p.ParameterType).SequenceEqual(generated.ParameterTypes))
            {
                wrong.Add($"{component.Type.FullName}: generated ({string.Join(", ", generated.ParameterTypes)}), reflection {reflected.Problem} ({string.Join(", ", reflected.Chosen?.GetParameters().Select(p => p.ParameterType) ?? [])})");
                continue;
            }

            if (fromData.Generated != generated)
            {
                wrong.Add($"{component.Type.FullName}: the planner did not take the generated choice");
            }

            // Every point as reflection makes it (a record: description, name, type, optional, default, and no [Value], [Lazy], [InjectByName]).
            var points = reflected.Parameters.Select(p => p with { Attributes = null }).ToList();
            if (!points.SequenceEqual(fromData.Parameters) || points.Any(p => p.Value is not null || p.Lazy is not null || p.ByName is not null))
            {
                wrong.Add($"{component.Type.FullName}: generated [{string.Join("; ", fromData.Parameters)}], reflection [{string.Join("; ", reflected.Parameters)}]");
            }
        }

        wrong.Should().BeEmpty();
        compared.Should().BeGreaterThan(Registry.Types.Count / 2);

        // And a class whose chosen constructor has a parameter with an attribute or a default is left to reflection.
        Registry.Components.Should().Contain(c => c.ChosenConstructor < 0);
    }
}
