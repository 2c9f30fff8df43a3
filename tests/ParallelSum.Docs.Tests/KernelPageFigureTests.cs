using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>
/// docs/kernels.md's side-by-side tables are the newest kernel comparison in docs/benchmarks/kernel.md (warm benchmark), cell
/// for cell, and the figures its prose quotes from that run and from the earlier one kept in the same file are theirs, at the
/// page's rounding.
/// </summary>
public sealed class KernelPageFigureTests
{
    private const string Page = "docs/kernels.md";

    [Theory]
    [InlineData("**1 core**")]
    [InlineData("**2 cores**")]
    public void SideBySideTable_IsTheNewestKernelComparison(string caption)
    {
        MarkdownTable page = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "method | [0, 10]", caption, first: true);
        MarkdownTable file = MarkdownTable.Find(MarkdownTable.ReadFile(KernelComparison.File), "method | [0, 10]", caption, first: true);
        PerformancePageFigureTests.AssertSameTable(page, file, KernelComparison.File);
        Sourcing.Quotes(Page, "`REPEAT=3 benchmarks/compare/kernels.sh` with nothing else running; count 1e9", "warm benchmark", "benchmarks/kernel.md");
    }
    private const string Link = "benchmarks/kernel.md";
    private const string Streaming = "ParallelSum streaming";
    private const string Fast = "C fast";
    private static readonly string[] Ranges = ["[0, 10]", "[-5, 5]", "full int", "[int.MinValue, 2^30)"];
    private static readonly int[] CoreCounts = [1, 2];
    private static readonly string[] SingleRunFigures = ["82.8", "84.7", "65.8", "67.6", "about 15 ms"];

    [Fact]
    public void TwoRunsAbsoluteSpeed_EqualsTheNewestAndTheEarlierRun()
    {
        Match m = Sourcing.Find(Page, @"\(the\s+C fast kernel: (?<now>[\d.e]+) against (?<before>[\d.e]+) values/s on one core at `\[0, 10\]`\)");
        Quoted.Equal(m.Groups["now"].Value, KernelComparison.Latest().ValuesPerSecond(Fast, 1, "[0, 10]"), "C fast, one core, [0, 10], newest run");
        Quoted.Equal(m.Groups["before"].Value, KernelComparison.Earlier("2026-11-28").ValuesPerSecond(Fast, 1, "[0, 10]"), "C fast, one core, [0, 10], 2026-11-28");
        Sourcing.Quotes(Page, "C fast kernel: 3.55e9 against", "warm benchmark", Link);
    }

    [Fact]
    public void WhatTheTableSays_EqualsTheNewestRun()
    {
        KernelComparison k = KernelComparison.Latest();
        void Ratios(string pattern, string method, string range, Func<KernelComparison, string, int, string, double> ratio, string what)
        {
            Match m = Sourcing.Find(Page, pattern);
            Quoted.Equal(m.Groups["one"].Value, ratio(k, method, 1, range), $"{what}, one core");
            Quoted.Equal(m.Groups["two"].Value, ratio(k, method, 2, range), $"{what}, two cores");
        }

        static double FastRatio(KernelComparison c, string method, int cores, string range) => c.FastRatio(method, cores, range);
        static double TwoMultiplyRatio(KernelComparison c, string method, int cores, string range) => c.TwoMultiplyRatio(method, cores, range);

        Ratios(@"`\[0, 10\]`: `streaming` (?<one>[\d.]+)× the fast C kernel on one core and (?<two>[\d.]+)× on two", Streaming, "[0, 10]", FastRatio, "streaming ÷ C fast, [0, 10]");
        Ratios(@"`auto`, which\s+runs the same kernel, (?<one>[\d.]+)× and (?<two>[\d.]+)×\.", "ParallelSum auto", "[0, 10]", FastRatio, "auto ÷ C fast, [0, 10]");
        Ratios(@"Against the two-multiply C kernel: (?<one>[\d.]+)× and (?<two>[\d.]+)×\.", Streaming, "[0, 10]", TwoMultiplyRatio, "streaming ÷ C two-multiply, [0, 10]");
        Ratios(@"`\[-5, 5\]`: (?<one>[\d.]+)× on one core and (?<two>[\d.]+)× on two\.", Streaming, "[-5, 5]", FastRatio, "streaming ÷ C fast, [-5, 5]");
        Ratios(@"the same shift-only loop \((?<one>[\d.]+)× and (?<two>[\d.]+)×\)", Streaming, "full int", FastRatio, "streaming ÷ C fast, full int");
        Ratios(@"`\[int\.MinValue, 2\^30\)`: (?<one>[\d.]+)× \(one core\) and (?<two>[\d.]+)× \(two\) the fast C kernel", Streaming, "[int.MinValue, 2^30)", FastRatio, "streaming ÷ C fast, [int.MinValue, 2^30)");

        // "About twice the two-multiply C kernel" on the full int range: 1.5× to 2.5× on both core counts.
        Assert.All(CoreCounts, cores => Assert.InRange(k.TwoMultiplyRatio(Streaming, cores, "full int"), 1.5, 2.5));
        Sourcing.Quotes(Page, "What the table says (warm benchmark", "warm benchmark", Link);
    }

    [Fact]
    public void EarlierRunFindings_EqualTheEarlierRun()
    {
        KernelComparison before = KernelComparison.Earlier("2026-11-28");
        Match m = Sourcing.Find(Page, @"`streaming` on two cores at `\[0, 10\]` \((?<stall>[\d.]+)×: two of its three runs stalled, while `auto` on\s+the same kernel had (?<auto>[\d.]+)×; .*? The baseline `streaming` of that run \(the build before those kernels\) had\s+(?<full>[\d.]+)× the fast C kernel on the full int range and (?<low>[\d.]+)–(?<high>[\d.]+)× on `\[0, 10\]`");
        Quoted.Equal(m.Groups["stall"].Value, before.FastRatio(Streaming, 2, "[0, 10]"), "streaming ÷ C fast, two cores, [0, 10], 2026-11-28");
        Quoted.Equal(m.Groups["auto"].Value, before.FastRatio("ParallelSum auto", 2, "[0, 10]"), "auto ÷ C fast, two cores, [0, 10], 2026-11-28");
        Quoted.Equal(m.Groups["full"].Value, before.FastRatio("baseline streaming", 1, "full int"), "baseline ÷ C fast, one core, full int");
        Quoted.Equal(m.Groups["full"].Value, before.FastRatio("baseline streaming", 2, "full int"), "baseline ÷ C fast, two cores, full int");
        double[] zeroToTen = [before.FastRatio("baseline streaming", 1, "[0, 10]"), before.FastRatio("baseline streaming", 2, "[0, 10]")];
        Quoted.Equal(m.Groups["low"].Value, zeroToTen.Min(), "baseline ÷ C fast, [0, 10], least");
        Quoted.Equal(m.Groups["high"].Value, zeroToTen.Max(), "baseline ÷ C fast, [0, 10], greatest");
        Sourcing.Quotes(Page, "The run before (2026-11-28", "warm benchmark", Link + "#earlier-run-2026-11-28");

        // The single runs' times are kept nowhere, so the page quotes none.
        string flat = Sourcing.Flat(RepositoryFiles.Read(Page));
        Assert.All(SingleRunFigures, figure => Assert.DoesNotContain(figure, flat, StringComparison.Ordinal));
    }

    [Fact]
    public void TwoCoresStepAndCallTimes_EqualTheNewestRun()
    {
        KernelComparison k = KernelComparison.Latest();
        double[] stepMs = [.. Ranges.Select(r => (1 << 20) / k.ValuesPerSecond(Streaming, 1, r) * 1e3)];
        double[] callMs = [.. Ranges.Select(r => 1e9 / k.ValuesPerSecond(Streaming, 2, r) * 1e3)];
        Match m = Sourcing.Find(Page, @"2\^20-value steps with a cancellation check between them \((?<low>[\d.]+)–(?<high>[\d.]+) ms of work each at\s+`streaming`'s one-core speeds\)\. Those costs are microseconds in a call of (?<callLow>\d+)–(?<callHigh>\d+) ms \(`streaming`, 1e9 values on two\s+cores;");
        Quoted.Equal(m.Groups["low"].Value, stepMs.Min(), "a 2^20-value step at streaming's fastest one-core speed, ms");
        Quoted.Equal(m.Groups["high"].Value, stepMs.Max(), "a 2^20-value step at streaming's slowest one-core speed, ms");
        Quoted.Equal(m.Groups["callLow"].Value, callMs.Min(), "streaming at 1e9 on two cores, fastest range, ms");
        Quoted.Equal(m.Groups["callHigh"].Value, callMs.Max(), "streaming at 1e9 on two cores, slowest range, ms");
        Sourcing.Quotes(Page, "2^20-value steps with a cancellation check", "warm benchmark", Link);
    }
}
