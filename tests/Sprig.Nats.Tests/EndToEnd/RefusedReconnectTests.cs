using System.Diagnostics;
using NATS.Client.Core;
using Sprig.Nats.Tests.Support;

namespace Sprig.Nats.Tests.EndToEnd;

/// <summary>A nats-server that requires a user and password; a restart can give it another password.</summary>
public sealed class PasswordNatsServer : NatsServerFixture
{
    public const string User = "sprig";

    public string Password { get; } = $"pw-{Guid.NewGuid():N}";

    protected override IReadOnlyList<string> Arguments => ["--user", User, "--pass", Password];
}

/// <summary>
/// A server that comes back refusing the credentials it took before: NATS.Net tries twice and gives up, and calls fail at
/// once with a 503 that says why, instead of a raw NATS exception or a wait for a connection that will not come back.
/// </summary>
public sealed class RefusedReconnectTests(PasswordNatsServer nats) : IClassFixture<PasswordNatsServer>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Calls_Throw503NamingTheCredentials_WhenTheServerRefusesThemAfterARestart()
    {
        (string, string)[] credentials = [("Sprig:Nats:User", PasswordNatsServer.User), ("Sprig:Nats:Password", nats.Password)];
        await using var server = await Contexts.ServerAsync(nats.Url, new Probe(), credentials);
        await using var client = await Contexts.ClientAsync(nats.Url, credentials);
        (await client.Endpoints.InvokeAsync("nt/Calc/Add", Json.Of(new { a = 1, b = 1 }))).GetInt32().Should().Be(2);

        await nats.RestartAsync(["--user", PasswordNatsServer.User, "--pass", "another-password"]);
        await UntilAsync(() => client.Get<NatsTransport>().Connection.ConnectionState == NatsConnectionState.Failed);

        var act = () => client.Endpoints.InvokeAsync("nt/Calc/Add", Json.Of(new { a = 2, b = 2 })).WaitAsync(Bound);

        var thrown = await act.Should().ThrowAsync<EndpointCallException>();
        thrown.Which.StatusCode.Should().Be(503);
        thrown.Which.Message.Should().Be(
            $"Calling 'nt/Calc/Add' through NATS {nats.Url} failed (503): the connection to the NATS server is closed for good. When it was "
            + "lost, the server refused this process's credentials on two reconnects in a row, so NATS.Net stopped trying (its log has the "
            + "server's error). Give this process the credentials the server now expects (Sprig:Nats:User and Sprig:Nats:Password, "
            + "Sprig:Nats:Token, Sprig:Nats:NKey or Sprig:Nats:NKeyFile (a user NKey seed), or Sprig:Nats:CredentialsFile (a .creds file)) "
            + "and restart it.");
    }

    /// <summary>Waits for a connection state, which NATS.Net announces with no event of its own, within a bound.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            deadline.Elapsed.Should().BeLessThan(Bound, "NATS.Net stops reconnecting after the same authentication error twice");
            await Task.Delay(10);
        }
    }
}
