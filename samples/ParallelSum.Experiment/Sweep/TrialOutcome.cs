namespace ParallelSum.Experiment.Sweep;

/// <summary>How a trial ended; the strings are the results format's <c>outcome</c> values.</summary>
internal static class TrialOutcome
{
    /// <summary>Every repetition finished and the sum is exact.</summary>
    public const string Ok = "ok";

    /// <summary>The trial ran out of memory (the runtime's <see cref="OutOfMemoryException"/>, usually the heap hard limit).</summary>
    public const string MemoryError = "memory-error";

    /// <summary>The trial's process exited without a result (killed, aborted, or an unexpected error).</summary>
    public const string Crash = "crash";

    /// <summary>The trial exceeded its time budget and its process was killed.</summary>
    public const string Timeout = "timeout";

    /// <summary>The trial was not run: the strategy cannot take this count (for example a <c>List&lt;int&gt;</c> past its capacity).</summary>
    public const string Unsupported = "unsupported";
}
