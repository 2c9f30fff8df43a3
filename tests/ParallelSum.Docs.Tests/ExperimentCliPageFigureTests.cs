using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>
/// The figures docs/experiment-cli.md quotes for the default memory cap equal the default sweep's results file it links
/// (cold process: every trial in a process of its own), at the page's rounding.
/// </summary>
public sealed class ExperimentCliPageFigureTests
{
    private const string Page = "docs/experiment-cli.md";
    private const string Default = "experiment/default/sweep-20261207T073508Z.jsonl";

    [Fact]
    public void DefaultCap_AndTheLargestTrials_EqualTheDefaultSweep()
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + Default);
        SweepTrial naive = SweepTrial.Single(trials, "naive-list", 1_000_000_000), parallelFor = SweepTrial.Single(trials, "parallel-for", 1_000_000_000);

        Match m = Sourcing.Find(Page, @"the cap is (?<cap>[\d.]+ GiB), above what any default trial needs: in the default sweep of that machine \(cold process: \[results\]\([^)]+\)\) the largest, `naive-list` at 10\^9, peaks at (?<naive>[\d.]+ GiB) and\s+`parallel-for` at 10\^9 at (?<parallel>[\d.]+ GiB), both `ok` with the sum every other strategy gives");
        ExperimentPageFigureTests.AssertSize(m.Groups["cap"].Value, naive.MemoryLimitBytes!.Value, "the default sweep's cap per process");
        Assert.All(trials.Where(t => t.Processes is null), t => Assert.Equal(naive.MemoryLimitBytes, t.MemoryLimitBytes));
        ExperimentPageFigureTests.AssertSize(m.Groups["naive"].Value, naive.PeakWorkingSetBytes!.Value, "naive-list at 1e9 under the default cap");
        ExperimentPageFigureTests.AssertSize(m.Groups["parallel"].Value, parallelFor.PeakWorkingSetBytes!.Value, "parallel-for at 1e9 under the default cap");

        // "The largest": no trial of one process peaks higher; both finished, with the sum of every other trial at 1e9.
        Assert.Equal(naive.PeakWorkingSetBytes, trials.Where(t => t.Processes is null && t.Ok).Max(t => t.PeakWorkingSetBytes));
        List<SweepTrial> atBillion = [.. trials.Where(t => t.Count == 1_000_000_000)];
        Assert.All(atBillion, t => Assert.True(t.Ok, $"{Default}: {t.Series} at 1e9 is {t.Outcome}"));
        Assert.Single(atBillion.Select(t => t.Sum).Distinct());
        Sourcing.Quotes(Page, "in the default sweep of that machine (cold process:", "cold process", Default);
    }
}
