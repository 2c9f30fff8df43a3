using System.Text.RegularExpressions;
using System.Xml.Linq;
using ParallelSum.Experiment.Plotting;

namespace ParallelSum.Experiment.Tests;

/// <summary>
/// Every output of the program, run as a user runs it, writes numbers one way (<c>2.47e9</c>, <c>1e3</c>): <c>run</c>'s
/// table, a sweep's lines and tables, <c>plot</c>'s charts, and the messages of bad input.
/// </summary>
public sealed class OutputFormatTests
{
    [Fact]
    public void Run_WritesNumbersInTheOneFormat()
    {
        (int exitCode, string output, string error) = ProgramRun.Run("run", "--count", "2.5e6");

        Assert.True(exitCode == 0, error);
        Assert.Contains("count 2.5e6,", output, StringComparison.Ordinal);
        Assert.Matches(@"\b[1-9](\.\d+)?e[6-9]\b", output);
        AssertOneFormat("run", output + error);
    }

    [Fact]
    public void SweepAndPlot_WriteNumbersInTheOneFormat_InLinesTablesChartsAndTheReport()
    {
        using var folder = new TempFolder();
        (int exitCode, string output, string error) = ProgramRun.Run(
            "sweep", "--strategies", "streaming,naive-list", "--counts", "1e3,3e4", "--large-counts", "2.5e6", "--repetitions", "1", "--out", folder.Path);

        Assert.True(exitCode == 0, error);
        Assert.Contains("streaming 2.5e6:", output, StringComparison.Ordinal);
        AssertOneFormat("sweep", output + error, folder);
        string report = Assert.Single(Directory.GetFiles(folder.Path, "sweep-*.html"));
        Assert.EndsWith($"report: {report}", output.TrimEnd('\n'), StringComparison.Ordinal);
        AssertOneFormat("report", System.Net.WebUtility.HtmlDecode(Regex.Replace(File.ReadAllText(report), "<[^>]*>", " ")), folder);
        foreach (string chart in Directory.GetFiles(folder.Path, "*.svg"))
        {
            AssertOneFormat(chart, SvgText(chart), folder);
        }

        string results = Assert.Single(Directory.GetFiles(folder.Path, "sweep-*.jsonl"));
        (exitCode, output, error) = ProgramRun.Run("plot", results, "--out", Path.Combine(folder.Path, "again"));
        Assert.True(exitCode == 0, error);
        AssertOneFormat("plot", output + error, folder);
        Assert.All(ChartSet.Names, name => AssertOneFormat(name, SvgText(Path.Combine(folder.Path, "again", name + ".svg")), folder));
    }

    [Fact]
    public void BadInputMessages_WriteNumbersInTheOneFormat()
    {
        using var folder = new TempFolder();
        string hostile = folder.File("hostile.jsonl");
        File.WriteAllText(hostile, "{\"schema\":\"parallelsum.sweep/1\",\"kind\":\"trial\",\"sweep\":\"s\",\"host\":\"h\",\"strategy\":\"streaming\",\"count\":1000,\"seconds\":1e308}\n");

        (int exitCode, _, string error) = ProgramRun.Run("plot", hostile);

        Assert.Equal(2, exitCode);
        Assert.Contains("seconds: 1e308; accepted: a number from 0 to 1e9", error, StringComparison.Ordinal);
        AssertOneFormat("plot of a hostile file", error, folder);
    }

    private static void AssertOneFormat(string what, string text, TempFolder? folder = null)
    {
        // The temp folder's random name is not the program's number (a name starting 12e3… would look like one).
        text = folder is null ? text : text.Replace(folder.Path, "<folder>", StringComparison.Ordinal);
        Match foreign = OutputFormat.ForeignNumber.Match(text);
        Assert.False(foreign.Success, $"{what} writes '{foreign.Value}' in: {Around(text, foreign.Index)}");
    }

    private static string Around(string text, int index) => text[Math.Max(0, index - 80)..Math.Min(text.Length, index + 80)];

    private static string SvgText(string svg) => string.Join(' ', XDocument.Load(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
}
