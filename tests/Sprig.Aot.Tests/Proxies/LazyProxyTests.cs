using Sprig.Aot.Tests.Support;

namespace Sprig.Aot.Tests.Proxies;

/// <summary>[Lazy] links with the reflection fallback off: generated proxies for interfaces; no Castle for classes.</summary>
public sealed class LazyProxyTests
{
    public interface IClock
    {
        string Now();
    }

    [Component]
    public sealed class Clock : IClock
    {
        public string Now() => "noon";
    }

    [Component]
    public sealed class Alarm([Lazy] IClock clock)
    {
        public IClock Clock { get; } = clock;
    }

    /// <summary>Proxiable under JIT (Castle subclasses it), not with the switch off.</summary>
    [Component]
    public class Bell
    {
        public virtual string Ring() => "ding";
    }

    /// <summary>A [Lazy] class target: only Castle proxies a class. Included only where a test asks for it (aot.refused).</summary>
    [Component, ConditionalOnProperty("aot.refused")]
    public sealed class Tower([Lazy] Bell bell)
    {
        public Bell Bell { get; } = bell;
    }

    [Fact]
    public void Refresh_InjectsAGeneratedProxy_ForALazyInterface()
    {
        using var context = Contexts.Refreshed(typeof(Clock), typeof(Alarm));

        var clock = context.Get<Alarm>().Clock;

        clock.GetType().Name.Should().Contain("SprigLazyProxy_");
        clock.Now().Should().Be("noon");
    }

    [Fact]
    public void Refresh_Throws_ForALazyClassTarget()
    {
        using var context = Contexts.Create(new Dictionary<string, string?> { ["aot:refused"] = "true" }, typeof(Bell), typeof(Tower));

        var act = () => context.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "'Tower' cannot get a [Lazy] proxy of 'LazyProxyTests.Bell' for constructor parameter 'bell': class LazyProxyTests.Bell gets its proxy "
            + "from Castle DynamicProxy at run time, which this application does not allow (Native AOT, or the 'Sprig.IsDynamicCodeSupported' switch "
            + "is off), and only interfaces get a generated proxy class. Inject an interface that LazyProxyTests.Bell implements, or inject "
            + "Lazy<LazyProxyTests.Bell> instead.");
    }
}
