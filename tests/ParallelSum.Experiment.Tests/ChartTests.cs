using System.Xml.Linq;
using ParallelSum.Experiment.Plotting;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>The charts, read back as a person would read them (their SVG text): every outcome that is not ok has its legend
/// entry exactly when it occurs, the axes speak in units, and every chart carries its caption.</summary>
public sealed class ChartTests
{
    private static readonly MachineDescription Machine = new()
    {
        Cpu = "Test CPU 9000", Cores = 2, MemoryBytes = 24L << 30, OperatingSystem = "Test OS 1", Runtime = ".NET 10.0.0",
        Command = "ParallelSum.Experiment sweep --counts 1e3,1e6",
    };

    [Fact]
    public void Charts_MarkEveryFailureKind_AndCarryTheCaption()
    {
        using var folder = new TempFolder();
        TrialResult[] results =
        [
            Idle(),
            Trial("streaming", 1_000, TrialOutcome.Ok, seconds: 2e-5),
            Trial("streaming", 1_000_000, TrialOutcome.Ok, seconds: 2e-3),
            Trial("naive-list", 1_000, TrialOutcome.Ok, seconds: 1e-5),
            Trial("naive-list", 1_000_000, TrialOutcome.MemoryError, seconds: null),
            Trial("parallel-for", 1_000, TrialOutcome.Ok, seconds: 3e-5),
            Trial("parallel-for", 1_000_000, TrialOutcome.Timeout, seconds: null),
            Trial("simd-chunks", 1_000, TrialOutcome.Ok, seconds: 3e-5),
            Trial("simd-chunks", 1_000_000, TrialOutcome.Crash, seconds: null),
        ];

        ChartSet.Render(results, folder.Path);

        string time = Text(folder.File("time-vs-count.svg"));
        foreach (string legend in ChartSet.FailureLegend.Values)
        {
            Assert.Contains(legend, time, StringComparison.Ordinal);
        }

        Assert.Contains("Test CPU 9000, 2 cores, 24.00 GiB · Test OS 1 · .NET 10.0.0", time, StringComparison.Ordinal);
        Assert.Contains("ParallelSum.Experiment sweep --counts 1e3,1e6", time, StringComparison.Ordinal);
        Assert.Matches(@"\d+ (µs|ms)", time);
        string memory = Text(folder.File("memory-vs-count.svg"));
        Assert.Matches(@"\d+ (MiB|GiB)", memory);
        Assert.Contains("Test CPU 9000", memory, StringComparison.Ordinal);
        string rate = Text(folder.File("rate-vs-count.svg"));
        Assert.Matches(@"\b[1-9]e\d+\b", rate);
        Assert.Contains("Test CPU 9000", rate, StringComparison.Ordinal);
        Assert.All(["streaming", "naive-list", "parallel-for", "simd-chunks"], series => Assert.Contains(series, time, StringComparison.Ordinal));
    }

    [Fact]
    public void MemoryChart_NamesTheSeriesThatLieOnOneAnother_AndTheirBand()
    {
        using var folder = new TempFolder();
        var results = new List<TrialResult> { Idle() };
        foreach (long count in new long[] { 1_000, 1_000_000, 1_000_000_000 })
        {
            results.Add(Trial("naive-list", count, TrialOutcome.Ok, count * 1e-8) with { PeakWorkingSetBytes = (35L << 20) + (count * 8) });
            results.Add(Trial("simd-chunks", count, TrialOutcome.Ok, count * 1e-9) with { PeakWorkingSetBytes = 38L << 20 });
            results.Add(Trial("streaming", count, TrialOutcome.Ok, count * 1e-9) with { PeakWorkingSetBytes = 36L << 20 });
            results.Add(Trial("auto", count, TrialOutcome.Ok, count * 1e-9) with { PeakWorkingSetBytes = 36L << 20 });
        }

        ChartSet.Render(results, folder.Path);

        string memory = Text(folder.File("memory-vs-count.svg"));
        Assert.Contains("simd-chunks, streaming and auto lie on one another at every count (36.0\u00a0MiB to 38.0\u00a0MiB): markers set side by side", memory, StringComparison.Ordinal);
        Assert.DoesNotContain("naive-list, ", memory, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_WriteEveryNumberInTheOneFormat()
    {
        using var folder = new TempFolder();
        var results = new List<TrialResult> { Idle() };
        foreach (long count in new long[] { 1_000, 30_000, 1_000_000, 250_000_000, 10_000_000_000 })
        {
            results.Add(Trial("streaming", count, TrialOutcome.Ok, count * 2.9e-10) with { PeakWorkingSetBytes = 36L << 20 });
        }

        ChartSet.Render(results, folder.Path);

        foreach (string chart in ChartSet.Names)
        {
            string text = Text(folder.File(chart + ".svg"));
            Assert.DoesNotMatch(OutputFormat.ForeignNumber, text);
        }
    }

    [Fact]
    public void Charts_ShowNoFailureLegend_WhenEveryTrialSucceeded_AndSayWhenNothingWasRecorded()
    {
        using var folder = new TempFolder();
        ChartSet.Render([Trial("streaming", 1_000, TrialOutcome.Ok, 2e-5), Trial("streaming", 1_000_000, TrialOutcome.Ok, 2e-3)], folder.Path);

        string time = Text(folder.File("time-vs-count.svg"));
        Assert.All(ChartSet.FailureLegend.Values, legend => Assert.DoesNotContain(legend, time, StringComparison.Ordinal));
        Assert.Contains("not recorded", time, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_TakeTheCaptionGiven_ForResultsThatRecordedNone()
    {
        using var folder = new TempFolder();
        ChartSet.Render([Trial("streaming", 1_000, TrialOutcome.Ok, 2e-5)], folder.Path, caption: "given caption");

        Assert.Contains("given caption", Text(folder.File("memory-vs-count.svg")), StringComparison.Ordinal);
    }

    // Every text of the chart, its white space (line breaks of a wrapped caption included) folded into single spaces.
    private static string Text(string svg) => string.Join(' ', XDocument.Load(svg).Descendants()
        .Where(e => e.Name.LocalName == "text")
        .SelectMany(e => e.Value.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)));

    private static TrialResult Idle() => new()
    {
        Sweep = "s", Host = "h", Cores = 2, Kind = TrialResult.IdleKind, Machine = Machine, FinishedAt = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero),
    };

    private static TrialResult Trial(string strategy, long count, string outcome, double? seconds) => new()
    {
        Sweep = "s", Host = "h", Cores = 2, Strategy = strategy, Count = count, Repetitions = 1, Outcome = outcome,
        Seconds = seconds, WallSeconds = seconds ?? 5, Sum = outcome == TrialOutcome.Ok ? "1" : null,
        ValuesPerSecond = seconds is double s ? count / s : null, PeakWorkingSetBytes = 40L << 20,
        MemoryLimitBytes = outcome == TrialOutcome.MemoryError ? 64L << 20 : null,
    };
}
