namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// Samples the managed heap (<see cref="GC.GetTotalMemory(bool)"/>, no collection forced) on a background thread and keeps
/// the largest value seen. The runtime keeps no peak of its own; a 5 ms period catches every allocation that lives long
/// enough to matter here (a list that takes seconds to fill), and misses only short spikes at small counts.
/// </summary>
internal sealed class ManagedHeapSampler : IDisposable
{
    private readonly Thread _thread;
    private readonly TimeSpan _period;
    private volatile bool _stopping;
    private long _peak;

    public ManagedHeapSampler(TimeSpan period)
    {
        _period = period;
        _peak = GC.GetTotalMemory(forceFullCollection: false);
        _thread = new Thread(Sample) { IsBackground = true, Name = "managed heap sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>The largest managed heap size seen so far, in bytes (read once more now).</summary>
    public long PeakBytes
    {
        get
        {
            Observe();
            return Interlocked.Read(ref _peak);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Sample()
    {
        while (!_stopping)
        {
            Observe();
            Thread.Sleep(_period);
        }
    }

    private void Observe()
    {
        long now = GC.GetTotalMemory(forceFullCollection: false);
        long seen = Interlocked.Read(ref _peak);
        while (now > seen)
        {
            long previous = Interlocked.CompareExchange(ref _peak, now, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }
    }
}
