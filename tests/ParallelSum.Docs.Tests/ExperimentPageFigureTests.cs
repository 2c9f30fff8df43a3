using System.Text.RegularExpressions;
using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>
/// docs/experiment.md's result tables equal the sweep results files they link (cold process: every trial in a process of
/// its own), cell for cell at the page's rounding, and its findings equal what those files give.
/// </summary>
public sealed class ExperimentPageFigureTests
{
    private const string Page = "docs/experiment.md";
    private const string Default = "experiment/default/sweep-20261207T073508Z.jsonl";
    private const string Pool = "experiment/pool/sweep-20261207T072418Z.jsonl";
    private const string PerProcessCaps = "experiment/caps/sweep-20261207T073157Z.jsonl";
    private const string TotalCap = "experiment/caps/sweep-20261207T073258Z.jsonl";

    [Fact]
    public void TimeByCountTable_IsTheDefaultSweep()
    {
        AssertTimeTable(MarkdownTable.Find(MarkdownTable.ReadFile(Page), "N | naive-list | parallel-for"), Default);
        Sourcing.Quotes(Page, "Time by count (cold process", "cold process", Default);
    }

    [Fact]
    public void PoolTable_IsThePoolSweep()
    {
        AssertTimeTable(MarkdownTable.Find(MarkdownTable.ReadFile(Page), "N | naive-list | naive-list/pool1"), Pool);
        Sourcing.Quotes(Page, "adds the partial sums they print (cold process", "cold process", Pool);
    }

    [Fact]
    public void PoolFindings_EqualThePoolSweep()
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + Pool);
        Match m = Sourcing.Find(Page, @"Below 1e7 a pool's time does not depend on N: (?<p1>[\d.]+) s with 1 worker, (?<p2>[\d.]+) s with 2,\s+(?<p4>[\d.]+) s with 4");
        Quoted.Equal(m.Groups["p1"].Value, ReadmeFigureTests.PoolStartCost(trials, 1), "a pool of one's start");
        Quoted.Equal(m.Groups["p2"].Value, ReadmeFigureTests.PoolStartCost(trials, 2), "a pool of two's start");
        Quoted.Equal(m.Groups["p4"].Value, ReadmeFigureTests.PoolStartCost(trials, 4), "a pool of four's start");

        m = Sourcing.Find(Page, @"(?<r3>[\d.]+)× faster at 3e8 and (?<r9>[\d.]+)× at 1e9; by interpolation the two meet at about (?<meet>[\d.e]+) values\. A pool of 2\s+wins earlier, from about (?<meet2>[\d.e]+) \((?<q8>[\d.]+)× at 1e8, (?<q9>[\d.]+)× at 1e9\)");
        double Ratio(string faster, long n) => SweepTrial.SecondsOf(trials, "naive-list", n) / SweepTrial.SecondsOf(trials, faster, n);
        Quoted.Equal(m.Groups["r3"].Value, Ratio("naive-list/pool4", 300_000_000), "pool of four at 3e8");
        Quoted.Equal(m.Groups["r9"].Value, Ratio("naive-list/pool4", 1_000_000_000), "pool of four at 1e9");
        Quoted.Equal(m.Groups["meet"].Value, ReadmeFigureTests.Crossing(trials, "naive-list", "naive-list/pool4"), "where a pool of four meets one process");
        Quoted.Equal(m.Groups["meet2"].Value, ReadmeFigureTests.Crossing(trials, "naive-list", "naive-list/pool2"), "where a pool of two meets one process");
        Quoted.Equal(m.Groups["q8"].Value, Ratio("naive-list/pool2", 100_000_000), "pool of two at 1e8");
        Quoted.Equal(m.Groups["q9"].Value, Ratio("naive-list/pool2", 1_000_000_000), "pool of two at 1e9");
    }

    [Fact]
    public void OriginalApproachRatios_EqualTheDefaultSweep()
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + Default);
        Match m = Sourcing.Find(Page, @"`streaming` is (?<r7>\d+)× faster at 1e7 and (?<r9>\d+)× at 1e9");
        double Ratio(long n) => SweepTrial.SecondsOf(trials, "naive-list", n) / SweepTrial.SecondsOf(trials, "streaming", n);
        Quoted.Equal(m.Groups["r7"].Value, Ratio(10_000_000), "naive-list ÷ streaming at 1e7");
        Quoted.Equal(m.Groups["r9"].Value, Ratio(1_000_000_000), "naive-list ÷ streaming at 1e9");
        Sourcing.Quotes(Page, "`streaming` is 56× faster at 1e7", "cold process", Default);
        Assert.Contains("no results file keeps", Sourcing.BlockHolding(Page, "`streaming` is 56× faster at 1e7"), StringComparison.Ordinal);
        Match c = Sourcing.Find(Page, @"\(`naive-list`, (?<ms>[\d.]+ ms) for 1e7\)");
        Quoted.Duration(c.Groups["ms"].Value, SweepTrial.SecondsOf(trials, "naive-list", 10_000_000), "naive-list at 1e7");
    }

    [Fact]
    public void CapsTable_IsTheCapSweeps()
    {
        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "cap | one process: last count that fits");
        Assert.Equal(2, table.Rows.Count);
        foreach ((IReadOnlyList<string> row, string file) in table.Rows.Zip(new[] { PerProcessCaps, TotalCap }))
        {
            List<SweepTrial> trials = SweepTrial.Read("docs/" + file);
            long one = ReadmeFigureTests.LastThatFits(trials, "naive-list"), pool = ReadmeFigureTests.LastThatFits(trials, "naive-list/pool4");
            Quoted.Equal(row[1], one, $"{file}: one process's last count");
            Quoted.Equal(row[2], ReadmeFigureTests.FirstThatFails(trials, "naive-list"), $"{file}: one process's failing count");
            Quoted.Equal(row[3], pool, $"{file}: the pool's last count");
            Quoted.Equal(row[4], ReadmeFigureTests.FirstThatFails(trials, "naive-list/pool4"), $"{file}: the pool's failing count");
            Quoted.Equal(row[5].TrimEnd('×'), (double)pool / one, $"{file}: pool ÷ one");
        }

        Sourcing.Quotes(Page, "`naive-list/pool4` (cold process: `caps`", "cold process", PerProcessCaps, TotalCap);
    }

    /// <summary>Asserts that a page's table of times (rows: counts such as <c>1e3</c>; columns: the sweep's series) holds
    /// each trial's median time as the program writes it, and <c>—</c> exactly where the series has no finished trial.</summary>
    private static void AssertTimeTable(MarkdownTable table, string file)
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + file);
        int cells = 0;
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            long count = (long)Quoted.Parse(row[0]).Value;
            for (int c = 1; c < table.Header.Count; c++)
            {
                string series = table.Header[c];
                SweepTrial? trial = trials.SingleOrDefault(t => t.Series == series && t.Count == count && t.Ok);
                if (row[c] == "—")
                {
                    Assert.True(trial is null, $"{Page}: {series} at {row[0]} is '—', but {file} has it at {trial?.Seconds} s");
                }
                else
                {
                    Assert.True(trial is not null, $"{Page}: {series} at {row[0]} is '{row[c]}', but {file} has no finished trial of it");
                    Quoted.Duration(row[c], trial!.Seconds!.Value, $"{series} at {row[0]}");
                    cells++;
                }
            }
        }

        // Every finished trial of the table's series is in the table.
        Assert.Equal(trials.Count(t => t.Ok && table.Header.Skip(1).Contains(t.Series)), cells);
    }
}
