using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Sprig.Diagnostics;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// The analyzers' message texts, in one place and in the runtime's words (Sprig.Diagnostics.Errors): the same problem reads the
/// same in the IDE as in the exception refresh throws.
/// </summary>
internal static class AnalyzerMessages
{
    public static string LazyClassNeedsDynamicCode(ITypeSymbol type) =>
        $"class {TypeNames.Of(type)} gets its proxy from Castle DynamicProxy at run time, which this application does not allow (Native AOT, "
        + "or the 'Sprig.IsDynamicCodeSupported' switch is off), and no generated proxy class serves it (Sprig.Generator subclasses a class injected [Lazy] in an assembly built with it when the class is unsealed, not generic nor a record, has a constructor a subclass may call, and every public member is virtual with public accessors)";

    // The runtime's words (WebErrors.UnmappableAction), without the route, which MapSprig decides.
    public static string ActionNeedsDynamicCode(IMethodSymbol method, string reason) =>
        $"{TypeNames.Signature(method)} cannot be served under Native AOT (MapSprig refuses it without dynamic code): {reason.Trim()} "
        + "Fix the action as the message says, or mark the method [NonAction] if it is not an action.";

    public static string LazyClassFix(ITypeSymbol type) => $"Inject an interface that {TypeNames.Of(type)} implements";

    public static string NotProxyable(string component, string point, ITypeSymbol type, string reason, string fix) =>
        $"'{component}' cannot get a [Lazy] proxy of '{TypeNames.Of(type)}' for {point}: {reason}. {fix}, or inject Lazy<{TypeNames.Of(type)}> instead.";

    public static string NoPublicConstructor(string component, INamedTypeSymbol type) =>
        $"'{component}' cannot be created: {TypeNames.Of(type)} has no public constructor. "
        + "Add a public constructor, or mark the one to use with [Inject].";

    public static string SeveralConstructors(string component, INamedTypeSymbol type, IEnumerable<IMethodSymbol> constructors) =>
        $"'{component}' cannot be created: {TypeNames.Of(type)} has several public constructors and none is marked [Inject]: "
        + $"{string.Join("; ", constructors.Select(TypeNames.ConstructorSignature))}. Mark the one to use with [Inject].";

    public static string SeveralInjectConstructors(string component, INamedTypeSymbol type, IEnumerable<IMethodSymbol> constructors) =>
        $"'{component}' cannot be created: {TypeNames.Of(type)} has several constructors marked [Inject]: "
        + $"{string.Join("; ", constructors.Select(TypeNames.ConstructorSignature))}. Keep [Inject] on one of them.";

    public static string NotAComponentClass(INamedTypeSymbol type, string attribute, string what) =>
        $"'{TypeNames.Of(type)}' is marked [{attribute}] but is {what}, so it cannot be a component: scanning skips it, and registering it throws. "
        + "A component must be a concrete, non-generic class; put the attribute on a class that implements it, or remove it.";

    public static string InvalidLifecycleMethod(string component, string attribute, IMethodSymbol method, string rule) =>
        $"'{component}' has [{attribute}] method '{method.MetadataName}' with an unsupported signature. {rule}";

    public const string PostConstructRule = "A [PostConstruct] method takes no parameters and returns void or Task.";
    public const string PreDestroyRule = "A [PreDestroy] method takes no parameters and returns void or Task.";
    public const string OnStartRule = "An [OnStart] method returns Task and takes no parameters or one CancellationToken.";

    public static string OnStartNeedsSingleton(string component, string scope, IMethodSymbol method) =>
        $"'{component}' has [OnStart] method '{method.MetadataName}' but is {scope}-scoped. [OnStart] runs once per context, "
        + $"so only a Singleton can have it: make '{component}' a Singleton, or call the method from a singleton's [OnStart].";

    public static string StaticLifecycleMethod(string component, string attribute, IMethodSymbol method) =>
        $"'{component}' has [{attribute}] method '{method.MetadataName}' that is static, so it is never called: Sprig calls lifecycle "
        + "methods on the component instance. Make it an instance method.";

    public static string EndpointOpenGeneric(string address, IMethodSymbol method) =>
        $"Endpoint '{address}' ({TypeNames.Signature(method)}) cannot be served: it is a generic method, and a call with JSON arguments cannot say "
        + "what its type parameters are. Remove the type parameters, or add a non-generic [Endpoint] method that calls it with concrete types.";

    public static string EndpointParameterUnsupported(string address, IMethodSymbol method, IParameterSymbol parameter)
    {
        var (what, fix) = parameter.RefKind != RefKind.None
            ? ($"is passed by reference ({TypeNames.Passing(parameter)})", "Take it by value, and return what the caller needs back as part of the result.")
            : parameter.Type.IsRefLikeType
                ? ($"is a ref struct ({TypeNames.Of(parameter.Type)})", "Take an array or a List<T> instead.")
                : ($"is a pointer ({TypeNames.Of(parameter.Type)})", "Take a value or an array instead.");
        return $"Endpoint '{address}' ({TypeNames.Signature(method)}) cannot be served: parameter '{parameter.Name}' {what}, "
            + $"but endpoint arguments arrive as JSON values. {fix}";
    }

    public static string EndpointReturnUnsupported(string address, IMethodSymbol method) =>
        $"Endpoint '{address}' ({TypeNames.Signature(method)}) cannot be served: it returns {ReturnTypeName(method)}, which cannot be sent as JSON. "
        + "Return a value, Task<T>, ValueTask<T>, Task, ValueTask, void or IAsyncEnumerable<T>.";

    private static string ReturnTypeName(IMethodSymbol method) =>
        (method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : "") + TypeNames.Of(method.ReturnType);

    public static string UnknownName(string component, string point, string name, IReadOnlyList<string> suggestions) =>
        $"'{component}' needs the component named '{name}' for {point}, but no component in this compilation or the Sprig libraries it "
        + $"references has that name.{NameSuggestions.DidYouMean(suggestions)} Fix the name, or register a component named '{name}' "
        + $"(PendingRegistry.Register(\"{name}\", type) or RegisterInstance at run time).";

    public static string ScopeCapture(string singleton, string request, IReadOnlyList<string> path) =>
        $"Singleton '{singleton}' depends on Request-scoped '{request}' (path: {string.Join(" -> ", path)}). A singleton outlives every request, "
        + $"so it would keep one request's instance forever. Make '{singleton}' Request- or Prototype-scoped, or make '{request}' a Singleton.";
}
