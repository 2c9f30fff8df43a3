namespace ParallelSum.Execution;

/// <summary>What a running range needs from its call: cancellation, the call's stop signal and progress.</summary>
internal sealed class RunContext(ProgressReporter? progress, CancellationToken cancellationToken)
{
    /// <summary>How many values a kernel handles between two cancellation checks and progress updates: about a millisecond of work.</summary>
    public const int StepLength = 1 << 20;

    private volatile bool _stopped;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Gets whether another worker has failed, so this call's remaining work is pointless.</summary>
    public bool IsStopped => _stopped;

    /// <summary>Tells every worker of this call to stop at its next check.</summary>
    public void Stop() => _stopped = true;

    /// <summary>Throws if the call was canceled or another worker failed.</summary>
    public void ThrowIfStopped()
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (_stopped)
        {
            // Stryker disable once String : equivalent; this exception only stops a worker and is never the one the caller sees (the first failure is).
            throw new OperationCanceledException("Another worker of this call failed.");
        }
    }

    /// <summary>Records <paramref name="values"/> more done and stops the work if the call was canceled or failed elsewhere.</summary>
    public void Advance(long values)
    {
        progress?.Add(values);
        ThrowIfStopped();
    }
}
