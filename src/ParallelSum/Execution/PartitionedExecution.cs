using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace ParallelSum.Execution;

/// <summary>
/// Runs a partitioned strategy: asks the partitioner for per-worker range sequences, checks every range, sums each with a
/// <see cref="RangeSummer{TWorkerState}"/> on <c>Parallel.For</c> with thread-local partial sums,
/// and merges the workers' partial sums once each.
/// </summary>
internal static class PartitionedExecution
{
    public static GenerateAndSumResult Run<TWorkerState>(
        string strategyName,
        GenerateAndSumRequest request,
        IIndexRangePartitioner partitioner,
        RangeSummer<TWorkerState> summer,
        IProgress<GenerateAndSumProgress>? progress,
        CancellationToken cancellationToken)
        where TWorkerState : class
    {
        var stopwatch = Stopwatch.StartNew();
        string partitionerName = SafeName(partitioner);
        IReadOnlyList<IEnumerable<IndexRange>> sequences = GetSequences(partitioner, partitionerName, request.Count);
        var tracker = new CoverageTracker(request.Count, partitionerName);
        var reporter = new ProgressReporter(progress, request.Count);

        // Linked so that the first failing worker can stop the others promptly.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var context = new RunContext(request.Stream, request.StartIndex, reporter, stop.Token);
        Int128 total = 0;
        long rangeCount = 0;
        var merge = new Lock();

        try
        {
            Parallel.For(
                0,
                sequences.Count,
                // At least 1: a partitioner may return no sequence at all for a count of 0.
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, sequences.Count) },
                () => new WorkerTotals<TWorkerState>(summer.CreateWorkerState()),
                (worker, _, totals) =>
                {
                    try
                    {
                        SumSequence(sequences[worker], partitionerName, tracker, summer, context, totals);
                    }
                    catch
                    {
                        stop.Cancel();
                        throw;
                    }

                    return totals;
                },
                totals =>
                {
                    summer.ReleaseWorkerState(totals.State);
                    lock (merge)
                    {
                        total += totals.Sum;
                        rangeCount += totals.Ranges;
                    }
                });
        }
        catch (AggregateException aggregate)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Report the cause, not the cancellations it triggered in the other workers.
            Exception cause = aggregate.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? aggregate.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(cause).Throw();
        }

        cancellationToken.ThrowIfCancellationRequested();
        tracker.EnsureComplete();
        reporter.Complete();
        stopwatch.Stop();
        return new GenerateAndSumResult(strategyName, request, total, stopwatch.Elapsed, sequences.Count, rangeCount, partitionerName);
    }

    private static void SumSequence<TWorkerState>(
        IEnumerable<IndexRange> sequence,
        string partitionerName,
        CoverageTracker tracker,
        RangeSummer<TWorkerState> summer,
        RunContext context,
        WorkerTotals<TWorkerState> totals)
        where TWorkerState : class
    {
        using IEnumerator<IndexRange> ranges = FromPartitioner(partitionerName, sequence.GetEnumerator);
        while (FromPartitioner(partitionerName, ranges.MoveNext))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            IndexRange range = FromPartitioner(partitionerName, () => ranges.Current);
            tracker.Claim(range);
            if (!range.IsEmpty)
            {
                // Partitioners work in request-relative indices; summers read the stream at absolute ones.
                var absolute = new IndexRange(context.StartIndex + range.Start, context.StartIndex + range.End);
                totals.Sum += summer.SumRange(context, absolute, totals.State);
                totals.Ranges++;
            }
        }
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
    private static T FromPartitioner<T>(string partitionerName, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not InvalidPartitioningException and not OperationCanceledException)
        {
            throw new InvalidPartitioningException(partitionerName, $"threw {e.GetType().Name}: {e.Message}", e);
        }
    }

    private sealed class WorkerTotals<TWorkerState>(TWorkerState state)
    {
        public TWorkerState State { get; } = state;

        public Int128 Sum { get; set; }

        public long Ranges { get; set; }
    }
}
