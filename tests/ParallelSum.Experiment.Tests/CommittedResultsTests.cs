using ParallelSum.Experiment.Plotting;

namespace ParallelSum.Experiment.Tests;

/// <summary>The results committed under docs/experiment, plotted again as a reader would: every chart, nothing on stderr.</summary>
public sealed class CommittedResultsTests
{
    // The test project copies docs/experiment/*/*.jsonl here, one folder per sweep command.
    private static readonly string Committed = Path.Combine(AppContext.BaseDirectory, "committed-results");

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (string folder in Directory.GetDirectories(Committed).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Fact]
    public void EveryCommittedSweepIsHere()
    {
        Assert.True(Folders().Count >= 6, $"only {Folders().Count} folders of results in {Committed}");
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Plot_OfCommittedResults_WritesEveryChart_AndNothingOnStderr(string name)
    {
        using var folder = new TempFolder();
        string[] files = [.. Directory.GetFiles(Path.Combine(Committed, name), "*.jsonl").Order(StringComparer.Ordinal)];

        (int exitCode, string output, string error) = ProgramRun.Run(["plot", .. files, "--out", folder.Path]);

        Assert.True(exitCode == 0, error);
        Assert.Equal("", error);
        Assert.All(ChartSet.Names, chart => Assert.Contains(Path.Combine(folder.Path, chart + ".svg"), output, StringComparison.Ordinal));
    }
}
