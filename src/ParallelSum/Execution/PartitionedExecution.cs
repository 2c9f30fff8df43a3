using System.Diagnostics;

namespace ParallelSum.Execution;

/// <summary>
/// The engine every partitioned run goes through, generate-and-sum strategies and user reductions alike: asks the partitioner
/// for its sequences, runs each range of them as <see cref="RangeWork{TWorker}"/> on one of two schedulers, checks that the
/// ranges cover <c>[0, count)</c> exactly once, and reports cancellation as the caller's.
/// </summary>
internal static class PartitionedExecution
{
    /// <summary>Runs <paramref name="work"/> over the ranges <paramref name="partitioner"/> yields for <c>[0, count)</c>.</summary>
    /// <returns>How many workers ran at most, how many non-empty ranges ran, and the partitioner's name.</returns>
    public static PartitionedRunSummary Run<TWorker>(
        IIndexRangePartitioner partitioner,
        long count,
        RangeWork<TWorker> work,
        int maxDegreeOfParallelism,
        bool onParallelFor,
        ProgressReporter? reporter,
        CancellationToken cancellationToken)
        where TWorker : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        string partitionerName = SafeName(partitioner);
        (IReadOnlyList<IEnumerable<IndexRange>> sequences, int sequenceCount) = GetSequences(partitioner, partitionerName, count, cancellationToken);
        var tracker = new CoverageTracker(count, partitionerName);
        var context = new RunContext(reporter, cancellationToken);
        var run = new PartitionedRun<TWorker>(sequences, sequenceCount, maxDegreeOfParallelism, partitionerName, tracker, work, context);
        long rangeCount;
        try
        {
            rangeCount = onParallelFor ? run.ExecuteOnParallelFor() : run.Execute();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Whichever worker saw it first, cancellation is reported as the caller's.
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }

        tracker.EnsureComplete();
        return new PartitionedRunSummary(run.WorkerCount, rangeCount, partitionerName);
    }

    /// <summary>Runs a generate-and-sum strategy on the engine and returns its result.</summary>
    public static GenerateAndSumResult RunSum<TWorkerState>(
        string strategyName,
        GenerateAndSumRequest request,
        PartitionedStrategyOptions options,
        RangeSummer<TWorkerState> summer,
        IProgress<GenerateAndSumProgress>? progress,
        CancellationToken cancellationToken,
        bool onParallelFor = false)
        where TWorkerState : class
    {
        long started = Stopwatch.GetTimestamp();
        // Stryker disable once Conditional : equivalent; a reporter without a receiver reports nothing. Leaving it out spares every worker the shared counter.
        ProgressReporter? reporter = progress is null ? null : new ProgressReporter(progress, request.Count);
        var work = new SumWork<TWorkerState>(request, summer);
        PartitionedRunSummary run = Run(options.Partitioner, request.Count, work, options.EffectiveMaxDegreeOfParallelism, onParallelFor, reporter, cancellationToken);
        reporter?.Complete();
        return new GenerateAndSumResult(strategyName, request, work.Total, Stopwatch.GetElapsedTime(started), run.WorkerCount, run.RangeCount, run.PartitionerName)
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
