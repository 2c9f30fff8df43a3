using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>
/// The findings docs/experiment.md states in its prose — threads against one worker, pools against one process, the memory
/// caps, how far streaming goes, the idle baseline and the sweeps' wall times — equal the sweep results files they link
/// (cold process: every trial in a process of its own), at the page's rounding; a range is the least and greatest value of
/// the rows it names.
/// </summary>
public sealed class ExperimentFindingTests
{
    private const string Page = "docs/experiment.md";
    private const string Partitions = "experiment/partitions/sweep-20261126T040532Z.jsonl";
    private const string Pool = "experiment/pool/sweep-20261207T072418Z.jsonl";
    private const string PerProcessCaps = "experiment/caps/sweep-20261207T073157Z.jsonl";
    private const string TotalCap = "experiment/caps/sweep-20261207T073258Z.jsonl";
    private const string Cap4G = "experiment/cap-4g/sweep-20261126T035826Z.jsonl";
    private const string Default = "experiment/default/sweep-20261207T073508Z.jsonl";
    private const string Large = "experiment/large/sweep-20261126T033413Z.jsonl";

    [Fact]
    public void ThreadFindings_EqualThePartitionsSweep()
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + Partitions);
        double Time(string series, long n) => SweepTrial.SecondsOf(trials, series, n);
        double Gain(string strategy, long n) => Time(strategy + "/p1", n) / Time(strategy + "/p2", n);

        Match m = Sourcing.Find(Page, @"`streaming` on 1 worker is faster up to 1e5 values\s+\((?<one>[\d.]+ µs) against (?<two>[\d.]+ µs) at 1e5: .*? the two tie at 1e6\s+\((?<tie1>[\d.]+) against (?<tie2>[\d.]+) ms\), and 2 workers win from 1e7: (?<g7>[\d.]+)× at 1e7, (?<g8>[\d.]+)× at 1e8, (?<g9>[\d.]+)× at 1e9 \(ideal: 2×\)\. `parallel-for`\s+is less regular, .*? and reaches (?<p9>[\d.]+)× at 1e9\.");
        Quoted.Duration(m.Groups["one"].Value, Time("streaming/p1", 100_000), "streaming on 1 worker at 1e5");
        Quoted.Duration(m.Groups["two"].Value, Time("streaming/p2", 100_000), "streaming on 2 workers at 1e5");
        Quoted.Duration(m.Groups["tie1"].Value + " ms", Time("streaming/p1", 1_000_000), "streaming on 1 worker at 1e6");
        Quoted.Duration(m.Groups["tie2"].Value + " ms", Time("streaming/p2", 1_000_000), "streaming on 2 workers at 1e6");
        Quoted.Equal(m.Groups["g7"].Value, Gain("streaming", 10_000_000), "streaming: 2 workers against 1 at 1e7");
        Quoted.Equal(m.Groups["g8"].Value, Gain("streaming", 100_000_000), "streaming: 2 workers against 1 at 1e8");
        Quoted.Equal(m.Groups["g9"].Value, Gain("streaming", 1_000_000_000), "streaming: 2 workers against 1 at 1e9");
        Quoted.Equal(m.Groups["p9"].Value, Gain("parallel-for", 1_000_000_000), "parallel-for: 2 workers against 1 at 1e9");

        // Who wins where: one worker up to 1e5, two from 1e7; parallel-for's two win at 1e6, lose at 1e7, win from 1e8.
        foreach (long n in new long[] { 1_000, 10_000, 100_000 })
        {
            Assert.True(Gain("streaming", n) < 1, $"{Partitions}: streaming on 1 worker is not faster at {n}");
        }

        foreach (long n in new long[] { 10_000_000, 100_000_000, 1_000_000_000 })
        {
            Assert.True(Gain("streaming", n) > 1, $"{Partitions}: streaming on 2 workers does not win at {n}");
            Assert.True((Gain("parallel-for", n) > 1) == (n != 10_000_000), $"{Partitions}: parallel-for on 2 workers at {n}");
        }

        Assert.True(Gain("parallel-for", 1_000_000) > 1, $"{Partitions}: parallel-for on 2 workers does not win at 1e6");
        Sourcing.Quotes(Page, "`streaming` on 1 worker is faster up to 1e5", "cold process", Partitions);
    }

    [Fact]
    public void ThreadFindings_EqualThePoolSweep()
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + Pool);
        double Time(string series, long n) => SweepTrial.SecondsOf(trials, series, n);
        double Gain(long n) => Time("streaming/p1", n) / Time("streaming/p2", n);

        Match m = Sourcing.Find(Page, @"below 1e6 `streaming/p2` and `streaming/p1` differ by (?<range>[\d–]+) µs either way, they tie at 1e6 \((?<tie2>[\d.]+) against\s+(?<tie1>[\d.]+ µs)\), and 2 threads win at 1e7 \((?<g7>[\d.]+)×\) and, past a tie at 3e7 \((?<t2>[\d.]+) against (?<t1>[\d.]+) ms\), from 1e8 on \((?<g8>[\d.]+)× at 1e8, (?<g10>[\d.]+)×\s+at 1e10\)");
        double[] differences = [.. new long[] { 1_000, 10_000, 100_000 }.Select(n => Math.Abs(Time("streaming/p2", n) - Time("streaming/p1", n)) * 1e6)];
        (string low, string high) = Quoted.Range(m.Groups["range"].Value);
        Quoted.Equal(low, differences.Min(), "the least difference between 1 and 2 threads below 1e6, µs");
        Quoted.Equal(high, differences.Max(), "the greatest difference between 1 and 2 threads below 1e6, µs");
        Quoted.Duration(m.Groups["tie2"].Value + " µs", Time("streaming/p2", 1_000_000), "2 threads at 1e6");
        Quoted.Duration(m.Groups["tie1"].Value, Time("streaming/p1", 1_000_000), "1 thread at 1e6");
        Quoted.Equal(m.Groups["g7"].Value, Gain(10_000_000), "2 threads against 1 at 1e7");
        Quoted.Duration(m.Groups["t2"].Value + " ms", Time("streaming/p2", 30_000_000), "2 threads at 3e7");
        Quoted.Duration(m.Groups["t1"].Value + " ms", Time("streaming/p1", 30_000_000), "1 thread at 3e7");
        Quoted.Equal(m.Groups["g8"].Value, Gain(100_000_000), "2 threads against 1 at 1e8");
        Quoted.Equal(m.Groups["g10"].Value, Gain(10_000_000_000), "2 threads against 1 at 1e10");
        Assert.All(
            trials.Where(t => t.Series == "streaming/p2" && t.Count >= 100_000_000),
            t => Assert.True(Gain(t.Count) > 1, $"{Pool}: 2 threads do not win at {t.Count}"));
        Sourcing.Quotes(Page, "below 1e6 `streaming/p2` and `streaming/p1` differ", "cold process", Pool);
    }

    [Fact]
    public void ProcessFindings_EqualThePoolSweep()
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + Pool);
        double Time(string series, long n) => SweepTrial.SecondsOf(trials, series, n);

        Match m = Sourcing.Find(Page, @"slower up to 1e8 \((?<pool>[\d.]+ s) against (?<one>[\d.]+ s) at 1e8\)");
        Quoted.Duration(m.Groups["pool"].Value, Time("naive-list/pool4", 100_000_000), "a pool of four at 1e8");
        Quoted.Duration(m.Groups["one"].Value, Time("naive-list", 100_000_000), "one process at 1e8");
        Assert.All(
            trials.Where(t => t.Series == "naive-list/pool4" && t.Count <= 100_000_000),
            t => Assert.True(t.Seconds > Time("naive-list", t.Count), $"{Pool}: a pool of four is not slower at {t.Count}"));

        m = Sourcing.Find(Page, @"With `streaming`\s+\((?<ns>[\d.]+) ns a value on one thread at 1e10\) the work must grow to (?<meet>[\de.]+) values before a pool of 2 beats one thread \((?<pool>[\d.]+ s)\s+against (?<one>[\d.]+ s) at 3e9, (?<gain>[\d.]+)× at 1e10\), and a pool never catches up with the same two workers as threads of one\s+process \((?<pool10>[\d.]+ s) against (?<threads10>[\d.]+ s) at 1e10");
        Quoted.Equal(m.Groups["ns"].Value, Time("streaming/p1", 10_000_000_000) / 10_000_000_000 * 1e9, "streaming on one thread at 1e10, ns a value");
        Quoted.Equal(m.Groups["meet"].Value, ReadmeFigureTests.Crossing(trials, "streaming/p1", "streaming/pool2"), "where a pool of two meets one thread");
        Quoted.Duration(m.Groups["pool"].Value, Time("streaming/pool2", 3_000_000_000), "streaming in a pool of two at 3e9");
        Quoted.Duration(m.Groups["one"].Value, Time("streaming/p1", 3_000_000_000), "streaming on one thread at 3e9");
        Quoted.Equal(m.Groups["gain"].Value, Time("streaming/p1", 10_000_000_000) / Time("streaming/pool2", 10_000_000_000), "one thread ÷ a pool of two at 1e10");
        Quoted.Duration(m.Groups["pool10"].Value, Time("streaming/pool2", 10_000_000_000), "streaming in a pool of two at 1e10");
        Quoted.Duration(m.Groups["threads10"].Value, Time("streaming/p2", 10_000_000_000), "streaming on two threads at 1e10");
        Assert.All(
            trials.Where(t => t.Series == "streaming/pool2"),
            t => Assert.True(t.Seconds > Time("streaming/p2", t.Count), $"{Pool}: a pool of two catches up with two threads at {t.Count}"));
        Sourcing.Quotes(Page, "slower up to 1e8 (0.81 s", "cold process", Pool);

        m = Sourcing.Find(Page, @"in \.NET a value of the same list takes (?<range>[\d–]+) ns \(`naive-list` at 1e6, 1e7 and\s+1e8\)");
        double[] perValue = [.. new long[] { 1_000_000, 10_000_000, 100_000_000 }.Select(n => Time("naive-list", n) / n * 1e9)];
        (string low, string high) = Quoted.Range(m.Groups["range"].Value);
        Quoted.Equal(low, perValue.Min(), "naive-list's least time a value at 1e6-1e8, ns");
        Quoted.Equal(high, perValue.Max(), "naive-list's greatest time a value at 1e6-1e8, ns");
        Sourcing.Quotes(Page, "in .NET a value of the same list takes", "cold process", Pool);
    }

    [Fact]
    public void CapFindings_EqualTheCapsSweeps()
    {
        List<SweepTrial> perProcess = SweepTrial.Read("docs/" + PerProcessCaps), total = SweepTrial.Read("docs/" + TotalCap);
        double Peak(List<SweepTrial> trials, string series, long n) => SweepTrial.Single(trials, series, n, t => t.Ok).PeakWorkingSetBytes!.Value;

        Match m = Sourcing.Find(Page, @"memory in total: (?<pool>[\d.]+ GiB) for its four processes at 1\.073e9, against (?<one>[\d.]+ GiB) for the one process at 2\.68e8");
        ExperimentPageFigureTests.AssertSize(m.Groups["pool"].Value, Peak(perProcess, "naive-list/pool4", 1_073_000_000), "a pool of four at 1.073e9 under 2 GiB per process");
        ExperimentPageFigureTests.AssertSize(m.Groups["one"].Value, Peak(perProcess, "naive-list", 268_000_000), "one process at 2.68e8 under 2 GiB per process");
        Sourcing.Quotes(Page, "for its four processes at 1.073e9", "cold process", PerProcessCaps);

        m = Sourcing.Find(Page, @"both hold 5e8 values in about the\s+same memory \(peak working sets of (?<one>[\d.]+ GiB) for one process and (?<pool>[\d.]+ GiB) for the pool");
        ExperimentPageFigureTests.AssertSize(m.Groups["one"].Value, Peak(total, "naive-list", 500_000_000), "one process at 5e8 under the total cap");
        ExperimentPageFigureTests.AssertSize(m.Groups["pool"].Value, Peak(total, "naive-list/pool4", 500_000_000), "a pool of four at 5e8 under the total cap");
        Sourcing.Quotes(Page, "both hold 5e8 values in about the", "cold process", TotalCap);
    }

    [Fact]
    public void FourGibCapFindings_EqualTheCap4GSweep()
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + Cap4G);
        Assert.All(trials, t => Assert.Equal(4L << 30, t.MemoryLimitBytes));
        SweepTrial Trial(string series, long n) => SweepTrial.Single(trials, series, n, t => t.Ok);

        Match m = Sourcing.Find(Page, @"`naive-list` last fits (?<fits>[\de.]+) values \(peak working set (?<peak>[\d.]+ GiB)\) and fails at (?<fails>[\de.]+):.*? Near the cap it also slows down — (?<slow>[\d.]+ s) for 5e8 against (?<fast>[\d.]+ s) for 1e8 in the same sweep, (?<ratio>[\d.]+)× the time for 5× the\s+values");
        Quoted.Equal(m.Groups["fits"].Value, ReadmeFigureTests.LastThatFits(trials, "naive-list"), "naive-list's last count under 4 GiB");
        Quoted.Equal(m.Groups["fails"].Value, ReadmeFigureTests.FirstThatFails(trials, "naive-list"), "naive-list's failing count under 4 GiB");
        ExperimentPageFigureTests.AssertSize(m.Groups["peak"].Value, Trial("naive-list", 500_000_000).PeakWorkingSetBytes!.Value, "naive-list at 5e8 under 4 GiB");
        Quoted.Duration(m.Groups["slow"].Value, Trial("naive-list", 500_000_000).Seconds!.Value, "naive-list at 5e8 under 4 GiB");
        Quoted.Duration(m.Groups["fast"].Value, Trial("naive-list", 100_000_000).Seconds!.Value, "naive-list at 1e8 under 4 GiB");
        Quoted.Equal(m.Groups["ratio"].Value, Trial("naive-list", 500_000_000).Seconds!.Value / Trial("naive-list", 100_000_000).Seconds!.Value, "naive-list: 5e8 ÷ 1e8");
        Sourcing.Quotes(Page, "Near the cap it also slows down", "cold process", Cap4G);

        m = Sourcing.Find(Page, @"`parallel-for` last fits (?<fits>[\de.]+) \((?<peak>[\d.]+ GiB): .*? and fails at (?<fails>[\de.]+)\s+\(");
        Quoted.Equal(m.Groups["fits"].Value, ReadmeFigureTests.LastThatFits(trials, "parallel-for"), "parallel-for's last count under 4 GiB");
        Quoted.Equal(m.Groups["fails"].Value, ReadmeFigureTests.FirstThatFails(trials, "parallel-for"), "parallel-for's failing count under 4 GiB");
        ExperimentPageFigureTests.AssertSize(m.Groups["peak"].Value, Trial("parallel-for", 1_000_000_000).PeakWorkingSetBytes!.Value, "parallel-for at 1e9 under 4 GiB");
        Sourcing.Quotes(Page, "`parallel-for` last fits 1e9", "cold process", Cap4G);

        m = Sourcing.Find(Page, @"`streaming` runs (?<count>[\de.]+) in (?<mib>\d+) MiB, and never comes near the cap");
        long largest = trials.Where(t => t.Strategy == "streaming").Max(t => t.Count);
        Quoted.Equal(m.Groups["count"].Value, largest, "streaming's largest count under 4 GiB");
        Assert.All(trials.Where(t => t.Strategy == "streaming"), t => Assert.True(t.Ok, $"{Cap4G}: streaming failed at {t.Count}"));
        Quoted.Equal(m.Groups["mib"].Value, Trial("streaming", largest).PeakWorkingSetBytes!.Value / (1 << 20), "streaming's peak at its largest count, MiB");
        Sourcing.Quotes(Page, "`streaming` runs 1.2e9 in", "cold process", Cap4G);

        SweepTrial uncapped = SweepTrial.Single(SweepTrial.Read("docs/" + Default), "naive-list", 1_000_000_000);
        m = Sourcing.Find(Page, @"Under the default cap, half the machine's memory \((?<cap>[\d.]+ GiB) per process, far above what it needs\), `naive-list` at 1e9\s+peaks at (?<peak>[\d.]+ GiB) \(cold process: `default`");
        ExperimentPageFigureTests.AssertSize(m.Groups["cap"].Value, uncapped.MemoryLimitBytes!.Value, "the default sweep's cap per process");
        ExperimentPageFigureTests.AssertSize(m.Groups["peak"].Value, uncapped.PeakWorkingSetBytes!.Value, "naive-list at 1e9 under the default cap");
        Sourcing.Quotes(Page, "Under the default cap, half the machine's memory", "cold process", Default);
    }

    [Fact]
    public void HowFarStreamingGoes_EqualsTheLargeAndDefaultSweeps()
    {
        List<SweepTrial> large = SweepTrial.Read("docs/" + Large);
        SweepTrial Trial(long n) => SweepTrial.Single(large, "streaming", n, t => t.Ok);
        Match m = Sourcing.Find(Page, @"`streaming` summed 1e11 values in (?<t11>[\d.]+ s) \((?<r11>[\d.e]+) values/s\) and 1e12 in (?<t12>[\d.]+ s) \((?<r12>[\d.e]+) values/s, sum (?<sum>\d+)\),\s+with a peak working set of (?<range>[\d.–]+) MiB at both");
        Quoted.Duration(m.Groups["t11"].Value, Trial(100_000_000_000).Seconds!.Value, "streaming at 1e11");
        Quoted.Equal(m.Groups["r11"].Value, 1e11 / Trial(100_000_000_000).Seconds!.Value, "streaming at 1e11, values/s");
        Quoted.Duration(m.Groups["t12"].Value, Trial(1_000_000_000_000).Seconds!.Value, "streaming at 1e12");
        Quoted.Equal(m.Groups["r12"].Value, 1e12 / Trial(1_000_000_000_000).Seconds!.Value, "streaming at 1e12, values/s");
        Assert.Equal(m.Groups["sum"].Value, Trial(1_000_000_000_000).Sum);
        AssertMiBRange(m.Groups["range"].Value, large.Where(t => t.Ok), "streaming at 1e11 and 1e12");
        Sourcing.Quotes(Page, "`streaming` summed 1e11 values in", "cold process", Large, Default);

        m = Sourcing.Find(Page, @"on the current kernels its peak stays at (?<range>[\d.–]+) MiB from 1e3 to 1e10 \(cold process: `default`");
        List<SweepTrial> streaming = [.. SweepTrial.Read("docs/" + Default).Where(t => t.Series == "streaming" && t.Ok)];
        Assert.Equal(1_000, streaming.Min(t => t.Count));
        Assert.Equal(10_000_000_000, streaming.Max(t => t.Count));
        AssertMiBRange(m.Groups["range"].Value, streaming, "streaming in the default sweep, 1e3 to 1e10");

        m = Sourcing.Find(Page, @"1e13 would take about (?<minutes>\d+) minutes here, ten times the 1e12 run");
        Quoted.Equal(m.Groups["minutes"].Value, 10 * Trial(1_000_000_000_000).Seconds!.Value / 60, "ten times streaming at 1e12, minutes");
    }

    [Fact]
    public void IdleBaseline_IsEverySweepsIdleRecord()
    {
        string[] files = [.. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "docs/experiment"), "sweep-*.jsonl", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/'))];
        Assert.True(files.Length >= 7, $"only {files.Length} sweep files under docs/experiment");
        double[] idle = [.. files.Select(f => SweepTrial.Idle(f).CpuPercent)];
        Match m = Sourcing.Find(Page, @"the idle record of every\s+sweep file below: (?<range>[\d–]+) % CPU, whole machine\)");
        (string low, string high) = Quoted.Range(m.Groups["range"].Value);
        Quoted.Equal(low, idle.Min(), "the quietest idle record, CPU %");
        Quoted.Equal(high, idle.Max(), "the busiest idle record, CPU %");
        Sourcing.Quotes(Page, "sweep file below: 5", "cold process");

        // "Below" is the table of sweeps, which links every one of those files.
        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "folder | command");
        Assert.Equal(files.Order(StringComparer.Ordinal), table.Rows.Select(r => "docs/" + LinkOf(r[0])).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SweepWallTimes_AreTheirFilesStartToLastTrial()
    {
        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "folder | command");
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            string file = LinkOf(row[0]);
            (DateTimeOffset start, double seconds) = WallTime("docs/" + file);
            Assert.Equal(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row[table.Column("date")]);
            AssertMinutesAndSeconds(row[table.Column("wall time")], seconds, file);
        }

        Match m = Sourcing.Find(Page, @"\((?<wall>\d+ min \d+ s) from start to last trial on a 2-core AMD EPYC VM once built, (?<date>[\d-]+);");
        (DateTimeOffset defaultStart, double defaultSeconds) = WallTime("docs/" + Default);
        AssertMinutesAndSeconds(m.Groups["wall"].Value, defaultSeconds, Default);
        Assert.Equal(defaultStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Groups["date"].Value);
        Sourcing.Quotes(Page, "from start to last trial on a 2-core", "cold process", Default);
    }

    [Fact]
    public void ThreadAgainstProcessCost_EqualsThePoolSweep()
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + Pool);
        double[] differences = [.. new long[] { 1_000, 10_000, 100_000 }.Select(n => Math.Abs(SweepTrial.SecondsOf(trials, "streaming/p2", n) - SweepTrial.SecondsOf(trials, "streaming/p1", n)))];
        double process = ReadmeFigureTests.PoolStartCost(trials, 1);

        Match m = Sourcing.Find(Page, @"A second thread costs no more than the (?<range>[\d–]+) µs by which one and two threads differ below 1e6 \(above\); a cold worker process costs (?<process>[\d.]+ s) \(above\), hundreds to thousands of times as much");
        (string low, string high) = Quoted.Range(m.Groups["range"].Value);
        Quoted.Equal(low, differences.Min() * 1e6, "the least difference between 1 and 2 threads below 1e6, µs");
        Quoted.Equal(high, differences.Max() * 1e6, "the greatest difference between 1 and 2 threads below 1e6, µs");
        Quoted.Duration(m.Groups["process"].Value, process, "the start of a pool of one worker");
        Assert.InRange(process / differences.Max(), 100, 999.99);
        Assert.InRange(process / differences.Min(), 1_000, 9_999.99);
        Sourcing.Quotes(Page, "A second thread costs no more than the", "cold process", Pool);

        // The threads paragraph bounds a second thread's cost by those differences, not by a figure no file holds.
        Sourcing.Find(Page, @"The fixed cost of a second thread, a wake-up, is no more than those differences\.");
        Assert.DoesNotContain("tens of microseconds", Sourcing.Flat(RepositoryFiles.Read(Page)), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadingTheOutput_CpuUseAndMemoryChartFigures_EqualTheDefaultSweep()
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + Default);

        // The cores a share is of: every trial with a CPU use has cpuSeconds / seconds / cores.
        int cores = trials.Where(t => t.CpuUtilisation is not null).Select(t => (int)Math.Round(t.CpuSeconds!.Value / t.Seconds!.Value / t.CpuUtilisation!.Value)).Distinct().Single();
        List<SweepTrial> unmeasured = [.. trials.Where(t => t.Count == 1_000 && t.Ok && t.CpuUtilisation is null)];
        Assert.True(unmeasured.Count > 0, $"{Default}: no trial at 1e3 without a CPU use");
        Assert.All(unmeasured, t => Assert.True(t.Seconds < 0.01, $"{Default}: {t.Series} at 1e3 has no CPU use though it took {t.Seconds} s"));
        double[] percent = [.. unmeasured.Select(t => t.CpuSeconds!.Value / t.Seconds!.Value / cores * 100)];
        Match m = Sourcing.Find(Page, @"at 1e3 values the CPU time over the time that the `default` sweep keeps for each trial would read (?<range>[\d,–]+) %");
        (string low, string high) = Quoted.Range(m.Groups["range"].Value);
        Quoted.Equal(low, percent.Min(), "the least CPU use at 1e3, %");
        Quoted.Equal(high, percent.Max(), "the greatest CPU use at 1e3, %");
        Sourcing.Quotes(Page, "at 1e3 values the CPU time over the time", "cold process", Default);

        double[] mib = [.. trials.Where(t => t.Processes is null && t.Ok && t.Strategy is "simd-chunks" or "streaming" or "auto").Select(t => t.PeakWorkingSetBytes!.Value / (1 << 20))];
        m = Sourcing.Find(Page, @"on the `default` sweep's memory chart `simd-chunks`, `streaming` and `auto`, whose peaks all lie within (?<range>[\d.–]+) MiB");
        (low, high) = Quoted.Range(m.Groups["range"].Value);
        Quoted.Equal(low, mib.Min(), "the least peak of simd-chunks, streaming and auto, MiB");
        Quoted.Equal(high, mib.Max(), "the greatest peak of simd-chunks, streaming and auto, MiB");
        Sourcing.Quotes(Page, "whose peaks all lie within", "cold process", Default);
    }

    /// <summary>The link target of a table cell such as <c>[`default`](experiment/default/sweep-….jsonl)</c>.</summary>
    private static string LinkOf(string cell)
    {
        Match m = Regex.Match(cell, @"^\[[^\]]+\]\((?<link>[^)]+)\)$");
        Assert.True(m.Success, $"{Page}: the folder cell '{cell}' does not link its results file");
        return m.Groups["link"].Value;
    }

    /// <summary>A sweep's start (its id, <c>20261207T073508Z</c>) and the seconds from it to the end of its last record.</summary>
    internal static (DateTimeOffset Start, double Seconds) WallTime(string relativePath)
    {
        DateTimeOffset? start = null, end = null;
        foreach (string line in File.ReadLines(Path.Combine(RepositoryFiles.Root, relativePath)).Where(l => l.Length > 0))
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement r = document.RootElement;
            start ??= DateTimeOffset.ParseExact(r.GetProperty("sweep").GetString()!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            end = DateTimeOffset.Parse(r.GetProperty("finishedAt").GetString()!, CultureInfo.InvariantCulture);
        }

        Assert.True(start is not null && end is not null, $"{relativePath} holds no record");
        return (start!.Value, (end!.Value - start.Value).TotalSeconds);
    }

    /// <summary>Asserts that <c>4 min 5 s</c>, <c>1 min 26 s</c> or <c>33 s</c> is <paramref name="seconds"/> to the second.</summary>
    internal static void AssertMinutesAndSeconds(string quoted, double seconds, string what)
    {
        Match m = Regex.Match(quoted, @"^(?:(?<min>\d+) min )?(?<s>\d+) s$");
        Assert.True(m.Success, $"{what}: '{quoted}' is not a wall time such as '4 min 5 s' or '33 s'");
        int total = (m.Groups["min"].Success ? 60 * int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture) : 0) + int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture);
        Quoted.Equal(total.ToString(CultureInfo.InvariantCulture), seconds, $"{what}: wall time in seconds");
    }

    private static void AssertMiBRange(string quoted, IEnumerable<SweepTrial> trials, string what)
    {
        double[] mib = [.. trials.Select(t => t.PeakWorkingSetBytes!.Value / (1 << 20))];
        (string low, string high) = Quoted.Range(quoted);
        Quoted.Equal(low, mib.Min(), $"{what}: least peak, MiB");
        Quoted.Equal(high, mib.Max(), $"{what}: greatest peak, MiB");
    }
}
