using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sprig.Tests.Support;

namespace Sprig.Tests.Diagnostics;

/// <summary><see cref="ApplicationContext.Components"/>: each component's links exactly as injected, one fixture with every kind of link.</summary>
public sealed class ComponentEdgesTests
{
    public interface IEdgClock;

    [Component]
    public sealed class EdgClock : IEdgClock;

    public interface IEdgHandler;

    [Component]
    public sealed class EdgFirstHandler : IEdgHandler;

    [Component]
    public sealed class EdgSecondHandler : IEdgHandler;

    public interface IEdgAudit
    {
        string Last { get; }
    }

    [Component]
    public sealed class EdgAudit : IEdgAudit
    {
        public string Last => "none";
    }

    public sealed class EdgConnection(IEdgClock clock)
    {
        public IEdgClock Clock { get; } = clock;
    }

    [Provider("EdgConnection")]
    public sealed class EdgConnectionProvider(IEdgClock clock) : IProvider<EdgConnection>
    {
        public EdgConnection Get() => new(clock);
    }

    public sealed class EdgReport(IEdgClock clock)
    {
        public IEdgClock Clock { get; } = clock;
    }

    public sealed class EdgStamp;

    [Configuration]
    public sealed class EdgConfig
    {
        [Bean]
        public EdgReport Report(IEdgClock clock) => new(clock);

        [Bean]
        public static EdgStamp Stamp() => new();
    }

    [Component]
    public sealed class EdgHub(
        IEdgClock clock,
        [InjectByName("EdgBanner")] string banner,
        [Lazy] IEdgAudit audit,
        Lazy<EdgConnection> connection,
        Func<EdgReport> report,
        IEnumerable<IEdgHandler> handlers,
        IConfiguration configuration,
        ILogger<EdgHub> logger,
        IServiceProvider provider,
        ApplicationContext context)
    {
        [Inject]
        private IEdgHandler[]? _handlers;

        public object[] Received => [clock, banner, audit, connection, report, handlers, configuration, logger, provider, context];

        public int Handlers => _handlers?.Length ?? 0;

        [Inject]
        public EdgStamp? Stamp { get; set; }

        [InjectByName("EdgBanner")]
        public string? Title { get; set; }

        [Inject]
        public ILoggerFactory? Loggers { get; set; }
    }

    private static ApplicationContext Refreshed()
    {
        var registry = Contexts.Registry(
                typeof(EdgClock), typeof(EdgFirstHandler), typeof(EdgSecondHandler), typeof(EdgAudit), typeof(EdgConnectionProvider), typeof(EdgConfig), typeof(EdgHub))
            .RegisterInstance("EdgBanner", "hello");
        var context = Contexts.Create(registry);
        context.Refresh();
        return context;
    }

    [Fact]
    public void Dependencies_AreEveryLinkAsInjected_ByKindInInjectionOrder()
    {
        using var context = Refreshed();

        var dependencies = context.Components.ToDictionary(c => c.Name, c => c.Dependencies.Select(d => $"{d.Kind} {d.Component}").ToList());

        dependencies["EdgHub"].Should().Equal(
            "type EdgClock",
            "name EdgBanner",
            "lazy EdgAudit",
            "lazy EdgConnection",
            "lazy Report",
            "collection EdgFirstHandler",
            "collection EdgSecondHandler",
            "framework IConfiguration",
            "framework ILogger<ComponentEdgesTests.EdgHub>",
            "framework IServiceProvider",
            "framework ApplicationContext",
            "collection EdgFirstHandler",
            "collection EdgSecondHandler",
            "type Stamp",
            "name EdgBanner",
            "framework ILoggerFactory");
        dependencies["&EdgConnection"].Should().Equal("type EdgClock");
        dependencies["EdgConnection"].Should().Equal("bean-factory &EdgConnection");
        dependencies["Report"].Should().Equal("bean-factory EdgConfig", "type EdgClock");
        dependencies["Stamp"].Should().BeEmpty("a static [Bean] method needs no instance of its configuration class");
        dependencies.Keys.Should().Equal(
            "EdgClock", "EdgFirstHandler", "EdgSecondHandler", "EdgAudit", "&EdgConnection", "EdgConnection", "EdgConfig", "Report", "Stamp", "EdgHub", "EdgBanner");
        dependencies.Where(d => d.Key is not ("EdgHub" or "&EdgConnection" or "EdgConnection" or "Report")).Should().OnlyContain(d => d.Value.Count == 0);
    }

    public interface IEdgRepository<T>
    {
        T? Last { get; }
    }

    public sealed class EdgRepository<T> : IEdgRepository<T>
    {
        public T? Last => default;
    }

    [Component]
    public sealed class EdgUsers(IEdgRepository<EdgStamp> stamps, EdgSingletonService service)
    {
        public object[] Received => [stamps, service];
    }

    public sealed class EdgSingletonService;

    [Fact]
    public void Dependencies_LinkServiceDescriptors_AsFramework_AndOpenGenericsByTheirServiceType()
    {
        var services = new ServiceCollection().AddSingleton<EdgSingletonService>().AddSingleton(typeof(IEdgRepository<>), typeof(EdgRepository<>));
        using var context = Contexts.Create(Contexts.Registry(typeof(EdgUsers)).RegisterServices(services));
        context.Refresh();

        var users = context.Components.Single(c => c.Name == nameof(EdgUsers));

        users.Dependencies.Should().Equal(
            new DependencyInfo("ComponentEdgesTests.IEdgRepository<ComponentEdgesTests.EdgStamp>", "framework"), new DependencyInfo(context.Components.Single(c => c.Type == typeof(EdgSingletonService)).Name, "framework"));
    }

    [Fact]
    public void State_IsCreatedForSingletons_NotCreatedForPrototypesAndUnusedDescriptors_DestroyedAfterShutdown()
    {
        var registry = Contexts.Registry(typeof(EdgClock), typeof(EdgPrototype)).RegisterServices(new ServiceCollection().AddSingleton<EdgSingletonService>());
        var context = Contexts.Create(registry);
        context.Refresh();
        var components = context.Components;
        var states = () => components.ToDictionary(c => c.Type.Name, c => c.State);

        states().Should().Equal(new Dictionary<string, string>
        {
            [nameof(EdgClock)] = "created", [nameof(EdgPrototype)] = "not created", [nameof(EdgSingletonService)] = "not created",
        });
        context.Get<EdgSingletonService>();
        context.Get<EdgPrototype>();
        states()[nameof(EdgSingletonService)].Should().Be("created", "a service descriptor's singleton is created on first use");
        states()[nameof(EdgPrototype)].Should().Be("not created", "a prototype is never kept");

        context.Dispose();

        states().Values.Should().AllBe("destroyed");
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class EdgPrototype;
}
