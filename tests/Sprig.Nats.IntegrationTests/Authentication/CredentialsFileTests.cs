using NATS.NKeys;
using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests.Authentication;

/// <summary>
/// A nats-server in operator mode (decentralized JWT authentication, accounts preloaded) and a worker that logs in with the
/// user's .creds file (Sprig:Nats:CredentialsFile). The operator, account and user come from NATS.Net's own test fixtures.
/// </summary>
public sealed class OperatorModeWorker : WorkerFixture
{
    /// <summary>Gets the user's credentials file: the user's JWT and NKey seed.</summary>
    public static string CredentialsFile => Path.Combine(AppContext.BaseDirectory, "Authentication", "Operator", "user.creds");

    protected override string ServerConfiguration => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Authentication", "Operator", "operator.conf"));

    protected override string[] Settings => [$"Sprig:Nats:CredentialsFile={CredentialsFile}"];
}

/// <summary>Sprig:Nats:CredentialsFile: the user's .creds file serves and calls; a JWT signed for another key is refused.</summary>
public sealed class CredentialsFileTests(OperatorModeWorker fixture) : IClassFixture<OperatorModeWorker>
{
    [Fact]
    public async Task Caller_CallsTheWorker_WithTheUsersCredentialsFile()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server, null, $"Sprig:Nats:CredentialsFile={OperatorModeWorker.CredentialsFile}");

        (await caller.Get<IEchoWorker>().WhoAmI().Answer(fixture.Worker)).Should().Be(fixture.Worker.Pid);
    }

    [Fact]
    public async Task Refresh_Fails_WithoutShowingTheSeed_WhenTheSeedDoesNotMatchTheJwt()
    {
        // The user's JWT with another user's seed: the signature of the server's challenge does not match the JWT's subject.
        using var stranger = KeyPair.CreatePair(PrefixByte.User);
        var seed = stranger.GetSeed();
        var lines = await File.ReadAllLinesAsync(OperatorModeWorker.CredentialsFile);
        var seedLine = Array.FindIndex(lines, l => l.StartsWith("-----BEGIN USER NKEY SEED-----", StringComparison.Ordinal)) + 1;
        lines[seedLine] = seed;
        var file = Path.Combine(Path.GetTempPath(), $"sprig-{Guid.NewGuid():N}.creds");
        await File.WriteAllLinesAsync(file, lines);
        var logs = new LogCapture();
        using var loggers = logs.CreateFactory();
        try
        {
            var refused = await Caller.RefusedAsync(fixture.Server, loggers, $"Sprig:Nats:CredentialsFile={file}");

            refused.Message.Should().Be(Messages.AuthenticationRefused(fixture.Server.Url, "Sprig:Nats:CredentialsFile"));
            refused.ToString().Should().NotContain(seed);
            logs.Lines.Should().NotBeEmpty().And.NotContain(l => l.Contains(seed, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Refresh_Fails_NamingTheKeysToSet_WhenTheCallerSendsNoCredentials()
    {
        using var loggers = new LogCapture().CreateFactory();

        var refused = await Caller.RefusedAsync(fixture.Server, loggers);

        refused.Message.Should().Be(Messages.AuthenticationRefused(fixture.Server.Url, sentWith: null));
    }
}
