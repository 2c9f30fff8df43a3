using System.Runtime.ExceptionServices;

namespace ParallelSum.Execution;

/// <summary>
/// One partitioned call's fork-join. At most <see cref="WorkerCount"/> workers run at once; each takes the next sequence nobody
/// has taken yet, sums it, and takes another, so a partitioner may return far more sequences than there are processors without
/// a thread or a queued item per sequence. The calling thread is one of the workers. The first failure stops the rest.
/// </summary>
/// <remarks>Two schedulers, the only thing that differs between them: the engine's own (the object is queued to the thread pool
/// once per extra worker, no per-item allocation, used by simd-chunks and streaming to keep a call to about 900 bytes of
/// allocation whatever the count) and <c>Parallel.For</c> over the sequences (parallel-for's, by definition).</remarks>
internal sealed class PartitionedRun<TWorker> : IThreadPoolWorkItem
    where TWorker : class
{
    private readonly IReadOnlyList<IEnumerable<IndexRange>> _sequences;
    private readonly int _sequenceCount;
    private readonly string _partitionerName;
    private readonly CoverageTracker _tracker;
    private readonly RangeWork<TWorker> _work;
    private readonly RunContext _context;
    // A long: with int.MaxValue sequences, workers keep incrementing after the last one, and an int would wrap to negative indices.
    private long _nextSequence;
    private int _pendingWorkers;
    private long _ranges;
    private ExceptionDispatchInfo? _failure;

    public PartitionedRun(IReadOnlyList<IEnumerable<IndexRange>> sequences, int sequenceCount, int maxDegreeOfParallelism, string partitionerName, CoverageTracker tracker, RangeWork<TWorker> work, RunContext context)
    {
        _sequences = sequences;
        _sequenceCount = sequenceCount;
        _partitionerName = partitionerName;
        _tracker = tracker;
        _work = work;
        _context = context;
        WorkerCount = Math.Max(1, Math.Min(sequenceCount, maxDegreeOfParallelism));
        _pendingWorkers = WorkerCount;
    }

    /// <summary>Gets how many workers run at once at most: the sequence count, limited by the degree of parallelism.</summary>
    public int WorkerCount { get; }

    /// <summary>Runs the sequences as iterations of <c>Parallel.For</c>, each worker keeping its state and partial result from
    /// <c>localInit</c> to <c>localFinally</c>; returns how many non-empty ranges ran, or throws the first failure.</summary>
    public long ExecuteOnParallelFor()
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = WorkerCount };
        Parallel.For(
            0,
            _sequenceCount,
            options,
            () => new WorkerTotals(_work.CreateWorker()),
            (sequence, loop, totals) =>
            {
                if (!RunSequence(sequence, totals))
                {
                    loop.Stop();
                }

                return totals;
            },
            Finish);
        _failure?.Throw();
        return _ranges;
    }

    /// <summary>Runs every sequence on the engine's own workers; returns how many non-empty ranges ran, or throws the first failure.</summary>
    public long Execute()
    {
        for (int i = 1; i < WorkerCount; i++)
        {
            // Stryker disable once all : equivalent; where the work item is queued changes when it starts, not what it computes.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        RunWorker();

        // Spin briefly before blocking: the other workers usually finish within microseconds of this one, and waking from
        // a blocked wait costs more than that (Parallel.For's join spins first for the same reason).
        var spinner = default(SpinWait);
        // Stryker disable once all : equivalent; the spin only shortens the wait below, which stays correct with any spin count.
        for (int spin = 0; spin < 200 && Volatile.Read(ref _pendingWorkers) > 0; spin++)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        lock (this)
        {
            while (_pendingWorkers > 0)
            {
                // Stryker disable once all : equivalent; without the wait the loop spins under the lock until the count reaches 0 (the workers decrement it outside the lock).
                Monitor.Wait(this);
            }
        }

        _failure?.Throw();
        return _ranges;
    }

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute() => RunWorker();

    private void RunWorker()
    {
        try
        {
            var totals = new WorkerTotals(_work.CreateWorker());
            for (long sequence = Interlocked.Increment(ref _nextSequence) - 1; sequence < _sequenceCount; sequence = Interlocked.Increment(ref _nextSequence) - 1)
            {
                if (!RunSequence((int)sequence, totals))
                {
                    break;
                }
            }

            Finish(totals);
        }
        finally
        {
            if (Interlocked.Decrement(ref _pendingWorkers) == 0)
            {
                lock (this)
                {
                    Monitor.PulseAll(this);
                }
            }
        }
    }

    private void Finish(WorkerTotals totals)
    {
        Interlocked.Add(ref _ranges, totals.Ranges);
        _work.Finish(totals.Worker);
    }

    /// <summary>Sums one sequence into <paramref name="totals"/>; <see langword="false"/> when the call has failed or been canceled.</summary>
    private bool RunSequence(int sequence, WorkerTotals totals)
    {
        try
        {
            _context.ThrowIfStopped();
            IEnumerable<IndexRange>? ranges;
            try
            {
                // Reading the list is the partitioner's code too: a list may compute its sequences on demand.
                ranges = _sequences[sequence];
            }
            catch (Exception e) when (PartitionedExecution.IsPartitionerFault(e, _context.CancellationToken))
            {
                throw PartitionedExecution.Fault(_partitionerName, e);
            }

            SumSequence(ranges ?? throw new InvalidPartitioningException(_partitionerName, $"returned null as the sequence of worker {sequence} from Partition; it must return one sequence of ranges per worker.", null), totals);
            return true;
        }
        catch (Exception e)
        {
            // Keep the cause: the other workers' stop (or cancellation) exceptions come after it and are dropped.
            if (Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null) is null)
            {
                _context.Stop();
            }

            return false;
        }
    }

    private void SumSequence(IEnumerable<IndexRange> sequence, WorkerTotals totals)
    {
        CancellationToken token = _context.CancellationToken;
        IEnumerator<IndexRange> ranges;
        try
        {
            ranges = sequence.GetEnumerator();
        }
        catch (Exception e) when (PartitionedExecution.IsPartitionerFault(e, token))
        {
            throw PartitionedExecution.Fault(_partitionerName, e);
        }

        using (ranges)
        {
            while (true)
            {
                _context.ThrowIfStopped();
                IndexRange range;
                // The partitioner's own code runs here: its exceptions are its faults, wrapped with its name.
                try
                {
                    if (!ranges.MoveNext())
                    {
                        break;
                    }

                    range = ranges.Current;
                }
                catch (Exception e) when (PartitionedExecution.IsPartitionerFault(e, token))
                {
                    throw PartitionedExecution.Fault(_partitionerName, e);
                }

                _tracker.Claim(range);
                if (!range.IsEmpty)
                {
                    _work.Run(_context, range, totals.Worker);
                    totals.Ranges++;
                }
            }
        }
    }

    /// <summary>One worker's state and range count, merged once when the worker ends.</summary>
    private sealed class WorkerTotals(TWorker worker)
    {
        public TWorker Worker { get; } = worker;

        public long Ranges { get; set; }
    }
}
