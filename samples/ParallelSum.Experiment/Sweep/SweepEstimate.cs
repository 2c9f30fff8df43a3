namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// How long the rest of a sweep will take, from the trials that have ended. Each series' wall time (process start and
/// repetitions included) is taken to grow in a straight line with the count, through its last two trials: a series'
/// next trial is its last one plus the slope of those two times the counts still to go (no slope, and no shrinking, from
/// one trial alone, or when the second was not slower). A series with no trial yet takes the average of the others' last
/// times; no trial counts for longer than the sweep's timeout; series that have stopped (memory error, timeout,
/// unsupported) count for nothing. Small counts mostly time process start-up, so the first rounds underestimate what
/// large counts cost; the estimate is redone after every trial and gets better as the counts grow.
/// </summary>
/// <param name="timeout">The longest one trial may take before it is killed.</param>
internal sealed class SweepEstimate(TimeSpan timeout)
{
    private readonly Dictionary<string, ((long Count, double Seconds)? Before, (long Count, double Seconds) Last)> _series = [];

    /// <summary>Takes in a trial that has ended, whatever its outcome: its wall time, process start included.</summary>
    public void Record(TrialSpec spec, TrialResult result)
    {
        if (result.WallSeconds is not (> 0 and < double.PositiveInfinity))
        {
            return;
        }

        (long, double) point = (spec.Count, result.WallSeconds);
        _series[spec.Series] = _series.TryGetValue(spec.Series, out var known) && known.Last.Count < spec.Count
            ? (known.Last, point)
            : (null, point);
    }

    /// <summary>The time <paramref name="left"/> should take; <see langword="null"/> until a trial has been recorded.</summary>
    /// <param name="left">The trials still to run.</param>
    /// <param name="stopped">Series that will not run again: their trials count for nothing.</param>
    public TimeSpan? Remaining(IEnumerable<TrialSpec> left, IReadOnlySet<string> stopped)
    {
        if (_series.Count == 0)
        {
            return null;
        }

        double unknownSeries = _series.Values.Average(s => s.Last.Seconds);
        double total = 0;
        foreach (TrialSpec spec in left.Where(s => !stopped.Contains(s.Series)))
        {
            double seconds = unknownSeries;
            if (_series.TryGetValue(spec.Series, out var known))
            {
                double slope = known.Before is (long beforeCount, double beforeSeconds)
                    ? Math.Max(0, (known.Last.Seconds - beforeSeconds) / (known.Last.Count - beforeCount))
                    : 0;
                seconds = known.Last.Seconds + (slope * Math.Max(0, spec.Count - known.Last.Count));
            }

            total += Math.Min(seconds, timeout.TotalSeconds);
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
