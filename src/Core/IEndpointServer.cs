namespace Sprig;

/// <summary>
/// Serves a context's endpoints to other processes. A component implementing this interface is started by the context after
/// every [OnStart] hook has run (so when <see cref="ApplicationContext.Refresh"/> returns, the endpoints are being served) and
/// stopped when the context shuts down, before any component is destroyed, so that in-flight calls can finish.
/// </summary>
public interface IEndpointServer
{
    /// <summary>Starts serving the context's endpoints.</summary>
    /// <param name="context">The running context whose <see cref="ApplicationContext.Endpoints"/> are served.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the endpoints are being served.</returns>
    Task StartServingAsync(ApplicationContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Stops taking calls and waits (bounded by the server's own timeout) for the calls in flight to finish. Also called after a
    /// refresh that failed, so it must do nothing harmful for a server that did not start.
    /// </summary>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    Task StopServingAsync(CancellationToken cancellationToken);
}
