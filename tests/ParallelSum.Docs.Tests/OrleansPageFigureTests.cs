using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>
/// docs/orleans.md's scaling run was not kept in a results file: the page must say so, with the kind of figure and the
/// script that measures it, and its findings must agree with its own table at the page's rounding.
/// </summary>
public sealed class OrleansPageFigureTests
{
    private const string Page = "docs/orleans.md";

    [Fact]
    public void ScalingFigures_SayTheyAreNotTiedToAResultsFile()
    {
        Sourcing.Quotes(Page, "the run quoted here was not kept", "cold process", "../benchmarks/orleans/measure-namespaces.sh");
        Assert.Contains("not tied to a results file", Sourcing.BlockHolding(Page, "the run quoted here was not kept"), StringComparison.Ordinal);
        Assert.Contains("not tied to a file in the repository", Sourcing.BlockHolding(Page, "no results file of that run was kept"), StringComparison.Ordinal);
    }

    [Fact]
    public void ScalingFindings_AgreeWithTheScalingTable()
    {
        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "hosts | silos | fixed cost F");
        IReadOnlyList<string> Row(string hosts, int silos) =>
            table.Rows.Single(r => r[0] == hosts && r[1] == silos.ToString(System.Globalization.CultureInfo.InvariantCulture));
        double Seconds(IReadOnlyList<string> row, int column) => Quoted.Parse(row[column].Split(' ')[0]).Value * (row[column].EndsWith(" ms", StringComparison.Ordinal) ? 1e-3 : 1);
        int f = table.Column("fixed cost F"), t10 = table.Column("1e10 values"), t11 = table.Column("1e11 values");

        // Each values/s cell is its count over its seconds.
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            Quoted.Equal(row[t10 + 1], 1e10 / Seconds(row, t10), $"values/s at 1e10, {row[0]} × {row[1]}");
            Quoted.Equal(row[t11 + 1], 1e11 / Seconds(row, t11), $"values/s at 1e11, {row[0]} × {row[1]}");
        }

        double gain10 = Seconds(Row("one core each", 1), t10) / Seconds(Row("one core each", 2), t10);
        double gain11 = Seconds(Row("one core each", 1), t11) / Seconds(Row("one core each", 2), t11);
        Match m = Sourcing.Find(Page, @"Two one-core hosts are (?<g10>[\d.]+)× one at 1e10 and (?<g11>[\d.]+)× at 1e11\.\*\* One silo runs at the in-process rate \((?<one>[\d.]+) s");
        Quoted.Equal(m.Groups["g10"].Value, gain10, "two one-core hosts against one at 1e10");
        Quoted.Equal(m.Groups["g11"].Value, gain11, "two one-core hosts against one at 1e11");
        Quoted.Equal(m.Groups["one"].Value, Seconds(Row("one core each", 1), t11), "one one-core silo at 1e11");

        m = Sourcing.Find(Page, @"the pair loses (?<low>\d+)–(?<high>\d+) % to the client");
        Quoted.Equal(m.Groups["low"].Value, 100 * (1 - (gain10 / 2)), "the pair's loss at 1e10");
        Quoted.Equal(m.Groups["high"].Value, 100 * (1 - (gain11 / 2)), "the pair's loss at 1e11");

        double[] shared11 = [.. Enumerable.Range(1, 4).Select(k => Seconds(Row("sharing all cores", k), t11))];
        m = Sourcing.Find(Page, @"1e11 takes (?<low>[\d.]+)–(?<high>[\d.]+) s on 1–4 silos, (?<over1>\d+)–(?<over2>\d+) % over in-process");
        Quoted.Equal(m.Groups["low"].Value, shared11.Min(), "fastest 1e11 on shared cores");
        Quoted.Equal(m.Groups["high"].Value, shared11.Max(), "slowest 1e11 on shared cores");
        double inProcess = Quoted.Parse(Sourcing.Find(Page, @"and 1e11 in (?<s>[\d.]+) s on both").Groups["s"].Value).Value;
        Quoted.Equal(m.Groups["over1"].Value, 100 * ((shared11.Min() / inProcess) - 1), "least overhead over in-process");
        Quoted.Equal(m.Groups["over2"].Value, 100 * ((shared11.Max() / inProcess) - 1), "most overhead over in-process");

        m = Sourcing.Find(Page, @"it grows by (?<low>\d+)–(?<high>\d+) ms per extra silo when the silos share the cores");
        double[] steps = [.. Enumerable.Range(2, 3).Select(k => 1000 * (Seconds(Row("sharing all cores", k), f) - Seconds(Row("sharing all cores", k - 1), f)))];
        Quoted.Equal(m.Groups["low"].Value, steps.Min(), "least growth of F per silo");
        Quoted.Equal(m.Groups["high"].Value, steps.Max(), "most growth of F per silo");

        m = Sourcing.Find(Page, @"e ≈ (?<e11>[\d.]+) the efficiency the two one-core hosts reached at 1e11 \((?<e10>[\d.]+)\s+at 1e10\)");
        Quoted.Equal(m.Groups["e11"].Value, gain11 / 2, "efficiency at 1e11");
        Quoted.Equal(m.Groups["e10"].Value, gain10 / 2, "efficiency at 1e10");
    }
}
