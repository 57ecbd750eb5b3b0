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

    /// <summary>
    /// Gets the validation Microsoft.Extensions.DependencyInjection's <see cref="ServiceProviderOptions"/> ask for: with
    /// <see cref="ServiceProviderOptions.ValidateScopes"/>, resolving a scoped service from the root provider throws; with
    /// <see cref="ServiceProviderOptions.ValidateOnBuild"/>, a service descriptor whose dependencies nothing provides fails the
    /// build (refresh) instead of its first resolution, as MS.DI's do. <see langword="null"/> (the default) does what a host does
    /// with its default provider: both in the Development environment (the configuration's <c>environment</c>,
    /// <c>DOTNET_ENVIRONMENT</c> or <c>ASPNETCORE_ENVIRONMENT</c>), neither elsewhere.
    /// </summary>
    public ServiceProviderOptions? Options { get; init; }

    /// <summary>
    /// Gets the host builder's own <see cref="IConfiguration"/> service (the descriptor the builder added for its configuration):
    /// it then serves the host's services (the other service descriptors) only, and components injecting
    /// <see cref="IConfiguration"/> get the context's configuration, which their conditions and <see cref="ValueAttribute"/>s
    /// read, also when the context was made over another configuration than the builder's. An <see cref="IConfiguration"/> the
    /// application registers itself still wins, as in Microsoft.Extensions.DependencyInjection. Sprig.Web's <c>UseSprig</c> sets
    /// it; <see langword="null"/> (the default): every registered <see cref="IConfiguration"/> wins over the context's.
    /// </summary>
    /// <example>
    /// <code>
    /// var builder = Host.CreateApplicationBuilder(args);
    /// var own = builder.Services.First(d => d.ServiceType == typeof(IConfiguration)); // the builder's, added before any of yours
    /// builder.ConfigureContainer(new SprigServiceProviderFactory(new ApplicationContext(registry, configuration)) { HostConfiguration = own });
    /// </code>
    /// </example>
    public ServiceDescriptor? HostConfiguration { get; init; }

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
        registry.RegisterServices(services, HostConfiguration);
        var hostConfiguration = services.LastOrDefault(d => d.ServiceType == typeof(IConfiguration) && !d.IsKeyedService)?.ImplementationInstance as IConfiguration;
        if (_context is not null)
        {
            _context.ValidateScopes = ValidateScopes(services, hostConfiguration ?? _context.Configuration);
            _context.ValidateOnBuild = ValidateOnBuild(services, hostConfiguration ?? _context.Configuration);
            _context.Refresh();
            return _context;
        }

        var configuration = _configuration ?? hostConfiguration ?? SprigConfiguration.CreateDefault();
        var context = new ApplicationContext(registry, configuration, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
        {
            ValidateScopes = ValidateScopes(services, hostConfiguration ?? configuration),
            ValidateOnBuild = ValidateOnBuild(services, hostConfiguration ?? configuration),
        };
        context.Refresh();
        return context;
    }

    private bool ValidateScopes(IServiceCollection services, IConfiguration configuration) => Options?.ValidateScopes ?? IsDevelopment(services, configuration);

    private bool ValidateOnBuild(IServiceCollection services, IConfiguration configuration) => Options?.ValidateOnBuild ?? IsDevelopment(services, configuration);

    /// <summary>Tells whether the host's environment (its <c>IHostEnvironment</c>, else the configuration's) is Development.</summary>
    private static bool IsDevelopment(IServiceCollection services, IConfiguration configuration)
    {
        // Sprig.Core does not reference the hosting abstractions: the host's environment is read through its interface.
        var host = services.LastOrDefault(d => !d.IsKeyedService && d.ServiceType.FullName == "Microsoft.Extensions.Hosting.IHostEnvironment");
        // Under Native AOT the interface's property is not read by reflection: the configuration's environment name answers.
        var name = Generated.DynamicCode.IsSupported && host?.ImplementationInstance is { } environment ? EnvironmentName(host.ServiceType, environment) : null;
        return string.Equals(name ?? Remoting.RemoteFailure.EnvironmentName(configuration), "Development", StringComparison.OrdinalIgnoreCase);
    }

    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(Generated.DynamicCode.Message)]
    private static string? EnvironmentName(Type hostEnvironment, object environment) =>
        hostEnvironment.GetProperty("EnvironmentName")?.GetValue(environment) as string;
}
