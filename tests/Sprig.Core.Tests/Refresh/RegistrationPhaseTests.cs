using System.Reflection;
using System.Reflection.Emit;
using Microsoft.Extensions.DependencyInjection;
using Sprig.Definitions;
using Sprig.Interop;
using Sprig.Refresh;

namespace Sprig.Tests.Refresh;

/// <summary>Phase 1: freezes the registry and returns what it held, problems included, in registration order.</summary>
public sealed class RegistrationPhaseTests
{
    public sealed class Alpha
    {
    }

    public sealed class Beta
    {
    }

    public sealed class Gamma
    {
    }

    public interface IRepository<T>
    {
    }

    public sealed class Repository<T> : IRepository<T>
    {
    }

    [Fact]
    public void Run_ReturnsDefinitions_InRegistrationOrder()
    {
        var instance = new Beta();
        var services = new ServiceCollection().AddSingleton<Alpha>().AddSingleton(typeof(IRepository<>), typeof(Repository<>));
        var registry = new PendingRegistry()
            .Register<Gamma>()
            .RegisterInstance("beta", instance)
            .Register("first", typeof(Alpha))
            .RegisterServices(services)
            .Register<Beta>();

        var registration = RegistrationPhase.Run(registry);

        registration.Definitions.Select(d => d.Name).Should().Equal("Gamma", "beta", "first", "RegistrationPhaseTests.Alpha", "Beta");
        registration.Definitions.Select(d => d.Kind).Should().Equal(
            ComponentKind.Class, ComponentKind.Instance, ComponentKind.Class, ComponentKind.Class, ComponentKind.Class);
        registration.Definitions[1].Instance.Should().BeSameAs(instance);
        registration.Definitions[3].FromDescriptor.Should().BeTrue();
        registration.OpenGenerics.Should().Equal(
            new OpenGenericRegistration(typeof(IRepository<>), typeof(Repository<>), Scope.Singleton, null, 4));
        registration.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Run_CarriesRegistrationProblems_WithoutThrowing()
    {
        // Scanning records a class that cannot be a component instead of throwing; refresh reports it with every other problem.
        var registry = new PendingRegistry().Register<Alpha>().Scan(ScannedAssembly());

        var registration = RegistrationPhase.Run(registry);

        registration.Definitions.Select(d => d.Name).Should().Equal("Alpha", "Scanned");
        registration.Problems.Select(p => p.Message).Should().Equal(
            "'NotAProvider' is marked [Provider] but does not implement IProvider<T>. "
            + "Implement IProvider<T> to say what it provides, or mark it [Component] instead.");
    }

    [Fact]
    public void Run_FreezesTheRegistry_SoThatALaterRegistrationThrows()
    {
        var registry = new PendingRegistry().Register<Alpha>();
        registry.IsFrozen.Should().BeFalse();

        RegistrationPhase.Run(registry);

        registry.IsFrozen.Should().BeTrue();
        var act = () => registry.Register<Beta>();
        act.Should().Throw<InvalidOperationException>().Which.Message.Should().Be(
            "Cannot register 'Beta': the registry is frozen because a context was refreshed from it. "
            + "Register components before calling Refresh(), or call PendingRegistry.Reset() in a test fixture to start over.");
        RegistrationPhase.Run(registry).Definitions.Select(d => d.Name).Should().Equal("Alpha");
    }

    /// <summary>Emits an assembly with one [Component] class and one [Provider] class that provides nothing, in that order.</summary>
    private static AssemblyBuilder ScannedAssembly()
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Sprig.Tests.RegistrationPhase"), AssemblyBuilderAccess.Run);
        var module = assembly.DefineDynamicModule("Scanned");
        Emit(module, "Scanned", typeof(ComponentAttribute));
        Emit(module, "NotAProvider", typeof(ProviderAttribute));
        return assembly;

        static void Emit(ModuleBuilder module, string name, Type attribute)
        {
            var type = module.DefineType(name, TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed);
            type.SetCustomAttribute(new CustomAttributeBuilder(attribute.GetConstructor(Type.EmptyTypes)!, []));
            type.DefineDefaultConstructor(MethodAttributes.Public);
            type.CreateType();
        }
    }
}
