using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Sprig.Telemetry;

namespace Sprig.Governance;

internal sealed partial class Governor
{
    /// <summary>
    /// The calling side of one address under one policy: Polly pipelines made on first use and the circuit's state. The circuit
    /// breaker is outermost, so it counts calls, not attempts (a call whose retries all failed is one failure, and an open circuit
    /// refuses a call before any attempt); then the retries; then each attempt's timeout (a stream's pipeline times its first item itself).
    /// </summary>
    private sealed class Governed(Governor governor, string address, GovernancePolicy policy, EndpointGovernance declared, int generation)
    {
        private ResiliencePipeline? _unary;
        private ResiliencePipeline? _stream;

        public string Address => address;

        public GovernancePolicy Policy => policy;

        public EndpointGovernance Declared => declared;

        public int Generation { get; set; } = generation;

        /// <summary>Gets whether a unary call needs no pipeline: no retries, no breaker, no timeout and no fallback.</summary>
        public bool Ungoverned { get; } = policy.Retries == 0 && policy.BreakAfterFailures == 0 && policy.Timeout is null && declared.Fallback is null;

        /// <summary>Gets whether a stream needs no pipeline: no retries, no breaker, no first-item timeout and no fallback.</summary>
        public bool UngovernedStream { get; } = policy.Retries == 0 && policy.BreakAfterFailures == 0 && policy.StreamTimeout is null && declared.Fallback is null;

        /// <summary>Gets the circuit's state for the gauge: 0 closed, 1 open, 2 half-open.</summary>
        public int State { get; private set; }

        public ResiliencePipeline Unary => _unary ??= Build(timeout: true);

        public ResiliencePipeline Stream => _stream ??= Build(timeout: false);

        private ResiliencePipeline Build(bool timeout)
        {
            var builder = new ResiliencePipelineBuilder { Name = address, TimeProvider = governor._time.Value };
            if (policy.BreakAfterFailures > 0)
            {
                builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    // Every call in the window failed, and there were at least BreakAfterFailures of them: "N failures in a row".
                    FailureRatio = 1.0,
                    MinimumThroughput = policy.BreakAfterFailures,
                    SamplingDuration = policy.BreakFor,
                    BreakDuration = policy.BreakFor,
                    ShouldHandle = args => new ValueTask<bool>(Unwell(args.Outcome.Exception)),
                    OnOpened = args =>
                    {
                        State = 1;
                        GovernanceLog.BreakerOpened(governor._logger, address, args.BreakDuration.TotalSeconds, policy.BreakAfterFailures, Reason(args.Outcome.Exception));
                        GovernanceTelemetry.Breaker(address, "open");
                        return default;
                    },
                    OnHalfOpened = args =>
                    {
                        State = 2;
                        GovernanceLog.BreakerHalfOpen(governor._logger, address);
                        GovernanceTelemetry.Breaker(address, "half-open");
                        return default;
                    },
                    OnClosed = args =>
                    {
                        State = 0;
                        GovernanceLog.BreakerClosed(governor._logger, address);
                        GovernanceTelemetry.Breaker(address, "closed");
                        return default;
                    },
                });
            }

            if (policy.Retries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = policy.Retries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(50),
                    ShouldHandle = args => new ValueTask<bool>(Retriable(args.Outcome.Exception, args.Context.Properties.GetValue(PollyKeys.Idempotent, false))),
                    // A serving process that refused the call because it is busy says when to come back.
                    DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Exception is EndpointCallException { RetryAfter: { } after } ? after : null),
                    OnRetry = args =>
                    {
                        GovernanceLog.Retrying(governor._logger, address, (long)args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, policy.Retries, Reason(args.Outcome.Exception));
                        GovernanceTelemetry.Retried(address, args.AttemptNumber + 1, Reason(args.Outcome.Exception));
                        return default;
                    },
                });
            }

            if (timeout && policy.Timeout is { } limit)
            {
                builder.AddTimeout(new TimeoutStrategyOptions
                {
                    Timeout = limit,
                    OnTimeout = args =>
                    {
                        GovernanceLog.TimedOut(governor._logger, address, args.Timeout.TotalMilliseconds, policy.TimeoutSource);
                        return default;
                    },
                });
            }

            return builder.Build();
        }
    }
}
