using System.Diagnostics;

namespace ParallelSum.Geo.Bench;

/// <summary>Accumulates wall-clock time, allocated bytes and gen 0 collections of the calling thread between starts and stops.</summary>
internal sealed class StageClock
{
    private readonly Stopwatch _watch = new();
    private long _allocatedAtStart;
    private int _gen0AtStart;

    /// <summary>Gets the seconds between starts and stops so far.</summary>
    public double Seconds => _watch.Elapsed.TotalSeconds;

    /// <summary>Gets the bytes this thread allocated between starts and stops so far.</summary>
    public long AllocatedBytes { get; private set; }

    /// <summary>Gets the gen 0 collections between starts and stops so far.</summary>
    public int Gen0Collections { get; private set; }

    public void Start()
    {
        _gen0AtStart = GC.CollectionCount(0);
        _allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        _watch.Start();
    }

    public void Stop()
    {
        _watch.Stop();
        AllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart;
        Gen0Collections += GC.CollectionCount(0) - _gen0AtStart;
    }
}
