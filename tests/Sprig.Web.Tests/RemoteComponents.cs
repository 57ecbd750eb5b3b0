using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Sprig.Web.Tests;

/// <summary>
/// The contracts of the remote HTTP tests, the components that serve them in the "server" context, the component that injects
/// one in the "client" context, and the signals a test shares with the server's endpoints (registered as an instance per test).
/// </summary>
public static class RemoteComponents
{
    /// <summary>The server's half of a test: what its endpoints saw, and the signals they wait on or set.</summary>
    public sealed class Signals
    {
        public ConcurrentQueue<string> Recorded { get; } = new();

        public TaskCompletionSource HoldEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource HoldCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource TickCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public sealed record Quote(string Symbol, int Quantity, decimal Total);

    /// <summary>Every shape a contract method may have; the component name comes from the interface name ("Calculator").</summary>
    [ComponentContract(Namespace = "remote")]
    public interface ICalculator
    {
        /// <summary>Several parameters, a record result and a trailing token.</summary>
        [Endpoint("price")]
        Task<Quote> PriceAsync(string symbol, int quantity, CancellationToken cancellationToken = default);

        /// <summary>A single parameter and a ValueTask.</summary>
        ValueTask<int> NegateAsync(int value);

        /// <summary>No result.</summary>
        Task RecordAsync(string entry);

        /// <summary>A stream of 1..<paramref name="count"/>.</summary>
        [Endpoint("count")]
        IAsyncEnumerable<int> CountAsync(int count, CancellationToken cancellationToken = default);
    }

    /// <summary>Endpoints that wait, fail or break; the component is named explicitly ("Jobs").</summary>
    [ComponentContract("Jobs", Namespace = "remote")]
    public interface IJobs
    {
        /// <summary>Waits for <see cref="Signals.Release"/> or for its token.</summary>
        Task<int> HoldAsync(CancellationToken cancellationToken = default);

        /// <summary>Yields 0, then waits for its token.</summary>
        IAsyncEnumerable<int> TickAsync(CancellationToken cancellationToken = default);

        /// <summary>Throws <see cref="InvalidOperationException"/> with <paramref name="reason"/>.</summary>
        Task FailAsync(string reason);

        /// <summary>Yields 1, then throws.</summary>
        IAsyncEnumerable<int> BreakAsync();
    }

    [Component(Namespace = "remote")]
    public sealed class Calculator(Signals signals) : ICalculator
    {
        private const decimal UnitPrice = 2.5m;

        public Task<Quote> PriceAsync(string symbol, int quantity, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Quote(symbol, quantity, quantity * UnitPrice));

        public ValueTask<int> NegateAsync(int value) => ValueTask.FromResult(-value);

        public Task RecordAsync(string entry)
        {
            signals.Recorded.Enqueue(entry);
            return Task.CompletedTask;
        }

        public async IAsyncEnumerable<int> CountAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = 1; i <= count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return i;
            }

            await Task.CompletedTask;
        }
    }

    [Component("Jobs", Namespace = "remote")]
    public sealed class JobsService(Signals signals) : IJobs
    {
        public async Task<int> HoldAsync(CancellationToken cancellationToken = default)
        {
            signals.HoldEntered.TrySetResult();
            await WaitForReleaseAsync(signals.HoldCancelled, cancellationToken);
            return 42;
        }

        public async IAsyncEnumerable<int> TickAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            yield return 0;
            await WaitForReleaseAsync(signals.TickCancelled, cancellationToken);
            yield return 1;
        }

        public Task FailAsync(string reason) => throw new InvalidOperationException(reason);

        public async IAsyncEnumerable<int> BreakAsync()
        {
            yield return 1;
            await Task.Yield();
            throw new InvalidOperationException("the ledger is locked");
        }

        /// <summary>Waits for <see cref="Signals.Release"/>; when the token fires instead, sets <paramref name="cancelled"/>.</summary>
        private async Task WaitForReleaseAsync(TaskCompletionSource cancelled, CancellationToken cancellationToken)
        {
            try
            {
                await signals.Release.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled.TrySetResult();
                throw;
            }
        }
    }

    /// <summary>A local component of the client context that gets <see cref="ICalculator"/> by constructor injection.</summary>
    [Component]
    public sealed class PriceBoard(ICalculator calculator)
    {
        public ICalculator Calculator => calculator;
    }

    /// <summary>Implements <see cref="ICalculator"/> under another component name: its callers would call an address it does not serve.</summary>
    [Component("Abacus", Namespace = "remote")]
    public sealed class MisnamedCalculator : ICalculator
    {
        public Task<Quote> PriceAsync(string symbol, int quantity, CancellationToken cancellationToken = default) => Task.FromResult(new Quote(symbol, quantity, 0m));

        public ValueTask<int> NegateAsync(int value) => ValueTask.FromResult(-value);

        public Task RecordAsync(string entry) => Task.CompletedTask;

        public IAsyncEnumerable<int> CountAsync(int count, CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<int>();
    }

    /// <summary>Implements <see cref="ICalculator"/> in the wrong namespace.</summary>
    [Component("Calculator", Namespace = "elsewhere")]
    public sealed class MisplacedCalculator : ICalculator
    {
        public Task<Quote> PriceAsync(string symbol, int quantity, CancellationToken cancellationToken = default) => Task.FromResult(new Quote(symbol, quantity, 0m));

        public ValueTask<int> NegateAsync(int value) => ValueTask.FromResult(-value);

        public Task RecordAsync(string entry) => Task.CompletedTask;

        public IAsyncEnumerable<int> CountAsync(int count, CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<int>();
    }

    /// <summary>A component of another namespace that a server's context has a remote binding for (see the forwarding test).</summary>
    [Component("Comp", Namespace = "other")]
    public sealed class OtherComponent
    {
        [Endpoint("x")]
        public string X() => "served by the other process";
    }
}
