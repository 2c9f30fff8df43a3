using System.Text.Json;
using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>docs/engine.md's BenchmarkDotNet figures (warm benchmarks) equal the reports under docs/benchmarks/ they link.</summary>
public sealed partial class EnginePageFigureTests
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
                Match m = TimeAndRatio().Match(row[c]);
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
        Match m = Sourcing.Find(Page, @"`streaming` at 10\^9 took (?<now>[\d.]+ ms) through `RunAsync` and\s+(?<sync>[\d.]+ ms) synchronously against (?<before>[\d.]+ ms) and (?<beforeSync>[\d.]+ ms) before, and `auto` at 1000 values (?<aa>\d+ ns) \(async\) and (?<as>\d+ ns) \(sync\)\s+against (?<ba>\d+ ns) and (?<bs>\d+ ns)");
        Quoted.Duration(m.Groups["now"].Value, now.Seconds("Mean", ("Method", "Async"), ("Case", "streaming@1000000000")), "streaming async, this version");
        Quoted.Duration(m.Groups["sync"].Value, now.Seconds("Mean", ("Method", "Sync"), ("Case", "streaming@1000000000")), "streaming sync, this version");
        Quoted.Duration(m.Groups["before"].Value, before.Seconds("Mean", ("Method", "Async"), ("Case", "streaming@1000000000")), "streaming async, before");
        Quoted.Duration(m.Groups["beforeSync"].Value, before.Seconds("Mean", ("Method", "Sync"), ("Case", "streaming@1000000000")), "streaming sync, before");
        Quoted.Duration(m.Groups["aa"].Value, now.Seconds("Mean", ("Method", "Async"), ("Case", "auto@1000")), "auto async, this version");
        Quoted.Duration(m.Groups["as"].Value, now.Seconds("Mean", ("Method", "Sync"), ("Case", "auto@1000")), "auto sync, this version");
        Quoted.Duration(m.Groups["ba"].Value, before.Seconds("Mean", ("Method", "Async"), ("Case", "auto@1000")), "auto async, before");
        Quoted.Duration(m.Groups["bs"].Value, before.Seconds("Mean", ("Method", "Sync"), ("Case", "auto@1000")), "auto sync, before");
        Sourcing.Quotes(Page, "`RegressionBenchmarks` (warm benchmark", "warm benchmark", "benchmarks/regression.md", "benchmarks/regression-previous-engine.md");
    }

    [Fact]
    public void SchedulingFigures_EqualTheProbeResults()
    {
        const string File = "docs/benchmarks/scheduling.jsonl";
        List<JsonElement> runs = [.. RepositoryFiles.Read(File).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        double Ms(string scenario, string name) => runs.Single(r => r.GetProperty("scenario").GetString() == scenario && r.GetProperty("case").GetString() == name).GetProperty("ms").GetDouble();

        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "calls at once | `Parallel.For` from `Task.Run`");
        Assert.Equal(["20", "100"], table.Rows.Select(r => r[0]));
        string[] cases = ["parallel-for", "run-async", "reduce"];
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            string scenario = "fan-out " + row[0];
            double baseline = Ms(scenario, "parallel-for");
            for (int c = 1; c <= cases.Length; c++)
            {
                Match m = TimeAndRatio().Match(row[c]);
                Assert.True(m.Success, $"{Page}: '{row[c]}' is not 'time (ratio×)'");
                double ms = Ms(scenario, cases[c - 1]);
                Quoted.Duration(m.Groups["time"].Value, ms / 1000, $"{cases[c - 1]}, {scenario}");
                Assert.Equal(c > 1, m.Groups["ratio"].Success);
                if (m.Groups["ratio"].Success)
                {
                    Quoted.Equal(m.Groups["ratio"].Value, ms / baseline, $"{cases[c - 1]} ÷ Parallel.For, {scenario}");
                }
            }
        }

        Sourcing.Quotes(Page, "**Concurrent and nested calls, and timer cancellation** (cold process", "cold process", "benchmarks/scheduling.jsonl");

        Match nested = Sourcing.Find(Page, @"completes\s+in (?<reduce>[\d.]+ ms) \(nested `Parallel.For` over the same work: (?<pf>[\d.]+ ms)\)");
        Quoted.Duration(nested.Groups["reduce"].Value, Ms("nested", "reduce") / 1000, "nested Reduce");
        Quoted.Duration(nested.Groups["pf"].Value, Ms("nested", "parallel-for") / 1000, "nested Parallel.For");

        Match timer = Sourcing.Find(Page, @"`RunAsync` ended it\s+after (?<ra>[\d]+–[\d]+) ms in (?<runs>\w+) fresh processes, and on `ReduceAsync` after (?<rr>[\d]+–[\d]+) ms");
        foreach ((string group, string scenario) in new[] { ("ra", "timer-cancel run-async"), ("rr", "timer-cancel reduce-async") })
        {
            double[] times = [.. runs.Where(r => r.GetProperty("scenario").GetString() == scenario).Select(r => r.GetProperty("ms").GetDouble())];
            Assert.Equal(5, times.Length);
            (string low, string high) = Quoted.Range(timer.Groups[group].Value);
            Quoted.Equal(low, times.Min(), $"{scenario}, fastest");
            Quoted.Equal(high, times.Max(), $"{scenario}, slowest");
        }

        Assert.Equal("five", timer.Groups["runs"].Value);
    }

    [Fact]
    public void SpeedTable_EqualsTheComparisonAgainstThePreviousEngine()
    {
        const string File = "docs/benchmarks/engine-vs-previous.md";
        MarkdownTable ratios = MarkdownTable.Find(MarkdownTable.ReadFile(File), "strategy | cores | range");
        string Ratio(string strategy, string cores, string range) =>
            ratios.Rows.Single(r => r[0] == strategy && r[1] == cores && r[2] == range)[ratios.Column("ratio")];

        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "strategy | cores | `[0, 10]`");
        Assert.Equal(4, table.Rows.Count);
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            string strategy = row[0].Trim('`');
            Assert.Equal(Ratio(strategy, row[1], "[0, 10]"), row[2]);
            Assert.Equal(Ratio(strategy, row[1], "full int"), row[3]);
        }

        Sourcing.Quotes(Page, "**`streaming` and `auto` at 10^9 values against the engine before this version** (warm benchmark", "warm benchmark", "benchmarks/engine-vs-previous.md", "benchmarks/engine-vs-previous-raw.jsonl");

        // "On one core … between 0.978 and 0.982, on two cores between …, and the ratios of the best runs between …".
        double Column(IReadOnlyList<string> row, string column) => double.Parse(row[ratios.Column(column)], System.Globalization.CultureInfo.InvariantCulture);
        Match between = Sourcing.Find(Page, @"On one core the ratios of the medians lie between (?<low1>[\d.]+) and (?<high1>[\d.]+), on two cores between (?<low2>[\d.]+) and (?<high2>[\d.]+), and the ratios of the best runs between (?<lowBest>[\d.]+) and (?<highBest>[\d.]+),");
        foreach (string cores in new[] { "1", "2" })
        {
            double[] medians = [.. ratios.Rows.Where(r => r[1] == cores).Select(r => Column(r, "ratio"))];
            Quoted.Equal(between.Groups["low" + cores].Value, medians.Min(), $"{cores} cores, least ratio");
            Quoted.Equal(between.Groups["high" + cores].Value, medians.Max(), $"{cores} cores, greatest ratio");
        }

        double[] best = [.. ratios.Rows.Select(r => Column(r, "best ÷ best"))];
        Quoted.Equal(between.Groups["lowBest"].Value, best.Min(), "best runs, least ratio");
        Quoted.Equal(between.Groups["highBest"].Value, best.Max(), "best runs, greatest ratio");

        // "from 0.522 to 1.854": the extremes of the two-core per-round ratios.
        double[] perRound = [.. ratios.Rows.Where(r => r[1] == "2").SelectMany(r => r[ratios.Column("per-round ratios")].Split('–')).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        Match spread = Sourcing.Find(Page, @"single two-core\s+runs vary from (?<low>[\d.]+) to (?<high>[\d.]+) of each other");
        Quoted.Equal(spread.Groups["low"].Value, perRound.Min(), "two-core per-round ratio, least");
        Quoted.Equal(spread.Groups["high"].Value, perRound.Max(), "two-core per-round ratio, most");
    }

    [Fact]
    public void SmallCallFigures_EqualTheSmallCallReportAndTheNativeCalls()
    {
        BenchmarkReport report = BenchmarkReport.Read("docs/benchmarks/small-call.md");
        Match m = Sourcing.Find(Page, @"the 512-bit kernel alone (?<kernel>[\d.]+ ns), the stream's sum (?<stream>[\d.]+ ns), the\s+strategies' inline sum (?<inline>[\d.]+ ns), and the whole `GenerateAndSum` call (?<call>[\d.]+ ns), allocating (?<bytes>\d+) B\. The (?<gap>\d+) ns between the last\s+two");
        Quoted.Duration(m.Groups["kernel"].Value, report.Seconds("Mean", ("Method", "Kernel")), "kernel");
        Quoted.Duration(m.Groups["stream"].Value, report.Seconds("Mean", ("Method", "StreamSum")), "stream sum");
        Quoted.Duration(m.Groups["inline"].Value, report.Seconds("Mean", ("Method", "InlineSum")), "inline sum");
        Quoted.Duration(m.Groups["call"].Value, report.Seconds("Mean", ("Method", "AutoCall")), "auto call");
        Assert.Equal(report.Bytes("Allocated", ("Method", "AutoCall")), double.Parse(m.Groups["bytes"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Quoted.Equal(m.Groups["gap"].Value, (report.Seconds("Mean", ("Method", "AutoCall")) - report.Seconds("Mean", ("Method", "InlineSum"))) * 1e9, "the base class's share");
        Sourcing.Quotes(Page, "the 512-bit kernel alone", "warm benchmark", "benchmarks/small-call.md");

        const string File = "docs/benchmarks/small-call-native.jsonl";
        List<JsonElement> calls = [.. RepositoryFiles.Read(File).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.All(calls, c => Assert.Equal("4894", c.GetProperty("sum").GetString()));
        Match c = Sourcing.Find(Page, @"takes (?<fast>\d+–\d+) ns for the same 1000 values on one core .*?the two-multiply kernel (?<two>\d+–\d+) ns");
        foreach ((string group, string kernel) in new[] { ("fast", "fast"), ("two", "two-multiply") })
        {
            double[] ns = [.. calls.Where(r => r.GetProperty("kernel").GetString() == kernel).Select(r => r.GetProperty("secondsPerCall").GetDouble() * 1e9)];
            Assert.Equal(5, ns.Length);
            (string low, string high) = Quoted.Range(c.Groups[group].Value);
            Quoted.Equal(low, ns.Min(), $"C {kernel} kernel, fastest");
            Quoted.Equal(high, ns.Max(), $"C {kernel} kernel, slowest");
        }

        Sourcing.Quotes(Page, "takes 286–294 ns for the same 1000 values", "warm benchmark", "benchmarks/small-call-native.jsonl");
    }

    // A table cell "471 µs" or "1,819 µs (3.86×)": a time, and its ratio to the row's first figure after it.
    [GeneratedRegex(@"^(?<time>[\d,.]+ (?:µs|ms))(?: \((?<ratio>[\d.]+)×\))?$")]
    private static partial Regex TimeAndRatio();
}
