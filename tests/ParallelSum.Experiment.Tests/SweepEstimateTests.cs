using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>The sweep's estimate of the time left: linear in the count past a fixed start-up cost, capped at the timeout,
/// nothing for stopped series, and no figure before the first trial.</summary>
public sealed class SweepEstimateTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void Remaining_IsUnknown_BeforeTheFirstTrial()
    {
        var estimate = new SweepEstimate(Timeout);

        Assert.Null(estimate.Remaining([new TrialSpec("streaming", 1_000, null)], new HashSet<string>()));
        Assert.Equal("3 s elapsed, time left not known yet", SweepEstimate.Text(TimeSpan.FromSeconds(3), null));
    }

    [Fact]
    public void Remaining_ScalesEachSeriesByCount_PastTheFixedStartUpCost()
    {
        var estimate = new SweepEstimate(Timeout);
        // Start-up 0.5 s (the shortest trial); streaming then costs 1 ns a value, naive-list 10 ns.
        Record(estimate, "streaming", 1_000, 0.5);
        Record(estimate, "naive-list", 1_000, 0.5);
        Record(estimate, "streaming", 1_000_000_000, 1.5);
        Record(estimate, "naive-list", 100_000_000, 1.5);

        TimeSpan? left = estimate.Remaining([new TrialSpec("streaming", 10_000_000_000, null), new TrialSpec("naive-list", 1_000_000_000, null)], new HashSet<string>());

        Assert.Equal(0.5 + 10 + 0.5 + 10, left!.Value.TotalSeconds, 6);
        Assert.Equal("1 min 05 s elapsed, about 21 s left", SweepEstimate.Text(TimeSpan.FromSeconds(65), left));
    }

    [Fact]
    public void Remaining_GivesANewSeriesTheOthersAverage_CapsAtTheTimeout_AndSkipsStoppedSeries()
    {
        var estimate = new SweepEstimate(Timeout);
        Record(estimate, "streaming", 1_000, 0.2);
        Record(estimate, "streaming", 1_000_000_000, 2.2);
        Record(estimate, "naive-list", 1_000_000_000, 4.2);

        // auto is new: the average of 2 ns and 4 ns a value; parallel-for would take 3e3 s, capped at 120; naive-list stopped.
        TimeSpan? left = estimate.Remaining(
            [new TrialSpec("auto", 1_000_000_000, null), new TrialSpec("streaming", 1_000_000_000_000, null), new TrialSpec("naive-list", 10_000_000_000, null)],
            new HashSet<string> { "naive-list" });

        Assert.Equal(0.2 + 3 + 120, left!.Value.TotalSeconds, 6);
        Assert.Equal(TimeSpan.Zero, estimate.Remaining([], new HashSet<string>()));
        Assert.Equal("2 s elapsed, done", SweepEstimate.Text(TimeSpan.FromSeconds(2), TimeSpan.Zero));
    }

    private static void Record(SweepEstimate estimate, string strategy, long count, double wallSeconds) =>
        estimate.Record(new TrialSpec(strategy, count, null), new TrialResult { Sweep = "s", Host = "h", Strategy = strategy, Count = count, WallSeconds = wallSeconds });
}
