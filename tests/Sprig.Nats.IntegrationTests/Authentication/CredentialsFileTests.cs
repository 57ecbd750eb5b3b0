using Sprig.Tests.Shared;
using NATS.NKeys;
using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests.Authentication;

/// <summary>
/// A nats-server in operator mode (decentralized JWT authentication, the account preloaded in a memory resolver) and a worker
/// that logs in with the user's .creds file (Sprig:Nats:CredentialsFile). The operator, the account and the user are key pairs
/// made for this run, their JWTs issued by <see cref="NatsJwt"/>; the server's configuration and the .creds file are written
/// to a folder of this fixture, deleted with it.
/// </summary>
public sealed class OperatorModeWorker : WorkerFixture
{
    private readonly KeyPair _operator = KeyPair.CreatePair(PrefixByte.Operator);
    private readonly KeyPair _account = KeyPair.CreatePair(PrefixByte.Account);
    private readonly KeyPair _user = KeyPair.CreatePair(PrefixByte.User);
    private readonly string _folder = Directory.CreateTempSubdirectory("sprig-operator-").FullName;

    public OperatorModeWorker()
    {
        File.WriteAllText(ConfigurationFile, $$"""
            // Operator "sprig-test-operator", made for this run.
            operator: {{NatsJwt.Operator(_operator, "sprig-test-operator")}}

            resolver: MEMORY

            resolver_preload: {
              // Account "sprig-test-account"
              {{_account.GetPublicKey()}}: {{NatsJwt.Account(_operator, _account.GetPublicKey(), "sprig-test-account")}}
            }

            """);
        File.WriteAllText(CredentialsFile, NatsJwt.Credentials(NatsJwt.User(_account, _user.GetPublicKey(), "sprig-test-user"), _user.GetSeed()));
    }

    /// <summary>Gets the user's credentials file: the user's JWT and NKey seed.</summary>
    public string CredentialsFile => Path.Combine(_folder, "user.creds");

    /// <summary>Gets the nats-server configuration: the operator's JWT and the account's, preloaded.</summary>
    private string ConfigurationFile => Path.Combine(_folder, "operator.conf");

    protected override string ServerConfiguration => File.ReadAllText(ConfigurationFile);

    protected override string[] Settings => [$"Sprig:Nats:CredentialsFile={CredentialsFile}"];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
        _user.Dispose();
        _account.Dispose();
        _operator.Dispose();
    }
}

/// <summary>Sprig:Nats:CredentialsFile: the user's .creds file serves and calls; a JWT signed for another key is refused.</summary>
public sealed class CredentialsFileTests(OperatorModeWorker fixture) : IClassFixture<OperatorModeWorker>
{
    [Fact]
    public async Task Caller_CallsTheWorker_WithTheUsersCredentialsFile()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server, null, $"Sprig:Nats:CredentialsFile={fixture.CredentialsFile}");

        (await caller.Get<IEchoWorker>().WhoAmI().Answer(fixture.Worker)).Should().Be(fixture.Worker.Pid);
    }

    [Fact]
    public async Task Refresh_Fails_WithoutShowingTheSeed_WhenTheSeedDoesNotMatchTheJwt()
    {
        // The user's JWT with another user's seed: the signature of the server's challenge does not match the JWT's subject.
        using var stranger = KeyPair.CreatePair(PrefixByte.User);
        var seed = stranger.GetSeed();
        var lines = await File.ReadAllLinesAsync(fixture.CredentialsFile);
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
            logs.Text.Should().NotBeEmpty().And.NotContain(l => l.Contains(seed, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Refresh_Fails_WhenTheUsersJwtIsSignedByAnAccountTheServerDoesNotKnow()
    {
        // A well-formed chain one link short: the account that signs the user's JWT was never issued by the server's operator.
        using var strangeAccount = KeyPair.CreatePair(PrefixByte.Account);
        using var user = KeyPair.CreatePair(PrefixByte.User);
        var file = Path.Combine(Path.GetTempPath(), $"sprig-{Guid.NewGuid():N}.creds");
        await File.WriteAllTextAsync(file, NatsJwt.Credentials(NatsJwt.User(strangeAccount, user.GetPublicKey(), "stranger"), user.GetSeed()));
        using var loggers = new LogCapture().CreateFactory();
        try
        {
            var refused = await Caller.RefusedAsync(fixture.Server, loggers, $"Sprig:Nats:CredentialsFile={file}");

            refused.Message.Should().Be(Messages.AuthenticationRefused(fixture.Server.Url, "Sprig:Nats:CredentialsFile"));
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
