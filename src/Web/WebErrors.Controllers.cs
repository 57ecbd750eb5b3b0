using Sprig.Web.Generated;

namespace Sprig.Web;

/// <summary>The texts of controllers served through generated code (without dynamic code): RequestDelegateFactory's words where it has them.</summary>
internal static partial class WebErrors
{
    public static string NotProvided(string typeName, string name, BindingSource source) =>
        $"Required parameter \"{typeName} {name}\" was not provided from {Source(source)}.";

    public static string BindingFailed(string typeName, string name, string text) =>
        $"Failed to bind parameter \"{typeName} {name}\" from \"{text}\".";

    public static string NotJson(string? contentType) => $"Expected a supported JSON media type but got \"{contentType}\".";

    public static string BadJson(string typeName, string name) => $"Failed to read parameter \"{typeName} {name}\" from the request body as JSON.";

    public static string NoImplicitBody(string name) =>
        $"Implicit body inferred for parameter \"{name}\" but no body was provided. Did you mean to use a Service instead?";

    public static string NotARouteParameter(string key, string typeName, string name) =>
        $"parameter \"{typeName} {name}\" says [FromRoute] '{key}', which is not a parameter of the route.";

    public static string NoInferredBody(string typeName, string name) =>
        $"parameter \"{typeName} {name}\" would be read from the JSON body, which this verb does not read unless the parameter says so, "
        + $"and {typeName} is not a service. Mark it [FromBody] (or [FromServices], or [FromQuery] on a type with a TryParse method), or register {typeName} as a service.";

    public static string TwoBodies(string first, string second) =>
        $"parameters \"{first}\" and \"{second}\" would both be read from the request body, which is read once. Mark all but one [FromServices], [FromQuery] or [FromRoute], or take one parameter holding both.";

    public static string NoJsonMetadata(string what, string typeName) =>
        $"{what} needs JSON metadata for {typeName}, and the application's JSON options have none (without dynamic code System.Text.Json has no reflection). "
        + $"Add [JsonSerializable(typeof({typeName}))] to a JsonSerializerContext and pass it to builder.Services.ConfigureHttpJsonOptions(o => "
        + "o.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJson.Default)), or register the context as a component (RegisterInstance(\"json\", AppJson.Default)).";

    public static string NoRuntimeJsonMetadata(string? action, Type type) =>
        $"The action {action ?? "(unknown)"} returned a value of type {type.Name}, and the application's JSON options have no metadata for it (without dynamic code "
        + $"System.Text.Json has no reflection). Add [JsonSerializable(typeof({type.Name}))] to the application's JsonSerializerContext, or declare "
        + $"{type.Name} as the action's result type so that MapSprig checks its metadata at start-up.";

    public static string NotGenerated(IReadOnlyList<string> controllers) =>
        $"Cannot serve the controller{(controllers.Count == 1 ? "" : "s")} {string.Join(", ", controllers.Select(c => $"'{c}'"))}: without dynamic code (Native AOT, "
        + "or the 'Sprig.IsDynamicCodeSupported' switch is off) Sprig.Web serves controllers through request delegates that Sprig.Generator writes at build time, "
        + $"and {(controllers.Count == 1 ? "its" : "their")} assembly has none. Build the assembly with the generator (reference Sprig.Core's package, or Sprig.Generator "
        + "as an analyzer, and leave the SprigGenerator property on), make the class public or internal (not nested in a private class), "
        + "or serve the methods as [Endpoint]s.";

    public static string EndpointFiltersNeedDynamicCode(string route) =>
        $"Cannot serve {route} with endpoint filters: without dynamic code Sprig.Web serves controllers through generated request delegates, which do not run "
        + "endpoint filters (AddEndpointFilter on MapSprig's group or the route). Serve the action as an [Endpoint], or move the filter's work into middleware.";

    private static string Source(BindingSource source) => source switch
    {
        BindingSource.Route => "route",
        BindingSource.Query => "query string",
        BindingSource.Header => "header",
        _ => "body",
    };
}
