using Sprig.Aot.Tests.Support;

namespace Sprig.Aot.Tests.Proxies;

/// <summary>[Lazy] links with the reflection fallback off: generated proxies for interfaces and for classes the generator can subclass; no Castle.</summary>
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

    /// <summary>A class target the generator subclasses: its public members are all virtual.</summary>
    [Component]
    public class Bell
    {
        private static int _made;

        public Bell() => Interlocked.Increment(ref _made);

        public static int Made => Volatile.Read(ref _made);

        public virtual string Ring() => "ding";
    }

    [Component]
    public sealed class Tower([Lazy] Bell bell)
    {
        public Bell Bell { get; } = bell;
    }

    /// <summary>Castle proxies it under JIT (its public accessors are virtual); generated code cannot forward the protected setter.</summary>
    [Component]
    public class Gong
    {
        public virtual string Name { get; protected set; } = "gong";
    }

    /// <summary>Included only where a test asks for it (aot.refused).</summary>
    [Component, ConditionalOnProperty("aot.refused")]
    public sealed class Temple([Lazy] Gong gong)
    {
        public Gong Gong { get; } = gong;
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
    public void Refresh_InjectsAGeneratedSubclass_ForALazyClassTarget()
    {
        var before = Bell.Made;
        using var context = Contexts.Refreshed(typeof(Bell), typeof(Tower));

        var bell = context.Get<Tower>().Bell;

        bell.GetType().Name.Should().Contain("SprigLazyProxy_");
        bell.GetType().BaseType.Should().Be<Bell>();
        bell.Ring().Should().Be("ding");
        Bell.Made.Should().Be(before + 1, "the singleton ran the constructor; the proxy did not");
    }

    [Fact]
    public void Refresh_Throws_ForALazyClassTarget_TheGeneratorCannotSubclass()
    {
        using var context = Contexts.Create(new Dictionary<string, string?> { ["aot:refused"] = "true" }, typeof(Gong), typeof(Temple));

        var act = () => context.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "'Temple' cannot get a [Lazy] proxy of 'LazyProxyTests.Gong' for constructor parameter 'gong': class LazyProxyTests.Gong gets its proxy "
            + "from Castle DynamicProxy at run time, which this application does not allow (Native AOT, or the 'Sprig.IsDynamicCodeSupported' switch "
            + "is off), and no generated proxy class serves it (Sprig.Generator subclasses a class injected [Lazy] in an assembly built with it when "
            + "the class is unsealed, not generic nor a record, has a constructor a subclass may call, and every public member is virtual with public "
            + "accessors). Inject an interface that LazyProxyTests.Gong implements, or inject Lazy<LazyProxyTests.Gong> instead.");
    }
}
