namespace Sprig.Resolution;

/// <summary>An <see cref="IServiceProvider"/> parameter: the request scope the component is created in, or the context at the root.</summary>
/// <param name="context">The context, the provider at the root.</param>
/// <param name="service">The readable name of the service type asked for ("IServiceProvider"), for diagnostics.</param>
internal sealed class ScopeProviderDependency(ApplicationContext context, string service) : Dependency
{
    public ApplicationContext Context { get; } = context;

    /// <summary>Gets the readable name of the service type asked for, for diagnostics.</summary>
    public string Service { get; } = service;
}
