using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>The sweep's estimate of the time left: each series in a straight line through its last two trials, never
/// shrinking, capped at the timeout, nothing for stopped series, and no figure before the first trial.</summary>
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
    public void Remaining_ExtendsEachSeriesThroughItsLastTwoTrials()
    {
        var estimate = new SweepEstimate(Timeout);
        // streaming: 0.5 s at 1e3 (start-up), 1.5 s at 1e9, so 1 ns a value; naive-list: 10 ns a value from 1e7 to 1e8.
        Record(estimate, "streaming", 1_000, 0.5);
        Record(estimate, "streaming", 1_000_000_000, 1.5);
        Record(estimate, "naive-list", 10_000_000, 0.6);
        Record(estimate, "naive-list", 100_000_000, 1.5);

        TimeSpan? left = estimate.Remaining([new TrialSpec("streaming", 10_000_000_000, null), new TrialSpec("naive-list", 1_000_000_000, null)], new HashSet<string>());

        Assert.Equal((1.5 + 9) + (1.5 + 9), left!.Value.TotalSeconds, 3);
        Assert.Equal("1 min 05 s elapsed, about 21 s left", SweepEstimate.Text(TimeSpan.FromSeconds(65), left));
    }

    [Fact]
    public void Remaining_DoesNotExtrapolateFromOneTrial_OrFromATrialThatWasFaster()
    {
        var estimate = new SweepEstimate(Timeout);
        // A noisy first trial (process start on a busy machine) must not make every later count look long or short.
        Record(estimate, "parallel-for", 1_000, 2.0);
        Record(estimate, "parallel-for", 100_000, 0.8);
        Record(estimate, "auto", 1_000, 0.4);

        TimeSpan? left = estimate.Remaining([new TrialSpec("parallel-for", 10_000_000, null), new TrialSpec("auto", 100_000, null)], new HashSet<string>());

        Assert.Equal(0.8 + 0.4, left!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Remaining_GivesANewSeriesTheOthersAverage_CapsAtTheTimeout_AndSkipsStoppedSeries()
    {
        var estimate = new SweepEstimate(Timeout);
        Record(estimate, "streaming", 1_000, 0.2);
        Record(estimate, "streaming", 1_000_000_000, 2.2);
        Record(estimate, "naive-list", 1_000_000_000, 4.2);

        // auto is new: the average of 2.2 s and 4.2 s; streaming at 1e12 would take 2000 s, capped at 120; naive-list stopped.
        TimeSpan? left = estimate.Remaining(
            [new TrialSpec("auto", 1_000_000_000, null), new TrialSpec("streaming", 1_000_000_000_000, null), new TrialSpec("naive-list", 10_000_000_000, null)],
            new HashSet<string> { "naive-list" });

        Assert.Equal(3.2 + 120, left!.Value.TotalSeconds, 6);
        Assert.Equal(TimeSpan.Zero, estimate.Remaining([], new HashSet<string>()));
        Assert.Equal("2 s elapsed, done", SweepEstimate.Text(TimeSpan.FromSeconds(2), TimeSpan.Zero));
    }

    private static void Record(SweepEstimate estimate, string strategy, long count, double wallSeconds) =>
        estimate.Record(new TrialSpec(strategy, count, null), new TrialResult { Sweep = "s", Host = "h", Strategy = strategy, Count = count, WallSeconds = wallSeconds });
}
