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
        cancellationToken.ThrowIfCancellationRequested();
        string partitionerName = SafeName(partitioner);
        (IReadOnlyList<IEnumerable<IndexRange>> sequences, int sequenceCount) = GetSequences(partitioner, partitionerName, request.Count, cancellationToken);
        var tracker = new CoverageTracker(request.Count, partitionerName);
        ProgressReporter? reporter = progress is null ? null : new ProgressReporter(progress, request.Count);
        var context = new RunContext(request.Stream, request.StartIndex, reporter, cancellationToken);
        var run = new PartitionedRun<TWorkerState>(sequences, sequenceCount, Environment.ProcessorCount, partitionerName, tracker, summer, context);
        Int128 total;
        long rangeCount;
        try
        {
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
        return new GenerateAndSumResult(strategyName, request, total, Stopwatch.GetElapsedTime(started), run.WorkerCount, rangeCount, partitionerName)
        {
            ProgressException = reporter?.HandlerException,
        };
    }

    /// <summary>The partitioner's sequences and their count; each sequence is read (and checked for null) by the worker that takes it,
    /// so a partitioner with millions of sequences costs nothing up front.</summary>
    private static (IReadOnlyList<IEnumerable<IndexRange>> Sequences, int Count) GetSequences(IIndexRangePartitioner partitioner, string partitionerName, long count, CancellationToken cancellationToken)
    {
        IReadOnlyList<IEnumerable<IndexRange>>? sequences = FromPartitioner(partitionerName, () => partitioner.Partition(count), cancellationToken)
            ?? throw new InvalidPartitioningException(partitionerName, $"returned null from Partition({count}); it must return one sequence of ranges per worker.", null);
        int sequenceCount = FromPartitioner(partitionerName, () => sequences.Count, cancellationToken);
        if (count > 0 && sequenceCount <= 0)
        {
            throw new InvalidPartitioningException(partitionerName, $"returned no sequence from Partition({count}); at least one worker is needed to cover [0, {count}).", null);
        }

        return (sequences, Math.Max(0, sequenceCount));
    }

    private static string SafeName(IIndexRangePartitioner partitioner)
    {
        try
        {
            string? name = partitioner.Name;
            return string.IsNullOrWhiteSpace(name) ? partitioner.GetType().Name : name;
        }
        catch (Exception)
        {
            // Any failure here is the partitioner's; its name is only a label, so fall back to its type.
            return partitioner.GetType().Name;
        }
    }

    /// <summary>Calls the partitioner's code and turns any exception it throws into an <see cref="InvalidPartitioningException"/>.</summary>
    internal static T FromPartitioner<T>(string partitionerName, Func<T> call, CancellationToken cancellationToken)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (IsPartitionerFault(e, cancellationToken))
        {
            throw Fault(partitionerName, e);
        }
    }

    /// <summary>Whether an exception thrown from the partitioner's code is the partitioner's fault: anything but our own check,
    /// or a cancellation while the caller's token is canceled. A partitioner's own <see cref="OperationCanceledException"/>
    /// with the caller's token not canceled is its fault like any other exception.</summary>
    internal static bool IsPartitionerFault(Exception e, CancellationToken cancellationToken) =>
        e is not InvalidPartitioningException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>The error that names the partitioner and keeps its exception as the inner one.</summary>
    internal static InvalidPartitioningException Fault(string partitionerName, Exception e) =>
        new(partitionerName, $"threw {e.GetType().Name}: {e.Message}", e);
}
