using System.Text;
using NATS.Client.Core;

namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// A raw NATS subscriber (not in the workers' queue group, so it gets a copy of every request) that records the bodies of the
/// requests published on one endpoint's subject, in order. NATS keeps the order of one connection's messages, so once the tap has
/// seen a caller's later request, it has seen every earlier one: a request it did not record was never published. While it is
/// subscribed, the subject has a responder, so it is opened only where "no responders" is not what the test needs.
/// </summary>
internal sealed class SubjectTap : IAsyncDisposable
{
    private readonly NatsConnection _connection;
    private readonly INatsSub<byte[]> _subscription;
    private readonly OutputLines _bodies = new();
    private readonly Task _reader;

    private SubjectTap(NatsConnection connection, INatsSub<byte[]> subscription, string subject)
    {
        _connection = connection;
        _subscription = subscription;
        Subject = subject;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Gets the subject the tap listens on.</summary>
    public string Subject { get; }

    /// <summary>Gets the bodies (the calls' JSON arguments) recorded so far, in the order the server delivered them.</summary>
    public IReadOnlyList<string> Bodies => _bodies.Lines;

    /// <summary>Subscribes to <paramref name="subject"/>; returns once the server has the subscription.</summary>
    public static async Task<SubjectTap> OpenAsync(NatsServer nats, string subject)
    {
        var connection = new NatsConnection(new NatsOpts { Url = nats.Url, Name = "subject-tap" });
        await connection.ConnectAsync();
        var subscription = await connection.SubscribeCoreAsync(subject, serializer: NatsRawSerializer<byte[]>.Default);
        // A round trip after SUB: the server has processed the subscription before any later request reaches it.
        await connection.PingAsync();
        return new SubjectTap(connection, subscription, subject);
    }

    /// <summary>Waits for a request whose body contains <paramref name="text"/> and returns the bodies recorded up to it.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(string text)
    {
        await _bodies.WaitForAsync(b => b.Contains(text, StringComparison.Ordinal), $"a request containing '{text}' on {Subject}", Deadlines.Line,
            () => string.Join("\n", Bodies));
        var bodies = Bodies;
        var before = bodies.TakeWhile(b => !b.Contains(text, StringComparison.Ordinal)).Count();
        return [.. bodies.Take(before + 1)];
    }

    public async ValueTask DisposeAsync()
    {
        await _subscription.DisposeAsync();
        await _reader.WaitAsync(Deadlines.Exit);
        await _connection.DisposeAsync();
    }

    private async Task ReadAsync()
    {
        await foreach (var message in _subscription.Msgs.ReadAllAsync())
        {
            _bodies.Add(Encoding.UTF8.GetString(message.Data ?? []));
        }
    }
}
