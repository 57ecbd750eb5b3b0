using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sprig.Conditions;

namespace Sprig.Tests.Interop;

/// <summary>Framework services (service descriptors) and attributed components are one set of components.</summary>
public sealed class ServiceProviderFactoryTests
{
    public interface IClock
    {
        DateTimeOffset Now { get; }
    }

    public sealed class FixedClock : IClock
    {
        public DateTimeOffset Now { get; } = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    }

    /// <summary>An attributed component that needs a framework service.</summary>
    [Service]
    public sealed class Scheduler(IClock clock, ILogger<Scheduler> logger)
    {
        public IClock Clock { get; } = clock;

        public ILogger<Scheduler> Logger { get; } = logger;
    }

    /// <summary>A framework service (registered through IServiceCollection) that needs an attributed component.</summary>
    public sealed class Report(Scheduler scheduler)
    {
        public Scheduler Scheduler { get; } = scheduler;
    }

    [Service, ConditionalOnBean(typeof(IHttpClientFactory))]
    public sealed class WebFetcher(IHttpClientFactory clients)
    {
        public IHttpClientFactory Clients { get; } = clients;
    }

    public sealed class NeedsMissing(IClock clock)
    {
        public IClock Clock { get; } = clock;
    }

    [Component(Scope = Scope.Request)]
    public sealed class RequestState
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    public sealed class HelloHostedService(Scheduler scheduler, RecordingSink sink) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            sink.Lines.Add($"started at {scheduler.Clock.Now:yyyy-MM-dd}");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class RecordingSink
    {
        public List<string> Lines { get; } = [];
    }

    [Fact]
    public void Components_And_FrameworkServices_InjectEachOther()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<IClock, FixedClock>().AddTransient<Report>();

        using var context = Create(services, typeof(Scheduler));

        var report = context.GetRequiredService<Report>();
        report.Scheduler.Should().BeSameAs(context.Get<Scheduler>());
        report.Scheduler.Clock.Should().BeSameAs(context.Get<IClock>(), "a framework singleton is a component like any other");
        report.Scheduler.Logger.Should().NotBeNull("ILogger<T> comes from the open generic registration of AddLogging");
    }

    [Fact]
    public void ConditionalOnBean_SeesFrameworkServices()
    {
        using (var with = Create(new ServiceCollection().AddHttpClient(), typeof(WebFetcher)))
        {
            with.Contains("WebFetcher").Should().BeTrue();
            with.Get<WebFetcher>().Clients.Should().BeSameAs(with.GetRequiredService<IHttpClientFactory>());
        }

        using var without = Create(new ServiceCollection(), typeof(WebFetcher));
        without.Contains("WebFetcher").Should().BeFalse();
        without.ConditionReport.Explain("WebFetcher").Should().Be(
            "WebFetcher: out — ConditionalOnBean(IHttpClientFactory) did not find a component of type IHttpClientFactory");
    }

    [Fact]
    public void Scopes_FromTheScopeFactory_HoldRequestComponentsAndScopedServices()
    {
        using var context = Create(new ServiceCollection().AddScoped<FixedClock>(), typeof(RequestState));
        var factory = context.GetRequiredService<IServiceScopeFactory>();

        using var first = factory.CreateScope();
        using var second = factory.CreateScope();

        first.ServiceProvider.GetRequiredService<RequestState>().Should().BeSameAs(first.ServiceProvider.GetRequiredService<RequestState>());
        first.ServiceProvider.GetRequiredService<RequestState>().Should().NotBeSameAs(second.ServiceProvider.GetRequiredService<RequestState>());
        first.ServiceProvider.GetRequiredService<FixedClock>().Should().NotBeSameAs(second.ServiceProvider.GetRequiredService<FixedClock>());
    }

    [Fact]
    public void GetService_Throws_WhenAServiceDescriptorsDependencyIsMissing()
    {
        using var context = Create(new ServiceCollection().AddTransient<NeedsMissing>());

        var act = () => context.GetService(typeof(NeedsMissing));

        act.Should().Throw<InvalidOperationException>().Which.Message.Should().Be(
            "'ServiceProviderFactoryTests.NeedsMissing' needs a service of type 'ServiceProviderFactoryTests.IClock' for constructor parameter "
            + "'clock', but none is registered. Register one (services.AddSingleton<ServiceProviderFactoryTests.IClock, …>() or a class "
            + "marked [Component]), or give the parameter a default value.");
    }

    [Fact]
    public async Task GenericHost_UsesTheContext_AndHostedServicesReceiveComponents()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IClock, FixedClock>().AddSingleton<RecordingSink>().AddHostedService<HelloHostedService>();
        builder.ConfigureContainer(new SprigServiceProviderFactory(new PendingRegistry().Register<Scheduler>(), new ConfigurationBuilder().Build()));

        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();

        host.Services.Should().BeOfType<ApplicationContext>();
        host.Services.GetRequiredService<RecordingSink>().Lines.Should().Equal("started at 2026-11-22");
    }

    private static ApplicationContext Create(IServiceCollection services, params Type[] components)
    {
        var registry = new PendingRegistry();
        foreach (var type in components)
        {
            registry.Register(type);
        }

        return (ApplicationContext)new SprigServiceProviderFactory(registry, new ConfigurationBuilder().Build()).CreateServiceProvider(services);
    }
}
