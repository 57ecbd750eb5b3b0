using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sprig.Tests.Resolution;

/// <summary>The services every context provides without registration: the same answer injected and asked for, and a registered component wins.</summary>
public sealed class BuiltinServicesTests
{
    public sealed class KeyedLookup(IKeyedServiceProvider provider, ISupportRequiredService required, IServiceScopeFactory scopes)
    {
        public IKeyedServiceProvider Provider => provider;

        public ISupportRequiredService Required => required;

        public IServiceScopeFactory Scopes => scopes;
    }

    [Component]
    public sealed class Reader(IConfiguration configuration, ILoggerFactory loggers, ApplicationContext context, ILogger<Reader> logger)
    {
        public IConfiguration Configuration => configuration;

        public ILoggerFactory Loggers => loggers;

        public ApplicationContext Context => context;

        public ILogger<Reader> Logger => logger;
    }

    private static ApplicationContext Refreshed(PendingRegistry registry, IConfiguration? configuration = null)
    {
        var context = new ApplicationContext(registry, configuration ?? new ConfigurationBuilder().Build());
        context.Refresh();
        return context;
    }

    [Fact]
    public void AScopedDescriptor_GetsItsScopesProvider_ForEveryProviderInterface_AsMsDi()
    {
        var services = new ServiceCollection().AddScoped<KeyedLookup>();
        using var context = Refreshed(new PendingRegistry().RegisterServices(services));
        using var scope = context.CreateScope();

        var lookup = scope.ServiceProvider.GetRequiredService<KeyedLookup>();

        lookup.Provider.Should().BeSameAs(scope.ServiceProvider);
        lookup.Required.Should().BeSameAs(scope.ServiceProvider);
        lookup.Scopes.Should().BeSameAs(context);
        scope.ServiceProvider.GetService(typeof(IKeyedServiceProvider)).Should().BeSameAs(scope.ServiceProvider);
    }

    [Fact]
    public void AnAttributedComponent_GetsTheSameBuiltins_AsGetServiceAnswers()
    {
        using var context = Refreshed(new PendingRegistry().Register<Reader>());

        var reader = context.Get<Reader>();

        reader.Configuration.Should().BeSameAs(context.GetService(typeof(IConfiguration)));
        reader.Loggers.Should().BeSameAs(context.GetService(typeof(ILoggerFactory)));
        reader.Context.Should().BeSameAs(context.GetService(typeof(ApplicationContext)));
        reader.Logger.Should().NotBeNull();
        context.IsService(typeof(IConfiguration)).Should().BeTrue();
        context.IsService(typeof(ISupportRequiredService)).Should().BeTrue();
    }

    [Fact]
    public void ARegisteredConfiguration_WinsOverTheBuiltin_InjectedAndAskedFor()
    {
        var own = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["owner"] = "registered" }).Build();
        using var context = Refreshed(new PendingRegistry().Register<Reader>().RegisterServices(new ServiceCollection().AddSingleton<IConfiguration>(own)));

        context.Get<Reader>().Configuration.Should().BeSameAs(own);
        context.GetService(typeof(IConfiguration)).Should().BeSameAs(own);
    }
}
