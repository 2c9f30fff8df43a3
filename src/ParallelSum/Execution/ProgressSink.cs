namespace ParallelSum.Execution;

/// <summary>
/// Takes counts of work done from any number of workers and hands them to the caller's handler one at a time, never going
/// backwards, at most about every <see cref="ReportInterval"/> milliseconds and once at the end, on a thread-pool thread under
/// the caller's <see cref="ExecutionContext"/>: a worker never runs the handler, so a handler that blocks never holds a
/// worker or delays cancellation.
/// </summary>
/// <remarks>The handler's first exception is kept in <see cref="HandlerException"/> and the handler is not called again: an
/// observer's failure never stops or disguises the work. The final report is made by <see cref="Complete"/> on the thread that
/// finishes the run, after any report still being delivered.</remarks>
internal sealed class ProgressSink : IProgress<long>, IThreadPoolWorkItem
{
    /// <summary>Reports closer together than this many milliseconds are merged into the next one.</summary>
    internal const long ReportInterval = 50;

    private const int Idle = 0;
    private const int Queued = 1;
    private const int Delivering = 2;
    private const int Completed = 3;

    private readonly Action<long> _handler;
    private readonly ExecutionContext? _callerContext = ExecutionContext.Capture();
    // A monitor, not a Lock: the final report waits on it for a delivery still running elsewhere.
    private readonly object _gate = new();
    private long _latest = -1;
    private long _delivered = -1;
    private long _lastDeliveryTicks = Environment.TickCount64;
    private int _state;
    private volatile Exception? _handlerException;
    private volatile bool _closed;

    /// <summary>Creates a sink that hands each count to <paramref name="handler"/>.</summary>
    public ProgressSink(Action<long> handler) => _handler = handler;

    /// <summary>Gets the first exception the handler threw, or <see langword="null"/>.</summary>
    public Exception? HandlerException => _handlerException;

    /// <summary>A sink for <paramref name="progress"/>, or <see langword="null"/> when there is no handler.</summary>
    public static ProgressSink? For(IProgress<long>? progress) => progress is null ? null : new ProgressSink(progress.Report);

    /// <summary>Records that <paramref name="completed"/> units are done; never blocks and never throws.</summary>
    public void Report(long completed)
    {
        RaiseLatest(completed);
        // A delivery is posted when none is queued or running and the interval has passed since the last one; whether the
        // handler may still be called is the delivery's own check.
        // Stryker disable once Equality : equivalent; the clock counts whole milliseconds, so > and >= differ by one tick of a 50 ms interval.
        bool intervalPassed = Environment.TickCount64 - Volatile.Read(ref _lastDeliveryTicks) >= ReportInterval;
        if (intervalPassed
            && Volatile.Read(ref _state) == Idle
            && Interlocked.CompareExchange(ref _state, Queued, Idle) == Idle)
        {
            // The global queue, behind whatever waits there already: reports never jump ahead of other work.
            // Stryker disable once Boolean : equivalent; which queue the delivery waits in changes when it runs, not what it delivers.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Delivers <paramref name="final"/> on the calling thread, after any report still being delivered elsewhere;
    /// no report is delivered after it. If <paramref name="cancellationToken"/> is canceled while a report is still being
    /// delivered elsewhere (a handler that blocks), it stops waiting and makes no final report: the work is done, and the
    /// caller asked not to wait.</summary>
    public void Complete(long final, CancellationToken cancellationToken)
    {
        RaiseLatest(final);
        while (true)
        {
            int state = Volatile.Read(ref _state);
            if (state == Completed)
            {
                return;
            }

            if (state is Idle or Queued)
            {
                // A queued delivery not yet started is taken over: it finds the state changed and does nothing.
                if (Interlocked.CompareExchange(ref _state, Delivering, state) == state)
                {
                    Deliver();
                    EndDelivery(Completed);
                    // Stryker disable once Statement : equivalent; the loop would find the sink completed and return.
                    return;
                }

                // Stryker disable once Statement : equivalent; the state just changed, and the wait below returns at once unless a delivery now runs.
                continue;
            }

            if (!WaitForDelivery(cancellationToken))
            {
                _closed = true;
                return;
            }
        }
    }

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute()
    {
        if (Interlocked.CompareExchange(ref _state, Delivering, Queued) == Queued)
        {
            Deliver();
            EndDelivery(Idle);
        }
    }

    private void RaiseLatest(long completed)
    {
        long seen = Volatile.Read(ref _latest);
        // Stryker disable all : equivalent; raising to the value already there, or trying again after a success, leaves the largest value.
        while (completed > seen)
        {
            long previous = Interlocked.CompareExchange(ref _latest, completed, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }

        // Stryker restore all
    }

    private void Deliver()
    {
        Volatile.Write(ref _lastDeliveryTicks, Environment.TickCount64);
        long latest = Volatile.Read(ref _latest);
        if (_handlerException is not null || _closed || latest <= _delivered)
        {
            return;
        }

        _delivered = latest;
        try
        {
            // The final report runs on the completing thread, in the caller's context already; running it there again costs
            // little, and every report then sees the same context.
            if (_callerContext is not null)
            {
                ExecutionContext.Run(_callerContext, static state => ((ProgressSink)state!).CallHandler(), this);
            }
            else
            {
                CallHandler();
            }
        }
        catch (Exception e)
        {
            // An observer's failure must neither stop nor disguise the work: keep it, and stop calling the handler.
            _handlerException = e;
        }
    }

    private void CallHandler() => _handler(_delivered);

    private void EndDelivery(int next)
    {
        lock (_gate)
        {
            Volatile.Write(ref _state, next);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits until the delivery running elsewhere ends; false if <paramref name="cancellationToken"/> is canceled first.</summary>
    private bool WaitForDelivery(CancellationToken cancellationToken)
    {
        using CancellationTokenRegistration wake = cancellationToken.UnsafeRegister(static state => ((ProgressSink)state!).Wake(), this);
        lock (_gate)
        {
            while (Volatile.Read(ref _state) == Delivering)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                Monitor.Wait(_gate);
            }
        }

        return true;
    }

    private void Wake()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }
}
