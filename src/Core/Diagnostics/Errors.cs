using System.Reflection;
using System.Text;
using Sprig.Definitions;

namespace Sprig.Diagnostics;

/// <summary>Every message text of Sprig.Core, so that wording stays consistent and tests can assert it whole.</summary>
internal static partial class Errors
{
    public static string RegistryFrozen(string name) =>
        $"Cannot register '{name}': the registry is frozen because a context was refreshed from it. "
        + "Register components before calling Refresh(), or call PendingRegistry.Reset() in a test fixture to start over.";

    public static string DynamicCodeUnavailable(string what, string? advice = null) =>
        $"Cannot {what}: Sprig does it with code generated at run time, which this application does not allow (Native AOT, or the "
        + $"'{Generated.DynamicCode.Switch}' switch is off). "
        + (advice ?? "Let Sprig.Generator generate it: build the application with Sprig's source generator enabled.");

    public const string RemoteProxyAdvice =
        "Sprig.Generator does not generate remote proxies yet: without dynamic code, call the remote component's endpoints through the endpoint catalog (ctx.Endpoints.InvokeAsync / StreamAsync).";

    public static string OpenGenericOverValueType(Type closed, Type service, Type implementation, Type valueType)
    {
        var definition = TypeName(implementation);
        var implementationName = definition[..definition.IndexOf('<', StringComparison.Ordinal)] + "<" + string.Join(", ", closed.GetGenericArguments().Select(TypeName)) + ">";
        return $"Cannot make '{TypeName(closed)}' from the open generic registration {TypeName(service)} -> {definition}: its type argument '{TypeName(valueType)}' "
            + $"is a value type, and without code generated at run time (Native AOT, or the '{Generated.DynamicCode.Switch}' switch is off) generic code over a "
            + $"value type exists only where the build saw it used. Register the closed type so that the build sees it "
            + $"(services.AddSingleton<{TypeName(closed)}, {implementationName}>()), or use a reference type.";
    }

    public static string GenericNeedsDynamicCode(string what, Type element) =>
        $"Cannot make {what} of '{TypeName(element)}' without code generated at run time (Native AOT, or the '{Generated.DynamicCode.Switch}' switch is off): "
        + (what == "an array"
            ? "generic code over a value type exists only where the build saw it used. Inject a collection of a reference type (a class or an interface)."
            : $"its generic code over '{TypeName(element)}' cannot be made here. Inject the component itself, or an interface marked [Lazy] (Sprig.Generator makes its proxy at build time).");

    public static string GeneratedRemoteMethodMissing(Type contract, string method) =>
        $"The generated remote proxy of {TypeName(contract)} calls a method '{method}' that the contract does not have: the assembly's generated code is "
        + "older than the interface. Rebuild the assembly that declares the contract.";

    public static string UnresolvableDependency(string component, string point, IReadOnlyList<string> path, string reason) =>
        $"'{component}' cannot get {point}. Path: {Path(path)}. {reason}";

    public static string NotAComponentClass(Type type) =>
        $"Cannot register '{TypeName(type)}': a component must be a concrete, non-generic class. "
        + "Register a class that implements it, or use RegisterInstance for an object you already have.";

    public static string ProviderWithoutInterface(Type type) =>
        $"'{TypeName(type)}' is marked [Provider] but does not implement IProvider<T>. "
        + "Implement IProvider<T> to say what it provides, or mark it [Component] instead.";

    public static string BeanMethodInvalid(Type type, MethodInfo method) =>
        $"[Bean] method '{TypeName(type)}.{method.Name}' cannot make a component: it "
        + (method.ReturnType == typeof(void) ? "returns void" : "is generic")
        + ". A [Bean] method returns the component it makes and has no type parameters.";

    public static string DuplicateName(string name, ComponentDefinition first, ComponentDefinition second) =>
        $"Two components are named '{name}': {Describe(first)} and {Describe(second)}. "
        + $"Give one of them another name (e.g. [Component(\"{name}2\")]) or remove one of the registrations.";

    public static string NoComponentNamed(string name, IReadOnlyList<string> suggestions) =>
        $"No component named '{name}' is registered.{DidYouMean(suggestions)} "
        + $"Check the spelling, or register one with [Component(\"{name}\")] or PendingRegistry.Register(\"{name}\", type).";

    public static string NoComponentOfType(Type type, string excluded = "") =>
        $"No component of type '{TypeName(type)}' is registered{excluded}. "
        + $"Register a class that is or implements it (mark it [Component] or [Service]), or use TryGet<{TypeName(type)}> when it is optional.";

    public static string AmbiguousType(Type type, IReadOnlyList<ComponentDefinition> candidates) =>
        $"{candidates.Count} components match type '{TypeName(type)}': {List(candidates)}. "
        + $"Ask for one by name with Get<{TypeName(type)}>(\"{candidates[0].Name}\"), or use GetAll<{TypeName(type)}>() for all of them.";

    public static string NoKeyedService(Type type, object? key) =>
        $"No component of type '{TypeName(type)}' is registered for the key '{key}' ({key?.GetType().FullName ?? "null"}). "
        + "Register one with services.AddKeyed…(key, …), or ask with a key that is registered.";

    public static string ServiceKeyType(string component, string point, object? key, Type type) =>
        $"'{component}' cannot receive its service key for {point}: the key '{key}' is a {key?.GetType().FullName ?? "null"}, not a {TypeName(type)}. "
        + "Resolve it with a key of that type, or change the parameter's type.";

    public static string WrongType(string name, Type actual, Type requested) =>
        $"Component '{name}' is of type '{TypeName(actual)}', which is not assignable to '{TypeName(requested)}'. "
        + $"Ask for it as '{TypeName(actual)}' or one of its interfaces, or use the name of a component that is a '{TypeName(requested)}'.";

    public static string RegistryWasReset(string what) =>
        $"{what}: PendingRegistry.Reset() emptied PendingRegistry.Instance, and nothing was registered since. Register what the test "
        + "needs before creating the context (PendingRegistry.Instance.Register<T>(), or .Scan(assembly) for a whole assembly), or give "
        + "the context a registry of its own (new ApplicationContext(new PendingRegistry().Register<T>())).";

    public static string NotRunning(ContextState state) =>
        $"The context cannot resolve components while it is {state}. "
        + (state == ContextState.Created ? "Call Refresh() first." : "Resolve components only between Refresh() and Shutdown().");

    public static string AlreadyRefreshed(ContextState state) =>
        $"Refresh() cannot run on a context that is {state}: a context refreshes once. Create a new ApplicationContext to start again.";

    public static string RequestScopeRequired(string name) =>
        $"'{name}' is Request-scoped, so it exists only inside a request scope and cannot be resolved from the root context. "
        + "Resolve it through context.CreateScope() (scope.ServiceProvider), or make it Singleton or Prototype.";

    public static string MissingServiceOnBuild(string owner, string point, Type type) =>
        $"'{owner}' needs a service of type '{TypeName(type)}' for {point}, but none is registered, and validation on build is on (the "
        + $"Development environment, or ServiceProviderOptions.ValidateOnBuild). Register one (services.AddSingleton<{TypeName(type)}, …>() or a "
        + "class marked [Component]), give the parameter a default value, or remove the registration that needs it.";

    public static string ScopedFromRoot(Type type, string name) =>
        $"Cannot resolve scoped service '{TypeName(type)}' ('{name}') from the root provider: scope validation is on (the Development "
        + "environment, or ServiceProviderOptions.ValidateScopes). Resolve it from a scope (IServiceScopeFactory.CreateScope()), inject it "
        + "into a scoped or transient service rather than a singleton, or register it as a singleton.";

    public static string ScopeDisposed(string name) =>
        $"Cannot resolve '{name}': its request scope has been disposed. Resolve Request components only while their scope is open.";

    public static string MalformedConfigurationFile(string loadError, string location) =>
        $"{loadError.TrimEnd('.')}: the file is malformed at {location.TrimEnd('.')}. Fix the file, or remove it.";

    public static string ConditionContradiction(IReadOnlyList<ComponentDefinition> involved) =>
        $"The conditions of {string.Join(", ", involved.Select(d => $"'{d.Name}'"))} contradict each other: whether each is in depends on which "
        + $"is evaluated first ({string.Join("; ", involved.Select(d => $"{d.Name}: {string.Join(", ", d.Conditions.Select(c => c.Description))}"))}). "
        + "Change the conditions so that the outcome is the same in any order, e.g. drop the condition of the one that should be the default.";

    public static string ExcludedComponent(string name, string reason) =>
        $"Component '{name}' is not available: a condition excluded it ({reason}). Change the configuration or the condition to include it.";

    public static string ExcludedHint(IEnumerable<string> reasons)
    {
        var list = reasons.ToList();
        return list.Count == 0 ? "" : $" (excluded by a condition: {string.Join("; ", list)})";
    }

    /// <summary>The condition report's words for a condition that threw (its component is out; the problem is reported by refresh).</summary>
    public static string ConditionThrewInReport(Exception cause) => $"threw {cause.GetType().Name}: {cause.Message}";

    public static string ConditionFailed(string component, string condition, Exception cause) =>
        $"Evaluating {condition} of '{component}' failed: {cause.GetType().Name}: {Sentence(cause.Message)} "
        + "A condition must not throw; fix the condition.";

    // ---- injection points ----------------------------------------------------------------------------------------

    public static string MissingByType(string component, string point, Type type, IReadOnlyList<string> path, string excluded = "") =>
        $"'{component}' needs a component of type '{TypeName(type)}' for {point}, but none is registered{excluded}. Path: {Path(path)}. "
        + $"Register a class that is or implements {TypeName(type)} (mark it [Component] or [Service])" + OptionalAdvice(point);

    // How to make an injection point optional, in the terms of that point.
    private static string OptionalAdvice(string point) =>
        point.StartsWith("[Lazy]", StringComparison.Ordinal) ? "."
        : point.Contains("parameter", StringComparison.Ordinal) ? ", or make it optional by giving the parameter a default value."
        : ", or make it optional with [Inject(Required = false)].";

    public static string MissingService(string component, string point, Type type) =>
        $"'{component}' needs a service of type '{TypeName(type)}' for {point}, but none is registered. "
        + $"Register one (services.AddSingleton<{TypeName(type)}, …>() or a class marked [Component]), or give the parameter a default value.";

    public static string MissingByName(string component, string point, string name, IReadOnlyList<string> suggestions, IReadOnlyList<string> path, string excluded = "") =>
        $"'{component}' needs the component named '{name}' for {point}, but no component has that name{excluded}.{DidYouMean(suggestions)} "
        + $"Path: {Path(path)}. "
        + (excluded.Length > 0
            ? $"Change the configuration or the condition so that '{name}' is included{OptionalAdvice(point)}"
            : $"Fix the name, or register a component named '{name}'.");

    public static string AmbiguousDependency(string component, string point, Type type, IReadOnlyList<ComponentDefinition> candidates, IReadOnlyList<string> path, bool lazy = false) =>
        $"'{component}' needs one component of type '{TypeName(type)}' for {point}, but {candidates.Count} match: {List(candidates)}. Path: {Path(path)}. "
        + (lazy
            ? $"Choose one with [Lazy(\"{candidates[0].Name}\")], or name the member after one of them."
            : $"Choose one with [InjectByName(\"{candidates[0].Name}\")], name the parameter or member after one of them, or inject IEnumerable<{TypeName(type)}> to receive all.");

    public static string NamedWrongType(string component, string point, ComponentDefinition target, Type type, IReadOnlyList<string> path) =>
        $"'{component}' needs the component named '{target.Name}' for {point}, but it is a '{TypeName(target.Type)}', which is not assignable to "
        + $"'{TypeName(type)}'. Path: {Path(path)}. Use the name of a component that is a '{TypeName(type)}', or change the member's type.";

    public static string UnknownDependsOn(string component, string name, IReadOnlyList<string> suggestions) =>
        $"'{component}' lists '{name}' in DependsOn, but no component has that name.{DidYouMean(suggestions)} "
        + "Fix the name, or remove it from DependsOn.";

    public static string NoPublicConstructor(ComponentDefinition definition) =>
        $"'{definition.Name}' cannot be created: {TypeName(definition.ImplementationType!)} has no public constructor. "
        + "Add a public constructor, or mark the one to use with [Inject].";

    public static string SeveralConstructors(ComponentDefinition definition, IEnumerable<ConstructorInfo> constructors) =>
        $"'{definition.Name}' cannot be created: {TypeName(definition.ImplementationType!)} has several public constructors and none is marked [Inject]: "
        + $"{string.Join("; ", constructors.Select(Signature))}. Mark the one to use with [Inject].";

    public static string EquallyLongConstructors(ComponentDefinition definition, IReadOnlyList<ConstructorInfo> constructors) =>
        $"'{definition.Name}' cannot be created: {TypeName(definition.ImplementationType!)} has {constructors.Count} equally long public constructors "
        + $"({constructors[0].GetParameters().Length} parameter{(constructors[0].GetParameters().Length == 1 ? "" : "s")}) whose arguments can all be resolved, and none is marked [Inject]: "
        + $"{string.Join("; ", constructors.Select(Signature))}. The longest resolvable constructor is used, and these tie; "
        + "mark the one to use with [Inject], or remove the registration one of them needs.";

    public static string SeveralInjectConstructors(ComponentDefinition definition, IEnumerable<ConstructorInfo> constructors) =>
        $"'{definition.Name}' cannot be created: {TypeName(definition.ImplementationType!)} has several constructors marked [Inject]: "
        + $"{string.Join("; ", constructors.Select(Signature))}. Keep [Inject] on one of them.";

    public static string PropertyWithoutSetter(ComponentDefinition definition, PropertyInfo property) =>
        $"'{definition.Name}' cannot inject property '{property.Name}': it has no setter. "
        + "Add a setter (any accessibility will do), or inject through the constructor.";

    public static string InvalidLifecycleMethod(ComponentDefinition definition, string attribute, MethodInfo method, string rule) =>
        $"'{definition.Name}' has [{attribute}] method '{method.Name}' with an unsupported signature. {rule}";

    public const string PostConstructRule = "A [PostConstruct] method takes no parameters and returns void or Task.";
    public const string PreDestroyRule = "A [PreDestroy] method takes no parameters and returns void or Task.";
    public const string OnStartRule = "An [OnStart] method returns Task and takes no parameters or one CancellationToken.";

    public static string OnStartNeedsSingleton(ComponentDefinition definition, MethodInfo method) =>
        $"'{definition.Name}' has [OnStart] method '{method.Name}' but is {definition.Scope}-scoped. [OnStart] runs once per context, "
        + $"so only a Singleton can have it: make '{definition.Name}' a Singleton, or call the method from a singleton's [OnStart].";

    public static string LazyClassNeedsDynamicCode(Type type) =>
        $"class {TypeName(type)} gets its proxy from Castle DynamicProxy at run time, which this application does not allow (Native AOT, "
        + $"or the '{Generated.DynamicCode.Switch}' switch is off), and no generated proxy class serves it (Sprig.Generator subclasses a class injected [Lazy] in an assembly built with it when the class is unsealed, not generic nor a record, has a constructor a subclass may call, and every public member is virtual with public accessors)";

    public static string LazyClassFix(Type type) => $"Inject an interface that {TypeName(type)} implements";

    public static string NotProxyable(string component, string point, Type type, string reason, string fix) =>
        $"'{component}' cannot get a [Lazy] proxy of '{TypeName(type)}' for {point}: {reason}. {fix}, or inject Lazy<{TypeName(type)}> instead.";

    public static string CircularDependency(IReadOnlyList<string> cycle) =>
        $"Circular dependency: {Path(cycle)}. '{cycle[0]}' cannot be created, because creating it needs '{cycle[1]}', which leads back to '{cycle[0]}'. "
        + "Mark one link of the cycle [Lazy] (or inject Lazy<T> or Func<T>) so that it is resolved on first use.";

    public static string ScopeCapture(ComponentDefinition singleton, ComponentDefinition request, IReadOnlyList<string> path) =>
        $"Singleton '{singleton.Name}' depends on Request-scoped '{request.Name}' (path: {Path(path)}). A singleton outlives every request, "
        + $"so it would keep one request's instance forever. Make '{singleton.Name}' Request- or Prototype-scoped, or make '{request.Name}' a Singleton.";

    public static string MissingValue(string component, string point, string key) =>
        $"'{component}' needs configuration key '{key}' for {point}, but the key is not set. "
        + "Set it in configuration (appsettings.json, an environment variable or the command line), or give the parameter a default value.";

    public static string ValueBindingNeedsDynamicCode(string component, string point, string key, Type type) =>
        $"Cannot bind configuration section '{key}' to {TypeName(type)} for {point} of '{component}': under Native AOT Sprig binds strings, numbers, "
        + "bool, enums, TimeSpan, Guid, Uri, dates and arrays of them, and binding an object needs the configuration binder's reflection. "
        + "Inject the values one by one with [Value], or bind the object yourself (the configuration binder's source generator: EnableConfigurationBindingGenerator).";

    public static string ValueBinding(string component, string point, string key, string? raw, Type type) =>
        $"Cannot bind configuration key '{key}' (value '{raw}') to {TypeName(type)} for {point} of '{component}'. "
        + $"Set it to a valid {TypeName(type)} in configuration, or change the member's type.";

    // ---- creation, start, stop -----------------------------------------------------------------------------------

    public static string CreationFailed(string detail, IReadOnlyList<string> path) =>
        $"{Sentence(detail)} Path: {Path(path)}.";

    public static string StageThrew(string component, string stage, Exception cause) =>
        $"Creating '{component}' failed: {stage} threw {cause.GetType().Name}: {cause.Message}";

    public static string FactoryReturnedNull(string component, string stage) =>
        $"Creating '{component}' failed: {stage} returned null. A factory must return the component; register nothing instead "
        + "(or use a condition) when there is nothing to provide.";

    public static string UsedWhileCreating(IReadOnlyList<string> cycle) =>
        $"'{cycle[0]}' was needed while it was still being created ({Path(cycle)}): a [Lazy] link (or Lazy<T> / Func<T>) was used inside a "
        + $"constructor or [PostConstruct] method, and what it reached needs '{cycle[0]}' again. "
        + "Use the lazy link only after creation, e.g. in an [OnStart] method or a later call.";

    public static string StartFailed(string component, MethodInfo method, Exception cause, IReadOnlyList<string> path) =>
        $"Starting '{component}' failed: [OnStart] method '{method.Name}' threw {cause.GetType().Name}: {Sentence(cause.Message)}"
        + (path.Count > 1 ? $" Path: {Path(path)}." : "")
        + " Refresh stopped and destroyed what it had created; fix the hook or what it uses, or catch the failure inside the hook if the component can run without it.";

    public static string StopFailed(string component, string stage, Exception cause) =>
        $"Stopping '{component}' failed: {stage} threw {cause.GetType().Name}: {cause.Message}";

    public static string RefreshProblems(IReadOnlyList<ContainerException> problems) =>
        Numbered($"Refresh found {problems.Count} problems; nothing was created:", problems);

    public static string EndpointJsonProblems(IReadOnlyList<ContainerException> problems) =>
        Numbered($"Refresh stopped: {problems.Count} endpoint {(problems.Count == 1 ? "type has" : "types have")} no JSON metadata, so every call of "
            + $"{(problems.Count == 1 ? "that endpoint" : "those endpoints")} would fail; the components refresh created were destroyed:", problems);

    public static string ShutdownProblems(IReadOnlyList<ContainerException> problems) =>
        Numbered($"Shutdown finished, but stopping components failed {problems.Count} times:", problems);

    public static string Bug(string what) => $"{what} This is a bug in Sprig; please report it with the stack trace.";

    // ---- endpoints ----------------------------------------------------------------------------------------------------

    public static string DuplicateEndpoint(string address, MethodInfo first, MethodInfo second) =>
        $"Two endpoints have the address '{address}': {MethodSignature(first)} and {MethodSignature(second)}. "
        + "Give one of them another name with [Endpoint(\"name\")], or remove [Endpoint] from one of them.";

    public static string EndpointAddressesDifferInCase(string first, MethodInfo firstMethod, string second, MethodInfo secondMethod) =>
        $"Two endpoints have addresses that differ only in case: '{first}' ({MethodSignature(firstMethod)}) and '{second}' ({MethodSignature(secondMethod)}). "
        + "HTTP routes and NATS subjects ignore case, so no caller could tell them apart. Give one of them another name with [Endpoint(\"name\")].";

    public static string EndpointOpenGeneric(string address, MethodInfo method) =>
        $"Endpoint '{address}' ({MethodSignature(method)}) cannot be served: it is a generic method, and a call with JSON arguments cannot say "
        + "what its type parameters are. Remove the type parameters, or add a non-generic [Endpoint] method that calls it with concrete types.";

    public const string EndpointResultNotGenerated =
        "it returns Task<T>, ValueTask<T> or IAsyncEnumerable<T>, and its generated call does not hand the result over boxed (its assembly was built by a "
        + "Sprig.Generator older than this Sprig.Core); reading the result otherwise takes generic code made at run time, which only the reflection fallback "
        + "makes, and the fallback does not run under Native AOT. Rebuild the assembly with this version's Sprig.Generator, or run with JIT.";

    public const string EndpointCallNotGenerated =
        "Sprig.Generator generated no call of it (its class is in an assembly built without the generator, or the generator cannot name it), and the reflection "
        + "fallback does not run under Native AOT. Build the class's assembly with Sprig.Generator and make the class and method accessible to it, or run with JIT.";

    public static string EndpointNotGenerated(string address, MethodInfo method, string why) =>
        $"Endpoint '{address}' ({MethodSignature(method)}) cannot be served: {why}";

    public static string EndpointJsonMetadataMissing(string address, string? parameter, Type type) =>
        $"Endpoint '{address}' cannot {(parameter is null ? "send its result" : $"bind parameter '{parameter}'")} ({TypeName(type)}): no JSON resolver has metadata for "
        + $"{TypeName(type)}, and System.Text.Json cannot make it by reflection (Native AOT, or the '{Generated.DynamicCode.Switch}' switch is off). "
        + $"Add [JsonSerializable(typeof({TypeName(type)}))] to a JsonSerializerContext of the application and register it as a component "
        + "(RegisterInstance(\"json\", AppJson.Default), or a [Bean]).";

    public static string EndpointParameterUnsupported(string address, MethodInfo method, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var (what, fix) = type.IsByRef
            ? ($"is passed by reference ({Passing(parameter)})", "Take it by value, and return what the caller needs back as part of the result.")
            : type.IsByRefLike
                ? ($"is a ref struct ({TypeName(type)})", "Take an array or a List<T> instead.")
                : ($"is a pointer ({PointerName(type)})", "Take a value or an array instead.");
        return $"Endpoint '{address}' ({MethodSignature(method)}) cannot be served: parameter '{parameter.Name}' {what}, "
            + $"but endpoint arguments arrive as JSON values. {fix}";
    }

    public static string EndpointReturnUnsupported(string address, MethodInfo method) =>
        $"Endpoint '{address}' ({MethodSignature(method)}) cannot be served: it returns {TypeName(method.ReturnType)}, which cannot be sent as JSON. "
        + "Return a value, Task<T>, ValueTask<T>, Task, ValueTask, void or IAsyncEnumerable<T>.";

    public static string ForeignRequestServices(string address, IServiceProvider provider) =>
        $"A call of '{address}' was given the request services {TypeName(provider.GetType())}, which are not a scope of the context that serves it. "
        + "Pass a scope this context created (CreateScope().ServiceProvider, or the request services of a host that UseSprig made this context its container), or none: the call then opens a scope of its own.";

    public static string EndpointNotFound(string address, IReadOnlyList<string> suggestions) =>
        $"No endpoint has the address '{address}'.{DidYouMean(suggestions)} An address is '{{namespace}}/{{component}}/{{endpoint}}'; "
        + "check it, and check that the method is marked [Endpoint] and that its component is registered and not excluded by a condition.";

    public static string EndpointStreams(string address, MethodInfo method) =>
        $"Endpoint '{address}' streams its results (it returns {TypeName(method.ReturnType)}), so InvokeAsync cannot call it. "
        + "Call StreamAsync and enumerate the items.";

    public static string EndpointDoesNotStream(string address, Type? resultType) =>
        $"Endpoint '{address}' returns {(resultType is null ? "no result" : $"a single {TypeName(resultType)}")}, so StreamAsync cannot call it. "
        + "Call InvokeAsync, or make the method return IAsyncEnumerable<T> to stream.";

    public static string EndpointsNotRunning(string address, ContextState state) =>
        $"Cannot call endpoint '{address}': the context is {state}. Call endpoints only between Refresh() and Shutdown().";

    public static string EndpointArgumentMissing(string address, string parameter, Type type, string path, bool single) =>
        single
            ? $"Endpoint '{address}' needs parameter '{parameter}' ({TypeName(type)}), but no arguments were sent. "
                + "Send its value as the arguments, or give the parameter a default value to make it optional."
            : $"Endpoint '{address}' needs parameter '{parameter}' ({TypeName(type)}) at '{path}', but the arguments object does not have it. "
                + $"Send it as \"{path[2..]}\", or give the parameter a default value to make it optional.";

    /// <summary>How System.Text.Json's message starts when a JSON value has the wrong kind for its .NET type.</summary>
    public const string JsonConversionFailed = "The JSON value could not be converted to ";

    public static string EndpointArgumentInvalid(string address, string parameter, Type type, string path, Exception cause, (System.Text.Json.JsonValueKind Kind, Type Type)? mismatch) =>
        $"Endpoint '{address}' cannot bind parameter '{parameter}' ({TypeName(type)}): "
        + (mismatch is { } found
            ? $"the JSON at '{path}' is {JsonKind(found.Kind, article: true)}, which does not convert to {TypeName(found.Type)}. Send a valid {TypeName(found.Type)} there."
            : $"the JSON at '{path}' does not fit ({JsonReason(cause)}). Send a JSON value that converts to {TypeName(type)}.");

    public static string EndpointArgumentsNotObject(string address, IReadOnlyList<string> parameters, System.Text.Json.JsonValueKind kind) =>
        $"Endpoint '{address}' takes {parameters.Count} parameters ({string.Join(", ", parameters)}), so its arguments must be a JSON object of "
        + $"named parameters (camelCase), e.g. {{{string.Join(", ", parameters.Select(p => $"\"{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p)}\": ..."))}}}, "
        + $"but they are a JSON {JsonKind(kind)}.";

    public static string EndpointMalformedJson(string address, string path, System.Text.Json.JsonException cause) =>
        $"The arguments of endpoint '{address}' are not valid JSON: {JsonReason(cause)} (at '{path}'"
        + (cause.LineNumber is { } line && cause.BytePositionInLine is { } position ? $", line {line + 1}, byte {position + 1}" : "")
        + "). Send the single parameter's value, or an object of named parameters (camelCase).";

    public static string MethodSignature(MethodInfo method)
    {
        var generic = method.IsGenericMethod ? $"<{string.Join(", ", method.GetGenericArguments().Select(TypeName))}>" : "";
        var parameters = method.GetParameters().Select(p =>
            p.ParameterType.IsByRef ? $"{Passing(p)} {PointerName(p.ParameterType.GetElementType()!)} {p.Name}" : $"{PointerName(p.ParameterType)} {p.Name}");
        return $"{TypeName(method.DeclaringType!)}.{method.Name}{generic}({string.Join(", ", parameters)})";
    }

    private static string PointerName(Type type) => type.IsPointer ? PointerName(type.GetElementType()!) + "*" : TypeName(type);

    private static string Passing(ParameterInfo parameter) =>
        parameter.IsOut ? "out" : parameter.IsIn ? "in" : "ref";

    // The serializer's own reason without its location, which the message already gives relative to the whole arguments.
    private static string JsonReason(Exception cause)
    {
        var text = cause.Message;
        foreach (var tail in new[] { " Path: ", " LineNumber: " })
        {
            var at = text.IndexOf(tail, StringComparison.Ordinal);
            if (at >= 0)
            {
                text = text[..at];
            }
        }

        return text.TrimEnd().TrimEnd('.');
    }

    private static string JsonKind(System.Text.Json.JsonValueKind kind, bool article = false) => kind switch
    {
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => article ? "a boolean" : "boolean",
        System.Text.Json.JsonValueKind.Null => "null",
        System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.Array when article => "an " + kind.ToString().ToLowerInvariant(),
        _ => (article ? "a " : "") + kind.ToString().ToLowerInvariant(),
    };

    // ---- shared pieces -------------------------------------------------------------------------------------------

    public static string Path(IReadOnlyList<string> path) => string.Join(" -> ", path);

    /// <summary>Ends a text (often an exception's message) with a full stop, so that the next sentence can follow it.</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }

    public static string Describe(ComponentDefinition definition) => definition.Kind switch
    {
        ComponentKind.Instance => $"an instance of {TypeName(definition.Type)}",
        ComponentKind.Factory => definition.Factory == FactoryKind.Provider
            ? $"provider {TypeName(definition.Source)}"
            : $"[Bean] method {TypeName(definition.Source)}.{definition.FactoryMethod!.Name}",
        _ => TypeName(definition.ImplementationType ?? definition.Type),
    };

    public static string TypeName(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        var outer = type.IsNested && type.DeclaringType is { } declaring && !declaring.IsGenericTypeDefinition ? TypeName(declaring) + "." : "";
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        if (!type.IsGenericType || tick < 0)
        {
            return outer + type.Name;
        }

        return $"{outer}{type.Name[..tick]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(char)] = "char", [typeof(short)] = "short",
        [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long", [typeof(ulong)] = "ulong",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(string)] = "string", [typeof(object)] = "object",
    };

    private static string List(IReadOnlyList<ComponentDefinition> candidates) =>
        string.Join(", ", candidates.Select(c => $"'{c.Name}' ({Describe(c)})"));

    private static string DidYouMean(IReadOnlyList<string> suggestions) => NameSuggestions.DidYouMean(suggestions);

    private static string Signature(ConstructorInfo constructor) =>
        $"{TypeName(constructor.DeclaringType!)}({string.Join(", ", constructor.GetParameters().Select(p => $"{TypeName(p.ParameterType)} {p.Name}"))})";

    private static string Numbered(string header, IReadOnlyList<ContainerException> problems)
    {
        var text = new StringBuilder(header);
        for (var i = 0; i < problems.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(problems[i].Message);
        }

        return text.ToString();
    }
}
