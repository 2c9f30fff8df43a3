using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>
/// What the exact sum costs, as docs/exact-sum.md and docs/performance.md's prose say it, equals the BenchmarkDotNet report
/// docs/benchmarks/exactsum.md (warm benchmark), at the pages' rounding: speeds are the inverse ratio of mean times, a
/// range is the least and greatest over 10^6, 10^7 and 10^8.
/// </summary>
public sealed class ExactSumFindingTests
{
    private const string Report = "docs/benchmarks/exactsum.md";
    private static readonly string[] Counts = ["1000000", "10000000", "100000000"];

    [Theory]
    [InlineData("docs/exact-sum.md")]
    [InlineData("docs/performance.md")]
    public void AgainstTheOtherSums_EqualsTheReport(string page)
    {
        BenchmarkReport report = BenchmarkReport.Read(Report);
        double Mean(string method, string count) => report.Seconds("Mean", ("Method", method), ("Count", count));
        double[] Faster(string slower, string exact) => [.. Counts.Select(c => Mean(slower, c) / Mean(exact, c))];

        Match m = Sourcing.Find(page, @"On the same number of cores it is (?<neumaier>[\d.–]+)× faster than a hand-written Neumaier.*? (?<linq>[\d.–]+)× faster\s+than LINQ's `Sum\(\)` and (?<plinq>[\d.–]+)× faster than PLINQ's");
        AssertRange(m.Groups["neumaier"].Value, [.. Faster("NeumaierOneCore", "ExactOneCore"), .. Faster("NeumaierTwoCores", "ExactTwoCores")], "Neumaier ÷ exact on as many cores");
        AssertRange(m.Groups["linq"].Value, Faster("LinqSum", "ExactOneCore"), "LINQ ÷ exact on one core");
        AssertRange(m.Groups["plinq"].Value, Faster("PlinqSumTwoCores", "ExactTwoCores"), "PLINQ ÷ exact on two cores");

        // About 600 bytes a grain of 65,536 values: the allocation at 10^8 over its grains, to one significant digit.
        m = Sourcing.Find(page, @"about (?<bytes>\d+)\s+bytes per grain of 65,536 values");
        string bytes = m.Groups["bytes"].Value;
        Assert.True(bytes.Length == 3 && bytes[1..] == "00", $"{page}: 'about {bytes} bytes' is not a figure of one significant digit");
        foreach (string method in new[] { "ExactOneCore", "ExactTwoCores" })
        {
            Quoted.Equal($"{bytes[0]}e2", report.Bytes("Allocated", ("Method", method), ("Count", "100000000")) / (1e8 / 65_536), $"{method}: bytes a grain at 10^8");
        }

        Sourcing.Quotes(page, "On the same number of cores it is", "warm benchmark", "benchmarks/exactsum.md");
    }

    [Fact]
    public void ExactSumPage_SpeedRatios_EqualTheReport()
    {
        const string Page = "docs/exact-sum.md";
        BenchmarkReport report = BenchmarkReport.Read(Report);
        double Mean(string method, string count) => report.Seconds("Mean", ("Method", method), ("Count", count));

        Match m = Sourcing.Find(Page, @"on one core the exact sum runs at\s+(?<r6>[\d.]+)× the speed of `TensorPrimitives.Sum` .*? and at (?<r7>[\d.]+)× and\s+(?<r8>[\d.]+)× for 10\^7 and 10\^8, where both wait on memory; on two cores it reads 10\^8 doubles at (?<read>[\d.]+)× the speed of a plain\s+parallel read");
        Quoted.Equal(m.Groups["r6"].Value, Mean("TensorPrimitivesSum", Counts[0]) / Mean("ExactOneCore", Counts[0]), "exact on one core ÷ TensorPrimitives.Sum at 10^6");
        Quoted.Equal(m.Groups["r7"].Value, Mean("TensorPrimitivesSum", Counts[1]) / Mean("ExactOneCore", Counts[1]), "exact on one core ÷ TensorPrimitives.Sum at 10^7");
        Quoted.Equal(m.Groups["r8"].Value, Mean("TensorPrimitivesSum", Counts[2]) / Mean("ExactOneCore", Counts[2]), "exact on one core ÷ TensorPrimitives.Sum at 10^8");
        Quoted.Equal(m.Groups["read"].Value, Mean("ParallelReadTwoCores", Counts[2]) / Mean("ExactTwoCores", Counts[2]), "exact on two cores ÷ the parallel read at 10^8");
        Sourcing.Quotes(Page, "on one core the exact sum runs at", "warm benchmark", "benchmarks/exactsum.md");
    }

    [Fact]
    public void PerformancePage_ShortfallsAndAllocation_EqualTheReport()
    {
        const string Page = "docs/performance.md";
        BenchmarkReport report = BenchmarkReport.Read(Report);
        double Mean(string method) => report.Seconds("Mean", ("Method", method), ("Count", Counts[2]));

        Match m = Sourcing.Find(Page, @"at 10\^8 the exact sum comes within (?<one>\d+) % of the plain sum on one core and within (?<two>\d+) % of\s+the bare read on two\.");
        Quoted.Equal(m.Groups["one"].Value, (1 - (Mean("TensorPrimitivesSum") / Mean("ExactOneCore"))) * 100, "exact on one core's shortfall against TensorPrimitives.Sum at 10^8, %");
        Quoted.Equal(m.Groups["two"].Value, (1 - (Mean("ParallelReadTwoCores") / Mean("ExactTwoCores"))) * 100, "exact on two cores' shortfall against the parallel read at 10^8, %");

        m = Sourcing.Find(Page, @"per grain of 65,536 values \((?<mb>[\d.]+) MB at 10\^8\)");
        Quoted.Equal(m.Groups["mb"].Value, report.Bytes("Allocated", ("Method", "ExactOneCore"), ("Count", Counts[2])) / 1e6, "exact on one core's allocation at 10^8, MB");
        Sourcing.Quotes(Page, "at 10^8 the exact sum comes within", "warm benchmark", "benchmarks/exactsum.md");
    }

    private static void AssertRange(string quoted, double[] values, string what)
    {
        (string low, string high) = Quoted.Range(quoted);
        Quoted.Equal(low, values.Min(), $"{what}: least");
        Quoted.Equal(high, values.Max(), $"{what}: greatest");
    }
}
