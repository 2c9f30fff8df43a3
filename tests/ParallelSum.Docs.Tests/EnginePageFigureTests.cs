using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>docs/engine.md's BenchmarkDotNet figures (warm benchmarks) equal the reports under docs/benchmarks/ they link.</summary>
public sealed class EnginePageFigureTests
{
    private const string Page = "docs/engine.md";
    private static readonly string[] Counts = ["1000000", "10000000", "100000000"];

    [Fact]
    public void ReductionTable_IsTheReductionReport()
    {
        BenchmarkReport report = BenchmarkReport.Read("docs/benchmarks/reduction.md");
        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "items | `ParallelReduction.Reduce`");
        string[] methods = ["Reduce", "ParallelForPerIndex", "ParallelForEachOverRanges", "Plinq"];
        Assert.Equal(methods.Length + 1, table.Header.Count);
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            string count = ((long)Quoted.Parse(row[0].Replace("10^", "1e", StringComparison.Ordinal)).Value).ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (int c = 1; c < table.Header.Count; c++)
            {
                Match m = Regex.Match(row[c], @"^(?<time>[\d,.]+ (?:µs|ms))(?: \((?<ratio>[\d.]+)×\))?$");
                Assert.True(m.Success, $"{Page}: '{row[c]}' is not 'time (ratio×)'");
                Quoted.Duration(m.Groups["time"].Value, report.Seconds("Mean", ("Method", methods[c - 1]), ("Count", count)), $"{methods[c - 1]} at {count}");
                if (m.Groups["ratio"].Success)
                {
                    Assert.Equal(report.Row(("Method", methods[c - 1]), ("Count", count))[report.Table.Column("Ratio")], m.Groups["ratio"].Value);
                }
            }
        }

        Sourcing.Quotes(Page, "Ratios are time relative to `Reduce` (warm benchmark", "warm benchmark", "benchmarks/reduction.md");

        BenchmarkReport before = BenchmarkReport.Read("docs/benchmarks/reduction-previous-engine.md");
        Match b = Sourcing.Find(Page, @"`Reduce` took (?<a>[\d.]+ µs), (?<b>[\d.]+ ms) and (?<c>[\d.]+ ms)");
        Quoted.Duration(b.Groups["a"].Value, before.Seconds("Mean", ("Method", "Reduce"), ("Count", "1000000")), "Reduce before, 10^6");
        Quoted.Duration(b.Groups["b"].Value, before.Seconds("Mean", ("Method", "Reduce"), ("Count", "10000000")), "Reduce before, 10^7");
        Quoted.Duration(b.Groups["c"].Value, before.Seconds("Mean", ("Method", "Reduce"), ("Count", "100000000")), "Reduce before, 10^8");
        Sourcing.Quotes(Page, "`Reduce` took 851", "warm benchmark", "benchmarks/reduction-previous-engine.md");

        Match k = Sourcing.Find(Page, @"allocating (?<low>[\d.]+)–(?<high>[\d.]+) KB a call");
        double[] allocated = [.. Counts.Select(n => report.Bytes("Allocated", ("Method", "Reduce"), ("Count", n)) / 1024)];
        Quoted.Equal(k.Groups["low"].Value, allocated.Min(), "Reduce's least allocation");
        Quoted.Equal(k.Groups["high"].Value, allocated.Max(), "Reduce's most allocation");
    }

    [Fact]
    public void RegressionFigures_EqualTheRegressionReports()
    {
        BenchmarkReport now = BenchmarkReport.Read("docs/benchmarks/regression.md");
        BenchmarkReport before = BenchmarkReport.Read("docs/benchmarks/regression-previous-engine.md");
        Match m = Sourcing.Find(Page, @"`streaming` at 10\^9 through `RunAsync` took (?<now>[\d.]+ ms) against\s+(?<before>[\d.]+ ms) before \(the synchronous call's row of this version is disturbed: (?<sync>[\d.]+ ms) with an error of (?<error>[\d,]+ ms)\), and `auto`\s+at 1000 values (?<aa>\d+ ns) \(async\) and (?<as>\d+ ns) \(sync\) against (?<ba>\d+ ns) and (?<bs>\d+ ns)");
        Quoted.Duration(m.Groups["now"].Value, now.Seconds("Mean", ("Method", "Async"), ("Case", "streaming@1000000000")), "streaming async, this version");
        Quoted.Duration(m.Groups["before"].Value, before.Seconds("Mean", ("Method", "Async"), ("Case", "streaming@1000000000")), "streaming async, before");
        Quoted.Duration(m.Groups["sync"].Value, now.Seconds("Mean", ("Method", "Sync"), ("Case", "streaming@1000000000")), "streaming sync, this version");
        Quoted.Duration(m.Groups["error"].Value, now.Seconds("Error", ("Method", "Sync"), ("Case", "streaming@1000000000")), "streaming sync's error, this version");
        Quoted.Duration(m.Groups["aa"].Value, now.Seconds("Mean", ("Method", "Async"), ("Case", "auto@1000")), "auto async, this version");
        Quoted.Duration(m.Groups["as"].Value, now.Seconds("Mean", ("Method", "Sync"), ("Case", "auto@1000")), "auto sync, this version");
        Quoted.Duration(m.Groups["ba"].Value, before.Seconds("Mean", ("Method", "Async"), ("Case", "auto@1000")), "auto async, before");
        Quoted.Duration(m.Groups["bs"].Value, before.Seconds("Mean", ("Method", "Sync"), ("Case", "auto@1000")), "auto sync, before");
        Sourcing.Quotes(Page, "`RegressionBenchmarks` (warm benchmark", "warm benchmark", "benchmarks/regression.md", "benchmarks/regression-previous-engine.md");
    }
}
