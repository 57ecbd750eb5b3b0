using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig;

/// <summary>
/// Makes a refreshed <see cref="ApplicationContext"/> the container of a Generic Host or ASP.NET Core application: every
/// <see cref="ServiceDescriptor"/> becomes a component, so framework services and attributed components inject each other.
/// </summary>
/// <example>
/// <code>
/// var builder = Host.CreateApplicationBuilder(args);
/// builder.ConfigureContainer(new SprigServiceProviderFactory());
/// </code>
/// </example>
public sealed class SprigServiceProviderFactory : IServiceProviderFactory<IServiceCollection>
{
    private readonly PendingRegistry _registry;
    private readonly IConfiguration? _configuration;
    private readonly ApplicationContext? _context;
    private readonly bool _copyRegistry;

    /// <summary>
    /// Initializes a factory over the application's attributed classes (<see cref="PendingRegistry.Instance"/>). Each provider it
    /// creates works on its own copy, so a process can build several hosts (integration tests, restarts).
    /// </summary>
    public SprigServiceProviderFactory()
    {
        _copyRegistry = true;
        _registry = PendingRegistry.Instance;
    }

    /// <summary>Initializes a factory over a registry.</summary>
    /// <param name="registry">The registry whose components join the services.</param>
    /// <param name="configuration">The configuration; <see langword="null"/> for the <see cref="IConfiguration"/> registered in the services, else the defaults.</param>
    public SprigServiceProviderFactory(PendingRegistry registry, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _configuration = configuration;
    }

    /// <summary>Initializes a factory that refreshes a context you created (with its own registry and configuration).</summary>
    /// <param name="context">A context that has not been refreshed yet.</param>
    public SprigServiceProviderFactory(ApplicationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _registry = context.Registry;
    }

    /// <summary>Returns the service collection unchanged: services are registered as usual.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The same collection.</returns>
    public IServiceCollection CreateBuilder(IServiceCollection services) => services;

    /// <summary>Registers the services into the registry and returns the refreshed context.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The running <see cref="ApplicationContext"/>.</returns>
    /// <exception cref="ContainerException">Refresh failed; the message names the component and the fix.</exception>
    public IServiceProvider CreateServiceProvider(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = _copyRegistry ? _registry.Snapshot() : _registry;
        registry.RegisterServices(services);
        if (_context is not null)
        {
            _context.Refresh();
            return _context;
        }

        var configuration = _configuration
            ?? services.LastOrDefault(d => d.ServiceType == typeof(IConfiguration) && !d.IsKeyedService)?.ImplementationInstance as IConfiguration
            ?? SprigConfiguration.CreateDefault();
        var context = new ApplicationContext(registry, configuration, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        context.Refresh();
        return context;
    }
}
