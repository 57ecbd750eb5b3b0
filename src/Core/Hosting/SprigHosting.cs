using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Sprig.Diagnostics;
using Sprig.Endpoints;
using Sprig.Lifetime;
using Sprig.Remoting;

namespace Sprig.Hosting;

/// <summary>
/// The seams a host or transport (Sprig.Web, a custom server) uses to serve a context's endpoints the way Sprig's own
/// transports do: the same failure texts and statuses, the same environment rules, the same request scopes.
/// </summary>
/// <example>
/// <code>
/// catch (Exception ex)
/// {
///     var failure = SprigHosting.DescribeFailure(ex, address, SprigHosting.IncludeFailureDetails(context.Configuration));
///     await WriteProblemAsync(failure.Status, failure.Title, failure.Detail);
/// }
/// </code>
/// </example>
public static class SprigHosting
{
    /// <summary>
    /// Gets whether Sprig's reflection fallback may run here: false under Native AOT or when the application turns the
    /// <c>Sprig.IsDynamicCodeSupported</c> switch off. A host guards what needs code generated at run time with it (Sprig.Web's
    /// controllers, bound by ASP.NET Core's RequestDelegateFactory); the trimmer and the AOT compiler remove what it guards.
    /// </summary>
    [FeatureSwitchDefinition(Generated.DynamicCode.Switch)]
    [FeatureGuard(typeof(RequiresDynamicCodeAttribute))]
    [FeatureGuard(typeof(RequiresUnreferencedCodeAttribute))]
    [UnconditionalSuppressMessage("Trimming", "IL4000", Justification = "The same guard as Sprig's own (Generated.DynamicCode.IsSupported): an expression of RuntimeFeature.IsDynamicCodeSupported, false under Native AOT.")]
    public static bool IsDynamicCodeSupported => System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported && Generated.DynamicCode.SwitchOn;

    /// <summary>
    /// The start of the NDJSON line that ends a streamed HTTP answer with a failure: <c>error: </c> followed by the problem as
    /// JSON. Sprig's HTTP transport reads such a line as the stream's failure, never as an item.
    /// </summary>
    public const string StreamFailurePrefix = HttpEndpointTransport.StreamFailurePrefix;

    /// <summary>
    /// Describes an endpoint's failure the way every Sprig transport sends it: binding errors are 400 with the parameter,
    /// unknown addresses 404 with suggestions, a failed nested call keeps its status, anything else is a 500 that carries the
    /// exception's type and message only when <paramref name="includeDetails"/> (never a stack trace).
    /// </summary>
    /// <param name="exception">What the call threw.</param>
    /// <param name="address">The address that was called.</param>
    /// <param name="includeDetails">Whether the exception's type and message may leave the process (<see cref="IncludeFailureDetails"/>).</param>
    /// <returns>The failure to send.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> or <paramref name="address"/> is null.</exception>
    public static EndpointFailure DescribeFailure(Exception exception, string address, bool includeDetails)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(address);
        var failure = RemoteFailure.From(exception, address, includeDetails);
        return new EndpointFailure(failure.Status, failure.Title, failure.Detail)
        {
            Parameter = failure.Parameter,
            Path = failure.Path,
            ExceptionType = failure.ExceptionType,
            NotStarted = failure.NotStarted,
            RetryAfterSeconds = failure.RetryAfterSeconds,
            Suggestions = failure.Suggestions,
        };
    }

    /// <summary>
    /// Tells whether a serving process sends the type and message of an endpoint's exception: only in the Development
    /// environment (<see cref="EnvironmentName"/>, or the host's when <paramref name="hostIsDevelopment"/>), or when
    /// <c>Sprig:Remoting:ExceptionDetails</c> is true; that setting, when present, decides alone.
    /// </summary>
    /// <param name="configuration">The serving context's configuration.</param>
    /// <param name="hostIsDevelopment">Whether the host that serves the calls (ASP.NET Core's IHostEnvironment) is in Development.</param>
    /// <returns>Whether failures carry exception details.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    public static bool IncludeFailureDetails(IConfiguration configuration, bool hostIsDevelopment = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return RemoteFailure.IncludeDetails(configuration, hostIsDevelopment);
    }

    /// <summary>Reads the environment a context's configuration names (<c>environment</c>, <c>DOTNET_ENVIRONMENT</c>, <c>ASPNETCORE_ENVIRONMENT</c>), or null.</summary>
    /// <param name="configuration">The context's configuration.</param>
    /// <returns>The environment's name, or null when none is set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    public static string? EnvironmentName(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return RemoteFailure.EnvironmentName(configuration);
    }

    /// <summary>
    /// Tells whether <paramref name="provider"/> is a request scope's provider of <paramref name="context"/>, or the context
    /// itself: such a provider resolves the context's components, and an <see cref="EndpointInvocation.RequestServices"/> may return it.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="provider">A service provider, e.g. ASP.NET Core's <c>HttpContext.RequestServices</c>.</param>
    /// <returns>True for the context and for the scopes it created; false for any other provider (another container's, another context's).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public static bool IsScopeOf(this ApplicationContext context, IServiceProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ReferenceEquals(provider, context) || (provider is RequestScope scope && scope.Context == context);
    }

    /// <summary>
    /// Returns the exception for an address the catalog does not serve, suggesting the closest addresses among those
    /// <paramref name="visible"/> accepts (so that a suggestion never reveals an endpoint the caller may not call).
    /// </summary>
    /// <param name="catalog">A context's <see cref="ApplicationContext.Endpoints"/>.</param>
    /// <param name="address">The address asked for.</param>
    /// <param name="visible">Which addresses may be suggested; null for all.</param>
    /// <returns>The exception, with its message and <see cref="EndpointNotFoundException.Suggestions"/>; not thrown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> or <paramref name="address"/> is null.</exception>
    public static EndpointNotFoundException NotFound(this IEndpointCatalog catalog, string address, Func<string, bool>? visible = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(address);
        visible ??= _ => true;
        if (catalog is EndpointCatalog sprig)
        {
            return sprig.NotFound(address, visible);
        }

        var suggestions = NameSuggestions.For(address, catalog.Select(e => e.Address).Where(visible));
        return new EndpointNotFoundException(Errors.EndpointNotFound(address, suggestions), address, suggestions);
    }

    /// <summary>Formats a method the way Sprig's messages name it: <c>Type.Method(int id, string name)</c>.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The declaring type's short name, the method's name, type arguments and parameters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> is null.</exception>
    public static string MethodDisplayName(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return Errors.MethodSignature(method);
    }
}
