using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Sprig.Diagnostics;
using Sprig.Endpoints;
using Sprig.Telemetry;

namespace Sprig.Governance;

/// <summary>
/// A context's governance: every endpoint call this process makes goes through its address's Polly pipeline (retry, then
/// circuit breaker, then timeout) and, when it still fails, its fallback; every call this process serves goes through its
/// address's concurrency limit. Policies are read from the attributes (once, at refresh) and from configuration (again after
/// each reload: the next call uses the new settings; a breaker keeps its state unless its settings changed).
/// </summary>
internal sealed partial class Governor : IDisposable
{
    private static readonly ConcurrentDictionary<Governor, byte> Live = new();
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(1);

    private readonly ApplicationContext _context;
    private readonly IConfiguration _configuration;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Governed> _local = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Governed> _remote = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Limit> _limits = new(StringComparer.OrdinalIgnoreCase);
    private FrozenDictionary<string, EndpointGovernance> _declared = FrozenDictionary<string, EndpointGovernance>.Empty;
    private readonly ConcurrentDictionary<string, EndpointGovernance> _learned = new(StringComparer.OrdinalIgnoreCase);
    private Func<string, Type, System.Reflection.MethodInfo, CompiledEndpoint?>? _compileFallback;
    private Lazy<TimeProvider> _time = new(TimeProvider.System);
    private volatile Dictionary<string, GovernanceValues> _settings = new(StringComparer.OrdinalIgnoreCase);
    private volatile int _generation;
    private IDisposable? _reload;

    // Rebuilding a policy, a pipeline or a limiter is rare (first call, reload): one at a time, so that concurrent first calls
    // share one breaker and one limiter.
    private readonly Lock _rebuild = new();

    public Governor(ApplicationContext context, IConfiguration configuration, ILoggerFactory loggers)
    {
        _context = context;
        _configuration = configuration;
        _logger = loggers.CreateLogger("Sprig.Governance");
    }

    /// <summary>Starts governing with what refresh declared, the context's clock, and configuration reloads.</summary>
    /// <param name="declared">What the attributes declare, by address.</param>
    /// <param name="time">Returns the clock of timeouts, backoff and breakers: the application's <see cref="TimeProvider"/> component, else the system's.</param>
    /// <param name="compileFallback">Compiles the fallback of a contract met after refresh (its proxy asked for with <c>Get</c>).</param>
    public void Use(FrozenDictionary<string, EndpointGovernance> declared, Func<TimeProvider> time, Func<string, Type, System.Reflection.MethodInfo, CompiledEndpoint?> compileFallback)
    {
        _declared = declared;
        _compileFallback = compileFallback;
        _time = new Lazy<TimeProvider>(time);
        _settings = GovernanceConfiguration.Snapshot(_configuration);
        _reload = ChangeToken.OnChange(_configuration.GetReloadToken, Reload);
        _ = GovernanceTelemetry.Ready;
        Live[this] = 0;
    }

    /// <summary>Returns what the code declares about an address's governance.</summary>
    public EndpointGovernance Declared(string address) =>
        _declared.TryGetValue(address, out var declared) || _learned.TryGetValue(address, out declared) ? declared : EndpointGovernance.None;

    /// <summary>
    /// Reads the governance a contract declares when its proxy is first made outside refresh (<c>Get&lt;IContract&gt;()</c> of a
    /// contract no component injects), so that its calls are governed as an injected proxy's are.
    /// </summary>
    /// <exception cref="ContainerException">The contract's fallback is no component, or lacks a method.</exception>
    public void Learn(Remoting.ContractInfo contract)
    {
        var learned = false;
        foreach (var method in contract.Methods)
        {
            var address = $"{contract.Namespace}/{contract.Component}/{method.Endpoint}";
            if (_declared.ContainsKey(address) || _learned.ContainsKey(address))
            {
                continue;
            }

            var governance = EndpointGovernance.Read(method.Method, null, method.Idempotent);
            if (governance.FallbackType is { } type && _compileFallback is { } compile)
            {
                governance.Fallback = compile(address, type, method.Method);
            }

            learned |= _learned.TryAdd(address, governance);
        }

        if (learned)
        {
            // Policies made before (none, as no call could have been made without the proxy) are read again.
            Interlocked.Increment(ref _generation);
        }
    }

    /// <summary>Returns the policy calls of an address get now (for tests and diagnostics).</summary>
    public GovernancePolicy PolicyOf(string address, bool remote) => For(address, remote).Policy;

    /// <summary>Makes a unary call under its address's governance; a failure after governance runs the fallback when there is one.</summary>
    /// <param name="address">The endpoint's address.</param>
    /// <param name="remote">Whether the call goes to another process (remote defaults: a timeout and a breaker).</param>
    /// <param name="idempotent">Whether the call is safe to run twice.</param>
    /// <param name="arguments">The call's arguments, for the fallback.</param>
    /// <param name="state">What <paramref name="call"/> needs.</param>
    /// <param name="call">One attempt; its token fires at the attempt's timeout or when the caller cancels.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public Task<JsonElement> InvokeAsync<TState>(string address, bool remote, bool idempotent, JsonElement arguments, TState state,
        Func<TState, CancellationToken, Task<JsonElement>> call, CancellationToken cancellationToken)
    {
        var governed = For(address, remote);
        // With every policy off and no fallback, a call is just the call.
        return governed.Ungoverned ? call(state, cancellationToken) : GovernedAsync(governed, idempotent, arguments, state, call, cancellationToken);
    }

    private async Task<JsonElement> GovernedAsync<TState>(Governed governed, bool idempotent, JsonElement arguments, TState state,
        Func<TState, CancellationToken, Task<JsonElement>> call, CancellationToken cancellationToken)
    {
        var address = governed.Address;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(PollyKeys.Idempotent, idempotent || governed.Declared.Idempotent);
        try
        {
            return await governed.Unary.ExecuteAsync(
                static (resilience, s) => new ValueTask<JsonElement>(s.call(s.state, resilience.CancellationToken)), context, (call, state)).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = Failure(governed, ex);
            if (governed.Declared.Fallback is { } fallback && (failure?.StatusCode ?? 500) >= 500)
            {
                UsingFallback(governed, failure, ex);
                return await _context.EndpointsCore.RunFallbackAsync(fallback, arguments, cancellationToken).ConfigureAwait(false);
            }

            GovernanceTelemetry.Failed(address, failure?.StatusCode ?? 500);
            if (failure is null || ReferenceEquals(failure, ex))
            {
                throw;
            }

            throw failure;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Opens a stream under its address's governance: retries, the breaker and the timeout cover the wait for the first item
    /// (never later: items already read cannot be taken back); a failure before it runs the fallback's stream when there is one.
    /// </summary>
    public IAsyncEnumerable<JsonElement> StreamAsync<TState>(string address, bool remote, bool idempotent, JsonElement arguments, TState state,
        Func<TState, CancellationToken, IAsyncEnumerable<JsonElement>> open, CancellationToken cancellationToken)
    {
        var governed = For(address, remote);
        return governed.UngovernedStream ? open(state, cancellationToken) : StreamAsync(governed, idempotent, arguments, state, open, cancellationToken);
    }

    private async IAsyncEnumerable<JsonElement> StreamAsync<TState>(Governed governed, bool idempotent, JsonElement arguments, TState state,
        Func<TState, CancellationToken, IAsyncEnumerable<JsonElement>> open, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(governed, idempotent, arguments, state, open, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!opened.HasFirst)
            {
                yield break;
            }

            yield return opened.Enumerator.Current;
            while (await opened.Enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                yield return opened.Enumerator.Current;
            }
        }
        finally
        {
            await opened.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<OpenStream> OpenAsync<TState>(Governed governed, bool idempotent, JsonElement arguments, TState state,
        Func<TState, CancellationToken, IAsyncEnumerable<JsonElement>> open, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(PollyKeys.Idempotent, idempotent || governed.Declared.Idempotent);
        try
        {
            return await governed.Stream.ExecuteAsync(
                static (resilience, s) => s.self.AttemptAsync(s.governed, s.state, s.open, resilience.CancellationToken), context, (self: this, governed, state, open))
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = Failure(governed, ex);
            if (governed.Declared.Fallback is { } fallback && (failure?.StatusCode ?? 500) >= 500)
            {
                UsingFallback(governed, failure, ex);
                var enumerator = _context.EndpointsCore.RunFallbackStream(fallback, arguments, cancellationToken).GetAsyncEnumerator(cancellationToken);
                try
                {
                    return new OpenStream(enumerator, await enumerator.MoveNextAsync().ConfigureAwait(false), null);
                }
                catch
                {
                    await DisposeQuietlyAsync(enumerator).ConfigureAwait(false);
                    throw;
                }
            }

            GovernanceTelemetry.Failed(governed.Address, failure?.StatusCode ?? 500);
            if (failure is null || ReferenceEquals(failure, ex))
            {
                throw;
            }

            throw failure;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// One attempt to open a stream: until its first item (or its end), under the attempt's timeout. The timeout is a wait on
    /// the first item, not a timer on the stream's token: when it passes, the attempt's own source is cancelled (the endpoint's
    /// token fires); once the first item is there, nothing can cancel the rest of the stream but the caller.
    /// </summary>
    private async ValueTask<OpenStream> AttemptAsync<TState>(Governed governed, TState state, Func<TState, CancellationToken, IAsyncEnumerable<JsonElement>> open,
        CancellationToken cancellationToken)
    {
        var limit = governed.Policy.StreamTimeout;
        var linked = limit is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = linked?.Token ?? cancellationToken;
        IAsyncEnumerator<JsonElement>? enumerator = null;
        try
        {
            enumerator = open(state, token).GetAsyncEnumerator(token);
            var first = enumerator.MoveNextAsync();
            var hasFirst = limit is { } timeout && !first.IsCompleted
                ? await FirstWithinAsync(first.AsTask(), timeout, linked!, governed, cancellationToken).ConfigureAwait(false)
                : await first.ConfigureAwait(false);
            return new OpenStream(enumerator, hasFirst, linked);
        }
        catch
        {
            if (enumerator is not null)
            {
                await DisposeQuietlyAsync(enumerator).ConfigureAwait(false);
            }

            linked?.Dispose();
            throw;
        }
    }

    /// <summary>Waits for a stream's first item; past the timeout, cancels the attempt, lets it end, and reports the timeout.</summary>
    private async Task<bool> FirstWithinAsync(Task<bool> first, TimeSpan timeout, CancellationTokenSource attempt, Governed governed, CancellationToken cancellationToken)
    {
        try
        {
            return await first.WaitAsync(timeout, _time.Value, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await attempt.CancelAsync().ConfigureAwait(false);
            try
            {
                // The endpoint sees its token fire; its enumerator is disposed only once the pending step has ended.
                await first.WaitAsync(timeout, _time.Value, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Cancelled, or it failed on its own as it was cancelled: the timeout is what the caller learns.
            }

            throw new TimeoutRejectedException(Errors.GovernanceTimedOut(governed.Address, timeout, governed.Policy.TimeoutSource), timeout);
        }
    }

    private static async ValueTask DisposeQuietlyAsync(IAsyncEnumerator<JsonElement> enumerator)
    {
        try
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The attempt's own failure is the one to report.
        }
    }

    /// <summary>
    /// Admits one served call of an address to its concurrency limit: a lease to dispose when the call ends, or null when the
    /// endpoint has no limit. Excess calls wait in the queue; beyond it they are refused.
    /// </summary>
    /// <exception cref="EndpointCallException">The limit and its queue are full (503, <see cref="EndpointCallException.NotStarted"/>, <see cref="EndpointCallException.RetryAfter"/>).</exception>
    public ValueTask<RateLimitLease?> EnterAsync(string address, CancellationToken cancellationToken)
    {
        var limit = LimitOf(address);
        if (limit.Limiter is not { } limiter)
        {
            return new ValueTask<RateLimitLease?>((RateLimitLease?)null);
        }

        var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return new ValueTask<RateLimitLease?>(lease);
        }

        lease.Dispose();
        return WaitAsync(limit, limiter, cancellationToken);
    }

    private async ValueTask<RateLimitLease?> WaitAsync(Limit limit, ConcurrencyLimiter limiter, CancellationToken cancellationToken)
    {
        var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        GovernanceLog.Rejected(_logger, limit.Address, limit.Policy.MaxConcurrency, limit.Policy.MaxQueue);
        GovernanceTelemetry.Rejected(limit.Address, "limit");
        throw new EndpointCallException(Errors.GovernanceLimitReached(limit.Address, limit.Policy.MaxConcurrency, limit.Policy.MaxQueue), limit.Address, 503, ComponentOf(limit.Address))
        {
            NotStarted = true,
            RetryAfter = BusyRetryAfter,
        };
    }

    public void Dispose()
    {
        _reload?.Dispose();
        Live.TryRemove(this, out _);
    }

    /// <summary>Returns how many served calls of an address wait for a slot of its limit now.</summary>
    public long Queued(string address) =>
        _limits.TryGetValue(address, out var limit) && limit.Limiter?.GetStatistics() is { } statistics ? statistics.CurrentQueuedCount : 0;

    /// <summary>Lists the queue length of every limited endpoint of every live context, for the gauge.</summary>
    public static IEnumerable<Measurement<long>> QueueLengths()
    {
        foreach (var governor in Live.Keys)
        {
            foreach (var limit in governor._limits.Values)
            {
                if (limit.Limiter?.GetStatistics() is { } statistics)
                {
                    yield return new Measurement<long>(statistics.CurrentQueuedCount, new KeyValuePair<string, object?>("sprig.address", limit.Address));
                }
            }
        }
    }

    /// <summary>Lists the state of every circuit of every live context, for the gauge.</summary>
    public static IEnumerable<Measurement<int>> BreakerStates()
    {
        foreach (var governor in Live.Keys)
        {
            foreach (var governed in governor._remote.Values.Concat(governor._local.Values))
            {
                if (governed.Policy.BreakAfterFailures > 0)
                {
                    yield return new Measurement<int>(governed.State, new KeyValuePair<string, object?>("sprig.address", governed.Address));
                }
            }
        }
    }

    private static string ComponentOf(string address) => Remoting.RemoteEndpoints.Parse(address)?.Component ?? address;

    private void UsingFallback(Governed governed, EndpointCallException? failure, Exception ex)
    {
        var fallback = Errors.TypeName(governed.Declared.FallbackType!);
        GovernanceLog.FallbackUsed(_logger, governed.Address, failure?.StatusCode ?? 500, fallback, failure?.Message ?? ex.Message);
        GovernanceTelemetry.FallbackUsed(governed.Address, fallback);
    }

    /// <summary>Turns what the pipeline threw into the exception the caller sees; null for an endpoint's own exception (a local call's).</summary>
    private static EndpointCallException? Failure(Governed governed, Exception exception) => exception switch
    {
        EndpointCallException call => call,
        TimeoutRejectedException timeout => new EndpointCallException(
            Errors.GovernanceTimedOut(governed.Address, governed.Policy.Timeout ?? timeout.Timeout, governed.Policy.TimeoutSource), governed.Address, 504, ComponentOf(governed.Address), timeout),
        BrokenCircuitException open => new EndpointCallException(
            Errors.GovernanceCircuitOpen(governed.Address, governed.Policy.BreakAfterFailures, open.RetryAfter), governed.Address, 503, ComponentOf(governed.Address), open)
        {
            NotStarted = true,
            RetryAfter = open.RetryAfter,
        },
        _ => null,
    };

    private Governed For(string address, bool remote)
    {
        var table = remote ? _remote : _local;
        var generation = _generation;
        if (table.TryGetValue(address, out var governed) && governed.Generation == generation)
        {
            return governed;
        }

        lock (_rebuild)
        {
            if (table.TryGetValue(address, out governed) && governed.Generation == generation)
            {
                return governed;
            }

            var fresh = Build(address, remote, governed, generation);
            table[address] = fresh;
            return fresh;
        }
    }

    private Limit LimitOf(string address)
    {
        var generation = _generation;
        if (_limits.TryGetValue(address, out var limit) && limit.Generation == generation)
        {
            return limit;
        }

        lock (_rebuild)
        {
            return _limits.TryGetValue(address, out limit) && limit.Generation == generation ? limit : RebuildLimit(address, limit, generation);
        }
    }

    private Limit RebuildLimit(string address, Limit? limit, int generation)
    {
        var policy = Resolve(address, remote: false);
        var fresh = limit is not null && limit.Policy.MaxConcurrency == policy.MaxConcurrency && limit.Policy.MaxQueue == policy.MaxQueue
            ? limit with { Generation = generation }
            : new Limit(address, policy, generation, policy.MaxConcurrency > 0
                ? new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = policy.MaxConcurrency, QueueLimit = policy.MaxQueue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst })
                : null);
        _limits[address] = fresh;
        return fresh;
    }

    private Governed Build(string address, bool remote, Governed? previous, int generation)
    {
        var policy = Resolve(address, remote);
        // Kept (with its breaker's state) only when neither the settings nor the declarations changed: a contract learned after
        // a first call brings its fallback and idempotence.
        if (previous is not null && previous.Policy == policy && ReferenceEquals(previous.Declared, Declared(address)))
        {
            previous.Generation = generation;
            return previous;
        }

        if (previous is not null)
        {
            GovernanceLog.PolicyChanged(_logger, address, policy.Describe());
        }

        return new Governed(this, address, policy, Declared(address), generation);
    }

    /// <summary>Merges an address's settings: its configuration, over its attributes, over the configured defaults, over the built-in ones.</summary>
    private GovernancePolicy Resolve(string address, bool remote)
    {
        var declared = Declared(address);
        var settings = _settings;
        var section = GovernanceConfiguration.SectionOf(address);
        var own = settings.GetValueOrDefault(GovernanceConfiguration.SnapshotKeyOf(address));
        var defaults = settings.GetValueOrDefault("Defaults");
        var values = own.Over(declared.Declared).Over(defaults).Over(GovernanceValues.BuiltIn(remote));
        var source = own.TimeoutMs != 0 ? $"{section}:TimeoutMs"
            : declared.Declared.TimeoutMs != 0 ? $"[Governance(TimeoutMs = {declared.Declared.TimeoutMs})] on {declared.DeclaredOn}"
            : defaults.TimeoutMs != 0 ? $"{GovernanceConfiguration.DefaultsSection}:TimeoutMs"
            : "the default for calls to other processes; set Sprig:Governance:Defaults:TimeoutMs or [Governance(TimeoutMs = ...)] to change it";
        var explicitTimeout = own.TimeoutMs != 0 || declared.Declared.TimeoutMs != 0 || defaults.TimeoutMs != 0;
        var policy = GovernancePolicy.From(values, source);
        return policy with { StreamTimeout = explicitTimeout ? policy.Timeout : null };
    }

    private void Reload()
    {
        var problems = GovernanceConfiguration.Validate(_configuration);
        if (problems.Count > 0)
        {
            GovernanceLog.ReloadRejected(_logger, string.Join(" ", problems));
            return;
        }

        _settings = GovernanceConfiguration.Snapshot(_configuration);
        Interlocked.Increment(ref _generation);
    }

    private static bool Retriable(Exception? exception, bool idempotent) => exception switch
    {
        EndpointCallException { NotStarted: true } => true,
        EndpointCallException { StatusCode: 502 or 503 or 504 } => idempotent,
        TimeoutRejectedException => idempotent,
        _ => false,
    };

    private static bool Unwell(Exception? exception) =>
        exception is EndpointCallException { StatusCode: 502 or 503 or 504 } or TimeoutRejectedException;

    private static string Reason(Exception? exception) => exception switch
    {
        EndpointCallException call => $"{call.StatusCode}: {call.Message}",
        null => "no exception",
        _ => exception.Message,
    };

    /// <summary>The serving side's limit of one address, for one configuration generation.</summary>
    private sealed record Limit(string Address, GovernancePolicy Policy, int Generation, ConcurrencyLimiter? Limiter);

    /// <summary>An opened stream: its enumerator, whether it has a first item, and what to dispose with it.</summary>
    private sealed class OpenStream(IAsyncEnumerator<JsonElement> enumerator, bool hasFirst, IDisposable? linked) : IAsyncDisposable
    {
        public IAsyncEnumerator<JsonElement> Enumerator => enumerator;

        public bool HasFirst => hasFirst;

        public async ValueTask DisposeAsync()
        {
            try
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                linked?.Dispose();
            }
        }
    }
}
