using System.Reflection;
using Sprig.Diagnostics;
using Sprig.Planning;

namespace Sprig.Tests.Planning;

/// <summary>What a class's metadata says about injection, read once per type: members base first, lifecycle hooks, bad hooks.</summary>
public sealed class TypeScanTests
{
    public sealed class Dep
    {
    }

    public interface IStore
    {
    }

    public class BaseService
    {
        [Inject]
        private Dep _baseField = null!;

        [Inject(Required = false)]
        public Dep? BaseProperty { get; set; }

        public Dep BaseField => _baseField;

        // Not injected: no attribute.
        public Dep? Plain { get; set; }
    }

    public sealed class DerivedService : BaseService
    {
        [InjectByName(Required = false)]
        public object? Named;

        [Value]
        public int Port { get; set; }

        [Lazy]
        public IStore Store { get; set; } = null!;

        [Inject]
        public Dep WithoutSetter { get; } = null!;
    }

    public class Lifecycle
    {
        public List<string> Calls { get; } = [];

        [PostConstruct]
        public void Prepare() => Calls.Add("base Prepare");

        [PostConstruct]
        public virtual void Init() => Calls.Add("base Init");
    }

    public sealed class OverridingLifecycle : Lifecycle
    {
        public override void Init() => Calls.Add("derived Init");

        [PostConstruct]
        public void Finish() => Calls.Add("derived Finish");
    }

    public sealed class BadHooks
    {
        [PostConstruct]
        public void Init(int attempt)
        {
        }

        [OnStart]
        public void Begin()
        {
        }

        [PreDestroy]
        public int Stop() => 0;

        [OnStart]
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class NothingToScan
    {
        public Dep? Dep { get; set; }
    }

    [Fact]
    public void Of_ListsInjectedMembers_BaseClassFirst_WithTheirFlags()
    {
        var scan = TypeScan.Of(typeof(DerivedService));

        scan.Members.Select(m => (m.Member.DeclaringType!.Name, m.Member.Name, m.Type.Name, m.Optional, m.HasNoSetter)).Should().Equal(
            ("BaseService", "_baseField", "Dep", false, false),
            ("BaseService", "BaseProperty", "Dep", true, false),
            ("DerivedService", "Named", "Object", true, false),
            ("DerivedService", "Port", "Int32", true, false),
            ("DerivedService", "Store", "IStore", false, false),
            ("DerivedService", "WithoutSetter", "Dep", false, true));
        scan.PostConstruct.Should().BeEmpty();
        scan.BadHooks.Should().BeEmpty();
    }

    [Fact]
    public void Of_ListsAnOverriddenPostConstructOnce_SoThatTheOverrideRunsOnce()
    {
        var scan = TypeScan.Of(typeof(OverridingLifecycle));
        var instance = new OverridingLifecycle();

        // What creation does with the plan: invoke each [PostConstruct] method in order.
        foreach (var method in scan.PostConstruct)
        {
            method.Invoke(instance, null);
        }

        scan.PostConstruct.Select(m => m.Name).Should().Equal("Prepare", "Init", "Finish");
        instance.Calls.Should().Equal("base Prepare", "derived Init", "derived Finish");
    }

    [Fact]
    public void Of_RecordsHooksWithUnsupportedSignatures_AndKeepsTheValidOnes()
    {
        var scan = TypeScan.Of(typeof(BadHooks));

        scan.BadHooks.Should().Equal(
            new TypeScan.BadHook("PostConstruct", Method(nameof(BadHooks.Init)), Errors.PostConstructRule),
            new TypeScan.BadHook("OnStart", Method(nameof(BadHooks.Begin)), Errors.OnStartRule),
            new TypeScan.BadHook("PreDestroy", Method(nameof(BadHooks.Stop)), Errors.PreDestroyRule));
        scan.OnStart.Should().Equal(Method(nameof(BadHooks.StartAsync)));
        scan.PostConstruct.Should().BeEmpty();
        scan.PreDestroy.Should().BeEmpty();

        static MethodInfo Method(string name) => typeof(BadHooks).GetMethod(name)!;
    }

    [Fact]
    public void Of_ReturnsTheSameScan_EachTimeForAType_WhileTheCacheIsHeld()
    {
        // A refresh holds the cache while it runs; without a holder a collection between the two calls could release it.
        var held = TypeScan.Hold();
        var first = TypeScan.Of(typeof(DerivedService));

        TypeScan.Of(typeof(DerivedService)).Should().BeSameAs(first);
        TypeScan.Of(typeof(BaseService)).Should().NotBeSameAs(first);
        GC.KeepAlive(held);
    }

    [Fact]
    public void Of_FindsNothing_OnATypeWithoutInjectionAttributes()
    {
        var scan = TypeScan.Of(typeof(NothingToScan));

        scan.Members.Should().BeEmpty();
        scan.PostConstruct.Should().BeEmpty();
        scan.OnStart.Should().BeEmpty();
        scan.PreDestroy.Should().BeEmpty();
        scan.BadHooks.Should().BeEmpty();
    }
}
