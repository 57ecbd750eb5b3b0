using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// Every diagnostic the Sprig analyzers report, in one table. Each message is built whole by <see cref="AnalyzerMessages"/>
/// in the runtime's words (the descriptor's format is "{0}"), and each help link is the README section of its ID.
/// </summary>
internal static class SprigDiagnostics
{
    public const string Category = "Sprig";

    private const string HelpBase = "https://github.com/sprig-dotnet/sprig#";

    // Reported at the end of the compilation: the IDE runs these in full solution analysis and in builds.
    private static readonly string[] CompilationEnd = [WellKnownDiagnosticTags.CompilationEnd];

    public static readonly DiagnosticDescriptor LazyNotProxyable = new(
        "SPRIG0001", "A [Lazy] target cannot be proxied", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        "A [Lazy] member or parameter needs a type Castle DynamicProxy can proxy: a public interface, or a public unsealed class whose public members are all virtual.",
        HelpBase + "sprig0001");

    public static readonly DiagnosticDescriptor NoUsableConstructor = new(
        "SPRIG0002", "A component has no usable constructor", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        "Sprig creates a component through its public constructor, or the constructor marked [Inject].",
        HelpBase + "sprig0002");

    public static readonly DiagnosticDescriptor AmbiguousConstructor = new(
        "SPRIG0003", "Sprig cannot choose a component's constructor", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        "With several constructors, Sprig uses the one marked [Inject], else the public parameterless one.",
        HelpBase + "sprig0003");

    public static readonly DiagnosticDescriptor LifecycleSignature = new(
        "SPRIG0004", "A lifecycle method has an unsupported signature", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        "[PostConstruct] and [PreDestroy] methods take no parameters and return void or Task; [OnStart] methods return Task and take no parameters or one CancellationToken.",
        HelpBase + "sprig0004");

    public static readonly DiagnosticDescriptor EndpointSignature = new(
        "SPRIG0005", "An endpoint cannot be served", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        "Endpoint arguments arrive as JSON values and results leave as JSON: no type parameters, no ref, out, in, pointer or ref struct parameters or results.",
        HelpBase + "sprig0005");

    public static readonly DiagnosticDescriptor UnknownComponentName = new(
        "SPRIG0006", "No component in the compilation has the injected name", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        "An [InjectByName] or [Lazy(\"name\")] name that no component of this compilation or its Sprig references declares; it may still be registered at run time.",
        HelpBase + "sprig0006", CompilationEnd);

    public static readonly DiagnosticDescriptor CaptiveDependency = new(
        "SPRIG0007", "A singleton depends on a Request-scoped component", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        "A singleton outlives every request, so it would keep one request's instance forever; refresh refuses it.",
        HelpBase + "sprig0007", CompilationEnd);

    public static readonly DiagnosticDescriptor NotAComponentClass = new(
        "SPRIG0008", "A component attribute is on a class that cannot be a component", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        "Scanning skips abstract, static and generic classes, and registering one explicitly throws: a component is a concrete, non-generic class.",
        HelpBase + "sprig0008");

    public static readonly DiagnosticDescriptor LazyClassUnderAot = new(
        "SPRIG0011", "A [Lazy] class target has no proxy under Native AOT", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        "The generator subclasses a [Lazy] class target only when it is unsealed, not generic nor a record, has a constructor a subclass may call and every public member is virtual with public accessors; any other class gets Castle DynamicProxy's proxy, made at run time, which a Native AOT application cannot do. Reported when PublishAot is true.",
        HelpBase + "sprig0011");

    public static readonly DiagnosticDescriptor ControllerActionNeedsDynamicCode = new(
        "SPRIG0012", "A controller action cannot be served under Native AOT", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        "Without dynamic code Sprig.Web serves a controller action through the request delegate Sprig.Generator writes for it, which binds what RequestDelegateFactory binds except forms, [AsParameters], types with BindAsync, StringValues, ref parameters and generic methods; MapSprig refuses such an action at start-up. Reported when PublishAot or IsAotCompatible is true.",
        HelpBase + "sprig0012");

    public static readonly DiagnosticDescriptor OnStartNeedsSingleton = new(
        "SPRIG0009", "An [OnStart] method is on a component that is not a singleton", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        "[OnStart] runs once per context, so only a Singleton can have it.",
        HelpBase + "sprig0009");

    public static readonly DiagnosticDescriptor StaticLifecycleMethod = new(
        "SPRIG0010", "A lifecycle method is static and is never called", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        "Sprig calls [PostConstruct], [OnStart] and [PreDestroy] methods on the component instance; a static one is never called.",
        HelpBase + "sprig0010");
}
