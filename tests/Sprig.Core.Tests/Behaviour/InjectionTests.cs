using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>
/// What a dependency can be: every match as a collection, Lazy&lt;T&gt; and Func&lt;T&gt;, the context's own services, and how a
/// missing or ambiguous dependency is reported. Each feature is checked on a Singleton (built at refresh, by reflection) and on a
/// Prototype resolved after refresh (through its compiled factory).
/// </summary>
public sealed class InjectionTests
{
    public interface IInjPlugin
    {
    }

    public interface IInjCache
    {
    }

    public interface IInjMail
    {
    }

    /// <summary>Counts constructions; registered as an instance so that each test has its own.</summary>
    public sealed class InjTally
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);
    }

    [Component]
    public sealed class InjPluginB : IInjPlugin
    {
    }

    [Component]
    public sealed class InjPluginA : IInjPlugin
    {
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class InjPluginC : IInjPlugin
    {
    }

    [Component]
    public class InjPluginHost(IEnumerable<IInjPlugin> plugins, IReadOnlyList<IInjPlugin> list)
    {
        public IEnumerable<IInjPlugin> Plugins { get; } = plugins;

        public IReadOnlyList<IInjPlugin> List { get; } = list;

        [Inject]
        public IEnumerable<IInjPlugin>? PluginProperty { get; set; }

        [Inject]
        public IReadOnlyList<IInjCache>? NoCaches { get; set; }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class InjPluginHostPrototype(IEnumerable<IInjPlugin> plugins, IReadOnlyList<IInjPlugin> list) : InjPluginHost(plugins, list);

    [Component]
    public sealed class InjCompositePlugin(IEnumerable<IInjPlugin> others) : IInjPlugin
    {
        public IEnumerable<IInjPlugin> Others { get; } = others;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class InjCounted
    {
        public InjCounted(InjTally tally) => tally.Increment();
    }

    [Component]
    public class InjDeferred(Lazy<InjCounted> lazy, Func<InjCounted> factory)
    {
        public Lazy<InjCounted> Lazy { get; } = lazy;

        public Func<InjCounted> Factory { get; } = factory;

        [Inject]
        public Lazy<InjCounted>? LazyProperty { get; set; }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class InjDeferredPrototype(Lazy<InjCounted> lazy, Func<InjCounted> factory) : InjDeferred(lazy, factory);

    [Component]
    public class InjPlatformUser(ILogger<InjPlatformUser> logger, IConfiguration configuration, ApplicationContext context)
    {
        public ILogger<InjPlatformUser> Logger { get; } = logger;

        public IConfiguration Configuration { get; } = configuration;

        public ApplicationContext Context { get; } = context;

        [Inject]
        public ILogger<InjPlatformUser>? LoggerProperty { get; set; }

        [Inject]
        public IConfiguration? ConfigurationProperty { get; set; }

        [Inject]
        public ApplicationContext? ContextProperty { get; set; }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class InjPlatformUserPrototype(ILogger<InjPlatformUser> logger, IConfiguration configuration, ApplicationContext context)
        : InjPlatformUser(logger, configuration, context);

    /// <summary>Records the categories loggers are created for.</summary>
    public sealed class InjRecordingLoggers : ILoggerFactory
    {
        private readonly List<string> _categories = [];

        public IReadOnlyList<string> Categories
        {
            get
            {
                lock (_categories)
                {
                    return [.. _categories];
                }
            }
        }

        public ILogger CreateLogger(string categoryName)
        {
            lock (_categories)
            {
                _categories.Add(categoryName);
            }

            return NullLogger.Instance;
        }

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }

    [Component("FastCache")]
    public sealed class InjFastCache : IInjCache
    {
    }

    [Component("SlowCache")]
    public sealed class InjSlowCache : IInjCache
    {
    }

    [Component]
    public class InjCacheUser(IInjCache slowCache)
    {
        public IInjCache Slow { get; } = slowCache;

        [Inject]
        public IInjCache? FastCache { get; set; }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class InjCacheUserPrototype(IInjCache slowCache) : InjCacheUser(slowCache);

    [Component]
    public sealed class InjUndecidedCacheUser(IInjCache cache)
    {
        public IInjCache Cache { get; } = cache;
    }

    [Component]
    public sealed class InjUserController(InjUserService users)
    {
        public InjUserService Users { get; } = users;
    }

    [Component]
    public sealed class InjUserService(IInjMail mail)
    {
        public IInjMail Mail { get; } = mail;
    }

    [Component]
    public class InjReadyDependency
    {
        [Inject]
        public InjPluginA? Plugin { get; set; }

        public bool Initialised { get; private set; }

        [PostConstruct]
        public void Init() => Initialised = Plugin is not null;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class InjReadyDependencyPrototype : InjReadyDependency
    {
    }

    [Component]
    public class InjReadyConsumer(InjReadyDependency dependency)
    {
        public bool SawPlugin { get; } = dependency.Plugin is not null;

        public bool SawInitialised { get; } = dependency.Initialised;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class InjReadyConsumerPrototype(InjReadyDependency dependency) : InjReadyConsumer(dependency);

    [Theory]
    [InlineData(typeof(InjPluginHost))]
    [InlineData(typeof(InjPluginHostPrototype))]
    public void Collections_ReceiveEveryMatch_InRegistrationOrder(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(InjPluginB), typeof(InjPluginC), type, typeof(InjPluginA));

        var host = (InjPluginHost)ctx.Get(type.Name);

        Type[] expected = [typeof(InjPluginB), typeof(InjPluginC), typeof(InjPluginA)];
        host.Plugins.Select(p => p.GetType()).Should().Equal(expected);
        host.List.Select(p => p.GetType()).Should().Equal(expected);
        host.PluginProperty!.Select(p => p.GetType()).Should().Equal(expected);
        host.Plugins.First().Should().BeSameAs(ctx.Get("InjPluginB"));
        host.NoCaches.Should().BeEmpty();
    }

    [Fact]
    public void Collections_LeaveOutTheComponentItself()
    {
        using var ctx = Contexts.Refreshed(typeof(InjPluginA), typeof(InjCompositePlugin), typeof(InjPluginB));

        var composite = ctx.Get<InjCompositePlugin>();

        composite.Others.Select(p => p.GetType()).Should().Equal(typeof(InjPluginA), typeof(InjPluginB));
    }

    [Theory]
    [InlineData(typeof(InjDeferred))]
    [InlineData(typeof(InjDeferredPrototype))]
    public void LazyAndFunc_ResolveTheTarget_OnlyWhenUsed(Type type)
    {
        var tally = new InjTally();
        using var ctx = Contexts.Create(Contexts.Registry(typeof(InjCounted), type).RegisterInstance("InjTally", tally));
        ctx.Refresh();

        var deferred = (InjDeferred)ctx.Get(type.Name);
        tally.Count.Should().Be(0);

        var first = deferred.Lazy.Value;
        tally.Count.Should().Be(1);
        deferred.Lazy.Value.Should().BeSameAs(first);
        tally.Count.Should().Be(1);

        deferred.Factory().Should().NotBeSameAs(deferred.Factory());
        tally.Count.Should().Be(3);

        deferred.LazyProperty!.Value.Should().BeOfType<InjCounted>();
        tally.Count.Should().Be(4);
    }

    [Theory]
    [InlineData(typeof(InjPlatformUser))]
    [InlineData(typeof(InjPlatformUserPrototype))]
    public void PlatformServices_AreInjectable(Type type)
    {
        var loggers = new InjRecordingLoggers();
        using var ctx = Contexts.Create(Contexts.Registry(type), new Dictionary<string, string?> { ["greeting"] = "hi" }, loggers);
        ctx.Refresh();

        var user = (InjPlatformUser)ctx.Get(type.Name);

        user.Logger.Should().NotBeNull();
        user.LoggerProperty.Should().NotBeNull();
        loggers.Categories.Should().Contain("Sprig.Tests.Behaviour.InjectionTests.InjPlatformUser");
        user.Configuration.Should().BeSameAs(ctx.Configuration);
        user.ConfigurationProperty.Should().BeSameAs(ctx.Configuration);
        user.Configuration["greeting"].Should().Be("hi");
        user.Context.Should().BeSameAs(ctx);
        user.ContextProperty.Should().BeSameAs(ctx);
    }

    [Theory]
    [InlineData(typeof(InjCacheUser))]
    [InlineData(typeof(InjCacheUserPrototype))]
    public void AmbiguousDependency_PicksCandidateNamedAfterParameterOrMember(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(InjFastCache), typeof(InjSlowCache), type);

        var user = (InjCacheUser)ctx.Get(type.Name);

        user.Slow.Should().BeSameAs(ctx.Get("SlowCache"));
        user.FastCache.Should().BeSameAs(ctx.Get("FastCache"));
    }

    [Fact]
    public void Refresh_Throws_WhenDependencyIsAmbiguousAndNoNameMatches()
    {
        using var ctx = Contexts.Create(typeof(InjFastCache), typeof(InjSlowCache), typeof(InjUndecidedCacheUser));

        var act = () => ctx.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "'InjUndecidedCacheUser' needs one component of type 'InjectionTests.IInjCache' for constructor parameter 'cache', but 2 match: "
            + "'FastCache' (InjectionTests.InjFastCache), 'SlowCache' (InjectionTests.InjSlowCache). Path: InjUndecidedCacheUser. "
            + "Choose one with [InjectByName(\"FastCache\")], name the parameter or member after one of them, "
            + "or inject IEnumerable<InjectionTests.IInjCache> to receive all.");
    }

    [Fact]
    public void Refresh_Throws_WhenDependencyIsMissing_AndShowsThePath()
    {
        using var ctx = Contexts.Create(typeof(InjUserController), typeof(InjUserService));

        var act = () => ctx.Refresh();

        var ex = act.Should().Throw<ComponentNotFoundException>().Which;
        ex.Message.Should().Be(
            "'InjUserService' needs a component of type 'InjectionTests.IInjMail' for constructor parameter 'mail', but none is registered. "
            + "Path: InjUserController -> InjUserService. Register a class that is or implements InjectionTests.IInjMail "
            + "(mark it [Component] or [Service]), or make it optional by giving the parameter a default value.");
        ex.Path.Should().Equal("InjUserController", "InjUserService");
        ex.ComponentName.Should().Be("InjUserService");
    }

    [Theory]
    [InlineData(typeof(InjReadyDependency), typeof(InjReadyConsumer))]
    [InlineData(typeof(InjReadyDependencyPrototype), typeof(InjReadyConsumerPrototype))]
    public void Component_IsHandedToOthers_OnlyAfterInjectionAndPostConstruct(Type dependency, Type consumer)
    {
        using var ctx = Contexts.Refreshed(typeof(InjPluginA), dependency, consumer);

        var user = (InjReadyConsumer)ctx.Get(consumer.Name);

        user.SawPlugin.Should().BeTrue();
        user.SawInitialised.Should().BeTrue();
    }
}
