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

    [Fact]
    public void ScalingFindings_AreTheResultsFile()
    {
        OrleansScalingRun run = OrleansScalingRun.Read();
        double gain10 = run.Seconds("pinned", 1, "1e10") / run.Seconds("pinned", 2, "1e10");
        double gain11 = run.Seconds("pinned", 1, "1e11") / run.Seconds("pinned", 2, "1e11");
        double inProcessOne = run.Seconds("inprocess-one-core", 0, "1e10");
        double inProcess10 = run.Seconds("inprocess-all-cores", 0, "1e10"), inProcess11 = run.Seconds("inprocess-all-cores", 0, "1e11");

        Match m = Sourcing.Find(Page, @"Two one-core hosts are (?<g10>[\d.]+)× one at 1e10 and (?<g11>[\d.]+)× at 1e11\.\*\* One pinned silo is (?<slower>\d+) % slower than `streaming` in process on one core at 1e10 \((?<pinned>[\d.]+ s) against (?<inProcess>[\d.]+ s)\); the pair loses (?<low>\d+)–(?<high>\d+) % of a perfect 2×");
        Quoted.Equal(m.Groups["g10"].Value, gain10, "two one-core hosts against one at 1e10");
        Quoted.Equal(m.Groups["g11"].Value, gain11, "two one-core hosts against one at 1e11");
        Quoted.Equal(m.Groups["slower"].Value, 100 * ((run.Seconds("pinned", 1, "1e10") / inProcessOne) - 1), "one pinned silo over in process on one core");
        Quoted.Duration(m.Groups["pinned"].Value, run.Seconds("pinned", 1, "1e10"), "one pinned silo at 1e10");
        Quoted.Duration(m.Groups["inProcess"].Value, inProcessOne, "in process on one core at 1e10");
        Quoted.Equal(m.Groups["low"].Value, 100 * (1 - (gain10 / 2)), "the pair's loss at 1e10");
        Quoted.Equal(m.Groups["high"].Value, 100 * (1 - (gain11 / 2)), "the pair's loss at 1e11");

        int[] silos = [1, 2, 3, 4];
        double[] shared11 = [.. silos.Select(k => run.Seconds("shared", k, "1e11"))];
        double[] shared10 = [.. silos.Select(k => run.Seconds("shared", k, "1e10"))];
        m = Sourcing.Find(Page, @"1e11 takes (?<low>[\d.]+)–(?<high>[\d.]+) s on 1–4 silos, (?<over1>\d+)–(?<over2>\d+) % over in-process \((?<in11>[\d.]+ s)\)\. At 1e10 the same silos take (?<low10>[\d.]+)–(?<high10>[\d.]+) s, (?<over10a>\d+)–(?<over10b>\d+) % over in-process \((?<in10>[\d.]+ s)\)");
        Quoted.Equal(m.Groups["low"].Value, shared11.Min(), "fastest 1e11 on shared cores");
        Quoted.Equal(m.Groups["high"].Value, shared11.Max(), "slowest 1e11 on shared cores");
        Quoted.Equal(m.Groups["over1"].Value, 100 * ((shared11.Min() / inProcess11) - 1), "least overhead over in-process at 1e11");
        Quoted.Equal(m.Groups["over2"].Value, 100 * ((shared11.Max() / inProcess11) - 1), "most overhead over in-process at 1e11");
        Quoted.Duration(m.Groups["in11"].Value, inProcess11, "in process at 1e11");
        Quoted.Equal(m.Groups["low10"].Value, shared10.Min(), "fastest 1e10 on shared cores");
        Quoted.Equal(m.Groups["high10"].Value, shared10.Max(), "slowest 1e10 on shared cores");
        Quoted.Equal(m.Groups["over10a"].Value, 100 * ((shared10.Min() / inProcess10) - 1), "least overhead over in-process at 1e10");
        Quoted.Equal(m.Groups["over10b"].Value, 100 * ((shared10.Max() / inProcess10) - 1), "most overhead over in-process at 1e10");
        Quoted.Duration(m.Groups["in10"].Value, inProcess10, "in process at 1e10");

        double[] fixedCosts = [.. Configurations.Select(c => run.FixedCost(c.Series, c.Silos))];
        m = Sourcing.Find(Page, @"Fixed cost F ≈ (?<low>\d+)–(?<high>\d+) ms\*\* per request");
        Quoted.Equal(m.Groups["low"].Value, 1000 * fixedCosts.Min(), "least fixed cost");
        Quoted.Equal(m.Groups["high"].Value, 1000 * fixedCosts.Max(), "most fixed cost");
        m = Sourcing.Find(Page, @"It does not grow steadily with the silos sharing the cores: (?<one>[\d.]+ ms) on one, then (?<s2>[+−]\d+), (?<s3>[+−]\d+) and (?<s4>[+−]\d+) ms for the second, third and fourth silo; on one-core hosts it is (?<p1>[\d.]+ ms) for one and (?<p2>[\d.]+ ms) for two");
        Quoted.Duration(m.Groups["one"].Value, run.FixedCost("shared", 1), "fixed cost, one silo sharing the cores");
        double[] steps = [.. silos.Skip(1).Select(k => 1000 * (run.FixedCost("shared", k) - run.FixedCost("shared", k - 1)))];
        for (int i = 0; i < steps.Length; i++)
        {
            string step = m.Groups["s" + (i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture)].Value.Replace('−', '-').TrimStart('+');
            Quoted.Equal(step, steps[i], $"fixed cost added by silo {i + 2}");
        }

        Assert.True(steps.Any(s => s < 0), "the fixed cost grows with every silo, which the page says it does not");
        Quoted.Duration(m.Groups["p1"].Value, run.FixedCost("pinned", 1), "fixed cost, one one-core silo");
        Quoted.Duration(m.Groups["p2"].Value, run.FixedCost("pinned", 2), "fixed cost, two one-core silos");

        double[] sharedCost = [.. silos.Select(k => run.CostPerRange("shared", k))];
        double[] sharedRate = [.. silos.Select(k => 2000 / run.Seconds("shared", k, "ranges2000"))];
        (double cost, double ranges, int k) mostRangeCost = Configurations
            .Select(c => (run.CostPerRange(c.Series, c.Silos) * run.Ranges(c.Series, c.Silos, "1e10"), run.Ranges(c.Series, c.Silos, "1e10"), c.Silos))
            .MaxBy(x => x.Item1);
        m = Sourcing.Find(Page, @"About (?<low>\d+)–(?<high>\d+) µs per further range\*\* on silos sharing the cores \((?<rateLow>[\d,]+)–(?<rateHigh>[\d,]+) ranges per second\); (?<p1>\d+ µs) on one one-core silo, which has one range slot, and (?<p2>\d+ µs) on two\. A 1e10 request's ranges cost at most (?<most>[\d.]+ ms) of that \((?<ranges>\d+) ranges on (?<k>\d) silos\)");
        Quoted.Equal(m.Groups["low"].Value, 1e6 * sharedCost.Min(), "least cost per further range, shared cores");
        Quoted.Equal(m.Groups["high"].Value, 1e6 * sharedCost.Max(), "most cost per further range, shared cores");
        Quoted.Equal(m.Groups["rateLow"].Value, sharedRate.Min(), "fewest ranges per second, shared cores");
        Quoted.Equal(m.Groups["rateHigh"].Value, sharedRate.Max(), "most ranges per second, shared cores");
        Quoted.Duration(m.Groups["p1"].Value, run.CostPerRange("pinned", 1), "cost per further range, one one-core silo");
        Quoted.Duration(m.Groups["p2"].Value, run.CostPerRange("pinned", 2), "cost per further range, two one-core silos");
        Quoted.Duration(m.Groups["most"].Value, mostRangeCost.cost, "most a 1e10 request's ranges cost");
        Quoted.Equal(m.Groups["ranges"].Value, mostRangeCost.ranges, "ranges of the 1e10 request that cost most");
        Quoted.Equal(m.Groups["k"].Value, mostRangeCost.k, "silos of the 1e10 request whose ranges cost most");

        double[] sharedFirst = [.. silos.Select(k => run.FirstRangeSeconds("shared", k, "1e10"))];
        m = Sourcing.Find(Page, @"Time to first range\*\*: (?<low>[\d.]+)–(?<high>[\d.]+) s on silos sharing the cores, (?<p1>[\d.]+ s) on one one-core silo and (?<p2>[\d.]+ s) on two; each is the fixed cost plus at least one range's compute time");
        Quoted.Equal(m.Groups["low"].Value, sharedFirst.Min(), "earliest first range, shared cores");
        Quoted.Equal(m.Groups["high"].Value, sharedFirst.Max(), "latest first range, shared cores");
        Quoted.Duration(m.Groups["p1"].Value, run.FirstRangeSeconds("pinned", 1, "1e10"), "first range, one one-core silo");
        Quoted.Duration(m.Groups["p2"].Value, run.FirstRangeSeconds("pinned", 2, "1e10"), "first range, two one-core silos");
        foreach ((string _, string series, int k) in Configurations)
        {
            // A range runs on one core: its compute time at the in-process one-core rate.
            double rangeSeconds = 1e10 / run.Ranges(series, k, "1e10") * inProcessOne / 1e10;
            Assert.True(run.FirstRangeSeconds(series, k, "1e10") >= run.FixedCost(series, k) + rangeSeconds,
                $"{series}, {k} silos: the first range came before the fixed cost plus one range's compute time");
        }

        // The model, with its parameters taken from the results file as the page defines them.
        double f = run.FixedCost("pinned", 2), c = run.CostPerRange("pinned", 2);
        double r = 1e11 / run.Seconds("shared", 1, "1e11"), r1 = 1e11 / inProcess11, e = gain11 / 2;
        double T(double n, int machines) => f + (c * Math.Max(8 * machines, n / 2e9)) + (n / (e * machines * r));
        double SpeedUp(double n, int machines) => n / r1 / T(n, machines);
        double BreakEven(int machines) => (f + (c * 8 * machines)) / ((1 / r1) - (1 / (e * machines * r)));
        m = Sourcing.Find(Page, @"with F ≈ (?<f>[\d.]+) s and c ≈ (?<c>\d+) µs \(the two one-core hosts\), m = max\(8K, n / 2e9\) ranges, R ≈ (?<r>[\d.]+e\d+) values/s per machine \(one silo sharing both cores, at 1e11\), R₁ ≈ (?<r1>[\d.]+e\d+) \(in process, at 1e11\), and e ≈ (?<e11>[\d.]+) the efficiency the two one-core hosts reached at 1e11 \((?<e10>[\d.]+) at 1e10\)");
        Quoted.Equal(m.Groups["f"].Value, f, "the model's F");
        Quoted.Equal(m.Groups["c"].Value, 1e6 * c, "the model's c");
        Quoted.Equal(m.Groups["r"].Value, r, "the model's R");
        Quoted.Equal(m.Groups["r1"].Value, r1, "the model's R₁");
        Quoted.Equal(m.Groups["e11"].Value, e, "efficiency at 1e11");
        Quoted.Equal(m.Groups["e10"].Value, gain10 / 2, "efficiency at 1e10");
        m = Sourcing.Find(Page, @"Projections: at n = 1e10, K = 4 → (?<a4>[\d.]+)×, K = 16 → (?<a16>[\d.]+)×, K = 64 → (?<a64>[\d.]+)× \(the fixed cost dominates\); at n = 1e11, K = 4 → (?<b4>[\d.]+)×, K = 16 → (?<b16>[\d.]+)×, K = 64 → (?<b64>[\d.]+)×\. Distribution pays off above about (?<n4>[\d.]+e\d+) values for K = 4, (?<n16>[\d.]+e\d+) for K = 16 and (?<n64>[\d.]+e\d+) for K = 64\. .*?the ranges \((?<m64>\d+) at K = 64\)");
        foreach (int machines in new[] { 4, 16, 64 })
        {
            string key = machines.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Quoted.Equal(m.Groups["a" + key].Value, SpeedUp(1e10, machines), $"projected speed-up at 1e10, K = {machines}");
            Quoted.Equal(m.Groups["b" + key].Value, SpeedUp(1e11, machines), $"projected speed-up at 1e11, K = {machines}");
            double breakEven = BreakEven(machines);
            Assert.True(breakEven / 2e9 <= 8 * machines, $"K = {machines}: the break-even count needs more than 8K ranges");
            Quoted.Equal(m.Groups["n" + key].Value, breakEven, $"break-even count, K = {machines}");
        }

        Assert.True(f + (c * 8 * 64) > 1e10 / (e * 64 * r), "at 1e10 and K = 64 the compute time, not the fixed cost, dominates");
        Assert.Equal((8 * 64).ToString(System.Globalization.CultureInfo.InvariantCulture), m.Groups["m64"].Value);
    }
}
