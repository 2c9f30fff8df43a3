using System.Text.RegularExpressions;
using System.Xml.Linq;
using ParallelSum.Experiment.Plotting;
using ParallelSum.Experiment.Reporting;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>The sweep's HTML report, read as text: self-contained, every chart inline with ids that do not collide, every
/// table with its cells, the machine and command escaped, and the busy-machine warning exactly when the idle line shows it.</summary>
public sealed partial class SweepReportTests
{
    private static readonly MachineDescription Machine = new()
    {
        Cpu = "Test CPU 9000", Cores = 2, MemoryBytes = 24L << 30, OperatingSystem = "Test OS 1", Runtime = ".NET 10.0.0",
        Command = "ParallelSum.Experiment sweep --strategies \"<script>alert(1)</script>\" --counts 1e3,1e6",
    };

    [Fact]
    public void Report_HoldsEveryChartInline_EveryTable_TheMachineAndTheCommand_AndLoadsNothing()
    {
        using var folder = new TempFolder();
        (TrialResult idle, List<TrialResult> trials) = Results(idleCpuPercent: 5);
        string[] charts = [.. ChartSet.Render([idle, .. trials], folder.Path).Where(f => f.EndsWith(".svg", StringComparison.Ordinal))];
        ResultTable[] tables = [SweepTables.Seconds(trials), SweepTables.PeakMemory(trials), SweepTables.MachineUsage(idle, trials)];

        string path = SweepReport.Write(folder.File("sweep-20261207T101846Z.jsonl"), "20261207T101846Z", idle, tables, ["naive-list: stopped after memory-error at 1e6."], charts);

        Assert.Equal(folder.File("sweep-20261207T101846Z.html"), path);
        string html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<svg[ >]"));
        Assert.All(ChartSet.Names, name => Assert.Contains($"<figure id=\"chart-{name}\"><svg", html, StringComparison.Ordinal));
        Assert.Equal(3, Regex.Count(html, "<table "));
        Assert.Contains("<td class=\"num\">20 µs</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">memory-error</td>", html, StringComparison.Ordinal);
        Assert.Contains("Test CPU 9000, 2 cores, 24.00 GiB", html, StringComparison.Ordinal);
        Assert.Contains("--strategies &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("stopped after memory-error at 1e6.", html, StringComparison.Ordinal);
        Assert.Contains("Started 2026-12-07 10:18:46 UTC", html, StringComparison.Ordinal);
        Assert.DoesNotContain("busy-warning", html, StringComparison.Ordinal);

        // Nothing loaded from elsewhere: no remote or file reference, the icon included.
        Assert.DoesNotMatch(@"(src|href)=""(https?:|//|file:)", html);
        Assert.DoesNotMatch(@"<(img|link rel=""stylesheet""|iframe|object|embed)\b", html);

        // Each chart's ids are its own, and every reference points at an id of the page.
        string[] ids = [.. IdAttribute().Matches(html).Select(m => m.Groups[1].Value)];
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(UrlReference().Matches(html).Select(m => m.Groups[1].Value), id => Assert.Contains(id, ids));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Theory]
    [InlineData(100.0, true)]
    [InlineData(25.0, true)]
    [InlineData(24.9, false)]
    [InlineData(5.0, false)]
    [InlineData(null, false)]
    public void Report_WarnsOfABusyMachine_ExactlyWhenTheIdleSecondPeakedAt25PercentOrMore(double? idleCpuPercent, bool warns)
    {
        (TrialResult idle, List<TrialResult> trials) = Results(idleCpuPercent);

        string html = SweepReport.Html("sweep-s.jsonl", "s", idle, [SweepTables.Seconds(trials)], [], []);

        Assert.Equal(warns, html.Contains("<p id=\"busy-warning\" class=\"warning\" role=\"alert\">", StringComparison.Ordinal));
        Assert.Equal(warns, SweepReport.BusyWarning(idle) is not null);
        if (warns)
        {
            Assert.Contains($"its CPU use peaked at {idleCpuPercent:F0} % in the idle second", html, StringComparison.Ordinal);
        }

        Assert.Contains("<code>--no-plot</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void InlineSvg_PrefixesIdsAndTheirReferences_AndAddsAViewBox()
    {
        using var folder = new TempFolder();
        string svg = folder.File("c.svg");
        File.WriteAllText(svg, """<?xml version="1.0" encoding="utf-8" ?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="5"><clipPath id="cl_1"><rect width="1" height="1"/></clipPath><g clip-path="url(#cl_1)"><use xlink:href="#cl_1"/></g></svg>""");

        string inline = SweepReport.InlineSvg(svg, "time");

        XElement root = XElement.Parse(inline);
        Assert.Equal("0 0 10 5", root.Attribute("viewBox")?.Value);
        Assert.Contains("id=\"time-cl_1\"", inline, StringComparison.Ordinal);
        Assert.Contains("url(#time-cl_1)", inline, StringComparison.Ordinal);
        Assert.Contains("=\"#time-cl_1\"", inline, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", inline, StringComparison.Ordinal);
    }

    private static (TrialResult Idle, List<TrialResult> Trials) Results(double? idleCpuPercent)
    {
        var idle = new TrialResult
        {
            Sweep = "20261207T101846Z", Host = "h", Cores = 2, Kind = TrialResult.IdleKind, Machine = Machine,
            SystemCpuPeakPercent = idleCpuPercent, SystemRamPeakPercent = 3, FinishedAt = new DateTimeOffset(2026, 12, 7, 10, 18, 47, TimeSpan.Zero),
        };
        List<TrialResult> trials =
        [
            Trial("streaming", 1_000, TrialOutcome.Ok, 2e-5),
            Trial("streaming", 1_000_000, TrialOutcome.Ok, 2e-3),
            Trial("naive-list", 1_000, TrialOutcome.Ok, 1e-5),
            Trial("naive-list", 1_000_000, TrialOutcome.MemoryError, null),
        ];
        return (idle, trials);
    }

    private static TrialResult Trial(string strategy, long count, string outcome, double? seconds) => new()
    {
        Sweep = "20261207T101846Z", Host = "h", Cores = 2, Strategy = strategy, Count = count, Repetitions = 1, Outcome = outcome,
        Seconds = seconds, WallSeconds = seconds ?? 5, Sum = outcome == TrialOutcome.Ok ? "1" : null, Workers = 2,
        ValuesPerSecond = seconds is double s ? count / s : null, PeakWorkingSetBytes = 40L << 20,
        MemoryLimitBytes = outcome == TrialOutcome.MemoryError ? 64L << 20 : null,
    };

    [GeneratedRegex(@"\bid=""([^""]+)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();
}
