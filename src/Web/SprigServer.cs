using Microsoft.AspNetCore.Builder;

namespace Sprig.Web;

/// <summary>A running Kestrel server for a context, started by <see cref="SprigWeb.ServeAsync"/>.</summary>
public sealed class SprigServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal SprigServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the address the server listens on, with the port Kestrel chose for ":0".</summary>
    public Uri BaseAddress { get; }

    /// <summary>Stops the server gracefully; the context keeps running.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public Task StopAsync() => _app.StopAsync();

    /// <summary>Stops the server and releases it.</summary>
    /// <returns>A task that completes when the server is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
