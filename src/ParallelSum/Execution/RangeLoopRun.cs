using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;

namespace ParallelSum.Execution;

/// <summary>
/// One run of <see cref="RangeLoop"/>: the calling thread's loop, the helpers it queues to the thread pool, and the
/// partitions they share. See <see cref="RangeLoop"/> for what it guarantees.
/// </summary>
/// <remarks>
/// <para>Partitions are taken in order through one counter; a started partition that a helper hands back (when its time
/// slice is over and other work waits in the pool) waits in a list until a worker takes it again. The calling thread only
/// ever waits for helpers that are running a partition: each of them ends its partition or, when other work waits, hands it
/// back within a time slice.</para>
/// <para>Helpers are self-replicating as in <c>Parallel.For</c>: the caller queues one, and each helper queues one more when
/// it takes its first partition, while partitions are left and fewer than <c>workers - 1</c> helpers exist. The run object
/// is itself the work item, so queuing a helper allocates nothing.</para>
/// </remarks>
internal sealed class RangeLoopRun<TLocal> : IThreadPoolWorkItem
{
    /// <summary>How long a helper runs before it looks whether other work waits in the thread pool, in milliseconds: if some
    /// does, the helper hands its partition back and queues itself again behind it; if none does, it goes on for another
    /// slice. Short enough that a timer or another call queued behind it starts promptly.</summary>
    internal const long TimeSlice = 20;

    /// <summary>How many indices a worker completes between two updates of the shared progress count and two looks at the
    /// clock; small steps are counted in batches so that a one-index grain costs a few nanoseconds.</summary>
    private const long FlushValues = 1 << 16;

    /// <summary>The most steps between two updates of the shared progress count, for runs of small steps.</summary>
    private const int FlushSteps = 64;

    private readonly IReadOnlyList<IEnumerable<IndexRange>> _partitions;
    private readonly int _workers;
    private readonly string _partitionerName;
    private readonly CoverageTracker _tracker;
    private readonly long _stepLength;
    private readonly Func<TLocal> _localInit;
    private readonly Func<IndexRange, TLocal, TLocal> _body;
    private readonly Action<TLocal> _localFinally;
    private readonly IProgress<long>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly Func<long> _pendingWorkItems;
    private readonly ExecutionContext? _callerContext = ExecutionContext.Capture();
    private readonly object _gate = new();
    private readonly Stack<PartitionState> _handedBack = new();
    private long _nextPartition;
    private int _busyWorkers;
    private int _holdingWorkers;
    private int _mostHolding;
    private int _helperItems;
    private int _handBacks;
    private long _completed;
    private long _ranges;
    private volatile bool _stopped;
    private ExceptionDispatchInfo? _failure;

    public RangeLoopRun(
        IReadOnlyList<IEnumerable<IndexRange>> partitions,
        int workers,
        string partitionerName,
        CoverageTracker tracker,
        long stepLength,
        Func<TLocal> localInit,
        Func<IndexRange, TLocal, TLocal> body,
        Action<TLocal> localFinally,
        IProgress<long>? progress,
        CancellationToken cancellationToken,
        Func<long>? pendingWorkItems = null) // how many items wait in the thread pool: the pool's own count unless a test says
    {
        _partitions = partitions;
        _workers = workers;
        _partitionerName = partitionerName;
        _tracker = tracker;
        _stepLength = stepLength;
        _localInit = localInit;
        _body = body;
        _localFinally = localFinally;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _pendingWorkItems = pendingWorkItems ?? PendingWorkItems;
    }

    /// <summary>Gets how many times a helper has handed a partition back so far.</summary>
    internal int HandBacks => Volatile.Read(ref _handBacks);

    private bool IsStopped => _stopped || _cancellationToken.IsCancellationRequested;

    /// <summary>Runs the whole loop with the calling thread as a worker; returns when every partition has ended.</summary>
    public RangeLoopSummary Execute()
    {
        if (_workers > 1)
        {
            QueueHelper();
        }

        while (true)
        {
            // Stryker disable once Boolean : equivalent; a caller run as a helper may give its partition back and take it again, which changes who works, never what is computed.
            Work(isHelper: false);

            // Spin briefly before blocking: a helper that is running usually ends its partition within microseconds of the
            // caller running out of work, and waking from a blocked wait costs more than that (Parallel.For's join spins too).
            var spinner = default(SpinWait);
            // Stryker disable once all : equivalent; the spin only shortens the wait below, which is right with any spin count.
            for (int spin = 0; spin < 100 && Volatile.Read(ref _busyWorkers) > 0 && HandedBackCount() == 0; spin++)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            lock (_gate)
            {
                // Only helpers that are running a partition are waited for; each ends it or hands it back within a slice.
                // After a stop nothing handed back is resumed: only the running helpers are waited for.
                // Stryker disable all : equivalent; a caller that does not wait here goes round its loop again, spinning, until the helpers end: the same result at the cost of a core.
                while (_busyWorkers > 0 && (_handedBack.Count == 0 || IsStopped))
                {
                    Monitor.Wait(_gate);
                }

                // Stryker restore all

                if (_busyWorkers == 0 && (_handedBack.Count == 0 || IsStopped))
                {
                    break;
                }
            }
        }

        // After a stop, partitions handed back were never resumed: release their state.
        while (TryPopHandedBack(out PartitionState? state))
        {
            Finish(state);
        }

        if (_failure is { } failure)
        {
            if (failure.SourceException is OperationCanceledException && _cancellationToken.IsCancellationRequested)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            failure.Throw();
        }

        _cancellationToken.ThrowIfCancellationRequested();
        _tracker.EnsureComplete();
        return new RangeLoopSummary(Math.Max(1, _mostHolding), Interlocked.Read(ref _ranges), _partitionerName);
    }

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute()
    {
        if (_callerContext is null)
        {
            // Stryker disable once Boolean : equivalent; a helper run as the caller never gives its thread back, which changes who works, never what is computed.
            Work(isHelper: true);
        }
        else
        {
            ExecutionContext.Run(_callerContext, static run => ((RangeLoopRun<TLocal>)run!).Work(isHelper: true), this);
        }
    }

    private void QueueHelper()
    {
        // Stryker disable once Statement : equivalent; the helper count only limits how many helpers are queued, and a helper more or less changes how many threads help, never what is computed.
        Interlocked.Increment(ref _helperItems);
        // The global queue, behind whatever waits there already (a timer's callback, another call): fair to both.
        // Stryker disable once Boolean : equivalent; which queue the helper waits in changes when it starts, not what it computes.
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Takes partitions until none is left; a helper hands its partition back and queues itself again when its slice
    /// ends while other work waits in the pool.</summary>
    private void Work(bool isHelper)
    {
        // Stryker disable once Arithmetic : equivalent; a slice that ends sooner only hands the partition back sooner.
        long sliceEnd = isHelper ? Environment.TickCount64 + TimeSlice : long.MaxValue;
        // Stryker disable all : equivalent; whether a helper queues another changes how many threads help, never what is computed (the caller can finish alone, and no worker takes more than one partition at a time).
        bool replicated = !isHelper;
        while (TryTake(out PartitionState? state))
        {
            if (!replicated)
            {
                replicated = true;
                if (Volatile.Read(ref _helperItems) < _workers - 1 && HasUntakenWork())
                {
                    QueueHelper();
                }
            }

            // Stryker restore all

            bool handBack;
            try
            {
                handBack = RunPartition(state, ref sliceEnd);
            }
            catch (Exception e)
            {
                Fail(e);
                // Stryker disable once Boolean : equivalent; the run has stopped, and a state handed back is released at its end like one finished here.
                handBack = false;
            }

            if (handBack)
            {
                HandBack(state);
                // Requeued rather than ended: the helper count stays, so the run keeps its width.
                // Stryker disable once Statement,Boolean : equivalent; without it the run is one helper narrower, and the caller or another helper goes on with the partition.
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return;
            }

            Finish(state);
            // Stryker disable all : equivalent; whether a helper gives its thread back between partitions changes who takes the next one, never what is computed.
            if (SliceOver(ref sliceEnd, Environment.TickCount64, _pendingWorkItems) && HasUntakenWork())
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return;
            }

            // Stryker restore all
        }

        // Stryker disable all : equivalent; the helper count only limits how many helpers are queued (above).
        if (isHelper)
        {
            Interlocked.Decrement(ref _helperItems);
        }

        // Stryker restore all
    }

    /// <summary>Whether a worker whose slice ends at <paramref name="sliceEnd"/> should give its thread back at
    /// <paramref name="now"/>: only once the slice has passed and other work waits in the pool (<paramref name="pendingWorkItems"/>,
    /// asked only then). With nothing waiting the slice is renewed from <paramref name="now"/>: handing back would only move
    /// the partition to another thread, and the move costs a run on two cores a few percent of its time.</summary>
    internal static bool SliceOver(ref long sliceEnd, long now, Func<long> pendingWorkItems)
    {
        if (now < sliceEnd)
        {
            return false;
        }

        if (pendingWorkItems() > 0)
        {
            return true;
        }

        sliceEnd = now + TimeSlice;
        return false;
    }

    private static long PendingWorkItems() => ThreadPool.PendingWorkItemCount;

    // Stryker disable all : equivalent; asked only to decide whether to queue a helper or give a thread back, which changes who works, never what is computed.
    private bool HasUntakenWork() => !IsStopped && (Volatile.Read(ref _nextPartition) < _workers || HandedBackCount() > 0);

    private int HandedBackCount()
    {
        lock (_gate)
        {
            return _handedBack.Count;
        }
    }

    // Stryker restore all

    /// <summary>Takes a partition handed back, or the next one nobody has started. The worker counts as busy from before it
    /// looks, so the caller never sees the run as ended while a partition is being taken.</summary>
    private bool TryTake(out PartitionState state)
    {
        Interlocked.Increment(ref _busyWorkers);
        if (!IsStopped)
        {
            if (TryPopHandedBack(out PartitionState? handedBack))
            {
                state = handedBack;
                Hold();
                return true;
            }

            long index = Interlocked.Increment(ref _nextPartition) - 1;
            if (index < _workers)
            {
                state = new PartitionState((int)index);
                Hold();
                return true;
            }
        }

        state = null!;
        lock (_gate)
        {
            Interlocked.Decrement(ref _busyWorkers);
            Monitor.PulseAll(_gate);
        }

        return false;
    }

    /// <summary>Counts a partition as held, and keeps the most held at once (the run's width).</summary>
    private void Hold()
    {
        lock (_gate)
        {
            _holdingWorkers++;
            _mostHolding = Math.Max(_mostHolding, _holdingWorkers);
        }
    }

    private bool TryPopHandedBack([NotNullWhen(true)] out PartitionState? state)
    {
        lock (_gate)
        {
            return _handedBack.TryPop(out state);
        }
    }

    private void HandBack(PartitionState state)
    {
        lock (_gate)
        {
            _holdingWorkers--;
            _handBacks++;
            _handedBack.Push(state);
            Interlocked.Decrement(ref _busyWorkers);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Ends a partition: disposes its ranges' enumerator and passes its state to <c>localFinally</c>, whatever happened.</summary>
    private void Finish(PartitionState state)
    {
        try
        {
            try
            {
                state.Ranges?.Dispose();
            }
            catch (Exception e) when (PartitionerFaults.IsFault(e, _cancellationToken))
            {
                Fail(PartitionerFaults.Fault(_partitionerName, e));
            }

            Interlocked.Add(ref _ranges, state.RangeCount);
            if (state.HasLocal)
            {
                _localFinally(state.Local);
            }
        }
        catch (Exception e)
        {
            Fail(e);
        }
        finally
        {
            lock (_gate)
            {
                _holdingWorkers--;
                Interlocked.Decrement(ref _busyWorkers);
                // Stryker disable once Statement : equivalent; the worker's next TryTake pulses when it finds nothing, and a worker that takes a partition is still busy.
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Runs a partition's steps until it ends or the run stops (false), or until its slice is over with work left
    /// (true: hand it back; see <see cref="SliceOver"/>).</summary>
    private bool RunPartition(PartitionState state, ref long sliceEnd)
    {
        if (!state.HasLocal)
        {
            state.Local = _localInit();
            state.HasLocal = true;
        }

        long pending = 0;
        int steps = 0;
        try
        {
            while (!IsStopped)
            {
                if (state.Remaining.IsEmpty && !NextRange(state))
                {
                    return false;
                }

                if (state.Remaining.IsEmpty)
                {
                    continue;
                }

                IndexRange step = NextStep(state);
                state.Local = _body(step, state.Local);
                state.Remaining = new IndexRange(step.End, state.Remaining.End);
                pending += step.Length;
                if (pending >= FlushValues || ++steps >= FlushSteps)
                {
                    Flush(pending);
                    pending = 0;
                    steps = 0;
                    // Stryker disable once Boolean : equivalent; handing back before the slice ends only changes who goes on with the partition.
                    if (SliceOver(ref sliceEnd, Environment.TickCount64, _pendingWorkItems))
                    {
                        return true;
                    }
                }
            }

            // Stryker disable once Boolean : equivalent; the run has stopped, and a partition handed back is released at its end like one finished here.
            return false;
        }
        finally
        {
            Flush(pending);
        }
    }

    /// <summary>The next step of the partition's current range: up to the next multiple of the step length, which is
    /// computed once per range (one division) and then advanced by the step length, without overflow.</summary>
    private IndexRange NextStep(PartitionState state)
    {
        IndexRange range = state.Remaining;
        // Stryker disable once Equality : equivalent; when the range ends exactly at the boundary both choices give that end.
        long end = range.End - range.Start <= state.ToBoundary ? range.End : range.Start + state.ToBoundary;
        state.ToBoundary = _stepLength;
        return new IndexRange(range.Start, end);
    }

    /// <summary>Moves to the partition's next range and claims it; false when the partition has no more.</summary>
    private bool NextRange(PartitionState state)
    {
        IndexRange range;
        try
        {
            // Reading the list is the partitioner's code too: a list may compute its partitions on demand.
            state.Ranges ??= (_partitions[state.Index]
                ?? throw new InvalidPartitioningException(_partitionerName, $"returned null as partition {state.Index}; every partition must be a sequence of ranges.", null)).GetEnumerator();
            if (!state.Ranges.MoveNext())
            {
                return false;
            }

            range = state.Ranges.Current;
        }
        catch (Exception e) when (PartitionerFaults.IsFault(e, _cancellationToken))
        {
            throw PartitionerFaults.Fault(_partitionerName, e);
        }

        _tracker.Claim(range);
        if (!range.IsEmpty)
        {
            // Counted per partition, added up once when it ends: a shared counter would make the workers' cores fight over
            // one cache line for every range.
            state.RangeCount++;
            state.Remaining = range;
            state.ToBoundary = _stepLength - (range.Start % _stepLength);
        }

        return true;
    }

    private void Flush(long pending)
    {
        if (pending > 0)
        {
            long completed = Interlocked.Add(ref _completed, pending);
            _progress?.Report(completed);
        }
    }

    /// <summary>Keeps the first failure and stops every worker; later ones (often the stop itself, seen elsewhere) are dropped.</summary>
    private void Fail(Exception e)
    {
        if (Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null) is null)
        {
            _stopped = true;
        }
    }

    /// <summary>One partition as a worker left it: its enumerator, what is left of its current range, and its local state.</summary>
    private sealed class PartitionState(int index)
    {
        public int Index { get; } = index;

        public IEnumerator<IndexRange>? Ranges { get; set; }

        public IndexRange Remaining { get; set; }

        /// <summary>How far the start of <see cref="Remaining"/> lies from the next multiple of the step length.</summary>
        public long ToBoundary { get; set; }

        /// <summary>How many non-empty ranges the partition has claimed.</summary>
        public long RangeCount { get; set; }

        public TLocal Local { get; set; } = default!;

        public bool HasLocal { get; set; }
    }
}
