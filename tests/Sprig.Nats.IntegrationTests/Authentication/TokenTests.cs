using Sprig.Tests.Shared;
using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests.Authentication;

/// <summary>A nats-server that requires a token (--auth), and a worker that sends it with Sprig:Nats:Token.</summary>
public sealed class TokenProtectedWorker : WorkerFixture
{
    /// <summary>Gets the server's token, new for each run.</summary>
    public string Token { get; } = $"tk-{Guid.NewGuid():N}";

    protected override string[] ServerArguments => ["--auth", Token];

    protected override string[] Settings => [$"Sprig:Nats:Token={Token}"];
}

/// <summary>Sprig:Nats:Token: the right token serves and calls; a wrong one fails the refresh without showing it.</summary>
public sealed class TokenTests(TokenProtectedWorker fixture) : IClassFixture<TokenProtectedWorker>
{
    [Fact]
    public async Task Caller_CallsTheWorker_WithTheServersToken()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server, null, $"Sprig:Nats:Token={fixture.Token}");

        (await caller.Get<IEchoWorker>().WhoAmI().Answer(fixture.Worker)).Should().Be(fixture.Worker.Pid);
    }

    [Fact]
    public async Task Refresh_Fails_WithoutShowingTheToken_WhenTheTokenIsWrong()
    {
        var wrong = $"wrong-{Guid.NewGuid():N}";
        var logs = new LogCapture();
        using var loggers = logs.CreateFactory();

        var refused = await Caller.RefusedAsync(fixture.Server, loggers, $"Sprig:Nats:Token={wrong}");

        refused.Message.Should().Be(Messages.AuthenticationRefused(fixture.Server.Url, "Sprig:Nats:Token"));
        refused.ToString().Should().NotContain(wrong);
        logs.Text.Should().NotBeEmpty().And.NotContain(l => l.Contains(wrong, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Caller_CallsTheWorker_WithTheTokenInTheUrl()
    {
        await using var caller = await Caller.ConnectAsync(fixture.Server, null, $"Sprig:Nats:Url=nats://{fixture.Token}@127.0.0.1:{fixture.Server.Port}");

        (await caller.Get<IEchoWorker>().Echo("token in the url").Answer(fixture.Worker)).Should().Be("token in the url");
        caller.Get<NatsTransport>().Name.Should().Be($"NATS nats://***@127.0.0.1:{fixture.Server.Port}");
    }
}
