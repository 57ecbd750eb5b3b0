using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sprig.Aot.Tests.Support;

namespace Sprig.Aot.Tests.Resolution;

/// <summary>
/// Open generic registrations (ILogger&lt;T&gt;, IOptions&lt;T&gt;) with the reflection fallback off: closed over reference types
/// they share the code Native AOT compiled for every reference type, as MS.DI does; over value types there is no such code.
/// </summary>
public sealed class OpenGenericTests
{
    [Component]
    public sealed class Greeter(ILogger<Greeter> logger)
    {
        public ILogger<Greeter> Logger { get; } = logger;
    }

    public interface IBox<T>
    {
        T? Value { get; }
    }

    public sealed class Box<T> : IBox<T>
    {
        public T? Value => default;
    }

    /// <summary>Registered by the tests that want it (no attribute: scanning the assembly leaves it out).</summary>
    public sealed class Counter(IBox<int> box)
    {
        public IBox<int> Box { get; } = box;
    }

    /// <summary>Registered by the tests that want it.</summary>
    public sealed class Shelf(IBox<string> box)
    {
        public IBox<string> Box { get; } = box;
    }

    [Fact]
    public void Refresh_InjectsALogger_ClosedOverTheComponentType()
    {
        using var context = Contexts.Refreshed(typeof(Greeter));

        var logger = context.Get<Greeter>().Logger;

        logger.Should().BeOfType<Logger<Greeter>>();
    }

    [Fact]
    public void Refresh_FailsNamingTheComponent_WhenAnOpenGenericClosesOverAValueType()
    {
        var registry = new PendingRegistry().Register<Counter>().RegisterServices(new ServiceCollection().AddSingleton(typeof(IBox<>), typeof(Box<>)));
        using var context = Contexts.Create(registry);

        var refresh = () => context.Refresh();

        refresh.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "'Counter' cannot get constructor parameter 'box'. Path: Counter. Cannot make 'OpenGenericTests.IBox<int>' from the open generic "
            + "registration OpenGenericTests.IBox<T> -> OpenGenericTests.Box<T>: its type argument 'int' is a value type, and without code generated at "
            + "run time (Native AOT, or the 'Sprig.IsDynamicCodeSupported' switch is off) generic code over a value type exists only where the build "
            + "saw it used. Register the closed type so that the build sees it (services.AddSingleton<OpenGenericTests.IBox<int>, OpenGenericTests.Box<int>>()), "
            + "or use a reference type.");
    }

    [Fact]
    public void Refresh_ClosesAnOpenGenericRegistration_OverAReferenceType()
    {
        var registry = new PendingRegistry().Register<Shelf>().RegisterServices(new ServiceCollection().AddSingleton(typeof(IBox<>), typeof(Box<>)));
        using var context = Contexts.Create(registry);
        context.Refresh();

        context.Get<Shelf>().Box.Should().BeOfType<Box<string>>();
    }

    public interface IPlugin
    {
        string Name { get; }
    }

    /// <summary>Registered by the tests that want it.</summary>
    public sealed class First : IPlugin
    {
        public string Name => "first";
    }

    /// <summary>Registered by the tests that want it.</summary>
    public sealed class Second : IPlugin
    {
        public string Name => "second";
    }

    /// <summary>Registered by the tests that want it.</summary>
    public sealed class Host(IEnumerable<IPlugin> plugins, IReadOnlyList<IPlugin> list)
    {
        public IEnumerable<IPlugin> Plugins { get; } = plugins;

        public IReadOnlyList<IPlugin> List { get; } = list;
    }

    /// <summary>Registered by the tests that want it.</summary>
    public sealed class Deferred(Lazy<First> first)
    {
        public Lazy<First> First { get; } = first;
    }

    [Fact]
    public void Refresh_InjectsCollections_OfAReferenceType()
    {
        using var context = Contexts.Refreshed(typeof(First), typeof(Second), typeof(Host));

        var host = context.Get<Host>();

        host.Plugins.Should().BeOfType<IPlugin[]>().Which.Select(p => p.Name).Should().Equal("first", "second");
        host.List.Select(p => p.Name).Should().Equal("first", "second");
        context.GetServices<IPlugin>().Select(p => p.Name).Should().Equal("first", "second");
    }

    [Fact]
    public void Refresh_FailsNamingTheComponent_WhenItAsksForALazyOfT()
    {
        using var context = Contexts.Create(null, typeof(First), typeof(Deferred));

        var refresh = () => context.Refresh();

        refresh.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "'Deferred' cannot get constructor parameter 'first'. Path: Deferred. Cannot make a Lazy<T> of 'OpenGenericTests.First' without code generated "
            + "at run time (Native AOT, or the 'Sprig.IsDynamicCodeSupported' switch is off): its generic code over 'OpenGenericTests.First' cannot be made "
            + "here. Inject the component itself, or an interface marked [Lazy] (Sprig.Generator makes its proxy at build time).");
    }
}
