using System.Diagnostics;

namespace ParallelSum.Execution;

/// <summary>
/// Runs a partitioned strategy: asks the partitioner for per-worker range sequences, checks every range, sums each with a
/// <see cref="RangeSummer{TWorkerState}"/> on a <see cref="PartitionedRun{TWorkerState}"/> fork-join, and merges the
/// workers' partial sums once each.
/// </summary>
internal static class PartitionedExecution
{
    public static GenerateAndSumResult Run<TWorkerState>(
        string strategyName,
        GenerateAndSumRequest request,
        IIndexRangePartitioner partitioner,
        RangeSummer<TWorkerState> summer,
        IProgress<GenerateAndSumProgress>? progress,
        CancellationToken cancellationToken,
        bool onParallelFor = false)
        where TWorkerState : class
    {
        long started = Stopwatch.GetTimestamp();
        string partitionerName = SafeName(partitioner);
        IReadOnlyList<IEnumerable<IndexRange>> sequences = GetSequences(partitioner, partitionerName, request.Count);
        var tracker = new CoverageTracker(request.Count, partitionerName);
        ProgressReporter? reporter = progress is null ? null : new ProgressReporter(progress, request.Count);
        var context = new RunContext(request.Stream, request.StartIndex, reporter, cancellationToken);
        Int128 total;
        long rangeCount;
        try
        {
            var run = new PartitionedRun<TWorkerState>(sequences, partitionerName, tracker, summer, context);
            (total, rangeCount) = onParallelFor ? run.ExecuteOnParallelFor() : run.Execute();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Whichever worker saw it first, cancellation is reported as the caller's.
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }

        cancellationToken.ThrowIfCancellationRequested();
        tracker.EnsureComplete();
        reporter?.Complete();
        return new GenerateAndSumResult(strategyName, request, total, Stopwatch.GetElapsedTime(started), sequences.Count, rangeCount, partitionerName);
    }

    private static IReadOnlyList<IEnumerable<IndexRange>> GetSequences(IIndexRangePartitioner partitioner, string partitionerName, long count)
    {
        IReadOnlyList<IEnumerable<IndexRange>>? sequences = FromPartitioner(partitionerName, () => partitioner.Partition(count));
        if (sequences is null)
        {
            throw new InvalidPartitioningException(partitionerName, $"returned null from Partition({count}); it must return one sequence of ranges per worker.", null);
        }

        if (count > 0 && sequences.Count == 0)
        {
            throw new InvalidPartitioningException(partitionerName, $"returned no sequence from Partition({count}); at least one worker is needed to cover [0, {count}).", null);
        }

        for (int i = 0; i < sequences.Count; i++)
        {
            if (sequences[i] is null)
            {
                throw new InvalidPartitioningException(partitionerName, $"returned null as the sequence of worker {i} from Partition({count}).", null);
            }
        }

        return sequences;
    }

    private static string SafeName(IIndexRangePartitioner partitioner)
    {
        try
        {
            string? name = partitioner.Name;
            return string.IsNullOrWhiteSpace(name) ? partitioner.GetType().Name : name;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return partitioner.GetType().Name;
        }
    }

    /// <summary>Calls the partitioner's code and turns any exception it throws into an <see cref="InvalidPartitioningException"/>.</summary>
    internal static T FromPartitioner<T>(string partitionerName, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (IsPartitionerFault(e))
        {
            throw Fault(partitionerName, e);
        }
    }

    /// <summary>Whether an exception thrown from the partitioner's code is the partitioner's fault (not a cancellation or our own check).</summary>
    internal static bool IsPartitionerFault(Exception e) => e is not InvalidPartitioningException and not OperationCanceledException;

    /// <summary>The error that names the partitioner and keeps its exception as the inner one.</summary>
    internal static InvalidPartitioningException Fault(string partitionerName, Exception e) =>
        new(partitionerName, $"threw {e.GetType().Name}: {e.Message}", e);
}
