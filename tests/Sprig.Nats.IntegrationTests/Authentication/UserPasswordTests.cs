using Sprig.Tests.Shared;
using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests.Authentication;

/// <summary>A nats-server that requires a user and password (--user, --pass), and a worker that logs in with Sprig:Nats:User and Password.</summary>
public sealed class PasswordProtectedWorker : WorkerFixture
{
    public const string User = "sprig";

    /// <summary>Gets the server's password: new for each run, so that finding it in a message or log can only be a leak.</summary>
    public string Password { get; } = $"pw-{Guid.NewGuid():N}";

    protected override string[] ServerArguments => ["--user", User, "--pass", Password];

    protected override string[] Settings => [$"Sprig:Nats:User={User}", $"Sprig:Nats:Password={Password}"];
}

/// <summary>
/// Calls over NATS are not HTTP requests: the NATS server's own authentication protects them. A process with the server's user
/// and password serves and calls; one without them, or with a wrong password, fails its refresh naming the keys, never the secret.
/// </summary>
public sealed class UserPasswordTests(PasswordProtectedWorker fixture) : IClassFixture<PasswordProtectedWorker>
{
    private const string User = PasswordProtectedWorker.User;

    [Fact]
    public async Task Caller_CallsTheWorker_WithTheServersUserAndPassword()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server, null, $"Sprig:Nats:User={User}", $"Sprig:Nats:Password={fixture.Password}");

        (await caller.Get<IEchoWorker>().WhoAmI().Answer(fixture.Worker)).Should().Be(fixture.Worker.Pid);
        (await caller.Endpoints.InvokeAsync("test/EchoWorker/Add", Caller.Arguments(new { a = 2, b = 3 })).Answer(fixture.Worker)).GetInt32().Should().Be(5);
    }

    [Fact]
    public async Task Refresh_Fails_NamingTheKeysToSet_WhenTheCallerSendsNoCredentials()
    {
        var logs = new LogCapture();
        using var loggers = logs.CreateFactory();

        var refused = await Caller.RefusedAsync(fixture.Server, loggers);

        refused.Message.Should().Be(Messages.AuthenticationRefused(fixture.Server.Url, sentWith: null));
    }

    [Fact]
    public async Task Refresh_Fails_WithoutShowingThePassword_WhenThePasswordIsWrong()
    {
        var wrong = $"wrong-{Guid.NewGuid():N}";
        var logs = new LogCapture();
        using var loggers = logs.CreateFactory();

        var refused = await Caller.RefusedAsync(fixture.Server, loggers, $"Sprig:Nats:User={User}", $"Sprig:Nats:Password={wrong}");

        refused.Message.Should().Be(Messages.AuthenticationRefused(fixture.Server.Url, "Sprig:Nats:User and Sprig:Nats:Password"));
        refused.ToString().Should().NotContain(wrong, "no inner exception holds the password either");
        logs.Text.Should().Contain(l => l.Contains("Authorization Violation", StringComparison.OrdinalIgnoreCase), "NATS.Net logs the refusal")
            .And.NotContain(l => l.Contains(wrong, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Caller_CallsTheWorker_WithTheUserAndPasswordInTheUrl_AndNeverShowsThem()
    {
        var logs = new LogCapture();
        using var loggers = logs.CreateFactory();
        var url = $"nats://{User}:{fixture.Password}@127.0.0.1:{fixture.Server.Port}";

        await using var caller = await Caller.ConnectLoggingAsync(fixture.Server, loggers, $"Sprig:Nats:Url={url}");

        (await caller.Get<IEchoWorker>().Echo("through the url").Answer(fixture.Worker)).Should().Be("through the url");
        caller.Get<NatsTransport>().Name.Should().Be($"NATS nats://***@127.0.0.1:{fixture.Server.Port}");
        caller.ConditionReport.Explain("SprigNatsTransport").Should().Contain($"found 'nats://***@127.0.0.1:{fixture.Server.Port}'");
        logs.Text.Should().Contain(l => l.Contains($"127.0.0.1:{fixture.Server.Port}", StringComparison.Ordinal), "NATS.Net logs where it connects")
            .And.NotContain(l => l.Contains(fixture.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refresh_Fails_ShowingTheUrlRedacted_WhenThePasswordInTheUrlIsWrong()
    {
        var wrong = $"wrong-{Guid.NewGuid():N}";
        var logs = new LogCapture();
        using var loggers = logs.CreateFactory();

        var refused = await Caller.RefusedAsync(fixture.Server, loggers, $"Sprig:Nats:Url=nats://{User}:{wrong}@127.0.0.1:{fixture.Server.Port}");

        refused.Message.Should().Be(Messages.AuthenticationRefused($"nats://***@127.0.0.1:{fixture.Server.Port}", "Sprig:Nats:Url"));
        refused.ToString().Should().NotContain(wrong);
        logs.Text.Should().NotBeEmpty().And.NotContain(l => l.Contains(wrong, StringComparison.Ordinal));
    }
}
