using Sprig.Generated;
using Sprig.Tests.Behaviour;

namespace Sprig.Tests;

/// <summary>
/// Where the generator's facts (what each class carries, for the runtime to skip reading the rest by reflection) cannot vouch
/// for a class, and a field they must see. That they match reflection for every class of the suite: ClassFactsMatchReflectionTests.
/// </summary>
public sealed class ClassFactsTests
{
    [Fact]
    public void TheFacts_CoverMostClasses_AndLeaveOutThoseWithABaseClassFromAnotherAssembly()
    {
        var registry = GeneratedComponents.Of(typeof(ClassFactsTests).Assembly)!;
        var known = registry.Types.Where(t => GeneratedComponents.FactsOf(t) != ClassFacts.Unknown).ToList();

        known.Count.Should().BeGreaterThan(registry.Types.Count / 2);
        known.Should().Contain(typeof(LazyProxyTests.FormalGreeter));
        // Each flag is set on some class of this suite, and so compared with reflection by ClassFactsMatchReflectionTests.
        known.Aggregate(ClassFacts.None, (all, type) => all | GeneratedComponents.FactsOf(type)).Should().Be(ClassFacts.Unknown);
        registry.Types.Where(t => t.BaseType is { } b && b != typeof(object) && b.Assembly != t.Assembly)
            .Should().Contain(typeof(FromAnotherAssembly)).And.OnlyContain(t => GeneratedComponents.FactsOf(t) == ClassFacts.Unknown);
        GeneratedComponents.FactsOf(typeof(string)).Should().Be(ClassFacts.Unknown);
    }

    [Fact]
    public void AClassWhoseBaseIsInAnotherAssembly_IsReadWhole_ItsBasesPrivateFieldIsInjectedAndItsHookRuns()
    {
        using var context = new ApplicationContext(new PendingRegistry().Register<Scanning.Fixtures.AlphaService>().Register<FromAnotherAssembly>());
        context.Refresh();

        var component = context.Get<FromAnotherAssembly>();
        component.Alpha.Should().BeSameAs(context.Get<Scanning.Fixtures.AlphaService>());
        component.Initialized.Should().BeTrue();
    }

    [Fact]
    public void AnAttributeOnABackingField_IsAFactToo()
    {
        GeneratedComponents.FactsOf(typeof(BackingFieldInjected)).Should().Be(ClassFacts.Members);

        using var context = new ApplicationContext(new PendingRegistry().Register<Scanning.Fixtures.AlphaService>().Register<BackingFieldInjected>());
        context.Refresh();

        context.Get<BackingFieldInjected>().Alpha.Should().BeSameAs(context.Get<Scanning.Fixtures.AlphaService>());
    }

    /// <summary>[field: Inject] puts the attribute on the compiler's backing field, which reflection reads as an injected field.</summary>
    [Component]
    public sealed class BackingFieldInjected
    {
        [field: Inject]
        public Scanning.Fixtures.AlphaService? Alpha { get; }
    }

    /// <summary>Its base class's private [Inject] field and [PostConstruct] are not in this assembly's compilation.</summary>
    [Component]
    public sealed class FromAnotherAssembly : Scanning.Fixtures.InjectedBase;
}
