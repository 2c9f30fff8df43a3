using Polly;
using Polly.Timeout;

namespace ParallelSum.Orleans.Tests;

/// <summary>
/// The ranges' resilience pipeline as the options build it, without a cluster: how many attempts, what is retried and what is
/// not, the backoff, the per-attempt timeout, and the telemetry on the package's meter and log.
/// </summary>
// In the in-process clusters' collection: its requests use the same process-wide instruments of the meter.
[Collection(InProcessClusters.Name)]
public sealed class RangeResilienceTests
{
    private static readonly RangeAttempt Range = new(7, 1000, 2000);

    [Fact]
    public async Task AFailingAttempt_IsTriedMaxAttemptsPerRangeTimes_ThenItsErrorComesOut()
    {
        var logger = new ListLogger<DistributedStrategy>();
        ResiliencePipeline pipeline = RangeResilience.Create(new DistributedStrategyOptions { MaxAttemptsPerRange = 4, RetryDelay = TimeSpan.Zero }, logger);
        int attempts = 0;
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync<int>(pipeline, _ =>
        {
            attempts++;
            throw new InvalidOperationException("silo gone");
        }, CancellationToken.None));
        Assert.Equal("silo gone", e.Message);
        Assert.Equal(4, attempts);

        // Event 1 for each retry, naming the range and the attempt.
        ListLogger<DistributedStrategy>.Entry[] retries = [.. logger.Entries.Where(l => l.EventId == 1)];
        Assert.Equal([1, 2, 3], retries.Select(r => (int)r.Values["Attempt"]!));
        Assert.All(retries, r => Assert.StartsWith("Range 7 [1000, 2000) attempt ", r.Message, StringComparison.Ordinal));
        Assert.All(retries, r => Assert.Contains("of 4 failed (InvalidOperationException: silo gone)", r.Message, StringComparison.Ordinal));

        // The wait reads as seconds, not as a TimeSpan's 00:00:00.
        Assert.All(retries, r => Assert.EndsWith("; retrying in 0 s", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OneAttempt_MeansNoRetry()
    {
        ResiliencePipeline pipeline = RangeResilience.Create(new DistributedStrategyOptions { MaxAttemptsPerRange = 1 }, new ListLogger<DistributedStrategy>());
        int attempts = 0;
        await Assert.ThrowsAsync<TimeoutException>(() => RunAsync<int>(pipeline, _ =>
        {
            attempts++;
            throw new TimeoutException();
        }, CancellationToken.None));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task ARefusalBySilo_AndACancelledRequest_AreNotRetried()
    {
        ResiliencePipeline pipeline = RangeResilience.Create(new DistributedStrategyOptions { RetryDelay = TimeSpan.Zero }, new ListLogger<DistributedStrategy>());
        int attempts = 0;
        await Assert.ThrowsAsync<DistributedSumException>(() => RunAsync<int>(pipeline, _ =>
        {
            attempts++;
            throw new DistributedSumException("its queue is full");
        }, CancellationToken.None));
        Assert.Equal(1, attempts);

        using var request = new CancellationTokenSource();
        attempts = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(pipeline, async token =>
        {
            attempts++;
            await request.CancelAsync();
            token.ThrowIfCancellationRequested();
            return 0;
        }, request.Token));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task ACancellationThatIsNotTheRequests_IsRetriedLikeAnyFailure()
    {
        // Orleans may cancel a call of its own accord (a connection reset): that is the silo's failure, not the caller's wish.
        ResiliencePipeline pipeline = RangeResilience.Create(new DistributedStrategyOptions { RetryDelay = TimeSpan.Zero }, new ListLogger<DistributedStrategy>());
        int attempts = 0;
        int result = await RunAsync(pipeline, _ => ++attempts == 1 ? throw new TaskCanceledException("connection reset") : ValueTask.FromResult(42), CancellationToken.None);
        Assert.Equal(42, result);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task AnAttemptOverRangeTimeout_IsCancelled_AndRetried_WithTheEventsOnThePackagesMeter()
    {
        using var meter = new MeterRecorder();
        ResiliencePipeline pipeline = RangeResilience.Create(
            new DistributedStrategyOptions { RangeTimeout = TimeSpan.FromMilliseconds(50), RetryDelay = TimeSpan.Zero }, new ListLogger<DistributedStrategy>());
        int attempts = 0;
        bool firstWasCancelled = false;
        int result = await RunAsync(pipeline, async token =>
        {
            if (++attempts == 1)
            {
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, token);
                }
                catch (OperationCanceledException)
                {
                    firstWasCancelled = true;
                    throw;
                }
            }

            return 5;
        }, CancellationToken.None);

        Assert.Equal(5, result);
        Assert.True(firstWasCancelled);
        MeterRecorder.Measurement[] events = meter.Of("parallelsum.orleans.resilience.events");
        MeterRecorder.Measurement timeout = Assert.Single(events, m => m.Tag("event.name") == "OnTimeout");
        Assert.Equal(RangeResilience.PipelineName, timeout.Tag("pipeline.name"));
        Assert.Equal("attempt-timeout", timeout.Tag("strategy.name"));
        MeterRecorder.Measurement retry = Assert.Single(events, m => m.Tag("event.name") == "OnRetry");
        Assert.Equal(typeof(TimeoutRejectedException).FullName, retry.Tag("exception.type"));
        Assert.Equal(1, meter.Sum("parallelsum.orleans.ranges.retried"));
        Assert.Equal(["False", "True"], meter.Of("parallelsum.orleans.resilience.attempt.duration").Select(m => m.Tag("attempt.handled")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Backoff_GrowsWithJitter_AndNeverExceedsMaxRetryDelay()
    {
        var logger = new ListLogger<DistributedStrategy>();
        var options = new DistributedStrategyOptions { MaxAttemptsPerRange = 12, RetryDelay = TimeSpan.FromMilliseconds(2), MaxRetryDelay = TimeSpan.FromMilliseconds(20) };
        ResiliencePipeline pipeline = RangeResilience.Create(options, logger);
        await Assert.ThrowsAsync<IOException>(() => RunAsync<int>(pipeline, _ => throw new IOException("down"), CancellationToken.None));
        Assert.All(logger.Entries.Where(l => l.EventId == 1), l => Assert.Matches(@"; retrying in 0(\.0[0-9]{1,2})? s$", l.Message));

        TimeSpan[] delays = [.. logger.Entries.Where(l => l.EventId == 1).Select(l => TimeSpan.FromSeconds((double)l.Values["DelaySeconds"]!))];
        Assert.Equal(11, delays.Length);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, options.MaxRetryDelay));
        Assert.True(delays.Distinct().Count() > 2, $"no jitter: {string.Join(", ", delays)}");
        Assert.Contains(delays.Skip(6), d => d > options.RetryDelay * 2); // exponential: the later waits outgrow the first
    }

    private static async Task<T> RunAsync<T>(ResiliencePipeline pipeline, Func<CancellationToken, ValueTask<T>> attempt, CancellationToken requestToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(requestToken);
        context.Properties.Set(RangeResilience.Range, Range);
        try
        {
            return await pipeline.ExecuteAsync((c, state) => state(c.CancellationToken), context, attempt);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
