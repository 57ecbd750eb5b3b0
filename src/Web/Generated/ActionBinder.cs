using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Web.Generated;

/// <summary>
/// What a generated action's request delegate is made with, once its route is known (<c>MapSprig</c>): a binder per parameter,
/// chosen by RequestDelegateFactory's rules (a simple type from the route when the route names it, else the query string; a
/// complex type from the services when they have it, else the JSON body), and a writer of the result. What cannot be bound is
/// collected, and <c>MapSprig</c> reports it naming the action and the parameter. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Generated code calls every binder method on the instance it is given, whether or not the method reads its state.")]
public sealed class ActionBinder
{
    private readonly IReadOnlySet<string> _routeParameters;
    private readonly IServiceProviderIsService? _services;
    private readonly JsonSerializerOptions _json;
    private readonly bool _inferBody;
    private readonly List<string> _problems = [];
    private readonly List<(bool Optional, bool HasTryParse)> _parameters = [];
    private string? _body;

    internal ActionBinder(IReadOnlySet<string> routeParameters, IServiceProvider services, JsonSerializerOptions json, bool inferBody)
    {
        _routeParameters = routeParameters;
        _services = services.GetService<IServiceProviderIsService>();
        _json = json;
        _inferBody = inferBody;
    }

    /// <summary>Gets what could not be bound, one sentence each.</summary>
    internal IReadOnlyList<string> Problems => _problems;

    /// <summary>
    /// Gets the parameters in order, as <see cref="Parameter"/> started them: whether each is optional, and whether it is parsed
    /// from text because nothing else says where it comes from (RequestDelegateFactory's description for OpenAPI).
    /// </summary>
    internal IReadOnlyList<(bool Optional, bool HasTryParse)> Parameters => _parameters;

    /// <summary>Gets the type of the JSON body the action reads and whether it may be missing, or null when it reads none.</summary>
    internal (Type Type, bool Optional)? BodyType { get; private set; }

    /// <summary>
    /// Starts the method's next parameter: generated code calls it for every parameter in order, then the binder method of a
    /// parameter that needs one (a parameter passed from the request itself, an <c>HttpContext</c> ..., needs none).
    /// </summary>
    /// <param name="optional">Whether the parameter is optional as RequestDelegateFactory says: it has a default, or it may be null.</param>
    /// <returns>This binder, for the parameter's binder method.</returns>
    public ActionBinder Parameter(bool optional)
    {
        _parameters.Add((optional, false));
        return this;
    }

    /// <summary>Binds a simple parameter from the route when the route has a parameter of its name, else from the query string.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="name">The parameter's name.</param>
    /// <param name="typeName">The type's name as messages show it (<c>int</c>).</param>
    /// <param name="parse">Parses the text; null for a string.</param>
    /// <param name="optional">Whether a missing value gives <paramref name="defaultValue"/> (a nullable parameter or one with a default).</param>
    /// <param name="defaultValue">The value when optional and missing.</param>
    /// <returns>The binder.</returns>
    public ParameterBinder<T> Value<T>(string name, string typeName, ValueParser<T>? parse, bool optional, T defaultValue)
    {
        Parsed();
        return new TextBinder<T>(_routeParameters.Contains(name) ? BindingSource.Route : BindingSource.Query, name, name, typeName, parse, optional, defaultValue);
    }

    /// <summary>Binds a <c>[FromRoute]</c> parameter.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="key">The route parameter's name.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="typeName">The type's name as messages show it.</param>
    /// <param name="parse">Parses the text; null for a string.</param>
    /// <param name="optional">Whether a missing value gives <paramref name="defaultValue"/>.</param>
    /// <param name="defaultValue">The value when optional and missing.</param>
    /// <returns>The binder.</returns>
    public ParameterBinder<T> Route<T>(string key, string name, string typeName, ValueParser<T>? parse, bool optional, T defaultValue)
    {
        if (!_routeParameters.Contains(key))
        {
            _problems.Add(WebErrors.NotARouteParameter(key, typeName, name));
        }

        return new TextBinder<T>(BindingSource.Route, key, name, typeName, parse, optional, defaultValue);
    }

    /// <summary>Binds a <c>[FromQuery]</c> parameter.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="key">The query string's name.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="typeName">The type's name as messages show it.</param>
    /// <param name="parse">Parses the text; null for a string.</param>
    /// <param name="optional">Whether a missing value gives <paramref name="defaultValue"/>.</param>
    /// <param name="defaultValue">The value when optional and missing.</param>
    /// <returns>The binder.</returns>
    public ParameterBinder<T> Query<T>(string key, string name, string typeName, ValueParser<T>? parse, bool optional, T defaultValue) =>
        new TextBinder<T>(BindingSource.Query, key, name, typeName, parse, optional, defaultValue);

    /// <summary>Binds a <c>[FromHeader]</c> parameter.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="key">The header's name.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="typeName">The type's name as messages show it.</param>
    /// <param name="parse">Parses the text; null for a string.</param>
    /// <param name="optional">Whether a missing value gives <paramref name="defaultValue"/>.</param>
    /// <param name="defaultValue">The value when optional and missing.</param>
    /// <returns>The binder.</returns>
    public ParameterBinder<T> Header<T>(string key, string name, string typeName, ValueParser<T>? parse, bool optional, T defaultValue) =>
        new TextBinder<T>(BindingSource.Header, key, name, typeName, parse, optional, defaultValue);

    /// <summary>
    /// Binds an array of a simple type without an attribute: from the query string's values of its name when the verb reads no
    /// body unless told (GET, HEAD, DELETE, OPTIONS), else from the JSON body, as RequestDelegateFactory infers it.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="name">The parameter's name.</param>
    /// <param name="typeName">The array type's name as messages show it (<c>int[]</c>).</param>
    /// <param name="parse">Parses an element; null for strings.</param>
    /// <param name="optional">Whether no body gives null (a nullable parameter or one with a default).</param>
    /// <param name="optionalElements">Whether an empty element stays default instead of failing to parse.</param>
    /// <returns>The binder.</returns>
    public ParameterBinder<T[]> Values<T>(string name, string typeName, ValueParser<T>? parse, bool optional, bool optionalElements)
    {
        if (_inferBody)
        {
            return BodyOf<T[]>(name, typeName, optional, inferred: true);
        }

        Parsed();
        return new ArrayBinder<T>(BindingSource.Query, name, name, typeName, parse, optionalElements);
    }

    /// <summary>Binds a <c>[FromQuery]</c> or <c>[FromHeader]</c> array parameter from every value of its key.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="header">Whether the values are a header's (else the query string's).</param>
    /// <param name="key">The query string's or header's name.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="typeName">The array type's name as messages show it.</param>
    /// <param name="parse">Parses an element; null for strings.</param>
    /// <param name="optionalElements">Whether an empty element stays default instead of failing to parse.</param>
    /// <returns>The binder.</returns>
    public ParameterBinder<T[]> Values<T>(bool header, string key, string name, string typeName, ValueParser<T>? parse, bool optionalElements) =>
        new ArrayBinder<T>(header ? BindingSource.Header : BindingSource.Query, key, name, typeName, parse, optionalElements);

    /// <summary>Binds a <c>[FromBody]</c> parameter from the JSON body.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="name">The parameter's name.</param>
    /// <param name="typeName">The type's name as messages show it.</param>
    /// <param name="optional">Whether no body gives null (a nullable parameter, one with a default, or <c>[FromBody(AllowEmpty = true)]</c>).</param>
    /// <returns>The binder.</returns>
    public ParameterBinder<T> Body<T>(string name, string typeName, bool optional) => BodyOf<T>(name, typeName, optional, inferred: false);

    /// <summary>
    /// Binds a complex parameter without an attribute: from the services when they have its type, else from the JSON body (which a
    /// GET, HEAD, DELETE or OPTIONS action does not read unless told).
    /// </summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="name">The parameter's name.</param>
    /// <param name="typeName">The type's name as messages show it.</param>
    /// <param name="optional">Whether a missing value is allowed (a nullable parameter or one with a default).</param>
    /// <returns>The binder.</returns>
    public ParameterBinder<T> Inferred<T>(string name, string typeName, bool optional)
    {
        if (_services?.IsService(typeof(T)) == true)
        {
            return new ServiceBinder<T>(keyed: false, key: null, optional);
        }

        if (!_inferBody)
        {
            _problems.Add(WebErrors.NoInferredBody(typeName, name));
            return Refused<T>();
        }

        return BodyOf<T>(name, typeName, optional, inferred: true);
    }

    /// <summary>Binds a <c>[FromServices]</c> parameter from the request's services.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="optional">Whether a missing service gives null.</param>
    /// <returns>The binder.</returns>
    public ParameterBinder<T> Service<T>(bool optional) => new ServiceBinder<T>(keyed: false, key: null, optional);

    /// <summary>Binds a <c>[FromKeyedServices]</c> parameter from the request's services.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="key">The service's key.</param>
    /// <param name="optional">Whether a missing service gives null.</param>
    /// <returns>The binder.</returns>
    public ParameterBinder<T> KeyedService<T>(object? key, bool optional) => new ServiceBinder<T>(keyed: true, key, optional);

    /// <summary>Returns the writer of a result of type <typeparamref name="T"/>: JSON through the application's metadata.</summary>
    /// <typeparam name="T">The declared result type (after awaiting).</typeparam>
    /// <param name="typeName">The type's name as messages show it.</param>
    /// <returns>The writer.</returns>
    public ResultWriter<T> Result<T>(string typeName)
    {
        JsonTypeInfo? info = null;
        if (typeof(T) != typeof(object) && !_json.TryGetTypeInfo(typeof(T), out info))
        {
            _problems.Add(WebErrors.NoJsonMetadata($"its result ({typeName})", typeName));
        }

        return new ResultWriter<T>(info as JsonTypeInfo<T>, _json);
    }

    private ParameterBinder<T> BodyOf<T>(string name, string typeName, bool optional, bool inferred)
    {
        if (_body is not null)
        {
            _problems.Add(WebErrors.TwoBodies(_body, $"{typeName} {name}"));
        }

        _body = $"{typeName} {name}";
        BodyType = (typeof(T), optional);
        if (!_json.TryGetTypeInfo(typeof(T), out var info) || info is not JsonTypeInfo<T> typed)
        {
            _problems.Add(WebErrors.NoJsonMetadata($"parameter \"{typeName} {name}\", read from the JSON body,", typeName));
            return Refused<T>();
        }

        return new BodyBinder<T>(name, typeName, typed, optional, inferred);
    }

    // Marks the current parameter as parsed from text, inferred (a string or TryParse type from the route or the query string).
    private void Parsed()
    {
        if (_parameters.Count > 0)
        {
            _parameters[^1] = (_parameters[^1].Optional, true);
        }
    }

    // A binder for a parameter already reported: MapSprig throws before any request can use it.
    private static ServiceBinder<T> Refused<T>() => new(keyed: false, key: null, optional: true);
}
