using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>[Lazy] members get a Castle DynamicProxy proxy whose target is resolved on the first call, once.</summary>
public sealed class LazyProxyTests
{
    // Castle DynamicProxy proxies public types only, so every lazy target here is a public nested type.
    public interface IGreeter
    {
        int Id { get; }

        string Greet(string name);
    }

    /// <summary>Counts how many targets were constructed: every target below is a Prototype, so each resolution constructs one.</summary>
    public sealed class Counter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public int Next() => Interlocked.Increment(ref _count);
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Greeter(Counter counter) : IGreeter
    {
        public int Id { get; } = counter.Next();

        public string Greet(string name) => $"Hello, {name} (#{Id})";
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class FormalGreeter(Counter counter) : IGreeter
    {
        public int Id { get; } = counter.Next();

        public string Greet(string name) => $"Good day, {name} (#{Id})";
    }

    public sealed class PropertyHolder
    {
        [Lazy]
        public IGreeter Greeter { get; set; } = null!;
    }

    public sealed class FieldHolder
    {
        [Lazy]
        private readonly IGreeter _greeter = null!;

        public IGreeter Greeter => _greeter;
    }

    public sealed class ConstructorHolder([Lazy] IGreeter greeter)
    {
        public IGreeter Greeter { get; } = greeter;
    }

    public sealed class NamedHolder
    {
        [Lazy("FormalGreeter")]
        public IGreeter Greeter { get; set; } = null!;
    }

    public sealed class NamedConstructorHolder([Lazy("FormalGreeter")] IGreeter greeter)
    {
        public IGreeter Greeter { get; } = greeter;
    }

    [Component(Scope = Scope.Prototype)]
    public class Clock
    {
        private readonly int _id;

        public Clock(Counter counter) => _id = counter.Next();

        public virtual int Id() => _id;

        public virtual string Now() => $"noon (#{_id})";
    }

    public sealed class ClockHolder
    {
        [Lazy]
        public Clock Clock { get; set; } = null!;
    }

    public class Plain
    {
        public string Name() => "plain";

        public virtual string Other() => "other";
    }

    public sealed class PlainHolder
    {
        [Lazy]
        public Plain Plain { get; set; } = null!;
    }

    public sealed class SealedTarget
    {
        public string Name() => "sealed";
    }

    public sealed class SealedHolder
    {
        [Lazy]
        public SealedTarget Target { get; set; } = null!;
    }

    internal interface IHidden
    {
        void Run();
    }

    public sealed class Hidden : IHidden
    {
        void IHidden.Run()
        {
        }
    }

    public sealed class HiddenHolder
    {
        [Lazy]
        private IHidden Hidden { get; set; } = null!;

        internal object Current => Hidden;
    }

    public interface IMissing
    {
        void Run();
    }

    public sealed class MissingHolder
    {
        [Lazy]
        public IMissing Missing { get; set; } = null!;
    }

    public sealed class MisspelledHolder
    {
        [Lazy("FormalGreter")]
        public IGreeter Greeter { get; set; } = null!;
    }

    public sealed class AmbiguousHolder
    {
        [Lazy]
        public IGreeter Target { get; set; } = null!;
    }

    [Fact]
    public void LazyProperty_GetsInterfaceProxy_WhenMemberTypeIsAnInterface()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Greeter), typeof(PropertyHolder));

        var greeter = context.Get<PropertyHolder>().Greeter;

        greeter.Should().NotBeNull().And.NotBeOfType<Greeter>().And.BeAssignableTo<IGreeter>();
        counter.Count.Should().Be(0, "the target is resolved on the first call, not at injection");
    }

    [Fact]
    public void LazyProxy_ResolvesTargetOnce_OnFirstCall()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Greeter), typeof(PropertyHolder));
        var greeter = context.Get<PropertyHolder>().Greeter;

        var first = greeter.Greet("Ada");
        var later = Enumerable.Range(0, 5).Select(_ => greeter.Greet("Ada")).ToList();

        first.Should().Be("Hello, Ada (#1)");
        later.Should().AllBe("Hello, Ada (#1)", "every later call goes to the same target");
        greeter.Id.Should().Be(1);
        counter.Count.Should().Be(1);
    }

    [Fact]
    public void LazyField_GetsProxyResolvedOnFirstCall()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Greeter), typeof(FieldHolder));
        var greeter = context.Get<FieldHolder>().Greeter;
        counter.Count.Should().Be(0);

        greeter.Greet("Grace").Should().Be("Hello, Grace (#1)");
        greeter.Greet("Grace").Should().Be("Hello, Grace (#1)");
        counter.Count.Should().Be(1);
    }

    [Fact]
    public void LazyConstructorParameter_GetsProxyResolvedOnFirstCall()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Greeter), typeof(ConstructorHolder));
        var greeter = context.Get<ConstructorHolder>().Greeter;
        greeter.Should().NotBeOfType<Greeter>();
        counter.Count.Should().Be(0);

        greeter.Greet("Alan").Should().Be("Hello, Alan (#1)");
        greeter.Id.Should().Be(1);
        counter.Count.Should().Be(1);
    }

    [Fact]
    public void LazyProperty_ResolvesTargetByName_WhenNameIsGiven()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Greeter), typeof(FormalGreeter), typeof(NamedHolder));
        var greeter = context.Get<NamedHolder>().Greeter;
        counter.Count.Should().Be(0);

        greeter.Greet("Ada").Should().Be("Good day, Ada (#1)");
        counter.Count.Should().Be(1);
    }

    [Fact]
    public void LazyConstructorParameter_ResolvesTargetByName_WhenNameIsGiven()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Greeter), typeof(FormalGreeter), typeof(NamedConstructorHolder));

        context.Get<NamedConstructorHolder>().Greeter.Greet("Ada").Should().Be("Good day, Ada (#1)");
        counter.Count.Should().Be(1);
    }

    [Fact]
    public void LazyProperty_GetsClassProxy_WhenEveryPublicMemberIsVirtual()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Clock), typeof(ClockHolder));

        var clock = context.Get<ClockHolder>().Clock;

        clock.Should().BeAssignableTo<Clock>().And.NotBeOfType<Clock>();
        counter.Count.Should().Be(0, "making the class proxy must not run Clock's constructor");
    }

    [Fact]
    public void ClassProxy_RunsTargetConstructorOnce_OnFirstCall()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Clock), typeof(ClockHolder));
        var clock = context.Get<ClockHolder>().Clock;

        var first = clock.Now();
        var later = Enumerable.Range(0, 5).Select(_ => clock.Now()).ToList();

        first.Should().Be("noon (#1)");
        later.Should().AllBe("noon (#1)");
        clock.Id().Should().Be(1);
        counter.Count.Should().Be(1, "only the real target's constructor runs, once");
    }

    [Fact]
    public async Task InterfaceProxy_ResolvesTargetOnce_WhenManyThreadsMakeTheFirstCall()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Greeter), typeof(PropertyHolder));
        var greeter = context.Get<PropertyHolder>().Greeter;

        var ids = await Concurrently(16, () => greeter.Id);

        ids.Should().AllBeEquivalentTo(1);
        counter.Count.Should().Be(1);
    }

    [Fact]
    public async Task ClassProxy_ResolvesTargetOnce_WhenManyThreadsMakeTheFirstCall()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Clock), typeof(ClockHolder));
        var clock = context.Get<ClockHolder>().Clock;

        var ids = await Concurrently(16, () => clock.Id());

        ids.Should().AllBeEquivalentTo(1);
        clock.Now().Should().Be("noon (#1)");
        counter.Count.Should().Be(1);
    }

    [Fact]
    public void Refresh_Throws_WhenLazyClassHasNonVirtualPublicMembers()
    {
        using var context = Contexts.Create(typeof(Plain), typeof(PlainHolder));

        var ex = Assert.Throws<ComponentCreationException>(context.Refresh);

        ex.Message.Should().Be(
            "'PlainHolder' cannot get a [Lazy] proxy of 'LazyProxyTests.Plain' for property 'Plain': class LazyProxyTests.Plain has public members "
            + "that are not virtual (method Name). Inject an interface that LazyProxyTests.Plain implements, make those members virtual, "
            + "or inject Lazy<LazyProxyTests.Plain> instead.");
        ex.ComponentName.Should().Be("PlainHolder");
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Refresh_Throws_WhenLazyClassIsSealed()
    {
        using var context = Contexts.Create(typeof(SealedTarget), typeof(SealedHolder));

        var ex = Assert.Throws<ComponentCreationException>(context.Refresh);

        ex.Message.Should().Be(
            "'SealedHolder' cannot get a [Lazy] proxy of 'LazyProxyTests.SealedTarget' for property 'Target': class LazyProxyTests.SealedTarget is sealed. "
            + "Inject an interface that LazyProxyTests.SealedTarget implements, unseal it and make its public members virtual, "
            + "or inject Lazy<LazyProxyTests.SealedTarget> instead.");
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
#if SPRIG_GENERATED
    public void AnInternalLazyInterface_GetsTheGeneratedProxyClass_WhereCastleWouldRefuseIt()
    {
        using var context = Contexts.Create(typeof(Hidden), typeof(HiddenHolder));

        context.Refresh();

        context.Get<HiddenHolder>().Current.GetType().Name.Should().Contain("SprigLazyProxy_");
    }
#else
    public void Refresh_Throws_WhenLazyTypeIsNotPublic()
    {
        using var context = Contexts.Create(typeof(Hidden), typeof(HiddenHolder));

        var ex = Assert.Throws<ComponentCreationException>(context.Refresh);

        ex.Message.Should().Be(
            "'HiddenHolder' cannot get a [Lazy] proxy of 'LazyProxyTests.IHidden' for property 'Hidden': interface LazyProxyTests.IHidden is not public, "
            + "and Castle DynamicProxy can only proxy public types. Make LazyProxyTests.IHidden public (an internal type needs "
            + "[assembly: InternalsVisibleTo(\"DynamicProxyGenAssembly2\")] in its assembly), or inject Lazy<LazyProxyTests.IHidden> instead.");
        context.State.Should().Be(ContextState.Failed);
    }
#endif

    [Fact]
    public void Refresh_Throws_WhenLazyTargetTypeIsNotRegistered()
    {
        using var context = Contexts.Create(typeof(MissingHolder));

        var ex = Assert.Throws<ComponentNotFoundException>(context.Refresh);

        ex.Message.Should().Be(
            "'MissingHolder' needs a component of type 'LazyProxyTests.IMissing' for [Lazy] property 'Missing', but none is registered. Path: MissingHolder. "
            + "Register a class that is or implements LazyProxyTests.IMissing (mark it [Component] or [Service]).");
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Refresh_Throws_WhenLazyTargetNameIsNotRegistered()
    {
        var counter = new Counter();
        using var context = Contexts.Create(Registry(counter, typeof(FormalGreeter), typeof(MisspelledHolder)));

        var ex = Assert.Throws<ComponentNotFoundException>(context.Refresh);

        ex.Message.Should().Be(
            "'MisspelledHolder' needs the component named 'FormalGreter' for [Lazy] property 'Greeter', but no component has that name. "
            + "Did you mean 'FormalGreeter'? Path: MisspelledHolder. Fix the name, or register a component named 'FormalGreter'.");
        counter.Count.Should().Be(0);
    }

    [Fact]
    public void Refresh_Throws_WhenLazyTargetTypeIsAmbiguous()
    {
        var counter = new Counter();
        using var context = Contexts.Create(Registry(counter, typeof(Greeter), typeof(FormalGreeter), typeof(AmbiguousHolder)));

        var ex = Assert.Throws<ContainerException>(context.Refresh);

        ex.Message.Should().Be(
            "'AmbiguousHolder' needs one component of type 'LazyProxyTests.IGreeter' for [Lazy] property 'Target', but 2 match: "
            + "'Greeter' (LazyProxyTests.Greeter), 'FormalGreeter' (LazyProxyTests.FormalGreeter). Path: AmbiguousHolder. "
            + "Choose one with [Lazy(\"Greeter\")], or name the member after one of them.");
        context.State.Should().Be(ContextState.Failed);
    }

    private static PendingRegistry Registry(Counter counter, params Type[] types) =>
        Contexts.Registry(types).RegisterInstance("Counter", counter);

    private static ApplicationContext Refreshed(Counter counter, params Type[] types)
    {
        var context = Contexts.Create(Registry(counter, types));
        context.Refresh();
        return context;
    }

    /// <summary>Runs <paramref name="work"/> on <paramref name="threads"/> dedicated threads released together by one gate.</summary>
    private static async Task<T[]> Concurrently<T>(int threads, Func<T> work)
    {
        using var ready = new CountdownEvent(threads);
        using var go = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, threads)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    ready.Signal();
                    go.Wait();
                    return work();
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToList();
        ready.Wait();
        go.Set();
        return await Task.WhenAll(tasks);
    }
}
