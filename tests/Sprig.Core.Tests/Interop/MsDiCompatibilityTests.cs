using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Tests.Interop;

/// <summary>Where code depends on Microsoft.Extensions.DependencyInjection's behaviour: the exceptions it surfaces, and its scope validation.</summary>
public sealed class MsDiCompatibilityTests
{
    public interface IClock
    {
        DateTimeOffset Now { get; }
    }

    public sealed class BrokenClock : IClock
    {
        public BrokenClock() => throw new ArgumentException("The clock needs a time zone.", "zone");

        public DateTimeOffset Now => default;
    }

    public sealed class Basket;

    public sealed class Till
    {
        public Till(Basket basket) => Made = "basket";

        [Inject]
        public Till(IClock clock) => Made = "clock";

        public string Made { get; }
    }

    public sealed class SystemClock : IClock
    {
        public DateTimeOffset Now => DateTimeOffset.UnixEpoch;
    }

    [Component]
    public sealed class Shop(IClock clock)
    {
        public IClock Clock => clock;
    }

    private static IServiceProvider Build(IServiceCollection services, ServiceProviderOptions? options = null, string environment = "Production") =>
        new SprigServiceProviderFactory(new PendingRegistry(), new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["environment"] = environment }).Build())
        {
            Options = options,
        }.CreateServiceProvider(services);

    [Fact]
    public void ADescriptorsFactory_SurfacesItsOwnException_AsMsDiDoes()
    {
        var thrown = new InvalidOperationException("Options are not valid: Port must be between 1 and 65535.");
        var provider = Build(new ServiceCollection().AddSingleton<IClock>(_ => throw thrown));

        var act = () => provider.GetService(typeof(IClock));

        act.Should().Throw<InvalidOperationException>().Which.Should().BeSameAs(thrown);
    }

    [Fact]
    public void ADescriptorsConstructor_SurfacesItsOwnException_WithItsStackTrace()
    {
        var provider = Build(new ServiceCollection().AddTransient<IClock, BrokenClock>());

        var act = () => provider.GetService(typeof(IClock));

        var thrown = act.Should().Throw<ArgumentException>().Which;
        thrown.ParamName.Should().Be("zone");
        thrown.StackTrace.Should().Contain(nameof(BrokenClock));
    }

    [Fact]
    public void AnAttributedComponent_WrapsADescriptorsFailure_WithThePath()
    {
        var registry = new PendingRegistry().Register<Shop>();
        var factory = new SprigServiceProviderFactory(registry, new ConfigurationBuilder().Build());

        var act = () => factory.CreateServiceProvider(new ServiceCollection().AddTransient<IClock, BrokenClock>());

        var thrown = act.Should().Throw<ComponentCreationException>().Which;
        thrown.Message.Should().Be(
            "Creating 'MsDiCompatibilityTests.IClock' failed: its constructor threw ArgumentException: The clock needs a time zone. (Parameter 'zone'). "
            + "Path: Shop -> MsDiCompatibilityTests.IClock.");
        thrown.InnerException.Should().BeOfType<ArgumentException>();
    }

    [Fact]
    public void ADescriptorsConstructor_MarkedInject_IsChosen_AmongEquallyLongOnes()
    {
        var provider = Build(new ServiceCollection().AddSingleton<Basket>().AddSingleton<IClock, SystemClock>().AddTransient<Till>());

        ((Till)provider.GetService(typeof(Till))!).Made.Should().Be("clock");
    }

    public sealed class Needy(IClock clock)
    {
        public IClock Clock => clock;
    }

    [Fact]
    public void AnUnresolvableDescriptor_FailsTheBuild_WhenValidateOnBuildIsOn_AndItsResolutionOtherwise()
    {
        var act = () => Build(new ServiceCollection().AddSingleton<Needy>(), new ServiceProviderOptions { ValidateOnBuild = true });

        act.Should().Throw<ContainerException>().Which.Message.Should().Contain(
            "'MsDiCompatibilityTests.Needy' needs a service of type 'MsDiCompatibilityTests.IClock' for constructor parameter 'clock', but none is "
            + "registered, and validation on build is on (the Development environment, or ServiceProviderOptions.ValidateOnBuild). Register one "
            + "(services.AddSingleton<MsDiCompatibilityTests.IClock, …>() or a class marked [Component]), give the parameter a default value, or remove "
            + "the registration that needs it.");

        var lenient = Build(new ServiceCollection().AddSingleton<Needy>());
        lenient.Invoking(p => p.GetService(typeof(Needy))).Should().Throw<InvalidOperationException>("without validation, as MS.DI, it fails when resolved");
    }

    [Fact]
    public void ResolvingFromAShutDownContext_ThrowsObjectDisposedException()
    {
        var provider = Build(new ServiceCollection().AddSingleton<Basket>());
        ((IDisposable)provider).Dispose();

        var act = () => provider.GetService(typeof(Basket));

        act.Should().Throw<ObjectDisposedException>().Which.Message.Should().Be(
            "The context cannot resolve components while it is Stopped. Resolve components only between Refresh() and Shutdown().");
    }

    [Fact]
    public void AScopedService_FromTheRoot_Throws_WhenValidateScopesIsOn()
    {
        var provider = Build(new ServiceCollection().AddScoped<Basket>(), new ServiceProviderOptions { ValidateScopes = true });

        var act = () => provider.GetService(typeof(Basket));

        act.Should().Throw<InvalidOperationException>().Which.Message.Should().Be(
            "Cannot resolve scoped service 'MsDiCompatibilityTests.Basket' ('MsDiCompatibilityTests.Basket') from the root provider: scope validation is on "
            + "(the Development environment, or ServiceProviderOptions.ValidateScopes). Resolve it from a scope (IServiceScopeFactory.CreateScope()), inject it "
            + "into a scoped or transient service rather than a singleton, or register it as a singleton.");
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetService(typeof(Basket)).Should().NotBeNull("from a scope it resolves");
    }

    [Fact]
    public void ScopeValidation_IsOnInDevelopment_AndOffElsewhere_AsAHostsDefaultProvider()
    {
        Build(new ServiceCollection().AddScoped<Basket>(), environment: "Development")
            .Invoking(p => p.GetService(typeof(Basket))).Should().Throw<InvalidOperationException>();

        Build(new ServiceCollection().AddScoped<Basket>(), environment: "Production").GetService(typeof(Basket)).Should().NotBeNull();
    }
}
