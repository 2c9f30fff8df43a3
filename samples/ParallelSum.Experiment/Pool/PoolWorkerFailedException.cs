namespace ParallelSum.Experiment.Pool;

/// <summary>
/// A worker of a process pool failed (ran out of memory, refused its share, crashed, or was killed), so the pool's call
/// failed as a whole: no partial sum is ever returned.
/// </summary>
internal sealed class PoolWorkerFailedException : Exception
{
    public PoolWorkerFailedException()
        : this(Sweep.TrialOutcome.Crash, "a worker of the pool failed")
    {
    }

    public PoolWorkerFailedException(string message)
        : this(Sweep.TrialOutcome.Crash, message)
    {
    }

    public PoolWorkerFailedException(string message, Exception innerException)
        : base(message, innerException) => Outcome = Sweep.TrialOutcome.Crash;

    /// <summary>Creates the exception for a worker that ended with <paramref name="outcome"/> for <paramref name="reason"/>.</summary>
    /// <param name="outcome">A <see cref="Sweep.TrialOutcome"/> value: memory error, unsupported, crash.</param>
    /// <param name="reason">Which worker, its share, and why it failed.</param>
    public PoolWorkerFailedException(string outcome, string reason)
        : base(reason) => Outcome = outcome;

    /// <summary>How the failing worker ended, as a <see cref="Sweep.TrialOutcome"/> value.</summary>
    public string Outcome { get; }
}
