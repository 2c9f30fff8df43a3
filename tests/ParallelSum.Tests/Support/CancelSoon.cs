namespace ParallelSum.Tests.Support;

/// <summary>A token source canceled by a thread of its own, not by a timer: timers fire on the thread pool, which a call
/// under test may keep busy (its workers are thread-pool items), so a timer's cancel could arrive seconds late.</summary>
public static class CancelSoon
{
    /// <summary>Returns a source that a dedicated thread cancels after <paramref name="delay"/>.</summary>
    public static CancellationTokenSource After(TimeSpan delay)
    {
        var source = new CancellationTokenSource();
        var thread = new Thread(() =>
        {
            Thread.Sleep(delay);
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The test ended first.
            }
        })
        { IsBackground = true, Name = "test canceller" };
        thread.Start();
        return source;
    }
}
