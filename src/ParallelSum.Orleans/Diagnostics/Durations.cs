namespace ParallelSum.Orleans;

/// <summary>Durations as the package's log lines carry them: seconds rounded to the millisecond, so a line reads
/// <c>retrying in 0.48 s</c> rather than <c>00:00:00.4812345</c>, and the value stays a number for log queries.</summary>
internal static class Durations
{
    /// <summary>Gets <paramref name="duration"/> in seconds, rounded to the millisecond.</summary>
    public static double Seconds(TimeSpan duration) => Math.Round(duration.TotalSeconds, 3, MidpointRounding.AwayFromZero);
}
