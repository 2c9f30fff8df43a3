using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace ParallelSum.Orleans;

/// <summary>
/// The resilience of every range, in one place: one Polly pipeline built from <see cref="DistributedStrategyOptions"/>.
/// <list type="number">
/// <item><description>Retry (outer): up to <see cref="DistributedStrategyOptions.MaxAttemptsPerRange"/> attempts in all, waiting
/// <see cref="DistributedStrategyOptions.RetryDelay"/> before the second, then exponentially longer with jitter, at most
/// <see cref="DistributedStrategyOptions.MaxRetryDelay"/>. It retries every failure but two: a refusal by a silo
/// (<see cref="DistributedSumException"/>: over one of its limits, or its queue full), and a cancellation of the request
/// itself (by the caller, or because another range failed for good).</description></item>
/// <item><description>Timeout (inner, per attempt): <see cref="DistributedStrategyOptions.RangeTimeout"/>; when it passes, the
/// attempt's grain call is cancelled (Orleans carries the cancellation to the silo) and the attempt fails with
/// <see cref="TimeoutRejectedException"/>, which the retry handles.</description></item>
/// </list>
/// Telemetry: each retry is logged (event 1) and counted (<c>parallelsum.orleans.ranges.retried</c>); every resilience event
/// and every attempt's duration go to the package's meter through <see cref="ResilienceMeterListener"/>, and to Polly's own
/// meter (<c>Polly</c>) with Polly's standard instruments.
/// </summary>
internal static class RangeResilience
{
    /// <summary>The pipeline's name in telemetry (the <c>pipeline.name</c> tag).</summary>
    public const string PipelineName = "ParallelSum.Orleans.Range";

    /// <summary>The range an execution of the pipeline is for, for the retry's log line.</summary>
    public static readonly ResiliencePropertyKey<RangeAttempt> Range = new("parallelsum.range");

    /// <summary>Builds the pipeline the options describe.</summary>
    public static ResiliencePipeline Create(DistributedStrategyOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { Name = PipelineName };
        if (options.MaxAttemptsPerRange > 1)
        {
            int maxAttempts = options.MaxAttemptsPerRange;
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsRetryable(e, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    Instruments.RangesRetried.Add(1);
                    if (logger.IsEnabled(LogLevel.Warning) && args.Context.Properties.TryGetValue(Range, out RangeAttempt? range))
                    {
                        Exception? error = args.Outcome.Exception;
                        Log.RangeRetried(logger, range.Id, range.Start, range.End, args.AttemptNumber + 1, maxAttempts, $"{error?.GetType().Name}: {error?.Message}", Durations.Seconds(args.RetryDelay));
                    }

                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.RangeTimeout });

        // Polly's own log lines would repeat event 1 without the range: the package logs its own, with the range.
        var telemetry = new TelemetryOptions { LoggerFactory = NullLoggerFactory.Instance };
        telemetry.TelemetryListeners.Add(ResilienceMeterListener.Instance);
        return builder.ConfigureTelemetry(telemetry).Build();
    }

    /// <summary>Whether the pipeline retries <paramref name="error"/>: every failure but a refusal by a silo and a
    /// cancellation of the request (<paramref name="requestToken"/>).</summary>
    public static bool IsRetryable(Exception error, CancellationToken requestToken) =>
        error is not DistributedSumException && !(error is OperationCanceledException && requestToken.IsCancellationRequested);
}
