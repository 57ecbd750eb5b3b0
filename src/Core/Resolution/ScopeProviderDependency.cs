namespace Sprig.Resolution;

/// <summary>An <see cref="IServiceProvider"/> parameter: the request scope the component is created in, or the context at the root.</summary>
internal sealed class ScopeProviderDependency(ApplicationContext context) : Dependency
{
    public ApplicationContext Context { get; } = context;
}
