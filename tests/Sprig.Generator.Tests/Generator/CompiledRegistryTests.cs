using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Sprig.Generated;
using Sprig.Generator.Tests.Support;

namespace Sprig.Generator.Tests.Generator;

/// <summary>
/// The generated registry compiled with the sample, loaded, and its module initializer run: Sprig.Core holds the components,
/// and the generated delegates create, inject and call what reflection would.
/// </summary>
public sealed class CompiledRegistryTests
{
    private static readonly Lazy<Assembly> Shop = new(LoadShop);

    [Fact]
    public void Registry_AddsNoDiagnostics()
    {
        var compilation = GeneratorRunner.Compile("Shop", Samples.Shop);
        var (_, output, _) = GeneratorRunner.Run(compilation);

        // The sample's own warnings (CS0649: injected fields are never assigned in source) stay; the registry adds none.
        // (Limit, an internal field, is assigned by the registry: its warning goes.)
        var before = compilation.GetDiagnostics().Select(d => d.ToString());
        output.GetDiagnostics().Select(d => d.ToString()).Should().BeSubsetOf(before);
        output.GetDiagnostics().Should().NotContain(d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Registry_AddsNoDiagnostics_WhenAReferencedAssemblyWithARegistryGrantsItsInternals()
    {
        // Each registry is an internal Sprig.Generated.SprigGeneratedRegistry: a test project that sees its app's internals
        // holds two, and naming one would be ambiguous (CS0436).
        var app = GeneratorRunner.Compile("App", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App.Tests\")]", Samples.Shop);
        var (_, appOutput, _) = GeneratorRunner.Run(app);
        var tests = GeneratorRunner.Compile(
            "App.Tests", [appOutput.ToMetadataReference()], "namespace App.Tests; [Sprig.Component] public sealed class TestClock { }");

        var (_, output, result) = GeneratorRunner.Run(tests);

        result.GeneratedSources.Should().ContainSingle();
        output.GetDiagnostics().Should().BeEmpty();
    }

    [Fact]
    public void ModuleInitializer_RegistersEveryNameableComponent()
    {
        var registry = GeneratedComponents.Of(Shop.Value);

        registry.Should().NotBeNull();
        registry!.Components.Select(c => c.Type.FullName).Should().Equal(
            "Shop.Basket", "Shop.Greeter", "Shop.LegacyRepository", "Shop.OrderController", "Shop.OrderService", "Shop.Outer+Inner", "Shop.PriorityOrderService", "Shop.RepositoryProvider", "Shop.Settings",
            "Shop.ShopConfiguration", "Shop.SystemClock");
        GeneratedComponents.Of(Type("Shop.Outer+Hidden")).Should().BeNull("a private nested class is left to reflection");
    }

    [Fact]
    public void Registry_OfManyComponents_FindsEachInItsPiece()
    {
        // 300 classes: three pieces of the registry (128 each), each a method of its own, made on the first lookup of one of its classes.
        var source = "namespace Many; " + string.Concat(Enumerable.Range(0, 300).Select(i =>
            i == 0 ? "[Sprig.Component] public sealed class C000 { } " : $"[Sprig.Component] public sealed class C{i:000}(C{i - 1:000} previous) {{ public C{i - 1:000} Previous {{ get; }} = previous; }} "));
        var assembly = Load("Many", source);

        var registry = GeneratedComponents.Of(assembly)!;
        registry.Types.Select(t => t.Name).Should().Equal(Enumerable.Range(0, 300).Select(i => $"C{i:000}"));
        foreach (var i in new[] { 299, 0, 127, 128, 255, 256 })
        {
            var type = assembly.GetType($"Many.C{i:000}", throwOnError: true)!;
            var component = GeneratedComponents.Of(type)!;
            component.Type.Should().Be(type);
            component.Constructors.Single().ParameterTypes.Should().Equal(i == 0 ? [] : [assembly.GetType($"Many.C{i - 1:000}")!]);
        }

        var first = GeneratedComponents.Of(assembly.GetType("Many.C000")!)!.Constructors.Single().Create([]);
        GeneratedComponents.Of(assembly.GetType("Many.C001")!)!.Constructors.Single().Create([first]).Should().BeOfType(assembly.GetType("Many.C001"));
        GeneratedComponents.Of(typeof(string)).Should().BeNull();
    }

    [Fact]
    public void Refresh_UnderJit_CreatesByReflection_UnlessGeneratedCodeIsPreferred()
    {
        // This test process has dynamic code and no Sprig.PreferGeneratedCode switch: reflection's one call of a constructor is
        // cheaper than JIT-compiling the generated one, so refresh leaves the registry alone (the generated-path suites turn the switch on).
        var assembly = Load("Thrower", "namespace Thrower; [Sprig.Component] public sealed class Failing { public Failing() => throw new System.InvalidOperationException(\"the constructor failed\"); }");
        var type = assembly.GetType("Thrower.Failing", throwOnError: true)!;
        GeneratedComponents.Of(type).Should().NotBeNull("the registry has the class");
        var registry = new PendingRegistry();
        registry.Register(type);
        using var context = new ApplicationContext(registry);

        var thrown = context.Invoking(c => c.Refresh()).Should().Throw<ContainerException>().Which;

        var failure = thrown.InnerException.Should().BeOfType<InvalidOperationException>().Which;
        failure.Message.Should().Be("the constructor failed");
        failure.StackTrace.Should().NotContain("SprigGeneratedRegistry").And.Contain("at System.Reflection.");
    }

    [Fact]
    public void Constructor_CreatesThroughPrivateInjectConstructor()
    {
        var component = Component("Shop.OrderService");
        var clock = Component("Shop.SystemClock").Constructors.Single().Create([]);

        var marked = component.Constructors.Single(c => c.ParameterTypes.Count == 3);
        marked.ParameterTypes.Should().Equal(Type("Shop.IClock"), typeof(int), typeof(TimeSpan?));
        var service = marked.Create([clock, 3, null]);

        Read(service, "Clock").Should().BeSameAs(clock);
        Read(service, "Retries").Should().Be(3);
        Read(service, "Timeout").Should().BeNull();
        component.Constructors.Single(c => c.ParameterTypes.Count == 0).Create([]).GetType().Name.Should().Be("OrderService");
    }

    [Fact]
    public void ChosenConstructor_IsSpringsRuleChoice_WithItsParameterNames_WhenItsParametersArePlain()
    {
        var orders = Component("Shop.OrderService");
        orders.ChosenConstructor.Should().Be(1, "the private constructor marked [Inject] wins over the public parameterless one");
        orders.Constructors[1].ParameterNames.Should().Equal("clock", "retries", "timeout");
        orders.Constructors[0].ParameterNames.Should().BeNull();

        var clock = Component("Shop.SystemClock");
        clock.ChosenConstructor.Should().Be(0);
        clock.Constructors[0].ParameterNames.Should().BeEmpty();

        // A [Value] parameter, a parameter with a default: the runtime reads the constructor by reflection.
        Component("Shop.Basket").ChosenConstructor.Should().Be(-1);
        Component("Shop.Greeter").ChosenConstructor.Should().Be(-1);
    }

    [Fact]
    public void Attribute_IsMadeAsWritten_WithEveryKindOfArgument()
    {
        var basket = Component("Shop.Basket").Attribute;

        basket.Should().BeOfType<ComponentAttribute>();
        basket!.Name.Should().Be("basket");
        basket.Scope.Should().Be(Scope.Prototype);
        basket.DependsOn.Should().Equal("SystemClock", "orders");
        basket.Namespace.Should().Be("shop");
        Component("Shop.OrderService").Attribute.Should().BeOfType<ServiceAttribute>().Which.Name.Should().Be("orders");
        Component("Shop.LegacyRepository").Attribute!.GetType().FullName.Should().Be("Shop.RepositoryAttribute", "the application's own attribute, made by its own constructor");
    }

    [Fact]
    public void Constructor_CreatesClassWithRequiredMembers()
    {
        Component("Shop.Settings").Constructors.Single().Create([]).GetType().Name.Should().Be("Settings");
    }

    [Fact]
    public void Members_SetPrivateReadonlyPrivateSetterAndInitOnly()
    {
        var component = Component("Shop.OrderService");
        var service = component.Constructors.Single(c => c.ParameterTypes.Count == 0).Create([]);
        var clock = Component("Shop.SystemClock").Constructors.Single().Create([]);
        var provider = Component("Shop.RepositoryProvider");
        var repository = provider.Methods.Single().Invoke(provider.Constructors.Single().Create([]), []);

        component.Members.Select(m => m.Name).Should().Equal("_repository", "_named", "Limit", "Clock", "Currency", "Audit");
        Member(component, "_repository").Set(service, repository);
        Member(component, "_named").Set(service, clock);
        Member(component, "Limit").Set(service, 5);
        Member(component, "Currency").Set(service, "CHF");
        Member(component, "Audit").Set(service, repository);

        Read(service, "Repository").Should().BeSameAs(repository);
        Read(service, "Named").Should().BeSameAs(clock);
        service.GetType().GetField("Limit", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(service).Should().Be(5);
        Read(service, "Currency").Should().Be("CHF");
        Read(service, "Audit").Should().BeSameAs(repository);
    }

    [Fact]
    public void Members_TellBaseClassFieldFromOwnOfSameName()
    {
        var component = Component("Shop.OrderController");
        var service = Component("Shop.OrderService").Constructors.Single(c => c.ParameterTypes.Count == 0).Create([]);
        var controller = component.Constructors.Single().Create([service]);
        var baseClock = Component("Shop.SystemClock").Constructors.Single().Create([]);
        var ownClock = Component("Shop.SystemClock").Constructors.Single().Create([]);

        component.Members.Single(m => m.DeclaringType == Type("Shop.ControllerBase")).Set(controller, baseClock);
        component.Members.Single(m => m.DeclaringType is null).Set(controller, ownClock);

        Read(controller, "Orders").Should().BeSameAs(service);
        Read(controller, "BaseClock").Should().BeSameAs(baseClock);
        Read(controller, "OwnClock").Should().BeSameAs(ownClock);
    }

    [Fact]
    public void Methods_CallPrivateHooksOfEachLevel()
    {
        var component = Component("Shop.OrderController");
        var service = Component("Shop.OrderService").Constructors.Single(c => c.ParameterTypes.Count == 0).Create([]);
        var controller = component.Constructors.Single().Create([service]);

        component.Methods.Select(m => (m.Name, m.DeclaringType?.Name)).Should().Equal(("Init", "ControllerBase"), ("Init", null));
        component.Methods[0].Invoke(controller, []).Should().BeNull();

        Read(controller, "BaseInitialized").Should().Be(true);
    }

    [Fact]
    public async Task Methods_CallLifecycleHooksAndEndpoints()
    {
        var component = Component("Shop.OrderService");
        var service = component.Constructors.Single(c => c.ParameterTypes.Count == 0).Create([]);

        component.Methods.Select(m => m.Name).Should().Equal("Init", "StartAsync", "Close", "PlaceAsync", "Version", "Track", "Events");
        Method(component, "Init").Invoke(service, []);
        Method(component, "Close").Invoke(service, []);
        var started = Method(component, "StartAsync").Invoke(service, [CancellationToken.None]);
        var placed = Method(component, "PlaceAsync").Invoke(service, ["book", 2]);
        var version = Method(component, "Version").Invoke(null, [3]);

        Read(service, "Initialized").Should().Be(true);
        Read(service, "Closed").Should().Be(true);
        started.Should().BeSameAs(Task.CompletedTask);
        (await placed.Should().BeOfType<Task<int>>().Subject).Should().Be(2);
        version.Should().Be("v3");
    }

    [Fact]
    public async Task Methods_HandTaskAndStreamResultsOfEndpointsOverBoxed()
    {
        var component = Component("Shop.OrderService");
        var service = component.Constructors.Single(c => c.ParameterTypes.Count == 0).Create([]);
        var place = Method(component, "PlaceAsync");
        var track = Method(component, "Track");
        var events = Method(component, "Events");

        (await place.Awaited!(service, ["book", 2])).Should().Be(2);
        place.ResultType.Should().Be<int>();
        place.Streamed.Should().BeNull();
        (await track.Streamed!(service, []).ToListAsync()).Should().Equal("placed");
        track.ResultType.Should().Be<string>();
        track.Awaited.Should().BeNull();
        (await events.Streamed!(service, []).ToListAsync()).Should().Equal("placed", "shipped");
        events.ResultType.Should().Be<string>();
        Method(component, "Init").Awaited.Should().BeNull();
        Method(component, "StartAsync").Awaited.Should().BeNull(); // a hook returning Task: called, not read
    }

    [Fact]
    public void Methods_CallMostDerivedOverride_OfProtectedVirtualHook()
    {
        var component = Component("Shop.PriorityOrderService");
        var service = component.Constructors.Single().Create([]);

        var declarations = component.Methods.Where(m => m.Name == "Close").ToList();
        declarations.Select(m => m.DeclaringType?.Name).Should().Equal("OrderService", null);
        declarations[0].Invoke(service, []);

        Read(service, "ClosedByOverride").Should().Be(true);
        Read(service, "Closed").Should().Be(true);
    }

    [Fact]
    public void Methods_CallBeanMethodsAndProviderGet()
    {
        var configuration = Component("Shop.ShopConfiguration");
        var owner = configuration.Constructors.Single().Create([]);
        var clock = Component("Shop.SystemClock").Constructors.Single().Create([]);

        var repository = Method(configuration, "Repository").Invoke(owner, [clock]);
        var greeting = Method(configuration, "Greeting").Invoke(null, []);
        var limits = Method(configuration, "Limits").Invoke(owner, []);

        repository!.GetType().GetMethod("Describe")!.Invoke(repository, []).Should().Be("memory at 2024-01-01");
        greeting.Should().Be("hello");
        limits.Should().BeOfType<int[][,]>();
        var provider = Component("Shop.RepositoryProvider");
        var get = provider.Methods.Should().ContainSingle().Subject;
        get.DeclaringType!.GetGenericTypeDefinition().Should().Be(typeof(IProvider<>));
        get.Invoke(provider.Constructors.Single().Create([]), [])!.GetType().Name.Should().Be("MemoryRepository");
    }

    private static GeneratedComponent Component(string name) =>
        GeneratedComponents.Of(Type(name)) ?? throw new InvalidOperationException($"{name} has no generated component.");

    private static GeneratedMember Member(GeneratedComponent component, string name) => component.Members.Single(m => m.Name == name);

    private static GeneratedMethod Method(GeneratedComponent component, string name) => component.Methods.Single(m => m.Name == name);

    private static Type Type(string name) => Shop.Value.GetType(name, throwOnError: true)!;

    private static object? Read(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);

    private static Assembly LoadShop() => Load("Shop", Samples.Shop);

    private static Assembly Load(string name, string source)
    {
        var (_, output, _) = GeneratorRunner.Run(GeneratorRunner.Compile(name, source));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        emitted.Success.Should().BeTrue(string.Join(Environment.NewLine, emitted.Diagnostics));
        image.Position = 0;

        // Collectible, so the test process keeps no copy once the registry lets go; Sprig.Core comes from the default context.
        var assembly = new AssemblyLoadContext(name, isCollectible: true).LoadFromStream(image);
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        return assembly;
    }
}
