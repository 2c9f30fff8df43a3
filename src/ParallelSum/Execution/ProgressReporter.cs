namespace ParallelSum.Execution;

/// <summary>
/// Counts values done by all workers and forwards the count to an <see cref="IProgress{T}"/>: at most about every
/// <see cref="ReportInterval"/>, one report at a time, never decreasing, and always once at completion.
/// </summary>
/// <remarks>The handler's exceptions never reach the work: the first one is kept in <see cref="HandlerException"/> (and returned
/// with the result), and the handler is not called again.</remarks>
internal sealed class ProgressReporter(IProgress<GenerateAndSumProgress>? progress, long total)
{
    /// <summary>Reports closer together than this are dropped, so a fast kernel does not flood the receiver.</summary>
    private const long ReportInterval = 50;

#if NET9_0_OR_GREATER
    private readonly Lock _lock = new();
#else
    private readonly object _lock = new();
#endif
    private long _completed;
    private volatile Exception? _handlerException;
    private long _lastReportedCompleted = -1;
    private long _lastReportTicks = Environment.TickCount64;

    /// <summary>Gets the first exception the handler threw, or <see langword="null"/>.</summary>
    public Exception? HandlerException => _handlerException;

    /// <summary>Adds <paramref name="values"/> to the count done and reports if enough time has passed.</summary>
    public void Add(long values)
    {
        long completed = Interlocked.Add(ref _completed, values);
        if (progress is not null && _handlerException is null && Environment.TickCount64 - Volatile.Read(ref _lastReportTicks) >= ReportInterval)
        {
            Report(completed, force: false);
        }
    }

    /// <summary>Reports the final count.</summary>
    public void Complete()
    {
        if (progress is not null && _handlerException is null)
        {
            Report(Volatile.Read(ref _completed), force: true);
        }
    }

    private void Report(long completed, bool force)
    {
        lock (_lock)
        {
            long now = Environment.TickCount64;
            // Another worker may have reported a larger count meanwhile: keep reports monotonic.
            if (_handlerException is not null || completed <= _lastReportedCompleted || (!force && now - _lastReportTicks < ReportInterval))
            {
                return;
            }

            _lastReportTicks = now;
            _lastReportedCompleted = completed;
            try
            {
                progress!.Report(new GenerateAndSumProgress(completed, total));
            }
            catch (Exception e)
            {
                // An observer's failure must neither stop nor disguise the sum: keep it for the result, stop calling the handler.
                _handlerException = e;
            }
        }
    }
}
