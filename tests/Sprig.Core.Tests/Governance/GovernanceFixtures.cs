using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sprig.Tests.Shared;

namespace Sprig.Tests.Governance;

/// <summary>What one governance test runs on: a fake clock, a scripted transport for "remote" calls, a log, and the signals of its components.</summary>
internal sealed class GovernanceFixture : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public ScriptedTransport Transport { get; } = new();

    public Signals Signals { get; } = new();

    public LogCapture Logs { get; } = new();

    public ConfigurationManager Configuration { get; } = new();

    public ApplicationContext? Context { get; private set; }

    /// <summary>Refreshes a context over the given components, the fixture's clock, transport and signals, and configuration.</summary>
    public ApplicationContext Start(IDictionary<string, string?>? settings = null, params Type[] types)
    {
        var registry = new PendingRegistry()
            .RegisterInstance("clock", Time)
            .RegisterInstance("transport", Transport)
            .RegisterInstance("signals", Signals);
        foreach (var type in types)
        {
            registry.Register(type);
        }

        Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var loggers = Logs.CreateFactory(LogLevel.Debug);
        Context = new ApplicationContext(registry, Configuration, loggers);
        Context.Refresh();
        return Context;
    }

    /// <summary>Lists the messages governance logged.</summary>
    public IReadOnlyList<string> GovernanceLog() =>
        [.. Logs.Lines.Where(l => l.Category == "Sprig.Governance").Select(l => l.Message)];

    /// <summary>Moves the fake clock forward until <paramref name="call"/> completes (retries wait for it), then returns its result.</summary>
    public async Task<T> DriveAsync<T>(Task<T> call, TimeSpan? step = null)
    {
        for (var i = 0; i < 100_000 && !call.IsCompleted; i++)
        {
            Time.Advance(step ?? TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        return await call.WaitAsync(Bound);
    }

    public async ValueTask DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.DisposeAsync();
        }
    }
}

/// <summary>Signals of the test components: started, cancelled, and how often each ran.</summary>
public sealed class Signals
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentDictionary<string, int> Runs { get; } = new();

    public int Ran(string what) => Runs.AddOrUpdate(what, 1, (_, n) => n + 1);

    /// <summary>Signals <see cref="Started"/>, waits until the call's token fires, then signals <see cref="Cancelled"/> and rethrows.</summary>
    public async Task HangUntilCancelledAsync(CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Cancelled.TrySetResult();
            throw;
        }
    }
}

/// <summary>A transport for the "remote" namespace whose answers the test scripts, one per call; it records every attempt.</summary>
public sealed class ScriptedTransport : IEndpointTransport
{
    private readonly ConcurrentQueue<Func<RemoteCall, CancellationToken, Task<JsonElement>>> _script = new();

    public ConcurrentQueue<RemoteCall> Calls { get; } = new();

    public Func<RemoteCall, CancellationToken, Task<JsonElement>> Otherwise { get; set; } = (_, _) => Task.FromResult(JsonSerializer.SerializeToElement(1m));

    public string Name => "Scripted";

    public bool Carries(string componentNamespace, string component) => componentNamespace == "remote";

    /// <summary>Makes the next calls fail with these exceptions, in order.</summary>
    public ScriptedTransport Fail(params EndpointCallException[] failures)
    {
        foreach (var failure in failures)
        {
            _script.Enqueue((_, _) => Task.FromException<JsonElement>(failure));
        }

        return this;
    }

    public Task<JsonElement> InvokeAsync(RemoteCall remoteCall, CancellationToken cancellationToken)
    {
        Calls.Enqueue(remoteCall);
        return _script.TryDequeue(out var next) ? next(remoteCall, cancellationToken) : Otherwise(remoteCall, cancellationToken);
    }

    public async IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall remoteCall, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls.Enqueue(remoteCall);
        if (_script.TryDequeue(out var next))
        {
            await next(remoteCall, cancellationToken);
        }

        yield return JsonSerializer.SerializeToElement(1);
        await Task.Yield();
        throw Died(remoteCall.Address);
    }

    public static EndpointCallException Died(string address) =>
        new($"The process serving '{address}' died.", address, 502, address.Split('/')[1]);

    public static EndpointCallException NobodyServes(string address) =>
        new($"Nothing serves '{address}'.", address, 503, address.Split('/')[1]) { NotStarted = true };
}
