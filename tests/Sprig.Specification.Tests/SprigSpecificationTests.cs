using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Specification;

namespace Sprig.Specification.Tests;

/// <summary>The Microsoft.Extensions.DependencyInjection specification suite, run against <see cref="SprigServiceProviderFactory"/>.</summary>
public sealed class SprigSpecificationTests : DependencyInjectionSpecificationTests
{
    protected override IServiceProvider CreateServiceProvider(IServiceCollection serviceCollection) =>
        Factories.Create(serviceCollection);
}

/// <summary>The keyed-services half of the specification suite.</summary>
public sealed class SprigKeyedSpecificationTests : KeyedDependencyInjectionSpecificationTests
{
    protected override IServiceProvider CreateServiceProvider(IServiceCollection collection) =>
        Factories.Create(collection);
}

internal static class Factories
{
    public static IServiceProvider Create(IServiceCollection services) =>
        new SprigServiceProviderFactory(new PendingRegistry(), new ConfigurationBuilder().Build()).CreateServiceProvider(services);
}
