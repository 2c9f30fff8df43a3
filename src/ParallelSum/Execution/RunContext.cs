namespace ParallelSum.Execution;

/// <summary>What a running range needs from its call: the stream, cancellation and progress.</summary>
internal sealed class RunContext(RandomStream stream, long startIndex, ProgressReporter progress, CancellationToken cancellationToken)
{
    /// <summary>How many values a kernel handles between two cancellation checks and progress updates: about a millisecond of work.</summary>
    public const int StepLength = 1 << 20;

    public RandomStream Stream { get; } = stream;

    /// <summary>The stream index of the request's first value; ranges handed to summers are already offset by it.</summary>
    public long StartIndex { get; } = startIndex;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Records <paramref name="values"/> more done and stops the work if the call was canceled.</summary>
    public void Advance(long values)
    {
        progress.Add(values);
        CancellationToken.ThrowIfCancellationRequested();
    }
}
