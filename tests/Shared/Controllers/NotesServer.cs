using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig.Web;

namespace Sprig.Tests.Controllers;

/// <summary>The notes served by <c>ServeAsync</c> (authentication on, nobody can sign in): a route that requires a user answers 401.</summary>
public sealed class NotesServer : IAsyncDisposable
{
    private readonly ApplicationContext _context;
    private readonly SprigServer _server;

    private NotesServer(ApplicationContext context, SprigServer server)
    {
        _context = context;
        _server = server;
        Client = new HttpClient { BaseAddress = server.BaseAddress };
    }

    /// <summary>Gets a client of the server.</summary>
    public HttpClient Client { get; }

    /// <summary>Refreshes a context with the notes and their JSON metadata, and serves it on a free port.</summary>
    public static async Task<NotesServer> StartAsync()
    {
        var context = new ApplicationContext(
            new PendingRegistry().Register<NoteStore>().Register<NoteController>().RegisterInstance("json", NoteJson.Default),
            new ConfigurationBuilder().AddInMemoryCollection([new("aot.web.controllers", "true")]).Build(),
            NullLoggerFactory.Instance);
        await context.RefreshAsync();
        return new NotesServer(context, await context.ServeAsync("http://127.0.0.1:0"));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        await _context.DisposeAsync();
    }
}
