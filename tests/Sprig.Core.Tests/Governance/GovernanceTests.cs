using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Sprig.Tests.Shared;

namespace Sprig.Tests.Governance;

/// <summary>
/// Governance of calls made in one process: the timeout, retries only when safe, the circuit breaker opening and recovering,
/// fallbacks, the serving side's limit, and configuration over attributes with reload. Time is a FakeTimeProvider's.
/// </summary>
public sealed class GovernanceTests : IAsyncLifetime
{
    private readonly GovernanceFixture _fixture = new();

    [ComponentContract(Namespace = "remote")]
    public interface IPrices
    {
        Task<decimal> PriceAsync(string sku);

        [Endpoint(Idempotent = true)]
        Task<decimal> QuoteAsync(string sku);

        [Endpoint(Idempotent = true)]
        IAsyncEnumerable<int> TicksAsync(int count);
    }

    [ComponentContract(Namespace = "remote"), Fallback(typeof(CachedStock))]
    public interface IStock
    {
        Task<int> CountAsync(string sku);
    }

    /// <summary>The fallback of IStock: it implements the contract, but neither serves it nor is injected for it.</summary>
    [Component]
    public sealed class CachedStock(Signals signals) : IStock
    {
        public Task<int> CountAsync(string sku)
        {
            signals.Ran("fallback");
            return Task.FromResult(sku.Length);
        }
    }

    [Component]
    public sealed class Shop(IStock stock)
    {
        public IStock Stock => stock;
    }

    [Component(Namespace = "gov")]
    public sealed class Slow(Signals signals)
    {
        [Endpoint("wait"), Governance(TimeoutMs = 200)]
        public async Task<int> WaitAsync(CancellationToken cancellationToken)
        {
            await signals.HangUntilCancelledAsync(cancellationToken);

            return 1;
        }

        [Endpoint("ticks"), Governance(TimeoutMs = 100)]
        public async IAsyncEnumerable<int> TicksAsync(bool firstAtOnce, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (firstAtOnce)
            {
                yield return 1;
                await signals.Release.Task;
                yield return 2;
                yield break;
            }

            await signals.HangUntilCancelledAsync(cancellationToken);

            yield return 1;
        }

        [Endpoint("held"), Governance(MaxConcurrency = 1, MaxQueue = 1, Retries = -1)]
        public async Task<int> HeldAsync(int n)
        {
            signals.Ran("held");
            signals.Started.TrySetResult();
            await signals.Release.Task;
            return n;
        }
    }

    [ComponentContract(Namespace = "gov"), Fallback(typeof(SpareQuotes))]
    public interface IQuotes
    {
        [Governance(TimeoutMs = 100)]
        Task<string> QuoteAsync(string sku, CancellationToken cancellationToken);
    }

    /// <summary>A local implementation of a governed contract: callers get the contract's routing proxy, which governs each call.</summary>
    [Service(Namespace = "gov")]
    public sealed class Quotes(Signals signals) : IQuotes
    {
        public async Task<string> QuoteAsync(string sku, CancellationToken cancellationToken)
        {
            signals.Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return sku;
        }
    }

    [Component]
    public sealed class SpareQuotes
    {
        public Task<string> QuoteAsync(string sku, CancellationToken cancellationToken) => Task.FromResult($"{sku}: last known");
    }

    [Component]
    public sealed class Counter(IQuotes quotes)
    {
        public IQuotes Quotes => quotes;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Timeout_CancelsTheEndpointsToken_AndTheCallerGets504()
    {
        var context = _fixture.Start(null, typeof(Slow));

        var call = context.Endpoints.InvokeAsync("gov/Slow/wait", default);
        await _fixture.Signals.Started.Task.WaitAsync(GovernanceFixture.Bound);
        _fixture.Time.Advance(TimeSpan.FromMilliseconds(200));

        var thrown = (await call.Invoking(c => c.WaitAsync(GovernanceFixture.Bound)).Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.Message.Should().Be(
            "Calling 'gov/Slow/wait' took longer than 200 ms ([Governance(TimeoutMs = 200)] on GovernanceTests.Slow.WaitAsync), so the call was cancelled. "
            + "The endpoint may be slow or stuck; raise TimeoutMs if it needs longer, or make it faster.");
        thrown.StatusCode.Should().Be(504);
        await _fixture.Signals.Cancelled.Task.WaitAsync(GovernanceFixture.Bound);
        _fixture.GovernanceLog().Should().Equal(
            "The call of gov/Slow/wait timed out after 200 ms ([Governance(TimeoutMs = 200)] on GovernanceTests.Slow.WaitAsync).");
    }

    [Fact]
    public async Task Timeout_OfAStream_CoversTheWaitForItsFirstItem_AndCancelsTheEndpoint()
    {
        var context = _fixture.Start(null, typeof(Slow));
        await using var items = context.Endpoints.StreamAsync("gov/Slow/ticks", JsonSerializer.SerializeToElement(false)).GetAsyncEnumerator();

        var first = items.MoveNextAsync().AsTask();
        await _fixture.Signals.Started.Task.WaitAsync(GovernanceFixture.Bound);
        _fixture.Time.Advance(TimeSpan.FromMilliseconds(100));

        var thrown = (await first.Invoking(f => f.WaitAsync(GovernanceFixture.Bound)).Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.Message.Should().Be(
            "Calling 'gov/Slow/ticks' took longer than 100 ms ([Governance(TimeoutMs = 100)] on GovernanceTests.Slow.TicksAsync), so the call was cancelled. "
            + "The endpoint may be slow or stuck; raise TimeoutMs if it needs longer, or make it faster.");
        thrown.StatusCode.Should().Be(504);
        await _fixture.Signals.Cancelled.Task.WaitAsync(GovernanceFixture.Bound);
    }

    [Fact]
    public async Task Timeout_OfAStream_NeverCutsItOff_AfterItsFirstItem()
    {
        var context = _fixture.Start(null, typeof(Slow));
        await using var items = context.Endpoints.StreamAsync("gov/Slow/ticks", JsonSerializer.SerializeToElement(true)).GetAsyncEnumerator();

        (await items.MoveNextAsync()).Should().BeTrue();
        var second = items.MoveNextAsync().AsTask();
        _fixture.Time.Advance(TimeSpan.FromSeconds(10));
        _fixture.Signals.Release.SetResult();

        (await second.WaitAsync(GovernanceFixture.Bound)).Should().BeTrue();
        items.Current.GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Configuration_WinsOverTheAttribute_AndAReloadAppliesToTheNextCall()
    {
        var context = _fixture.Start(new Dictionary<string, string?> { ["Sprig:Governance:gov:Slow:wait:TimeoutMs"] = "1000" }, typeof(Slow));
        context.Governor.PolicyOf("gov/Slow/wait", remote: false).Timeout.Should().Be(TimeSpan.FromSeconds(1));

        _fixture.Configuration["Sprig:Governance:gov:Slow:wait:TimeoutMs"] = "50";
        ((IConfigurationRoot)_fixture.Configuration).Reload();

        var call = context.Endpoints.InvokeAsync("gov/Slow/wait", default);
        await _fixture.Signals.Started.Task.WaitAsync(GovernanceFixture.Bound);
        _fixture.Time.Advance(TimeSpan.FromMilliseconds(50));
        var thrown = (await call.Invoking(c => c.WaitAsync(GovernanceFixture.Bound)).Should().ThrowAsync<EndpointCallException>()).Which;
        thrown.Message.Should().StartWith("Calling 'gov/Slow/wait' took longer than 50 ms (Sprig:Governance:gov:Slow:wait:TimeoutMs), so the call was cancelled.");
    }

    [Fact]
    public async Task Reload_WithABadValue_KeepsThePreviousSettings_AndLogsWhy()
    {
        var context = _fixture.Start(new Dictionary<string, string?> { ["Sprig:Governance:Defaults:TimeoutMs"] = "700" }, typeof(Slow));

        _fixture.Configuration["Sprig:Governance:Defaults:TimeoutMs"] = "soon";
        ((IConfigurationRoot)_fixture.Configuration).Reload();

        context.Governor.PolicyOf("remote/Prices/PriceAsync", remote: true).Timeout.Should().Be(TimeSpan.FromMilliseconds(700));
        _fixture.GovernanceLog().Should().Equal(
            "The governance configuration was reloaded with errors, so the previous settings stay in force: Configuration key "
            + "'Sprig:Governance:Defaults:TimeoutMs' is 'soon', which is not a whole number of at least -1. Set TimeoutMs to a number, 0 for the default, or -1 to turn it off.");
    }

    [Fact]
    public void Refresh_Fails_OnAMisspeltGovernanceKey()
    {
        var act = () => _fixture.Start(new Dictionary<string, string?> { ["Sprig:Governance:Defaults:Timeout"] = "100" }, typeof(Slow));

        act.Should().Throw<ContainerException>().Which.Message.Should().Contain(
            "Configuration key 'Sprig:Governance:Defaults:Timeout' is not a governance setting. Did you mean 'TimeoutMs'? Governance keys are "
            + "Sprig:Governance:Defaults:{setting} and Sprig:Governance:{namespace}:{component}:{endpoint}:{setting}, where {setting} is "
            + "TimeoutMs, Retries, BreakAfterFailures, BreakForSeconds, MaxConcurrency or MaxQueue.");
    }

    [Fact]
    public async Task Retry_IsNeverMade_ForANonIdempotentCallThatMayHaveRun()
    {
        var context = _fixture.Start();
        _fixture.Transport.Fail(ScriptedTransport.Died("remote/Prices/PriceAsync"));

        var call = context.Get<IPrices>().PriceAsync("a-1");

        (await call.Invoking(c => c.WaitAsync(GovernanceFixture.Bound)).Should().ThrowAsync<EndpointCallException>()).Which.StatusCode.Should().Be(502);
        _fixture.Transport.Calls.Should().HaveCount(1);
        _fixture.GovernanceLog().Should().BeEmpty();
    }

    [Fact]
    public async Task Retry_IsMade_ForAnIdempotentCall_WithBackoff_UntilItSucceeds()
    {
        var context = _fixture.Start();
        _fixture.Transport.Fail(ScriptedTransport.Died("remote/Prices/QuoteAsync"), ScriptedTransport.Died("remote/Prices/QuoteAsync"));

        var price = await _fixture.DriveAsync(context.Get<IPrices>().QuoteAsync("a-1"));

        price.Should().Be(1m);
        _fixture.Transport.Calls.Should().HaveCount(3);
        _fixture.GovernanceLog().Should().HaveCount(2).And.AllSatisfy(line => line.Should().MatchRegex(
            @"^Retrying the call of remote/Prices/QuoteAsync in \d+ ms \(retry [12] of 3\): 502: The process serving 'remote/Prices/QuoteAsync' died\.$"));
    }

    [Fact]
    public async Task Retry_IsMade_ForACallThatNeverStarted_EvenWhenNotIdempotent()
    {
        var context = _fixture.Start();
        _fixture.Transport.Fail(ScriptedTransport.NobodyServes("remote/Prices/PriceAsync"));

        var price = await _fixture.DriveAsync(context.Get<IPrices>().PriceAsync("a-1"));

        price.Should().Be(1m);
        _fixture.Transport.Calls.Should().HaveCount(2);
    }

    [Fact]
    public async Task Retry_OfAStream_StopsAtItsFirstItem()
    {
        var context = _fixture.Start();
        var items = new List<int>();

        var read = async () =>
        {
            await foreach (var item in context.Get<IPrices>().TicksAsync(3))
            {
                items.Add(item);
            }
        };

        (await read.Should().ThrowAsync<EndpointCallException>()).Which.StatusCode.Should().Be(502);
        items.Should().Equal(1);
        _fixture.Transport.Calls.Should().HaveCount(1, "the stream failed after its first item, which cannot be taken back");
    }

    [Fact]
    public async Task Breaker_OpensAfterFailuresInARow_RefusesWithoutACall_ThenAProbeClosesIt()
    {
        var context = _fixture.Start(new Dictionary<string, string?> { ["Sprig:Governance:Defaults:Retries"] = "-1" });
        var prices = context.Get<IPrices>();
        _fixture.Transport.Fail(
            ScriptedTransport.Died("remote/Prices/PriceAsync"), ScriptedTransport.Died("remote/Prices/PriceAsync"), ScriptedTransport.Died("remote/Prices/PriceAsync"));
        for (var i = 0; i < 3; i++)
        {
            (await prices.Invoking(p => p.PriceAsync("a")).Should().ThrowAsync<EndpointCallException>()).Which.StatusCode.Should().Be(502);
        }

        var refused = (await prices.Invoking(p => p.PriceAsync("a")).Should().ThrowAsync<EndpointCallException>()).Which;

        refused.Message.Should().Be(
            "Calling 'remote/Prices/PriceAsync' was refused without sending it: its circuit is open after 3 failed calls in a row, for 60 s more. "
            + "Fix what makes the endpoint fail (the log names the last failure), or tune BreakAfterFailures / BreakForSeconds in [Governance] or Sprig:Governance.");
        refused.StatusCode.Should().Be(503);
        refused.NotStarted.Should().BeTrue();
        refused.RetryAfter.Should().Be(TimeSpan.FromSeconds(60));
        _fixture.Transport.Calls.Should().HaveCount(3, "an open circuit sends nothing");

        _fixture.Time.Advance(TimeSpan.FromSeconds(60));
        (await prices.PriceAsync("a")).Should().Be(1m, "the probe call succeeds");
        (await prices.PriceAsync("a")).Should().Be(1m);
        _fixture.Transport.Calls.Should().HaveCount(5);
        _fixture.GovernanceLog().Should().Equal(
            "The circuit of remote/Prices/PriceAsync opened for 60 s after 3 failed calls in a row; calls fail at once with 503 until a probe call succeeds. "
            + "Last failure: 502: The process serving 'remote/Prices/PriceAsync' died.",
            "The circuit of remote/Prices/PriceAsync is half-open: the next call probes whether it recovered.",
            "The circuit of remote/Prices/PriceAsync closed: a probe call succeeded.");
    }

    [Fact]
    public async Task Fallback_AnswersAFailedRemoteCall_AndIsNeverInjectedForItsContract()
    {
        var context = _fixture.Start(new Dictionary<string, string?> { ["Sprig:Governance:Defaults:Retries"] = "-1" }, typeof(CachedStock), typeof(Shop));
        _fixture.Transport.Fail(ScriptedTransport.Died("remote/Stock/CountAsync"));

        var stock = context.Get<Shop>().Stock;
        var count = await stock.CountAsync("abcd");

        count.Should().Be(4);
        stock.Should().NotBeOfType<CachedStock>("the fallback implements IStock but never stands for it");
        _fixture.Signals.Runs["fallback"].Should().Be(1);
        context.Endpoints.Select(e => e.Address).Should().NotContain(a => a.StartsWith("default/CachedStock", StringComparison.Ordinal));
        _fixture.GovernanceLog().Should().Equal(
            "The call of remote/Stock/CountAsync failed (502); answering it with fallback GovernanceTests.CachedStock. Failure: The process serving 'remote/Stock/CountAsync' died.");
    }

    [Fact]
    public async Task ALocalImplementationOfAGovernedContract_IsCalledThroughItsProxy_UnderTheSameGovernance()
    {
        var context = _fixture.Start(null, typeof(Quotes), typeof(SpareQuotes), typeof(Counter));
        var quotes = context.Get<Counter>().Quotes;

        var call = quotes.QuoteAsync("a-1", CancellationToken.None);
        await _fixture.Signals.Started.Task.WaitAsync(GovernanceFixture.Bound);
        _fixture.Time.Advance(TimeSpan.FromMilliseconds(100));

        (await call.WaitAsync(GovernanceFixture.Bound)).Should().Be("a-1: last known", "the local call timed out and the fallback answered");
        quotes.Should().NotBeOfType<Quotes>().And.BeSameAs(context.Get<IQuotes>());
        context.Get<Quotes>().Should().BeOfType<Quotes>("the component itself is still there by its own type");
        _fixture.GovernanceLog().Should().Equal(
            "The call of gov/Quotes/QuoteAsync timed out after 100 ms ([Governance(TimeoutMs = 100)] on GovernanceTests.IQuotes.QuoteAsync).",
            "The call of gov/Quotes/QuoteAsync failed (504); answering it with fallback GovernanceTests.SpareQuotes. Failure: Calling 'gov/Quotes/QuoteAsync' took "
            + "longer than 100 ms ([Governance(TimeoutMs = 100)] on GovernanceTests.IQuotes.QuoteAsync), so the call was cancelled. The endpoint may be slow or "
            + "stuck; raise TimeoutMs if it needs longer, or make it faster.");
    }

    [Fact]
    public async Task Limit_QueuesUpToItsBound_ThenRefusesWith503AndRetryAfter()
    {
        var context = _fixture.Start(null, typeof(Slow));

        var first = context.Endpoints.InvokeAsync("gov/Slow/held", JsonSerializer.SerializeToElement(1));
        await _fixture.Signals.Started.Task.WaitAsync(GovernanceFixture.Bound);
        var queued = context.Endpoints.InvokeAsync("gov/Slow/held", JsonSerializer.SerializeToElement(2));
        var refused = (await context.Endpoints.Invoking(e => e.InvokeAsync("gov/Slow/held", JsonSerializer.SerializeToElement(3))).Should().ThrowAsync<EndpointCallException>()).Which;

        refused.Message.Should().Be(
            "Endpoint 'gov/Slow/held' refused the call without running it: its limit is full, with 1 running (MaxConcurrency) and 1 waiting (MaxQueue). "
            + "Try again after Retry-After, run more instances, or raise MaxConcurrency / MaxQueue in [Governance] or Sprig:Governance.");
        refused.StatusCode.Should().Be(503);
        refused.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));
        _fixture.Signals.Runs["held"].Should().Be(1, "the queued call waits, the refused one never runs");

        _fixture.Signals.Release.SetResult();
        (await first.WaitAsync(GovernanceFixture.Bound)).GetInt32().Should().Be(1);
        (await queued.WaitAsync(GovernanceFixture.Bound)).GetInt32().Should().Be(2);
        _fixture.Signals.Runs["held"].Should().Be(2);
    }

    [Fact]
    public async Task Limit_HoldsForConcurrentFirstCalls_WhichShareOneLimiter()
    {
        var context = _fixture.Start(new Dictionary<string, string?> { ["Sprig:Governance:gov:Slow:held:MaxQueue"] = "100" }, typeof(Slow));

        var calls = Enumerable.Range(0, 16).Select(i => Task.Run(() => context.Endpoints.InvokeAsync("gov/Slow/held", JsonSerializer.SerializeToElement(i)))).ToList();
        await _fixture.Signals.Started.Task.WaitAsync(GovernanceFixture.Bound);
        for (var spins = 0; context.Governor.Queued("gov/Slow/held") < 15; spins++)
        {
            spins.Should().BeLessThan(10_000_000, "the other 15 calls must reach the limit's queue");
            await Task.Yield();
        }

        _fixture.Signals.Runs["held"].Should().Be(1, "MaxConcurrency = 1 admits one call, however many arrive at once");
        _fixture.Signals.Release.SetResult();
        (await Task.WhenAll(calls).WaitAsync(GovernanceFixture.Bound)).Should().HaveCount(16);
    }

    [Fact]
    public async Task Decisions_AreCountedInMetrics_AndRecordedOnTheCallsActivity()
    {
        var measured = new System.Collections.Concurrent.ConcurrentQueue<(string Instrument, long Value)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Sprig" && instrument.Name.StartsWith("sprig.governance.", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (tags.ToArray().Any(t => t.Key == "sprig.address" && (string?)t.Value == "remote/Prices/QuoteAsync"))
            {
                measured.Enqueue((instrument.Name, value));
            }
        });
        meters.Start();
        using var traces = new TraceCollector();
        var context = _fixture.Start();
        _fixture.Transport.Fail(ScriptedTransport.Died("remote/Prices/QuoteAsync"));
        ActivityTraceId trace;

        using (var root = TraceCollector.Root())
        {
            trace = root.TraceId;
            await _fixture.DriveAsync(context.Get<IPrices>().QuoteAsync("a"));
        }

        measured.Should().Equal(("sprig.governance.retries", 1L));
        var client = traces.Of(trace).Single(a => a.Kind == ActivityKind.Client);
        client.Events.Select(e => (e.Name, e.Tags.First(t => t.Key == "sprig.attempt").Value)).Should().Equal(("sprig.retry", (object?)1));
    }
}
