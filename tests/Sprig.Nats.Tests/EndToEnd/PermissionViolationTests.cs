using Sprig.Nats.Tests.Support;

namespace Sprig.Nats.Tests.EndToEnd;

/// <summary>
/// A nats-server with subject permissions (a configuration file): 'worker' may do anything; 'deaf' may not subscribe to the
/// control subjects of its own calls nor to nt/Calc/Echo; 'mute' may not publish calls of nt/Calc/Add nor nt/Calc/Count;
/// 'unanswerable' may not subscribe to an inbox, where the answers to its calls would arrive.
/// </summary>
public sealed class PermissionsNatsServer : NatsServerFixture
{
    public const string Password = "permissions-test";
    private readonly string _configFile = Path.Combine(Path.GetTempPath(), $"sprig-permissions-{Guid.NewGuid():N}.conf");

    public PermissionsNatsServer() => File.WriteAllText(_configFile, $$"""
        authorization {
          users = [
            { user: worker, password: "{{Password}}" }
            { user: deaf, password: "{{Password}}", permissions: { subscribe: { deny: ["sprig._ctl.>", "sprig.nt.calc.echo"] } } }
            { user: mute, password: "{{Password}}", permissions: { publish: { deny: ["sprig.nt.calc.add", "sprig.nt.calc.count"] } } }
            { user: unanswerable, password: "{{Password}}", permissions: { subscribe: { deny: ["_INBOX.>"] } } }
          ]
        }
        """);

    protected override IReadOnlyList<string> Arguments => ["-c", _configFile];

    public static (string, string)[] As(string user) => [("Sprig:Nats:User", user), ("Sprig:Nats:Password", Password)];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_configFile);
    }
}

/// <summary>
/// nats-server refuses a subscription or a publish the user may not make with an -ERR and then acts as if it had not been sent.
/// Sprig turns that into clear errors: serving fails the refresh naming each subject and the permission to grant, and a call
/// whose request the server refused fails at once with a 403, instead of a 503 for the caller of a worker that looks healthy,
/// or a 502 three heartbeats later.
/// </summary>
public sealed class PermissionViolationTests(PermissionsNatsServer nats) : IClassFixture<PermissionsNatsServer>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Refresh_Throws_NamingEachRefusedSubjectAndThePermission_WhenTheUserMayNotSubscribeWhereItServes()
    {
        var act = () => Contexts.ServerAsync(nats.Url, new Probe(), PermissionsNatsServer.As("deaf")).WaitAsync(Bound);

        var thrown = await act.Should().ThrowAsync<ContainerException>();
        var control = Quoted(thrown.Which.Message, "sprig._ctl.");
        control.Should().MatchRegex("^sprig\\._ctl\\.[0-9a-f]{32}$", "the control subject ends in this process's id");
        thrown.Which.Message.Should().Be(
            $"The NATS server at '{nats.Url}' (Sprig:Nats:Url) refused to let this process subscribe to subjects it serves on ('Permissions "
            + $"Violation'), so no call would reach it there:{Environment.NewLine}"
            + $"  - '{control}' (acks and cancels of the calls it serves){Environment.NewLine}"
            + $"  - 'sprig.nt.calc.echo' (endpoint 'nt/Calc/Echo'){Environment.NewLine}"
            + "Allow the NATS user it connects as (user 'deaf' (Sprig:Nats:User)) to subscribe there in the server's authorization "
            + "configuration (permissions: { subscribe: [\"sprig._ctl.>\", \"sprig.nt.calc.>\"] }), or set Sprig:Nats:Serve to false if "
            + "this process only calls.");
    }

    [Fact]
    public async Task Call_Throws403AtOnce_NamingTheSubjectAndThePermission_WhenTheServerRefusesToLetTheCallerPublishIt()
    {
        await using var server = await Contexts.ServerAsync(nats.Url, new Probe(), PermissionsNatsServer.As("worker"));
        // Silence would take three minutes to call the worker dead: only the server's refusal can end the call within the bound.
        await using var client = await Contexts.ClientAsync(nats.Url, [.. PermissionsNatsServer.As("mute"), ("Sprig:Nats:HeartbeatInterval", "00:01:00")]);
        (await client.Endpoints.InvokeAsync("nt/Calc/Echo", Json.Of("allowed")).WaitAsync(Bound)).GetString().Should().Be("allowed");

        var act = () => client.Endpoints.InvokeAsync("nt/Calc/Add", Json.Of(new { a = 1, b = 2 })).WaitAsync(Bound);

        var thrown = await act.Should().ThrowAsync<EndpointCallException>();
        thrown.Which.StatusCode.Should().Be(403);
        thrown.Which.Message.Should().Be(Refused("nt/Calc/Add", "sprig.nt.calc.add"));
    }

    [Fact]
    public async Task Stream_Throws403AtOnce_WhenTheServerRefusesToLetTheCallerPublishIt()
    {
        await using var server = await Contexts.ServerAsync(nats.Url, new Probe(), PermissionsNatsServer.As("worker"));
        await using var client = await Contexts.ClientAsync(nats.Url, [.. PermissionsNatsServer.As("mute"), ("Sprig:Nats:HeartbeatInterval", "00:01:00")]);

        var act = async () =>
        {
            await foreach (var item in client.Endpoints.StreamAsync("nt/Calc/Count", Json.Of(3)).WithCancellation(CancellationToken.None))
            {
                item.ValueKind.Should().NotBe(System.Text.Json.JsonValueKind.Undefined);
            }
        };

        var thrown = await act.Invoking(a => a().WaitAsync(Bound)).Should().ThrowAsync<EndpointCallException>();
        thrown.Which.StatusCode.Should().Be(403);
        thrown.Which.Message.Should().Be(Refused("nt/Calc/Count", "sprig.nt.calc.count"));
    }

    [Fact]
    public async Task Call_Throws403WithoutRunning_NamingTheInboxAndThePermission_WhenTheServerRefusedTheCallersInbox()
    {
        var probe = new Probe();
        await using var server = await Contexts.ServerAsync(nats.Url, probe, PermissionsNatsServer.As("worker"));
        await using var client = await Contexts.ClientAsync(nats.Url, [.. PermissionsNatsServer.As("unanswerable"), ("Sprig:Nats:HeartbeatInterval", "00:01:00")]);

        var act = () => client.Endpoints.InvokeAsync("nt/Calc/Add", Json.Of(new { a = 1, b = 2 })).WaitAsync(Bound);

        var thrown = await act.Should().ThrowAsync<EndpointCallException>();
        thrown.Which.StatusCode.Should().Be(403);
        var inbox = Quoted(thrown.Which.Message, "_INBOX.");
        inbox.Should().MatchRegex("^_INBOX\\.sprig-[0-9a-f]{32}\\.\\*$", "the inbox is new for every process");
        thrown.Which.Message.Should().Be(
            $"Calling 'nt/Calc/Add' through NATS {nats.Url} failed (403): the NATS server refused to let this process subscribe to '{inbox}', "
            + "where the answers to its calls arrive ('Permissions Violation'), so no answer could reach it. Allow the NATS user it "
            + "connects as (user 'unanswerable' (Sprig:Nats:User)) to subscribe there in the server's authorization configuration "
            + "(permissions: { subscribe: [\"_INBOX.>\"] }), or make the call from a process whose user may.");
        probe.Calls.Should().Be(0, "the call was never sent");
    }

    private string Refused(string address, string subject) =>
        $"Calling '{address}' through NATS {nats.Url} failed (403): the NATS server refused to let this process publish to '{subject}' "
        + "('Permissions Violation'), so the call reached no serving process. Allow the NATS user it connects as (user 'mute' "
        + "(Sprig:Nats:User)) to publish there in the server's authorization configuration (permissions: { publish: [\"sprig.nt.calc.>\"] }), "
        + "or make the call from a process whose user may.";

    /// <summary>Finds a quoted subject that starts with <paramref name="prefix"/> in a message, e.g. one with this process's id in it.</summary>
    private static string Quoted(string message, string prefix)
    {
        var start = message.IndexOf($"'{prefix}", StringComparison.Ordinal) + 1;
        return start == 0 ? "" : message[start..message.IndexOf('\'', start)];
    }
}
