using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>
/// A sweep caps each trial's heap at half the machine's memory unless told otherwise, says so in its first line, and
/// records the cap with every result; <c>--memory-limit none</c> lifts it.
/// </summary>
public sealed class SweepMemoryCapTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("none")]
    [InlineData("64M")]
    public void Sweep_MemoryCap_StatedAndRecorded(string? limit)
    {
        using var folder = new TempFolder();
        string[] arguments = ["sweep", "--strategies", "streaming", "--counts", "1e3", "--large-counts", "none", "--repetitions", "1", "--no-plot", "--out", folder.Path];
        long machine = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        (long? expectedCap, string expectedText) = limit switch
        {
            null => (machine / 2, $"each trial's managed heap capped at {ByteSize.Format(machine / 2)} (50 % of the {ByteSize.Format(machine)} this machine has; a pool of K processes gets 1/K of it in each; --memory-limit none lifts it)"),
            "none" => ((long?)null, "; no memory cap per process;"),
            _ => (64L << 20, "each process's managed heap capped at 64.0 MiB, a pool's every worker included;"),
        };

        (int exitCode, string output, string error) = ProgramRun.Run(limit is null ? arguments : [.. arguments, "--memory-limit", limit]);

        Assert.True(exitCode == 0, error);
        Assert.Contains(expectedText, output.Split('\n')[0], StringComparison.Ordinal);
        IReadOnlyList<TrialResult> results = ResultsFile.Read(Assert.Single(Directory.GetFiles(folder.Path, "sweep-*.jsonl")), out _);
        Assert.Equal(2, results.Count);
        Assert.All(results, result => Assert.Equal(expectedCap, result.MemoryLimitBytes));
        Assert.Equal(TrialOutcome.Ok, results[1].Outcome);
    }
}
