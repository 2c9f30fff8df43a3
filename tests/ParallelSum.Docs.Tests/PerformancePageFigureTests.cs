using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>
/// docs/performance.md's tables and figures equal the results files under docs/benchmarks/ they name (all warm
/// benchmarks: the side-by-side comparison, the kernel comparison and BenchmarkDotNet's reports), at the page's rounding.
/// </summary>
public sealed class PerformancePageFigureTests
{
    private const string Page = "docs/performance.md";
    private const string Comparison = "docs/benchmarks/comparison.md";
    private static readonly int[] CoreCounts = [1, 2];
    private static readonly string[] ForkJoinStrategies = ["streaming", "simd-chunks"];
    private static readonly string[] SmallCounts = ["1000", "1000000", "100000000"];
    private static readonly string[] LargeCounts = ["1000000", "100000000", "1000000000"];
    private static readonly string[] ScaledStrategies = ["streaming", "simd-chunks", "parallel-for"];

    [Fact]
    public void KernelParagraph_EqualsTheKernelComparison()
    {
        Match m = Sourcing.Find(Page, @"at `\[0, 10\]` `streaming` runs at (?<one>[\d.]+)× the fast C kernel on one core and (?<two>[\d.]+)× on two\. The full int range is level with the fast C kernel \((?<int1>[\d.]+)× and (?<int2>[\d.]+)×\), `\[int\.MinValue, 2\^30\)` (?<wide>[\d.–]+)× it\. `simd-chunks` runs at (?<simd>[\d.–]+)× `streaming` on every range");
        KernelComparison k = KernelComparison.Latest();
        Quoted.Equal(m.Groups["one"].Value, k.FastRatio("ParallelSum streaming", 1, "[0, 10]"), "streaming ÷ fast C, one core");
        Quoted.Equal(m.Groups["two"].Value, k.FastRatio("ParallelSum streaming", 2, "[0, 10]"), "streaming ÷ fast C, two cores");
        Quoted.Equal(m.Groups["int1"].Value, k.FastRatio("ParallelSum streaming", 1, "full int"), "streaming ÷ fast C, full int, one core");
        Quoted.Equal(m.Groups["int2"].Value, k.FastRatio("ParallelSum streaming", 2, "full int"), "streaming ÷ fast C, full int, two cores");
        (string low, string high) = Quoted.Range(m.Groups["wide"].Value);
        Quoted.Equal(low, k.FastRatio("ParallelSum streaming", 1, "[int.MinValue, 2^30)"), "streaming ÷ fast C, [int.MinValue, 2^30), one core");
        Quoted.Equal(high, k.FastRatio("ParallelSum streaming", 2, "[int.MinValue, 2^30)"), "streaming ÷ fast C, [int.MinValue, 2^30), two cores");
        double[] simd = [.. CoreCounts.SelectMany(c => k.Cells(c).Where(x => x.Method == "ParallelSum simd-chunks")
            .Select(x => x.Rate / k.ValuesPerSecond("ParallelSum streaming", c, x.Range)))];
        (low, high) = Quoted.Range(m.Groups["simd"].Value);
        Quoted.Equal(low, simd.Min(), "simd-chunks ÷ streaming, least");
        Quoted.Equal(high, simd.Max(), "simd-chunks ÷ streaming, most");
        Sourcing.Quotes(Page, "× on two. The full int range", "warm benchmark", "benchmarks/kernel.md");
    }

    [Fact]
    public void ComparisonTable_IsTheComparisonRun()
    {
        MarkdownTable page = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "method | 1e+06");
        MarkdownTable file = MarkdownTable.Find(MarkdownTable.ReadFile(Comparison), "method | 1e+06");
        AssertSameTable(page, file, Comparison);
        Sourcing.Quotes(Page, "Measured 2026-11-24 on AMD EPYC, 2 cores, with the earlier kernels", "warm benchmark", "benchmarks/comparison.md");
    }

    [Fact]
    public void ComparisonRatios_EqualTheComparisonRun()
    {
        MarkdownTable t = MarkdownTable.Find(MarkdownTable.ReadFile(Comparison), "method | 1e+06");
        double Rate(string method, string count) => Quoted.Parse(t.Cell(method, count).Split(' ')[0]).Value;

        Match m = Sourcing.Find(Page, @"One core: `streaming` on one worker against the native kernel on one thread: \*\*(?<r>[\d.]+)×\*\* \((?<s>[\d.e]+) against (?<n>[\d.e]+)\s+values/s\)");
        Quoted.Equal(m.Groups["s"].Value, Rate("ParallelSum streaming (1 worker)", "1e+09"), "streaming on one worker at 1e9");
        Quoted.Equal(m.Groups["n"].Value, Rate("native-avx512 (1 thread)", "1e+09"), "native kernel on one thread at 1e9");
        Quoted.Equal(m.Groups["r"].Value, Rate("ParallelSum streaming (1 worker)", "1e+09") / Rate("native-avx512 (1 thread)", "1e+09"), "one-core ratio at 1e9");

        m = Sourcing.Find(Page, @"Both cores: `streaming` reaches \*\*(?<s>[\d.]+)×\*\* the native kernel on two threads and `auto` \*\*(?<a>[\d.]+)×\*\*");
        // The ratio to the native kernel on all cores is the script's own, from unrounded rates: the cell's "(0.96)".
        Assert.Equal($"({m.Groups["s"].Value})", t.Cell("ParallelSum streaming", "1e+09").Split(' ')[1]);
        Assert.Equal($"({m.Groups["a"].Value})", t.Cell("ParallelSum auto", "1e+09").Split(' ')[1]);

        m = Sourcing.Find(Page, @"`simd-chunks` reaches \*\*(?<r>[\d.]+)×\*\* `streaming`");
        Quoted.Equal(m.Groups["r"].Value, Rate("ParallelSum simd-chunks", "1e+09") / Rate("ParallelSum streaming", "1e+09"), "simd-chunks ÷ streaming at 1e9");

        m = Sourcing.Find(Page, @"`streaming` is \*\*(?<plinq>\d+)×\*\* PLINQ \+ `Random.Shared` and \*\*(?<numpy>\d+)×\*\* chunked numpy at 1e9, and \*\*(?<list>\d+)×\*\* `List<int>` \+ `Random.Shared` at 1e8 \(`naive-list`, the same approach on our stream, is (?<naive>\d+)× slower than `streaming`\)\. The original Python script with a pool of 4 is about \*\*(?<py>\d)(?<py2>\d)0×\*\* slower than `streaming` at 1e7");
        Quoted.Equal(m.Groups["plinq"].Value, Rate("ParallelSum streaming", "1e+09") / Rate(".NET PLINQ + Random.Shared", "1e+09"), "streaming ÷ PLINQ");
        Quoted.Equal(m.Groups["numpy"].Value, Rate("ParallelSum streaming", "1e+09") / Rate("numpy default_rng, chunked", "1e+09"), "streaming ÷ numpy");
        Quoted.Equal(m.Groups["list"].Value, Rate("ParallelSum streaming", "1e+08") / Rate(".NET List<int> + Random.Shared", "1e+08"), "streaming ÷ List<int> at 1e8");
        Quoted.Equal(m.Groups["naive"].Value, Rate("ParallelSum streaming", "1e+08") / Rate("ParallelSum naive-list", "1e+08"), "streaming ÷ naive-list at 1e8");
        Quoted.Equal($"{m.Groups["py"].Value}.{m.Groups["py2"].Value}e2", Rate("ParallelSum streaming", "1e+07") / Rate("Python Pool(4)", "1e+07"), "streaming ÷ Python Pool(4) at 1e7");

        m = Sourcing.Find(Page, @"At 1e8, `parallel-for` writes 400 MB at (?<rate>[\d.e]+) values/s\s+\((?<gbs>[\d.]+) GB/s into freshly allocated arrays\), against (?<copy>[\d.]+ ms) for a plain copy of the same 400 MB \((?<copyGbs>[\d.]+) GB/s\) and\s+(?<fresh>[\d.]+ ms) to allocate and fill a fresh array of it");
        double parallelFor = Rate("ParallelSum parallel-for", "1e+08");
        Quoted.Equal(m.Groups["rate"].Value, parallelFor, "parallel-for at 1e8");
        Quoted.Equal(m.Groups["gbs"].Value, parallelFor * 4 / 1e9, "parallel-for's GB/s at 1e8");
        BenchmarkReport bandwidth = BenchmarkReport.Read("docs/benchmarks/memorybandwidth.md");
        double copy = bandwidth.Seconds("Mean", ("Method", "Copy"));
        Quoted.Duration(m.Groups["copy"].Value, copy, "a plain copy of 400 MB");
        Quoted.Equal(m.Groups["copyGbs"].Value, 0.4 / copy, "a plain copy's GB/s");
        Quoted.Duration(m.Groups["fresh"].Value, bandwidth.Seconds("Mean", ("Method", "FreshArrayFill")), "a fresh array's fill");
        Sourcing.Quotes(Page, "to allocate and fill a fresh array", "warm benchmark", "benchmarks/memorybandwidth.md");

        m = Sourcing.Find(Page, @"`naive-list` \((?<low>[\d.e]+)–(?<high>[\d.e]+) values/s\)");
        double[] naive = [.. t.Header.Skip(1).Select(c => t.Cell("ParallelSum naive-list", c)).Where(c => c != "—").Select(c => Quoted.Parse(c.Split(' ')[0]).Value)];
        Quoted.Equal(m.Groups["low"].Value, naive.Min(), "naive-list's slowest rate");
        Quoted.Equal(m.Groups["high"].Value, naive.Max(), "naive-list's fastest rate");

        m = Sourcing.Find(Page, @"Our native kernel made (?<rate>[\d.e]+) values/s on one core at 1e9 in the table's run");
        Quoted.Equal(m.Groups["rate"].Value, Rate("native-avx512 (1 thread)", "1e+09"), "the native kernel on one core at 1e9");
    }

    [Fact]
    public void ScalingAndAllocation_EqualTheBenchmarkReports()
    {
        BenchmarkReport scaling = BenchmarkReport.Read("docs/benchmarks/scaling.md");
        foreach (string strategy in ScaledStrategies)
        {
            Match m = Sourcing.Find(Page, $@"`{strategy}`\s+(?<one>[\d.]+) → (?<two>[\d.]+) ms \((?<r>[\d.]+)×\)");
            double one = scaling.Seconds("Mean", ("Strategy", strategy), ("Workers", "1"));
            double two = scaling.Seconds("Mean", ("Strategy", strategy), ("Workers", "2"));
            Quoted.Duration(m.Groups["one"].Value + " ms", one, $"{strategy} on one worker");
            Quoted.Duration(m.Groups["two"].Value + " ms", two, $"{strategy} on two workers");
            Quoted.Equal(m.Groups["r"].Value, one / two, $"{strategy}'s scaling");
        }

        Sourcing.Quotes(Page, "Strong scaling, 1 → 2 workers", "warm benchmark", "benchmarks/scaling.md");

        BenchmarkReport strategies = BenchmarkReport.Read("docs/benchmarks/strategy.md");
        double Allocated(string @case) => strategies.Bytes("Allocated", ("Case", @case));
        Match a = Sourcing.Find(Page, @"`auto`\s+below its threshold (?<auto>\d+) B; `streaming` and `simd-chunks` (?<low>\d+)–(?<high>\d+) B at 1e3, 1e6 and 1e8 and (?<big>\d+) B at 1e9 \(the extra\s+(?<extra>\d+) B.*?`auto` above its\s+threshold (?<autoLow>\d+)–(?<autoHigh>\d+) B");
        Assert.Equal(double.Parse(a.Groups["auto"].Value, System.Globalization.CultureInfo.InvariantCulture), Allocated("auto@1000"));
        double[] small = [.. ForkJoinStrategies.SelectMany(s => SmallCounts.Select(n => Allocated($"{s}@{n}")))];
        Assert.Equal(a.Groups["low"].Value, small.Min().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(a.Groups["high"].Value, small.Max().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(a.Groups["big"].Value, Allocated("streaming@1000000000").ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(a.Groups["big"].Value, Allocated("simd-chunks@1000000000").ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(a.Groups["extra"].Value, (Allocated("streaming@1000000000") - Allocated("streaming@1000000")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        double[] autoLarge = [.. LargeCounts.Select(n => Allocated($"auto@{n}"))];
        Assert.Equal(a.Groups["autoLow"].Value, autoLarge.Min().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(a.Groups["autoHigh"].Value, autoLarge.Max().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Match n = Sourcing.Find(Page, @"naive-list (?<gb>[\d.]+) GB at 1e8");
        Quoted.Equal(n.Groups["gb"].Value, Allocated("naive-list@100000000") / 1e9, "naive-list's allocation at 1e8");
        Sourcing.Quotes(Page, "Allocation per call", "warm benchmark", "benchmarks/strategy.md");

        Match inline = Sourcing.Find(Page, @"(?<us>[\d.]+ µs) for 1,000 values \(warm benchmark: `StrategyBenchmarks`");
        Quoted.Duration(inline.Groups["us"].Value, strategies.Seconds("Mean", ("Case", "auto@1000")), "auto at 1,000 values");
    }

    [Fact]
    public void CrossoverTable_IsTheCrossoverReport()
    {
        MarkdownTable page = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "Method | Count");
        BenchmarkReport report = BenchmarkReport.Read("docs/benchmarks/crossover.md");
        AssertSameTable(page, report.Table, report.File);
        Sourcing.Quotes(Page, "The threshold comes from `CrossoverBenchmarks`", "warm benchmark", "benchmarks/crossover.md");

        double Ratio(string count) => report.Number("Ratio", ("Method", "AllProcessors"), ("Count", count));
        Match m = Sourcing.Find(Page, @"Two workers lose clearly at 2\^13 values \((?<lose>[\d.]+)× the inline time\) and win clearly from 2\^15 \((?<win>[\d.]+)×\)\. Between 12,288 and\s+16,384 the two are within noise of each other \((?<low>[\d.]+)–(?<high>[\d.]+)\)");
        Assert.Equal(m.Groups["lose"].Value, report.Row(("Method", "AllProcessors"), ("Count", "8192"))[report.Table.Column("Ratio")]);
        Assert.Equal(m.Groups["win"].Value, report.Row(("Method", "AllProcessors"), ("Count", "32768"))[report.Table.Column("Ratio")]);
        Quoted.Equal(m.Groups["low"].Value, Ratio("12288"), "ratio at 12,288");
        Quoted.Equal(m.Groups["high"].Value, Ratio("16384"), "ratio at 16,384");
    }

    [Fact]
    public void ExactSumTables_EqualTheExactSumReport()
    {
        BenchmarkReport report = BenchmarkReport.Read("docs/benchmarks/exactsum.md");
        MarkdownTable times = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "method | 10^6");
        var methods = new Dictionary<string, string>
        {
            ["`TensorPrimitives.Sum` (one core, vectorised, not exact)"] = "TensorPrimitivesSum",
            ["`ExactSum.Of`, one core"] = "ExactOneCore",
            ["`ExactSum.Of`, two cores"] = "ExactTwoCores",
            ["plain parallel read, two cores (`TensorPrimitives.Sum` of each half)"] = "ParallelReadTwoCores",
            ["Neumaier (compensated) sum, one core"] = "NeumaierOneCore",
            ["Neumaier sum, two cores"] = "NeumaierTwoCores",
            ["LINQ `Sum()` (one core)"] = "LinqSum",
            ["PLINQ `Sum()`, two cores"] = "PlinqSumTwoCores",
        };
        var counts = new Dictionary<string, string> { ["10^6"] = "1000000", ["10^7"] = "10000000", ["10^8"] = "100000000" };
        Assert.Equal(methods.Count, times.Rows.Count);
        foreach (IReadOnlyList<string> row in times.Rows)
        {
            Assert.True(methods.TryGetValue(row[0], out string? method), $"{Page} names a method '{row[0]}' the exact-sum report does not have");
            foreach ((string column, string count) in counts)
            {
                Quoted.Duration(row[times.Column(column)], report.Seconds("Mean", ("Method", method!), ("Count", count)), $"{method} at {count}");
            }
        }

        Sourcing.Quotes(Page, "Mean time per call (warm benchmark", "warm benchmark", "benchmarks/exactsum.md");

        MarkdownTable goals = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "goal | 10^6");
        double Mean(string method, string count) => report.Seconds("Mean", ("Method", method), ("Count", count));
        foreach ((string column, string count) in counts)
        {
            Quoted.Equal(goals.Rows[0][goals.Column(column)].Trim('*'), Mean("TensorPrimitivesSum", count) / Mean("ExactOneCore", count), $"exact one core ÷ TensorPrimitives at {count}");
            Quoted.Equal(goals.Rows[1][goals.Column(column)].Trim('*'), Mean("ParallelReadTwoCores", count) / Mean("ExactTwoCores", count), $"exact two cores ÷ parallel read at {count}");
        }

        Match m = Sourcing.Find(Page, @"\((?<exact>[\d.]+) GB/s against (?<read>[\d.]+) GB/s\)");
        Quoted.Equal(m.Groups["exact"].Value, 8e8 / Mean("ExactTwoCores", "100000000") / 1e9, "the exact sum's GB/s at 10^8");
        Quoted.Equal(m.Groups["read"].Value, 8e8 / Mean("ParallelReadTwoCores", "100000000") / 1e9, "the parallel read's GB/s at 10^8");
        Sourcing.Quotes(Page, "The two goals, as ratios of speeds", "warm benchmark", "benchmarks/exactsum.md");
    }

    /// <summary>Asserts that a page's copy of a results table has the file's header and rows, cell for cell.</summary>
    internal static void AssertSameTable(MarkdownTable page, MarkdownTable file, string fileName)
    {
        Assert.Equal(file.Header, page.Header);
        Assert.True(file.Rows.Count == page.Rows.Count, $"the page's table has {page.Rows.Count} rows, {fileName}'s {file.Rows.Count}");
        for (int r = 0; r < file.Rows.Count; r++)
        {
            for (int c = 0; c < file.Header.Count; c++)
            {
                Assert.True(file.Rows[r][c] == page.Rows[r][c], $"row {file.Rows[r][0]}, column {file.Header[c]}: the page says '{page.Rows[r][c]}', {fileName} '{file.Rows[r][c]}'");
            }
        }
    }
}
