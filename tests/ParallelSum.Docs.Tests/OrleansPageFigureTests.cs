using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>
/// docs/orleans.md's scaling table, in-process figures and findings equal what docs/orleans/results.jsonl gives (medians per
/// series, silo count and case); the fault table and the random-placement comparison, whose runs no file keeps, say so.
/// </summary>
public sealed class OrleansPageFigureTests
{
    private const string Page = "docs/orleans.md";

    private static readonly (string Hosts, string Series, int Silos)[] Configurations =
    [
        ("sharing all cores", "shared", 1), ("sharing all cores", "shared", 2), ("sharing all cores", "shared", 3),
        ("sharing all cores", "shared", 4), ("one core each", "pinned", 1), ("one core each", "pinned", 2),
    ];

    [Fact]
    public void ScalingFigures_SayWhereTheyComeFrom()
    {
        Sourcing.Quotes(Page, "Every run of the table and of the in-process figures", "cold process", "orleans/results.jsonl", "orleans/summary.md");
        Assert.Contains("not tied to a file in the repository", Sourcing.BlockHolding(Page, "no results file of that run was kept"), StringComparison.Ordinal);
        Assert.Contains("measure-namespaces.sh", Sourcing.BlockHolding(Page, "placed each range on a random silo"), StringComparison.Ordinal);
        Assert.Contains("no results file keeps that run", Sourcing.BlockHolding(Page, "placed each range on a random silo"), StringComparison.Ordinal);
    }

    [Fact]
    public void ScalingTable_IsTheResultsFile()
    {
        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "hosts | silos | fixed cost F");
        MarkdownTable summary = MarkdownTable.Find(MarkdownTable.ReadFile("docs/orleans/summary.md"), "hosts | silos | fixed cost F");
        Assert.Equal(summary.Header, table.Header);
        Assert.Equal(summary.Rows.Select(r => string.Join(" | ", r)), table.Rows.Select(r => string.Join(" | ", r)));

        OrleansScalingRun run = OrleansScalingRun.Read();
        Assert.Equal(
            Configurations.Select(c => (c.Series, c.Silos)).Order(),
            run.Runs.Where(r => r.Series is "shared" or "pinned").Select(r => (r.Series, r.K)).Distinct().Order());
        Assert.Equal(Configurations.Select(c => $"{c.Hosts} | {c.Silos}"), table.Rows.Select(r => $"{r[0]} | {r[1]}"));
        foreach ((string hosts, string series, int k) in Configurations)
        {
            IReadOnlyList<string> row = table.Rows.Single(r => r[0] == hosts && r[1] == k.ToString(System.Globalization.CultureInfo.InvariantCulture));
            string at = $"{hosts}, {k} silos";
            double t2000 = run.Seconds(series, k, "ranges2000"), t10 = run.Seconds(series, k, "1e10"), t11 = run.Seconds(series, k, "1e11");
            Quoted.Duration(row[2], run.FixedCost(series, k), $"fixed cost, {at}");
            Quoted.Duration(row[3], t2000, $"2000 ranges, {at}");
            Quoted.Equal(row[4], 2000 / t2000, $"ranges/s, {at}");
            Quoted.Duration(row[5], run.CostPerRange(series, k), $"cost per further range, {at}");
            Quoted.Duration(row[6], t10, $"1e10, {at}");
            Quoted.Equal(row[7], 1e10 / t10, $"values/s at 1e10, {at}");
            Quoted.Duration(row[8], run.FirstRangeSeconds(series, k, "1e10"), $"first range, {at}");
            Quoted.Equal(row[9], run.Ranges(series, k, "1e10"), $"ranges at 1e10, {at}");
            Quoted.Duration(row[10], t11, $"1e11, {at}");
            Quoted.Equal(row[11], 1e11 / t11, $"values/s at 1e11, {at}");
        }

        // Every run of a case gave the one sum the page states.
        Match sums = Sourcing.Find(Page, @"Every run gave the exact sums \(1e10: (?<s10>\d+), 1e11: (?<s11>\d+)\)");
        Assert.All(run.Runs.Where(r => r.Case == "1e10"), r => Assert.Equal(sums.Groups["s10"].Value, r.Sum));
        Assert.All(run.Runs.Where(r => r.Case == "1e11"), r => Assert.Equal(sums.Groups["s11"].Value, r.Sum));
    }

    [Fact]
    public void InProcessFigures_AreTheResultsFile()
    {
        OrleansScalingRun run = OrleansScalingRun.Read();
        Match m = Sourcing.Find(Page, @"summed 1e10 values in (?<all>[\d.]+ s) on both cores \((?<allRate>[\d.e+]+) values/s\) and (?<one>[\d.]+ s) on one \((?<oneRate>[\d.e+]+)\), each with `--warmup 1`, so a warm run in a fresh process \(median of (?<runs>\d+)\); and 1e11 in (?<big>[\d.]+ s) on both, one run with no warm-up");
        double all = run.Seconds("inprocess-all-cores", 0, "1e10"), one = run.Seconds("inprocess-one-core", 0, "1e10");
        Quoted.Duration(m.Groups["all"].Value, all, "in process, both cores, 1e10");
        Quoted.Equal(m.Groups["allRate"].Value, 1e10 / all, "in process, both cores, values/s at 1e10");
        Quoted.Duration(m.Groups["one"].Value, one, "in process, one core, 1e10");
        Quoted.Equal(m.Groups["oneRate"].Value, 1e10 / one, "in process, one core, values/s at 1e10");
        Assert.Equal(int.Parse(m.Groups["runs"].Value, System.Globalization.CultureInfo.InvariantCulture), run.Of("inprocess-all-cores", 0, "1e10").Count);
        Assert.Equal(run.Of("inprocess-all-cores", 0, "1e10").Count, run.Of("inprocess-one-core", 0, "1e10").Count);
        Assert.Single(run.Of("inprocess-all-cores", 0, "1e11"));
        Quoted.Duration(m.Groups["big"].Value, run.Seconds("inprocess-all-cores", 0, "1e11"), "in process, both cores, 1e11");
    }
}
