using System.Reflection;
using Sprig.Generated;

namespace Sprig.Tests;

/// <summary>
/// The generator's facts (what each class carries, for the runtime to skip reading the rest by reflection) against what
/// reflection finds, for every component class of the suite that compiles this file with Sprig.Generator: a clear flag where
/// reflection finds something would make the runtime miss an injected member, a hook, an endpoint, a condition or a service key.
/// </summary>
public sealed class ClassFactsMatchReflectionTests
{
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    [Fact]
    public void EveryClassOfTheSuite_HasTheFactsReflectionFinds()
    {
        var registry = GeneratedComponents.Of(typeof(ClassFactsMatchReflectionTests).Assembly)!;

        var wrong = registry.Types
            .Select(type => (Type: type, Facts: GeneratedComponents.FactsOf(type), Reflected: Reflected(type)))
            .Where(c => c.Facts != ClassFacts.Unknown && c.Facts != c.Reflected)
            .Select(c => $"{c.Type.FullName}: generated {c.Facts}, reflection {c.Reflected}");

        wrong.Should().BeEmpty();

        // Most classes are seen whole, and some carry something, so that the comparison above compares.
        var known = registry.Types.Select(GeneratedComponents.FactsOf).Where(f => f != ClassFacts.Unknown).ToList();
        known.Count.Should().BeGreaterThan(registry.Types.Count / 2);
        known.Should().Contain(f => f != ClassFacts.None);
    }

    /// <summary>What the runtime would find by reflection, read the way it reads each part.</summary>
    private static ClassFacts Reflected(Type type)
    {
        var facts = ClassFacts.None;
        for (var level = type; level is not null && level != typeof(object); level = level.BaseType)
        {
            foreach (var member in level.GetFields(Declared).Concat<MemberInfo>(level.GetProperties(Declared)))
            {
                if (member.IsDefined(typeof(InjectAttribute)) || member.IsDefined(typeof(InjectByNameAttribute))
                    || member.IsDefined(typeof(ValueAttribute)) || member.IsDefined(typeof(LazyAttribute)))
                {
                    facts |= ClassFacts.Members;
                }
            }

            foreach (var method in level.GetMethods(Declared))
            {
                if (method.IsDefined(typeof(EndpointAttribute), inherit: true))
                {
                    facts |= ClassFacts.Endpoints;
                }

                if (method.IsDefined(typeof(PostConstructAttribute), inherit: true) || method.IsDefined(typeof(OnStartAttribute), inherit: true)
                    || method.IsDefined(typeof(PreDestroyAttribute), inherit: true))
                {
                    facts |= ClassFacts.Hooks;
                }
            }
        }

        if (type.GetCustomAttributes<ConditionAttribute>(inherit: true).Any())
        {
            facts |= ClassFacts.Conditions;
        }

        return type.IsDefined(typeof(ServiceKeyAttribute), inherit: false) ? facts | ClassFacts.ServiceKey : facts;
    }
}
