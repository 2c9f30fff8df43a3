using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>The figures the README leads with come from results files in the repository, say how they were measured (a cold
/// process or a warm benchmark), and equal what those files hold.</summary>
public sealed partial class HeadlineFigureTests
{
    [Fact]
    public void ReadmeStreamingFigure_EqualsItsResultsFile()
    {
        string readme = RepositoryFiles.Read("README.md");
        Match figure = StreamingHeadline().Match(readme);
        Assert.True(figure.Success, "README.md no longer quotes `streaming` at 1e9 as 'N ms on two cores, in N MiB (cold process|warm benchmark …[…](results file))'");
        string file = figure.Groups["file"].Value;
        Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, file)), $"README.md quotes {file}, which is not in the repository");

        SweepTrial trial = SweepTrial.Single(SweepTrial.Read(file), "streaming", 1_000_000_000, t => t.Ok);
        long milliseconds = (long)Math.Round(trial.Seconds!.Value * 1000, MidpointRounding.AwayFromZero);
        long mebibytes = (long)Math.Round(trial.PeakWorkingSetBytes!.Value / (1 << 20), MidpointRounding.AwayFromZero);
        Assert.Equal(milliseconds.ToString(CultureInfo.InvariantCulture), figure.Groups["ms"].Value);
        Assert.Equal(mebibytes.ToString(CultureInfo.InvariantCulture), figure.Groups["mib"].Value);
        // The sweep runs each trial in a process of its own: a cold-process figure.
        Assert.Equal("cold process", figure.Groups["kind"].Value);
    }

    [Fact]
    public void ToolsPageFigures_EqualTheColdStartResults()
    {
        string page = RepositoryFiles.Read("docs/tools.md");
        using JsonDocument results = JsonDocument.Parse(RepositoryFiles.Read("docs/tools/cold-start.json"));
        JsonElement tools = results.RootElement.GetProperty("tools");
        int rows = 0;
        foreach (Match row in ColdStartRow().Matches(page))
        {
            rows++;
            string label = row.Groups["label"].Value;
            Assert.True(tools.TryGetProperty(label, out JsonElement tool), $"docs/tools.md quotes '{label}', which docs/tools/cold-start.json lacks");
            Assert.Equal(tool.GetProperty("medianMs").GetDouble().ToString("0.#", CultureInfo.InvariantCulture), row.Groups["median"].Value);
            if (row.Groups["size"].Success)
            {
                Assert.Equal((tool.GetProperty("sizeBytes").GetDouble() / (1 << 20)).ToString("0.0", CultureInfo.InvariantCulture), row.Groups["size"].Value);
            }
        }

        Assert.Equal(tools.EnumerateObject().Count(), rows);
        Assert.Contains("cold process", page, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"1e9 values in\s+(?<ms>\d+) ms on two cores, in (?<mib>\d+) MiB \((?<kind>cold process|warm benchmark)[^\[]*\[[^\]]*\]\((?<file>[^)]+)\)\)", RegexOptions.CultureInvariant)]
    private static partial Regex StreamingHeadline();

    // A row of the cold-start table: | label | `command` | median ms | size MiB or - |
    [GeneratedRegex(@"^\| (?<label>[a-z0-9-]+(?: \([a-z ]+\))?) \| `[^`]+` \| (?<median>[0-9.]+) ms \| (?:(?<size>[0-9.]+) MiB|-) \|", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ColdStartRow();
}
