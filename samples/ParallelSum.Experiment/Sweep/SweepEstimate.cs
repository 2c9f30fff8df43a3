namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// How long the rest of a sweep will take, from the trials that have ended. A trial's wall time is taken as a fixed part
/// (starting its process and runtime: the shortest trial seen so far) plus a part that grows with the count; a series'
/// next trial is its last one scaled by the ratio of the counts, a series with no trial yet gets the per-value time of
/// the others, averaged, and no trial is counted for longer than the sweep's timeout. Trials of a series that has stopped
/// (memory error, timeout, unsupported) count for nothing. Work that is not linear in the count, or a machine that gets
/// busier, makes the estimate wrong; it is corrected after every trial.
/// </summary>
/// <param name="timeout">The longest one trial may take before it is killed.</param>
internal sealed class SweepEstimate(TimeSpan timeout)
{
    private readonly Dictionary<string, (long Count, double Seconds)> _last = [];
    private double? _fixedSeconds;

    /// <summary>Takes in a trial that has ended, whatever its outcome: its wall time, process start included.</summary>
    public void Record(TrialSpec spec, TrialResult result)
    {
        if (result.WallSeconds is not (> 0 and < double.PositiveInfinity))
        {
            return;
        }

        _fixedSeconds = Math.Min(_fixedSeconds ?? double.MaxValue, result.WallSeconds);
        _last[spec.Series] = (spec.Count, result.WallSeconds);
    }

    /// <summary>The time <paramref name="left"/> should take; <see langword="null"/> until a trial has been recorded.</summary>
    /// <param name="left">The trials still to run.</param>
    /// <param name="stopped">Series that will not run again: their trials count for nothing.</param>
    public TimeSpan? Remaining(IEnumerable<TrialSpec> left, IReadOnlySet<string> stopped)
    {
        if (_fixedSeconds is not double fixedSeconds)
        {
            return null;
        }

        double[] perValue = [.. _last.Values.Select(l => Math.Max(0, l.Seconds - fixedSeconds) / l.Count)];
        double averagePerValue = perValue.Average();
        double total = 0;
        foreach (TrialSpec spec in left.Where(s => !stopped.Contains(s.Series)))
        {
            double growing = _last.TryGetValue(spec.Series, out (long Count, double Seconds) last)
                ? Math.Max(0, last.Seconds - fixedSeconds) * ((double)spec.Count / last.Count)
                : averagePerValue * spec.Count;
            total += Math.Min(fixedSeconds + growing, timeout.TotalSeconds);
        }

        return TimeSpan.FromSeconds(Math.Min(total, TimeSpan.MaxValue.TotalSeconds / 2));
    }

    /// <summary>The progress text after a trial: <c>12 s elapsed, about 4 min 10 s left</c>.</summary>
    public static string Text(TimeSpan elapsed, TimeSpan? remaining) =>
        $"{NumberText.Elapsed(elapsed)} elapsed, " + remaining switch
        {
            null => "time left not known yet",
            TimeSpan r when r == TimeSpan.Zero => "done",
            TimeSpan r => $"about {NumberText.Elapsed(r)} left",
        };
}
