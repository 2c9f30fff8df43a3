using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>
/// Every measured figure of README.md's summary equals what its results file holds, at the rounding the README uses, and
/// the passage quoting it names the file and the kind of measurement. Each test recomputes the figures from the file and
/// reads the quoted ones out of the README's sentence, so a digit changed on either side fails.
/// </summary>
public sealed partial class ReadmeFigureTests
{
    private const string Readme = "README.md";
    private const string Partitions = "docs/experiment/partitions/sweep-20261126T040532Z.jsonl";
    private const string Pool = "docs/experiment/pool/sweep-20261207T072418Z.jsonl";
    private const string PerProcessCaps = "docs/experiment/caps/sweep-20261207T073157Z.jsonl";
    private const string TotalCap = "docs/experiment/caps/sweep-20261207T073258Z.jsonl";
    private const string Large = "docs/experiment/large/sweep-20261126T033413Z.jsonl";
    private const string Default = "docs/experiment/default/sweep-20261207T073508Z.jsonl";

    [Fact]
    public void FastBullet_KernelRatios_EqualTheKernelComparison()
    {
        Match m = Find(@"1e9 values in\s+\d+ ms on two cores.*?level with a hand-written\s+AVX-512 C kernel built the same way: (?<one>[\d.]+)× its speed on one core and (?<two>[\d.]+)× on two");
        KernelComparison kernels = KernelComparison.Latest();
        Quoted.Equal(m.Groups["one"].Value, kernels.FastRatio("ParallelSum streaming", cores: 1, "[0, 10]"), "streaming ÷ fast C kernel, one core");
        Quoted.Equal(m.Groups["two"].Value, kernels.FastRatio("ParallelSum streaming", cores: 2, "[0, 10]"), "streaming ÷ fast C kernel, two cores");
        Sourcing.Quotes(Readme, "× on two (warm benchmark", "warm benchmark", "docs/benchmarks/kernel.md");
    }

    [Fact]
    public void ResultsIntroduction_StreamingAt1e9_SaysWhyTheColdAndWarmFiguresDiffer()
    {
        Match m = Find(@"`streaming` at 1e9\s+on two cores is (?<cold>\d+) ms in the default sweep \(cold process\) and (?<warm>\d+) ms \((?<rate>[\d.e]+) values/s\) in the kernel comparison \(warm\s+benchmark\)");
        double cold = SweepTrial.SecondsOf(SweepTrial.Read(Default), "streaming", 1_000_000_000);
        Quoted.Duration(m.Groups["cold"].Value + " ms", cold, "streaming at 1e9, default sweep");
        double rate = KernelComparison.Latest().ValuesPerSecond("ParallelSum streaming", cores: 2, "[0, 10]");
        Quoted.Equal(m.Groups["rate"].Value, rate, "streaming values/s on two cores, kernel comparison");
        Quoted.Duration(m.Groups["warm"].Value + " ms", 1e9 / rate, "streaming at 1e9, kernel comparison");
    }

    [Fact]
    public void ThreadsFinding_EqualsThePartitionsSweep()
    {
        Match m = Find(@"Two threads lose to one up to (?<lose>[\de]+) values, tie at (?<tie>[\de]+) and win from (?<win>[\de]+) \((?<r7>[\d.]+)× at 1e7,\s+(?<r8>[\d.]+)× at 1e8; cold process, `streaming` on one worker and on two");
        List<SweepTrial> trials = SweepTrial.Read(Partitions);
        double Speedup(long n) => SweepTrial.SecondsOf(trials, "streaming/p1", n) / SweepTrial.SecondsOf(trials, "streaming/p2", n);
        long lose = Count(m.Groups["lose"].Value), tie = Count(m.Groups["tie"].Value), win = Count(m.Groups["win"].Value);
        long[] counts = [.. trials.Where(t => t.Series == "streaming/p1").Select(t => t.Count).Order()];
        foreach (long n in counts)
        {
            double s = Speedup(n);
            if (n <= lose)
            {
                Assert.True(s < 1, $"two threads at {n} are {s:F2}× one, not slower as README.md says");
            }
            else if (n == tie)
            {
                Assert.True(Math.Abs(s - 1) < 0.05, $"two threads at {n} are {s:F2}× one, not a tie (within 5 %) as README.md says");
            }
            else if (n >= win)
            {
                Assert.True(s > 1, $"two threads at {n} are {s:F2}× one, not faster as README.md says");
            }
        }

        Assert.Equal(tie * 10, win);
        Assert.Equal(lose * 10, tie);
        Quoted.Equal(m.Groups["r7"].Value, Speedup(10_000_000), "two threads ÷ one at 1e7");
        Quoted.Equal(m.Groups["r8"].Value, Speedup(100_000_000), "two threads ÷ one at 1e8");
        Sourcing.Quotes(Readme, "1.95× at 1e8", "cold process", Partitions);
    }

    [Fact]
    public void PoolFinding_EqualsThePoolSweep()
    {
        Match m = Find(@"costs (?<one>[\d.]+) s per cold worker \((?<four>[\d.]+) s for four on two cores.*?four processes beat one only from about (?<meet>[\d.e]+) values \((?<r3>[\d.]+)× at 3e8, (?<r9>[\d.]+)× at\s+1e9");
        List<SweepTrial> trials = SweepTrial.Read(Pool);
        Quoted.Equal(m.Groups["one"].Value, PoolStartCost(trials, 1), "the start of a pool of one worker");
        Quoted.Equal(m.Groups["four"].Value, PoolStartCost(trials, 4), "the start of a pool of four workers");
        Quoted.Equal(m.Groups["meet"].Value, Crossing(trials, "naive-list", "naive-list/pool4"), "where a pool of four meets one process");
        Quoted.Equal(m.Groups["r3"].Value, SweepTrial.SecondsOf(trials, "naive-list", 300_000_000) / SweepTrial.SecondsOf(trials, "naive-list/pool4", 300_000_000), "one process ÷ pool of four at 3e8");
        Quoted.Equal(m.Groups["r9"].Value, SweepTrial.SecondsOf(trials, "naive-list", 1_000_000_000) / SweepTrial.SecondsOf(trials, "naive-list/pool4", 1_000_000_000), "one process ÷ pool of four at 1e9");
        Sourcing.Quotes(Readme, "per cold worker", "cold process", Pool);
    }

    [Fact]
    public void MemoryFinding_EqualsTheCapSweeps()
    {
        Match m = Find(@"Under a (?<cap>\d+) GiB cap\s+per process one process fails just past (?<one>[\d.e]+) values and a pool of 4 just past (?<pool>[\d.e]+) \((?<times>\d+)×\); under one (?<total>\d+) GiB cap for\s+all processes together both fail at (?<both>[\d.e]+)");
        List<SweepTrial> perProcess = SweepTrial.Read(PerProcessCaps);
        Assert.All(perProcess, t => Assert.Equal(long.Parse(m.Groups["cap"].Value, CultureInfo.InvariantCulture) << 30, t.MemoryLimitBytes));
        long one = LastThatFits(perProcess, "naive-list"), pool = LastThatFits(perProcess, "naive-list/pool4");
        Quoted.Equal(m.Groups["one"].Value, one, "one process's last count under the per-process cap");
        Quoted.Equal(m.Groups["pool"].Value, pool, "a pool of four's last count under the per-process cap");
        Quoted.Equal(m.Groups["times"].Value, (double)pool / one, "pool ÷ one process under the per-process cap");

        List<SweepTrial> total = SweepTrial.Read(TotalCap);
        Assert.All(total, t => Assert.Equal(long.Parse(m.Groups["total"].Value, CultureInfo.InvariantCulture) << 30, t.TotalMemoryLimitBytes));
        Quoted.Equal(m.Groups["both"].Value, FirstThatFails(total, "naive-list"), "one process's first failing count under the total cap");
        Quoted.Equal(m.Groups["both"].Value, FirstThatFails(total, "naive-list/pool4"), "a pool of four's first failing count under the total cap");
        Sourcing.Quotes(Readme, "both fail at", "cold process", PerProcessCaps, TotalCap);
    }

    [Fact]
    public void LargeRun_EqualsTheLargeSweep()
    {
        Match m = Find(@"`streaming` summed (?<count>[\de]+) values in (?<seconds>\d+) s with a\s+flat (?<mib>\d+) MiB");
        SweepTrial trial = SweepTrial.Single(SweepTrial.Read(Large), "streaming", Count(m.Groups["count"].Value));
        Assert.True(trial.Ok, "the large run did not finish");
        Quoted.Equal(m.Groups["seconds"].Value, trial.Seconds!.Value, "streaming at 1e12, seconds");
        Quoted.Equal(m.Groups["mib"].Value, trial.PeakWorkingSetBytes!.Value / (1 << 20), "streaming at 1e12, peak MiB");
        Sourcing.Quotes(Readme, "flat 35 MiB", "cold process", Large);
    }

    [Fact]
    public void DefaultSweepMemory_EqualsTheDefaultSweep()
    {
        Match m = Find(@"the original's list approach at 1e9 peaked at (?<gib>[\d.]+) GiB in one process");
        SweepTrial trial = SweepTrial.Single(SweepTrial.Read(Default), "naive-list", 1_000_000_000);
        Quoted.Equal(m.Groups["gib"].Value, trial.PeakWorkingSetBytes!.Value / (1L << 30), "naive-list at 1e9, peak GiB");
    }

    [Fact]
    public void DefaultSweepWallTime_IsItsFilesStartToLastTrial()
    {
        Match m = Find(@"\((?<wall>\d+ min \d+ s) from start to last trial on a 2-core machine once built, (?<date>[\d-]+); every trial a cold process:");
        (DateTimeOffset start, double seconds) = ExperimentFindingTests.WallTime(Default);
        ExperimentFindingTests.AssertMinutesAndSeconds(m.Groups["wall"].Value, seconds, Default);
        Assert.Equal(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Groups["date"].Value);
        Sourcing.Quotes(Readme, "from start to last trial on a 2-core machine", "cold process", Default);
    }

    [Fact]
    public void KernelFinding_EqualsTheKernelComparison()
    {
        Match m = Find(@"At 1e9 values in `\[0, 10\]` `streaming` makes (?<two>[\d.e]+) values/s on two cores\s+\((?<one>[\d.e]+) on one\), (?<twoMul>[\d.–]+)× a two-multiply AVX-512 C kernel and (?<fast>[\d.–]+)× a one-multiply one");
        KernelComparison kernels = KernelComparison.Latest();
        Quoted.Equal(m.Groups["two"].Value, kernels.ValuesPerSecond("ParallelSum streaming", 2, "[0, 10]"), "streaming values/s, two cores");
        Quoted.Equal(m.Groups["one"].Value, kernels.ValuesPerSecond("ParallelSum streaming", 1, "[0, 10]"), "streaming values/s, one core");
        (string low, string high) = Quoted.Range(m.Groups["twoMul"].Value);
        Quoted.Equal(low, kernels.TwoMultiplyRatio("ParallelSum streaming", 1, "[0, 10]"), "÷ two-multiply C kernel, one core");
        Quoted.Equal(high, kernels.TwoMultiplyRatio("ParallelSum streaming", 2, "[0, 10]"), "÷ two-multiply C kernel, two cores");
        (low, high) = Quoted.Range(m.Groups["fast"].Value);
        Quoted.Equal(low, kernels.FastRatio("ParallelSum streaming", 1, "[0, 10]"), "÷ fast C kernel, one core");
        Quoted.Equal(high, kernels.FastRatio("ParallelSum streaming", 2, "[0, 10]"), "÷ fast C kernel, two cores");
        Sourcing.Quotes(Readme, "a one-multiply one (warm benchmark", "warm benchmark", "docs/benchmarks/kernel.md");
    }

    [Fact]
    public void ComparisonFinding_EqualsTheSideBySideComparison()
    {
        Match m = Find(@"(?<plinq>\d+)× PLINQ with `Random.Shared` and (?<numpy>\d+)× chunked numpy at 1e9, and the original Python script with a pool of 4 is about\s+(?<python>\d+)× slower at 1e7");
        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile("docs/benchmarks/comparison.md"), "method");
        double Rate(string method, string count) => Quoted.Parse(table.Cell(method, count).Split(' ')[0]).Value;
        Quoted.Equal(m.Groups["plinq"].Value, Rate("ParallelSum streaming", "1e+09") / Rate(".NET PLINQ + Random.Shared", "1e+09"), "streaming ÷ PLINQ at 1e9");
        Quoted.Equal(m.Groups["numpy"].Value, Rate("ParallelSum streaming", "1e+09") / Rate("numpy default_rng, chunked", "1e+09"), "streaming ÷ numpy at 1e9");
        // "about 680": two significant digits, 6.8e2.
        string python = m.Groups["python"].Value;
        Assert.True(python.Length == 3 && python[2] == '0', $"README.md's 'about {python}×' is not a figure of two significant digits");
        Quoted.Equal($"{python[0]}.{python[1]}e2", Rate("ParallelSum streaming", "1e+07") / Rate("Python Pool(4)", "1e+07"), "streaming ÷ Python Pool(4) at 1e7");
        Sourcing.Quotes(Readme, "chunked numpy at 1e9", "warm benchmark", "docs/benchmarks/comparison.md");
    }

    [Fact]
    public void ShapefileFinding_EqualsTheConverterBench()
    {
        Match m = Find(@"On 40\s+files one worker is (?<single>\d+)× faster than `ogr2ogr` file by file; with the Native AOT build, two threads add (?<threads>[\d.–]+)× \((?<share>[\d.–]+)\s+of what `xargs -P 2` gives `ogr2ogr`\), and worker processes pay from (?<from>\d+) files");
        GeoBench bench = GeoBench.Read("docs/geo/results.json");
        Quoted.Equal(m.Groups["single"].Value, bench.Speedup(40, "single aot"), "one AOT worker against ogr2ogr, 40 files");
        Quoted.Equal(m.Groups["single"].Value, bench.Speedup(40, "single jit"), "one JIT worker against ogr2ogr, 40 files");
        (string low, string high) = Quoted.Range(m.Groups["threads"].Value);
        double Threads(int files) => bench.Median(files, "single aot") / bench.Median(files, "threads-dynamic(2) aot");
        double Share(int files) => Threads(files) / bench.Speedup(files, "ogr2ogr xargs -P 2");
        Quoted.Equal(low, Threads(40), "two threads ÷ one, AOT, 40 files");
        Quoted.Equal(high, Threads(80), "two threads ÷ one, AOT, 80 files");
        (low, high) = Quoted.Range(m.Groups["share"].Value);
        Quoted.Equal(low, Share(40), "the threads' gain ÷ xargs -P 2's, 40 files");
        Quoted.Equal(high, Share(80), "the threads' gain ÷ xargs -P 2's, 80 files");

        GeoBench threshold = GeoBench.Read("docs/geo/threshold/results.json");
        int from = int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture);
        foreach (int files in threshold.FileCounts)
        {
            double gain = threshold.Median(files, "single aot") / threshold.Median(files, "processes-dynamic(2) aot");
            Assert.True(files >= from ? gain > 1 : gain < 1, $"two AOT worker processes at {files} files are {gain:F2}× one worker, against README.md's 'pay from {from} files'");
        }

        Sourcing.Quotes(Readme, "worker processes pay from", "cold process", "docs/geo/results.json", "docs/geo/threshold/results.json");
    }

    /// <summary>What starting a pool of <paramref name="workers"/> cost: the pool's time minus its slowest worker's own
    /// time, the median over the counts below 1e7, where the work is negligible.</summary>
    internal static double PoolStartCost(List<SweepTrial> trials, int workers)
    {
        double[] costs = [.. trials.Where(t => t.Series == $"naive-list/pool{workers}" && t.Count < 10_000_000 && t.Ok).Select(t => t.Seconds!.Value - t.WorkerSeconds!.Value).Order()];
        Assert.True(costs.Length >= 3, $"too few small-count trials of naive-list/pool{workers}");
        return costs.Length % 2 == 1 ? costs[costs.Length / 2] : (costs[(costs.Length / 2) - 1] + costs[costs.Length / 2]) / 2;
    }

    /// <summary>Where <paramref name="faster"/> starts to beat <paramref name="slower"/>: the ratio of their times
    /// interpolated in a straight line on the log–log chart between the last count it loses and the first it wins.</summary>
    internal static double Crossing(List<SweepTrial> trials, string slower, string faster)
    {
        long[] counts = [.. trials.Where(t => t.Series == faster && t.Ok).Select(t => t.Count).Order()];
        for (int i = 1; i < counts.Length; i++)
        {
            double before = Math.Log(SweepTrial.SecondsOf(trials, slower, counts[i - 1]) / SweepTrial.SecondsOf(trials, faster, counts[i - 1]));
            double after = Math.Log(SweepTrial.SecondsOf(trials, slower, counts[i]) / SweepTrial.SecondsOf(trials, faster, counts[i]));
            if (before < 0 && after > 0)
            {
                double t = -before / (after - before);
                return Math.Exp(Math.Log(counts[i - 1]) + (t * (Math.Log(counts[i]) - Math.Log(counts[i - 1]))));
            }
        }

        throw new InvalidOperationException($"{faster} never starts to beat {slower}");
    }

    /// <summary>The largest count of <paramref name="series"/> that finished, below its first failure.</summary>
    internal static long LastThatFits(List<SweepTrial> trials, string series) =>
        trials.Where(t => t.Series == series && t.Ok && t.Count < FirstThatFails(trials, series)).Max(t => t.Count);

    /// <summary>The smallest count of <paramref name="series"/> that ran out of memory.</summary>
    internal static long FirstThatFails(List<SweepTrial> trials, string series) =>
        trials.Where(t => t.Series == series && t.Outcome == "memory-error").Min(t => t.Count);

    private static long Count(string text) => (long)Quoted.Parse(text).Value;

    private static Match Find(string pattern) => Sourcing.Find(Readme, pattern);
}
