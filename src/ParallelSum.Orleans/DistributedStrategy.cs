using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.Runtime;

namespace ParallelSum.Orleans;

/// <summary>
/// Generate-and-sum on a Microsoft Orleans cluster: splits the request's indices into ranges, fans them out to
/// <see cref="IRangeSumGrain"/> activations placed at random over the silos, and merges the partial sums exactly.
/// A range whose call fails or times out is retried under a new grain key (so it may land on another silo);
/// each range is counted exactly once, and when a range fails on every attempt the call throws
/// <see cref="DistributedSumException"/> instead of returning a partial sum.
/// </summary>
/// <remarks>
/// Cancelling the call's token cancels the grain calls in flight, and each grain stops computing. A call that times out
/// is over for Orleans, though, and its grain goes on computing a range that is being retried elsewhere, unless the
/// client is configured with <c>ClientMessagingOptions.CancelRequestOnTimeout = true</c> (Orleans 10 defaults it to
/// false); the samples and tests set it.
/// </remarks>
public sealed class DistributedStrategy : IGenerateAndSum
{
    /// <summary>The strategy name, <c>distributed</c>.</summary>
    public const string StrategyName = "distributed";

    private readonly IGrainFactory _grains;
    private readonly DistributedStrategyOptions _options;

    /// <summary>Creates the strategy on a connected cluster client (or a silo's grain factory).</summary>
    /// <param name="grains">The cluster client or grain factory to call grains through.</param>
    /// <param name="options">Options; null for defaults.</param>
    public DistributedStrategy(IGrainFactory grains, DistributedStrategyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        options ??= new DistributedStrategyOptions();
        options.Validate();
        _grains = grains;
        _options = options;
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public async Task<GenerateAndSumResult> GenerateAndSumAsync(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var stopwatch = Stopwatch.StartNew();
        int silos = await CountActiveSilosAsync().ConfigureAwait(false);
        IIndexRangePartitioner partitioner = _options.Partitioner
            ?? IndexRangePartitioners.StaticBlocks((int)Math.Min(int.MaxValue, (long)silos * _options.CoresPerSilo * _options.RangesPerCore));
        IndexRange[] ranges = Flatten(partitioner, request.Count);

        var completed = new ConcurrentDictionary<int, Int128>();
        long completedCount = 0;
        progress?.Report(new GenerateAndSumProgress(0, request.Count));
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task RunRangeAsync(int id)
        {
            IndexRange range = ranges[id];
            Exception? last = null;
            for (int attempt = 1; attempt <= _options.MaxAttemptsPerRange; attempt++)
            {
                failed.Token.ThrowIfCancellationRequested();
                IRangeSumGrain grain = _grains.GetGrain<IRangeSumGrain>(Random.Shared.NextInt64());
                RangeSum partial;
                try
                {
                    partial = await grain.SumRangeAsync(request.Seed, request.Min, request.Max, request.StartIndex + range.Start, range.End - range.Start, failed.Token)
                        .WaitAsync(failed.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    last = ex;
                    if (attempt < _options.MaxAttemptsPerRange)
                    {
                        // Back off: give membership time to vote a dead silo out before the next placement.
                        TimeSpan delay = _options.RetryDelay * Math.Min(8, 1 << Math.Min(attempt - 1, 3));
                        await Task.Delay(delay, failed.Token).ConfigureAwait(false);
                    }

                    continue;
                }

                if (!completed.TryAdd(id, partial.Sum))
                {
                    throw new InvalidOperationException($"Range {id} ({range}) completed twice; refusing to count it again.");
                }

                _options.RangeCompleted?.Invoke(partial.Silo);
                long done = Interlocked.Add(ref completedCount, range.End - range.Start);
                progress?.Report(new GenerateAndSumProgress(done, request.Count));
                return;
            }

            throw new DistributedSumException(
                $"Range {id} [{request.StartIndex + range.Start}, {request.StartIndex + range.End}) of request ({request}) failed on all {_options.MaxAttemptsPerRange} attempts; " +
                $"no partial sum is returned. Last error: {last?.GetType().Name}: {last?.Message}",
                last!);
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
                ?? calls.First(c => c.IsFaulted).Exception!.InnerException!;
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

        return new GenerateAndSumResult(StrategyName, request, total, stopwatch.Elapsed, silos, ranges.Length, partitioner.Name);
    }

    private async Task<int> CountActiveSilosAsync()
    {
        Dictionary<SiloAddress, SiloStatus> hosts;
        try
        {
            hosts = await _grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DistributedSumException($"Cannot reach the Orleans cluster to list its silos: {ex.GetType().Name}: {ex.Message}", ex);
        }

        return hosts.Count > 0 ? hosts.Count : throw new DistributedSumException("The Orleans cluster has no active silo.");
    }

    private static IndexRange[] Flatten(IIndexRangePartitioner partitioner, long count)
    {
        var ranges = partitioner.Partition(count).SelectMany(r => r).Where(r => r.End > r.Start).OrderBy(r => r.Start).ToArray();
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
