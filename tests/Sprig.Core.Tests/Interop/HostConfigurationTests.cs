using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Tests.Interop;

/// <summary>
/// <see cref="SprigServiceProviderFactory.HostConfiguration"/>: the host builder's own IConfiguration serves the host's services,
/// a context's components get the context's configuration, and an IConfiguration the application registers still wins.
/// </summary>
public sealed class HostConfigurationTests
{
    /// <summary>An attributed component reading the injected configuration.</summary>
    [Component]
    public sealed class ComponentReader(IConfiguration configuration)
    {
        public string? Region { get; } = configuration["region"];
    }

    /// <summary>A host service (a service descriptor) reading the injected configuration.</summary>
    public sealed class HostReader(IConfiguration configuration)
    {
        public string? Region { get; } = configuration["region"];
    }

    private static IConfiguration Region(string region) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["region"] = region }).Build();

    /// <summary>Services as a host builder leaves them: its own configuration first (a factory, as HostApplicationBuilder adds it).</summary>
    private static (ServiceCollection Services, ServiceDescriptor Host) HostServices()
    {
        var host = Region("host");
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(_ => host);
        var descriptor = services[0];
        services.AddSingleton<HostReader>();
        return (services, descriptor);
    }

    private static ApplicationContext Provider(ServiceCollection services, ServiceDescriptor? host)
    {
        var context = new ApplicationContext(new PendingRegistry().Register<ComponentReader>(), Region("context"));
        var factory = new SprigServiceProviderFactory(context) { HostConfiguration = host };
        return (ApplicationContext)factory.CreateServiceProvider(factory.CreateBuilder(services));
    }

    [Fact]
    public void Components_GetTheContextsConfiguration_AndHostServicesTheHosts()
    {
        var (services, host) = HostServices();

        using var context = Provider(services, host);

        context.Get<ComponentReader>().Region.Should().Be("context");
        context.GetRequiredService<HostReader>().Region.Should().Be("host");
        context.GetRequiredService<IConfiguration>()["region"].Should().Be("host");
    }

    [Fact]
    public void AnIConfigurationTheApplicationRegisters_WinsForComponentsAndHostServices()
    {
        var (services, host) = HostServices();
        var registered = Region("registered");
        services.AddSingleton(registered);

        using var context = Provider(services, host);

        context.Get<ComponentReader>().Region.Should().Be("registered");
        context.GetRequiredService<HostReader>().Region.Should().Be("registered");
        context.GetRequiredService<IConfiguration>().Should().BeSameAs(registered);
    }

    [Fact]
    public void WithoutHostConfiguration_TheHostsRegisteredConfigurationWins_AsInMsDi()
    {
        var (services, _) = HostServices();

        using var context = Provider(services, null);

        context.Get<ComponentReader>().Region.Should().Be("host");
        context.GetRequiredService<HostReader>().Region.Should().Be("host");
    }
}
