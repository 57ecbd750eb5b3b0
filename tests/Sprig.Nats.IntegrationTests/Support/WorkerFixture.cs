namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// One nats-server and one worker shared by the tests of a class. The tests of such a class call endpoints that do not
/// interfere (each uses its own gate or tag), so they can share the processes and keep the suite fast.
/// </summary>
public abstract class WorkerFixture : IAsyncLifetime
{
    internal NatsServer Server { get; private set; } = null!;

    internal WorkerProcess Worker { get; private set; } = null!;

    /// <summary>Gets the worker's DOTNET_ENVIRONMENT.</summary>
    protected virtual string Environment => "Production";

    /// <summary>Gets the worker's extra configuration, as "Key=Value".</summary>
    protected virtual string[] Settings => [];

    /// <summary>Gets the server's max payload, or null for its default.</summary>
    protected virtual int? MaxPayload => null;

    /// <summary>Gets more of the server's configuration file (e.g. an authorization block), or null for none.</summary>
    protected virtual string? ServerConfiguration => null;

    /// <summary>Gets more of the server's command-line arguments (e.g. --user and --pass).</summary>
    protected virtual string[] ServerArguments => [];

    public async Task InitializeAsync()
    {
        Server = await NatsServer.StartAsync(MaxPayload, ServerConfiguration, ServerArguments);
        Worker = await WorkerProcess.StartAsync(Server, "shared", Environment, Settings);
    }

    public virtual async Task DisposeAsync()
    {
        if (Worker is not null)
        {
            await Worker.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
