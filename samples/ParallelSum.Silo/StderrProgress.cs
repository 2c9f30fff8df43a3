using System.Diagnostics;
using ParallelSum;

namespace ParallelSum.Silo;

/// <summary>Writes each progress report as a line <c>progress done/total</c> on stderr, on the reporting thread, so a watching
/// script (or test) knows when the request has really started and how far it is; and notes when the first range's result
/// arrived.</summary>
internal sealed class StderrProgress : IProgress<GenerateAndSumProgress>
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _firstRange = -1;

    /// <summary>Time from this object's creation (just before the request is sent) to the first report with a completed
    /// range, or null when no range completed.</summary>
    public TimeSpan? FirstRange
    {
        get
        {
            long firstRange = Interlocked.Read(ref _firstRange);
            return firstRange < 0 ? null : Stopwatch.GetElapsedTime(_started, firstRange);
        }
    }

    public void Report(GenerateAndSumProgress value)
    {
        if (value.CompletedCount > 0)
        {
            Interlocked.CompareExchange(ref _firstRange, Stopwatch.GetTimestamp(), -1);
        }

        Console.Error.WriteLine($"progress {value.CompletedCount}/{value.TotalCount}");
    }
}
