namespace Sprig.Tests.Generated;

/// <summary>
/// Which code creates a component: in the generated-path suite (Sprig.Core.Tests.Generated: the generator on, and the
/// <c>Sprig.PreferGeneratedCode</c> switch on) the generated registry's constructor call; here, reflection. A constructor that
/// throws shows the path in its stack trace.
/// </summary>
public sealed class GeneratedPathTests
{
    [Component]
    public sealed class Failing
    {
        public Failing() => throw new InvalidOperationException("the constructor failed");
    }

    [Fact]
    public void Refresh_CreatesTheComponentThroughTheExpectedPath()
    {
        var registry = new PendingRegistry();
        registry.Register<Failing>();
        using var context = new ApplicationContext(registry);

        var thrown = context.Invoking(c => c.Refresh()).Should().Throw<ComponentCreationException>().Which;

        var failure = thrown.InnerException.Should().BeOfType<InvalidOperationException>().Which;
        failure.Message.Should().Be("the constructor failed");
#if SPRIG_GENERATED
        failure.StackTrace.Should().MatchRegex(@"at Sprig\.Generated\.SprigGeneratedRegistry\.Create\d+\(Int32 id, GeneratedArguments a\)");
#else
        failure.StackTrace.Should().NotContain("SprigGeneratedRegistry").And.Contain("at System.Reflection.");
#endif
    }
}
