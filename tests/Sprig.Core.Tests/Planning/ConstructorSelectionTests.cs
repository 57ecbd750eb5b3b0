using System.Reflection;
using Sprig.Definitions;
using Sprig.Diagnostics;
using Sprig.Planning;

namespace Sprig.Tests.Planning;

/// <summary>Which constructor each rule set picks, and the problem it records (never throws) when it cannot pick one.</summary>
public sealed class ConstructorSelectionTests
{
    public sealed class Dep
    {
    }

    public sealed class Other
    {
    }

    public sealed class OnePublic(Dep dep)
    {
        public Dep Dep { get; } = dep;
    }

    public sealed class PublicAndPrivate
    {
        public PublicAndPrivate(Dep dep) => Dep = dep;

        private PublicAndPrivate() => Dep = new Dep();

        public Dep Dep { get; }

        public static PublicAndPrivate Make() => new();
    }

    public sealed class Marked
    {
        public Marked()
        {
        }

        [Inject]
        public Marked(Dep dep) => Dep = dep;

        public Dep? Dep { get; }
    }

    public sealed class MarkedShorter
    {
        [Inject]
        public MarkedShorter(Dep dep) => Dep = dep;

        public MarkedShorter(Dep dep, Other other)
        {
            Dep = dep;
            Other = other;
        }

        public Dep Dep { get; }

        public Other? Other { get; }
    }

    public sealed class TwoMarked
    {
        [Inject]
        public TwoMarked(Dep dep) => Dep = dep;

        [Inject]
        public TwoMarked(Other other) => Other = other;

        public Dep? Dep { get; }

        public Other? Other { get; }
    }

    public sealed class SeveralPublic
    {
        public SeveralPublic(Dep dep) => Dep = dep;

        public SeveralPublic(Dep dep, Other other)
        {
            Dep = dep;
            Other = other;
        }

        public Dep Dep { get; }

        public Other? Other { get; }
    }

    public sealed class SeveralWithDefault
    {
        public SeveralWithDefault()
        {
        }

        public SeveralWithDefault(Dep dep) => Dep = dep;

        public Dep? Dep { get; }
    }

    public sealed class Descriptor
    {
        public Descriptor()
        {
        }

        public Descriptor(Dep dep) => Dep = dep;

        public Descriptor(Dep dep, Other other)
        {
            Dep = dep;
            Other = other;
        }

        public Dep? Dep { get; }

        public Other? Other { get; }
    }

    public sealed class TwoOfALength
    {
        public TwoOfALength(Dep dep) => Dep = dep;

        public TwoOfALength(Other other) => Other = other;

        public Dep? Dep { get; }

        public Other? Other { get; }
    }

    public sealed class Defaulted
    {
        public Defaulted(Dep dep) => Dep = dep;

        public Defaulted(Dep dep, int retries = 3)
        {
            Dep = dep;
            Retries = retries;
        }

        public Dep Dep { get; }

        public int Retries { get; }
    }

    private static ComponentDefinition Definition(Type type) =>
        new(type.Name, type, ComponentKind.Class, Scope.Singleton) { ImplementationType = type };

    private static ConstructorInfo Constructor(Type type, params Type[] parameters) =>
        type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, parameters)!;

    private static List<string> Messages(Problems problems) => [.. problems.Render(e => [e.Name]).Select(p => p.Message)];

    [Theory]
    [InlineData(typeof(OnePublic), new[] { typeof(Dep) })]
    [InlineData(typeof(PublicAndPrivate), new[] { typeof(Dep) })]
    [InlineData(typeof(Marked), new[] { typeof(Dep) })]
    [InlineData(typeof(SeveralWithDefault), new Type[0])]
    public void Attributed_PicksTheMarkedOrOnlyPublicOrParameterlessConstructor(Type type, Type[] parameters)
    {
        var problems = new Problems();

        var (chosen, generated, _) = ConstructorSelection.Attributed(Definition(type), problems);

        // With the generator (the generated-path suite), the planner takes its choice without reading constructors.
        (chosen ?? Constructor(type, [.. generated!.ParameterTypes])).Should().BeSameAs(Constructor(type, parameters));
        problems.Count.Should().Be(0);
    }

    [Fact]
    public void Attributed_RecordsAProblem_WhenTwoConstructorsAreMarkedInject()
    {
        var problems = new Problems();

        var (chosen, _, _) = ConstructorSelection.Attributed(Definition(typeof(TwoMarked)), problems);

        chosen.Should().BeNull();
        Messages(problems).Should().Equal(
            "'TwoMarked' cannot be created: ConstructorSelectionTests.TwoMarked has several constructors marked [Inject]: "
            + "ConstructorSelectionTests.TwoMarked(ConstructorSelectionTests.Dep dep); ConstructorSelectionTests.TwoMarked(ConstructorSelectionTests.Other other). "
            + "Keep [Inject] on one of them.");
    }

    [Fact]
    public void Attributed_RecordsAProblem_WhenSeveralPublicConstructorsAndNoParameterlessOne()
    {
        var problems = new Problems();

        var (chosen, _, _) = ConstructorSelection.Attributed(Definition(typeof(SeveralPublic)), problems);

        chosen.Should().BeNull();
        Messages(problems).Should().Equal(
            "'SeveralPublic' cannot be created: ConstructorSelectionTests.SeveralPublic has several public constructors and none is marked [Inject]: "
            + "ConstructorSelectionTests.SeveralPublic(ConstructorSelectionTests.Dep dep); "
            + "ConstructorSelectionTests.SeveralPublic(ConstructorSelectionTests.Dep dep, ConstructorSelectionTests.Other other). Mark the one to use with [Inject].");
    }

    [Fact]
    public void LongestSatisfiable_PicksTheLongestConstructorWhoseParametersCanAllBeResolved()
    {
        var problems = new Problems();
        var definition = Definition(typeof(Descriptor));

        var onlyDep = ConstructorSelection.LongestSatisfiable(definition, p => p.ParameterType == typeof(Dep), problems);
        var both = ConstructorSelection.LongestSatisfiable(definition, _ => true, problems);
        var none = ConstructorSelection.LongestSatisfiable(definition, _ => false, problems);

        onlyDep.Should().BeSameAs(Constructor(typeof(Descriptor), typeof(Dep)));
        both.Should().BeSameAs(Constructor(typeof(Descriptor), typeof(Dep), typeof(Other)));
        none.Should().BeSameAs(Constructor(typeof(Descriptor)));
        problems.Count.Should().Be(0);
    }

    [Fact]
    public void LongestSatisfiable_CountsAParameterWithADefaultAsSatisfiable()
    {
        var problems = new Problems();

        var chosen = ConstructorSelection.LongestSatisfiable(Definition(typeof(Defaulted)), p => p.ParameterType == typeof(Dep), problems);

        chosen.Should().BeSameAs(Constructor(typeof(Defaulted), typeof(Dep), typeof(int)));
        problems.Count.Should().Be(0);
    }

    [Fact]
    public void LongestSatisfiable_ReturnsTheLongest_WhenNoneCanBeSatisfied_SoThatPlanningReportsWhatItLacks()
    {
        var problems = new Problems();

        var chosen = ConstructorSelection.LongestSatisfiable(Definition(typeof(OnePublic)), _ => false, problems);

        chosen.Should().BeSameAs(Constructor(typeof(OnePublic), typeof(Dep)));
        problems.Count.Should().Be(0);
    }

    [Fact]
    public void LongestSatisfiable_RecordsAProblem_WhenTwoConstructorsOfTheSameLengthAreSatisfiable()
    {
        var problems = new Problems();

        var chosen = ConstructorSelection.LongestSatisfiable(Definition(typeof(TwoOfALength)), _ => true, problems);

        chosen.Should().BeNull();
        Messages(problems).Should().Equal(
            "'TwoOfALength' cannot be created: ConstructorSelectionTests.TwoOfALength has 2 equally long public constructors (1 parameter) "
            + "whose arguments can all be resolved, and none is marked [Inject]: "
            + "ConstructorSelectionTests.TwoOfALength(ConstructorSelectionTests.Dep dep); ConstructorSelectionTests.TwoOfALength(ConstructorSelectionTests.Other other). "
            + "The longest resolvable constructor is used, and these tie; mark the one to use with [Inject], or remove the registration one of them needs.");
    }

    [Fact]
    public void LongestSatisfiable_PicksTheConstructorMarkedInject_OverALongerOne()
    {
        var problems = new Problems();

        var chosen = ConstructorSelection.LongestSatisfiable(Definition(typeof(MarkedShorter)), _ => true, problems);

        chosen.Should().BeSameAs(Constructor(typeof(MarkedShorter), typeof(Dep)));
        problems.Count.Should().Be(0);
    }
}
