using System.Diagnostics.CodeAnalysis;

namespace Sprig.Diagnostics;

/// <summary>
/// The throws of resolution's hot paths, out of line so that the callers stay small enough to inline (as the runtime's own
/// <c>ThrowHelper</c>). Texts come from <see cref="Errors"/>.
/// </summary>
internal static class ThrowHelper
{
    /// <summary>Resolution on a context that is not running: <see cref="ObjectDisposedException"/> after shutdown, as MS.DI's provider.</summary>
    [DoesNotReturn]
    public static void NotRunning(ContextState state) =>
        throw (state is ContextState.Stopping or ContextState.Stopped
            ? new ObjectDisposedException(null, Errors.NotRunning(state))
            : new InvalidOperationException(Errors.NotRunning(state)));

    /// <summary>A Request component resolved outside a request scope.</summary>
    [DoesNotReturn]
    public static object RequestScopeRequired(string component) =>
        throw new ContainerException(Errors.RequestScopeRequired(component), component, null);

    /// <summary>A Scoped service descriptor resolved from the root while the host validates scopes.</summary>
    [DoesNotReturn]
    public static object ScopedFromRoot(Type type, string component) =>
        throw new InvalidOperationException(Errors.ScopedFromRoot(type, component));

    /// <summary>Resolution in a request scope that was disposed.</summary>
    [DoesNotReturn]
    public static void ScopeDisposed(string component) =>
        throw new ContainerException(Errors.ScopeDisposed(component), component, null);

    /// <summary>A feature of the reflection fallback used where dynamic code is off (see <see cref="Generated.DynamicCode"/>).</summary>
    [DoesNotReturn]
    public static T DynamicCodeUnavailable<T>(string what, string? advice = null) =>
        throw new NotSupportedException(Errors.DynamicCodeUnavailable(what, advice));
}
