using Sprig.Tests.Shared;
using NATS.NKeys;
using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests.Authentication;

/// <summary>
/// A nats-server whose one user is an NKey (authorization { users = [ { nkey: U... } ] }), with a key pair made for this run;
/// the worker reads the seed from a file (Sprig:Nats:NKeyFile) holding only the seed, as 'nk -gen user > user.nk' writes it.
/// </summary>
public sealed class NKeyProtectedWorker : WorkerFixture
{
    private readonly KeyPair _user = KeyPair.CreatePair(PrefixByte.User);

    public NKeyProtectedWorker()
    {
        SeedFile = Path.Combine(Path.GetTempPath(), $"sprig-{Guid.NewGuid():N}.nk");
        File.WriteAllText(SeedFile, Seed + "\n");
    }

    /// <summary>Gets the user's seed (the secret).</summary>
    public string Seed => _user.GetSeed();

    /// <summary>Gets the file that holds the seed.</summary>
    public string SeedFile { get; }

    protected override string ServerConfiguration => $"authorization {{ users = [ {{ nkey: {_user.GetPublicKey()} }} ] }}";

    protected override string[] Settings => [$"Sprig:Nats:NKeyFile={SeedFile}"];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(SeedFile);
        _user.Dispose();
    }
}

/// <summary>Sprig:Nats:NKey and NKeyFile: the user's seed signs the server's challenge; another user's seed is refused.</summary>
public sealed class NKeyTests(NKeyProtectedWorker fixture) : IClassFixture<NKeyProtectedWorker>
{
    [Fact]
    public async Task Caller_CallsTheWorker_WithTheUsersSeed()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server, null, $"Sprig:Nats:NKey={fixture.Seed}");

        (await caller.Get<IEchoWorker>().WhoAmI().Answer(fixture.Worker)).Should().Be(fixture.Worker.Pid);
    }

    [Fact]
    public async Task Refresh_Fails_WithoutShowingTheSeed_WhenTheSeedIsAnotherUsers()
    {
        using var stranger = KeyPair.CreatePair(PrefixByte.User);
        var seed = stranger.GetSeed();
        var logs = new LogCapture();
        using var loggers = logs.CreateFactory();

        var refused = await Caller.RefusedAsync(fixture.Server, loggers, $"Sprig:Nats:NKey={seed}");

        refused.Message.Should().Be(Messages.AuthenticationRefused(fixture.Server.Url, "Sprig:Nats:NKey"));
        refused.ToString().Should().NotContain(seed);
        logs.Text.Should().NotBeEmpty().And.NotContain(l => l.Contains(seed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refresh_Fails_NamingTheKeysToSet_WhenTheCallerSendsNoCredentials()
    {
        using var loggers = new LogCapture().CreateFactory();

        var refused = await Caller.RefusedAsync(fixture.Server, loggers);

        refused.Message.Should().Be(Messages.AuthenticationRefused(fixture.Server.Url, sentWith: null));
    }
}
