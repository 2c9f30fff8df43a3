using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using ParallelSum.Execution;

namespace ParallelSum.Orleans;

/// <summary>
/// Generate-and-sum on a Microsoft Orleans cluster: asks every active silo for its capacity, splits the request's indices
/// into ranges sized from those answers, sends each range through an <see cref="ISiloRangeSumGrain"/> to the silo with the
/// fewest ranges in flight for its slots (at most two ranges per silo slot in flight), and merges the partial sums exactly.
/// A range whose call fails or times out is retried on another silo (a silo that failed a range gets no more of the
/// request's ranges while another one is left);
/// each range is counted exactly once, and when a range fails on every attempt the call throws
/// <see cref="DistributedSumException"/> instead of returning a partial sum.
/// </summary>
/// <remarks>
/// <para>Safety: a request over <see cref="DistributedStrategyOptions.MaxValuesPerRequest"/>, or one a silo refuses
/// (over its limits, or its queue full), fails at once with <see cref="DistributedSumException"/>. Each attempt at a range
/// is cancelled after <see cref="DistributedStrategyOptions.RangeTimeout"/>, and the grain is given the same time limit as
/// its own deadline, so its silo stops computing even when this client is gone without cancelling.</para>
/// <para>Cancelling the call's token cancels the grain calls in flight, and each grain stops computing.</para>
/// <para>Thread safety: one instance may run any number of requests at once.</para>
/// </remarks>
public sealed class DistributedStrategy : IGenerateAndSum
{
    /// <summary>The strategy name, <c>distributed</c>.</summary>
    public const string StrategyName = "distributed";

    private readonly IGrainFactory _grains;
    private readonly DistributedStrategyOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the strategy on a connected cluster client (or a silo's grain factory).</summary>
    /// <param name="grains">The cluster client or grain factory to call grains through.</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <param name="logger">Where retries, refusals and failures are logged; null for none.</param>
    /// <exception cref="OptionsValidationException">An option is out of range; the message names it and its value.</exception>
    public DistributedStrategy(IGrainFactory grains, DistributedStrategyOptions? options = null, ILogger<DistributedStrategy>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        options ??= new DistributedStrategyOptions();
        ValidateOptionsResult validation = new DistributedStrategyOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(DistributedStrategyOptions), validation.Failures);
        }

        _grains = grains;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    /// <exception cref="DistributedSumException">
    /// The request is over an admission limit, no silo answered, a silo refused a range, or a range failed on every attempt.
    /// </exception>
    public async Task<GenerateAndSumResult> GenerateAndSumAsync(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Count > _options.MaxValuesPerRequest)
        {
            throw Refuse($"request ({request}) has {request.Count} values, more than MaxValuesPerRequest {_options.MaxValuesPerRequest}");
        }

        if (request.StartIndex > IndexLimits.MaxEndIndex - request.Count)
        {
            throw Refuse($"request ({request}) reaches index {request.StartIndex + request.Count}; accepted: {IndexLimits.Accepted}");
        }

        using Activity? activity = Instruments.Source.StartActivity("parallelsum.request");
        activity?.SetTag("parallelsum.request.count", request.Count);
        activity?.SetTag("parallelsum.request.seed", request.Seed);
        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<(string Key, SiloCapacity Capacity)> answered = await GetCapacitiesAsync(cancellationToken).ConfigureAwait(false);
        SiloCapacity[] silos = [.. answered.Select(a => a.Capacity)];
        int slots = (int)Math.Min(int.MaxValue / 2, silos.Sum(s => (long)s.MaxConcurrentRanges));
        long maxPerRange = Math.Min(_options.MaxValuesPerRange, silos.Min(s => s.MaxValuesPerRange));
        long blocks = Math.Max((long)slots * _options.RangesPerCore, (request.Count + maxPerRange - 1) / maxPerRange);
        if (blocks > int.MaxValue)
        {
            throw Refuse($"request ({request}) would need {blocks} ranges of at most {maxPerRange} values; at most {int.MaxValue} are possible");
        }

        IndexRangePartitioner partitioner = _options.Partitioner ?? IndexRangePartitioners.StaticBlocks();
        IndexRange[] ranges = Flatten(partitioner, request.Count, (int)Math.Max(1, Math.Min(blocks, Math.Max(1, request.Count))));
        if (ranges.FirstOrDefault(r => r.End - r.Start > maxPerRange) is { End: > 0 } large)
        {
            throw Refuse($"partitioner '{partitioner.Name}' made range {large} of {large.End - large.Start} values, more than the {maxPerRange} the options and silos accept per range");
        }

        activity?.SetTag("parallelsum.request.silos", silos.Length);
        activity?.SetTag("parallelsum.request.ranges", ranges.Length);
        var completed = new ConcurrentDictionary<int, Int128>();
        long completedCount = 0;
        progress?.Report(new GenerateAndSumProgress(0, request.Count));
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var balancer = new SiloLoadBalancer([.. answered.Select(a => (a.Key, a.Capacity.MaxConcurrentRanges))]);

        // At most two ranges per silo slot in flight: one computing, one queued behind it, so a silo is never idle between
        // ranges, its queue stays short, and a request never fills the queue other clients share.
        using var inFlight = new SemaphoreSlim(Math.Max(1, 2 * slots));

        async Task RunRangeAsync(int id)
        {
            IndexRange range = ranges[id];
            long start = request.StartIndex + range.Start, count = range.End - range.Start;
            await inFlight.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                RangeSum partial = await SumRangeWithRetriesAsync(request, id, start, count, balancer, failed.Token).ConfigureAwait(false);
                if (!completed.TryAdd(id, partial.Sum))
                {
                    throw new InvalidOperationException($"Range {id} ({range}) completed twice; refusing to count it again.");
                }

                Instruments.RangesCompleted.Add(1);
                Instruments.Values.Add(count);
                _options.RangeCompleted?.Invoke(partial.Silo);
                long done = Interlocked.Add(ref completedCount, count);
                progress?.Report(new GenerateAndSumProgress(done, request.Count));
            }
            finally
            {
                inFlight.Release();
            }
        }

        Task[] calls = new Task[ranges.Length];
        for (int id = 0; id < ranges.Length; id++)
        {
            int rangeId = id;
            calls[id] = Task.Run(async () =>
            {
                try
                {
                    await RunRangeAsync(rangeId).ConfigureAwait(false);
                }
                catch
                {
                    await failed.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            }, CancellationToken.None);
        }

        try
        {
            await Task.WhenAll(calls).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Report the root failure, not the cancellations it caused in sibling ranges.
            Exception root = calls.Where(c => c.IsFaulted).Select(c => c.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException)
                ?? calls.First(c => c.IsFaulted || c.IsCanceled).Exception?.InnerException
                ?? new DistributedSumException($"Request ({request}) was stopped before every range completed.");
            activity?.SetStatus(ActivityStatusCode.Error, root.Message);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(root);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (completed.Count != ranges.Length)
        {
            throw new DistributedSumException($"Only {completed.Count} of {ranges.Length} ranges completed for request ({request}); no partial sum is returned.");
        }

        Int128 total = 0;
        foreach (Int128 partialSum in completed.Values)
        {
            total += partialSum;
        }

        TimeSpan elapsed = stopwatch.Elapsed;
        if (request.Count > 0 && elapsed > TimeSpan.Zero)
        {
            Instruments.RequestRate.Record(request.Count / elapsed.TotalSeconds);
        }

        Log.RequestCompleted(_logger, request, silos.Length, ranges.Length, elapsed);
        return new GenerateAndSumResult(StrategyName, request, total, elapsed, silos.Length, ranges.Length, partitioner.Name);
    }

    private async Task<RangeSum> SumRangeWithRetriesAsync(GenerateAndSumRequest request, int id, long start, long count, SiloLoadBalancer balancer, CancellationToken cancellationToken)
    {
        Exception? last = null;
        for (int attempt = 1; attempt <= _options.MaxAttemptsPerRange; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using Activity? activity = Instruments.Source.StartActivity("parallelsum.range");
            activity?.SetTag("parallelsum.range.id", id);
            activity?.SetTag("parallelsum.range.start", start);
            activity?.SetTag("parallelsum.range.count", count);
            activity?.SetTag("parallelsum.range.attempt", attempt);
            Instruments.RangesStarted.Add(1);
            int silo = balancer.Acquire();
            bool siloFailed = false;
            ISiloRangeSumGrain grain = _grains.GetGrain<ISiloRangeSumGrain>(balancer.Key(silo));
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(_options.RangeTimeout);
            try
            {
                return await grain.SumRangeAsync(request.Seed, request.Min, request.Max, start, count, _options.RangeTimeout, attemptTimeout.Token)
                    .WaitAsync(attemptTimeout.Token).ConfigureAwait(false);
            }
            catch (DistributedSumException ex)
            {
                // A silo refused the range (over its limits or full): fail the request now rather than queue it anywhere.
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                throw Refuse($"range {id} [{start}, {start + count}) of request ({request}): {ex.Message}", ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                last = new TimeoutException($"no answer within RangeTimeout {_options.RangeTimeout.TotalSeconds:0.###} s", ex);
                siloFailed = true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                last = ex;
                siloFailed = true;
            }
            finally
            {
                balancer.Release(silo, siloFailed);
            }

            activity?.SetStatus(ActivityStatusCode.Error, last.Message);
            if (attempt < _options.MaxAttemptsPerRange)
            {
                // Back off: give membership time to vote a dead silo out before the next placement.
                TimeSpan delay = _options.RetryDelay * Math.Min(8, 1 << Math.Min(attempt - 1, 3));
                Instruments.RangesRetried.Add(1);
                if (_logger.IsEnabled(LogLevel.Warning))
                {
                    Log.RangeRetried(_logger, id, start, start + count, attempt, _options.MaxAttemptsPerRange, $"{last.GetType().Name}: {last.Message}", delay);
                }

                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        if (_logger.IsEnabled(LogLevel.Error))
        {
            Log.RangeFailed(_logger, id, start, start + count, _options.MaxAttemptsPerRange, $"{last?.GetType().Name}: {last?.Message}");
        }

        throw new DistributedSumException(
            $"Range {id} [{start}, {start + count}) of request ({request}) failed on all {_options.MaxAttemptsPerRange} attempts; " +
            $"no partial sum is returned. Last error: {last?.GetType().Name}: {last?.Message}",
            last!);
    }

    private DistributedSumException Refuse(string reason, Exception? inner = null)
    {
        Instruments.RangesRefused.Add(1);
        Log.RequestRefused(_logger, reason);
        string message = $"Refused: {reason}.";
        return inner is null ? new DistributedSumException(message) : new DistributedSumException(message, inner);
    }

    private async Task<IReadOnlyList<(string Key, SiloCapacity Capacity)>> GetCapacitiesAsync(CancellationToken cancellationToken)
    {
        Dictionary<SiloAddress, SiloStatus> hosts;
        try
        {
            hosts = await _grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(_options.RangeTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new DistributedSumException($"Cannot reach the Orleans cluster to list its silos: {ex.GetType().Name}: {ex.Message}", ex);
        }

        var asks = hosts.Keys.Select(async silo =>
        {
            try
            {
                string key = silo.ToParsableString();
                SiloCapacity capacity = await _grains.GetGrain<ISiloCapacityGrain>(key).GetCapacityAsync()
                    .WaitAsync(_options.RangeTimeout, cancellationToken).ConfigureAwait(false);
                return ((string Key, SiloCapacity Capacity)?)(key, capacity);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Log.SiloSkipped(_logger, silo.ToString(), $"{ex.GetType().Name}: {ex.Message}");
                return null;
            }
        }).ToArray();
        (string Key, SiloCapacity Capacity)[] answered = [.. (await Task.WhenAll(asks).ConfigureAwait(false)).OfType<(string Key, SiloCapacity Capacity)>()];
        return answered.Length > 0
            ? answered
            : throw new DistributedSumException(hosts.Count == 0
                ? "The Orleans cluster has no active silo."
                : $"None of the {hosts.Count} active silos reported its capacity; are they hosting ParallelSum (AddParallelSum on the silo builder)?");
    }

    private static IndexRange[] Flatten(IndexRangePartitioner partitioner, long count, int partitionCount)
    {
        var ranges = partitioner.GetPartitions(count, partitionCount).SelectMany(r => r).Where(r => r.End > r.Start).OrderBy(r => r.Start).ToArray();
        long next = 0;
        foreach (IndexRange range in ranges)
        {
            if (range.Start != next)
            {
                throw new InvalidPartitioningException($"Partitioner '{partitioner.Name}' left a gap or overlap at index {next} (next range {range}) for count {count}.");
            }

            next = range.End;
        }

        return next == count ? ranges : throw new InvalidPartitioningException($"Partitioner '{partitioner.Name}' covered [0, {next}) instead of [0, {count}).");
    }
}
