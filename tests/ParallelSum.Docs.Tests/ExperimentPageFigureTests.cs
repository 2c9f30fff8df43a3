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
    private const string Partitions = "experiment/partitions/sweep-20261126T040532Z.jsonl";
    private const string ComparisonFile = "docs/benchmarks/comparison.md";
    private static readonly string[] NotIdleColumns = ["workers", "largest N", "process CPU use at N", "peak memory at N"];

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
        Match c = Sourcing.Find(Page, @"; `naive-list`, (?<ms>[\d.]+ ms) for 1e7\)");
        Quoted.Duration(c.Groups["ms"].Value, SweepTrial.SecondsOf(trials, "naive-list", 10_000_000), "naive-list at 1e7");
    }

    [Fact]
    public void PythonScriptFigures_AreTheOriginalExperiments_AndOursAreTheComparison()
    {
        // 20.5 s and 10.3 s are what the original experiment reported on its own machine: every passage quoting them says so
        // in the same sentence and points at our own measurement of the script.
        int quoted = 0;
        foreach (string page in RepositoryFiles.Pages)
        {
            string flat = Sourcing.Flat(RepositoryFiles.Read(page));
            foreach (string figure in new[] { "20.5 s", "10.3 s" })
            {
                if (!flat.Contains(figure, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match at in Regex.Matches(flat, Regex.Escape(figure)))
                {
                    string block = Sourcing.BlockHolding(page, flat.Substring(Math.Max(0, at.Index - 40), Math.Min(figure.Length + 40, at.Index + figure.Length)));
                    // "reported" comes before the figure in the same sentence (no '.' or ';' between, decimal points aside).
                    int reported = flat.LastIndexOf("reported", at.Index, StringComparison.Ordinal);
                    Assert.True(
                        reported >= 0 && Regex.IsMatch(flat[reported..at.Index], @"^reported(?:[^.;]|\.\d)*$")
                            && Regex.IsMatch(block, @"(the original experiment reported|it reported) (?:[^.;]|\.\d)*" + Regex.Escape(figure)),
                        $"{page}: the sentence quoting {figure} does not say the original experiment reported it:\n{block}");
                    Assert.Contains("not a measurement of ours", block, StringComparison.Ordinal);
                    Assert.Matches(@"\]\((\.\./)*(docs/)?benchmarks/comparison\.md\)", block);
                    quoted++;
                }
            }
        }

        Assert.True(quoted >= 4, $"the original experiment's 20.5 s and 10.3 s are quoted {quoted} times; the README and this page quote them");

        MarkdownTable comparison = MarkdownTable.Find(MarkdownTable.ReadFile(ComparisonFile), "method | 1e+06");
        double Rate(string method) => Quoted.Parse(comparison.Cell(method, "1e+07").Split(' ')[0]).Value;
        Match m = Sourcing.Find(Page, @"Our measurement of the same Python script is the warm benchmark in\s+\[benchmarks/comparison\.md\]\(benchmarks/comparison\.md\): (?<list>[\d.e]+) values/s in one process and (?<pool>[\d.e]+) with a pool of 4 at 1e7");
        Quoted.Equal(m.Groups["list"].Value, Rate("Python list + randint"), "the Python script in one process at 1e7");
        Quoted.Equal(m.Groups["pool"].Value, Rate("Python Pool(4)"), "the Python script with a pool of 4 at 1e7");
        Sourcing.Quotes(Page, "Our measurement of the same Python script", "warm benchmark", "benchmarks/comparison.md");

        m = Sourcing.Find(Page, @"The\s+original approach in C# is (?<ratio>\d+)× faster than the same Python script on the same machine at 1e7");
        Quoted.Equal(m.Groups["ratio"].Value, Rate("ParallelSum naive-list") / Rate("Python list + randint"), "naive-list ÷ the Python script at 1e7");
        Sourcing.Quotes(Page, "faster than the same Python script on the same machine", "warm benchmark", "benchmarks/comparison.md");
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

    [Fact]
    public void MachineUsageTable_IsTheDefaultSweep()
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + Default);
        MarkdownTable table = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "run | workers | peak CPU % | peak RAM %");
        (double idleCpu, double idleRam) = SweepTrial.Idle("docs/" + Default);
        IReadOnlyList<string> idle = table.Row("idle");
        Quoted.Equal(idle[table.Column("peak CPU %")], idleCpu, "idle: peak CPU %");
        Quoted.Equal(idle[table.Column("peak RAM %")], idleRam, "idle: peak RAM %");
        Assert.All(NotIdleColumns, c => Assert.Equal("-", idle[table.Column(c)]));

        List<string> series = [.. trials.Select(t => t.Series).Distinct()];
        Assert.Equal(series, table.Rows.Skip(1).Select(r => r[0].Split(" (")[0]));
        foreach (IReadOnlyList<string> row in table.Rows.Skip(1))
        {
            string name = row[0].Split(" (")[0];
            List<SweepTrial> of = [.. trials.Where(t => t.Series == name)];
            SweepTrial largest = of.Where(t => t.Ok).MaxBy(t => t.Count)!;
            string kind = of[0].Processes is not null ? "multi, processes" : largest.Workers <= 1 ? "single" : "multi";
            Assert.Equal($"{name} ({kind})", row[0]);
            Assert.Equal(largest.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture), row[table.Column("workers")]);
            Quoted.Equal(row[table.Column("peak CPU %")], of.Max(t => t.SystemCpuPeakPercent!.Value), $"{name}: peak CPU %");
            Quoted.Equal(row[table.Column("peak RAM %")], of.Max(t => t.SystemRamPeakPercent!.Value), $"{name}: peak RAM %");
            Quoted.Equal(row[table.Column("largest N")], largest.Count, $"{name}: largest count that finished");
            Quoted.Equal(Percent(row[table.Column("process CPU use at N")]), 100 * largest.CpuUtilisation!.Value, $"{name}: CPU use at its largest count");
            AssertSize(row[table.Column("peak memory at N")], largest.PeakWorkingSetBytes!.Value, $"{name}: peak memory at its largest count");
        }

        Sourcing.Quotes(Page, "Whole machine, `default` sweep (cold process", "cold process", Default);

        Match m = Sourcing.Find(Page, @"its\s+average over the run, (?<single>\d+) %, is one core of two\. The pool of 2 keeps both cores busy \((?<pool>\d+) %\) and holds about as much as\s+the one process \((?<poolMemory>[\d.]+) against (?<singleMemory>[\d.]+) GiB, its workers' peaks added up");
        SweepTrial one = SweepTrial.Single(trials, "naive-list", 1_000_000_000), pool = SweepTrial.Single(trials, "naive-list/pool2", 1_000_000_000);
        Quoted.Equal(m.Groups["single"].Value, 100 * one.CpuUtilisation!.Value, "naive-list's CPU use at 1e9");
        Quoted.Equal(m.Groups["pool"].Value, 100 * pool.CpuUtilisation!.Value, "naive-list/pool2's CPU use at 1e9");
        AssertSize(m.Groups["poolMemory"].Value + " GiB", pool.PeakWorkingSetBytes!.Value, "naive-list/pool2's peak at 1e9");
        AssertSize(m.Groups["singleMemory"].Value + " GiB", one.PeakWorkingSetBytes!.Value, "naive-list's peak at 1e9");
        Assert.True(trials.Where(t => t.Series == "naive-list").Max(t => t.SystemCpuPeakPercent!.Value) > 50, "the page says the single worker's peak is above 50 %");
        Sourcing.Quotes(Page, "its workers' peaks added up; cold process", "cold process", Default);
    }

    [Fact]
    public void CpuAgainstTime_EqualsThePartitionsSweep()
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + Partitions);
        SweepTrial s1 = SweepTrial.Single(trials, "streaming/p1", 1_000_000_000), s2 = SweepTrial.Single(trials, "streaming/p2", 1_000_000_000);
        SweepTrial p1 = SweepTrial.Single(trials, "parallel-for/p1", 1_000_000_000), p2 = SweepTrial.Single(trials, "parallel-for/p2", 1_000_000_000);
        Match m = Sourcing.Find(Page, @"`streaming` on 1\s+worker used (?<cpu1>[\d.]+ s) of CPU in (?<t1>[\d.]+ s); on 2 workers (?<cpu2>[\d.]+ s) of CPU in (?<t2>[\d.]+ s): the same work, (?<gain>[\d.]+)× sooner, the machine fully\s+busy \(process CPU use (?<u1>\d+) % → (?<u2>\d+) %; whole-machine peak (?<peak>\d+) %\)\. `parallel-for` paid (?<more>\d+) % more CPU \((?<pcpu1>[\d.]+) → (?<pcpu2>[\d.]+) s\) for its (?<pgain>[\d.]+)×");
        Quoted.Duration(m.Groups["cpu1"].Value, s1.CpuSeconds!.Value, "streaming on 1 worker: CPU");
        Quoted.Duration(m.Groups["t1"].Value, s1.Seconds!.Value, "streaming on 1 worker: time");
        Quoted.Duration(m.Groups["cpu2"].Value, s2.CpuSeconds!.Value, "streaming on 2 workers: CPU");
        Quoted.Duration(m.Groups["t2"].Value, s2.Seconds!.Value, "streaming on 2 workers: time");
        Quoted.Equal(m.Groups["gain"].Value, s1.Seconds!.Value / s2.Seconds!.Value, "streaming: 2 workers against 1");
        Quoted.Equal(m.Groups["u1"].Value, 100 * s1.CpuUtilisation!.Value, "streaming on 1 worker: CPU use");
        Quoted.Equal(m.Groups["u2"].Value, 100 * s2.CpuUtilisation!.Value, "streaming on 2 workers: CPU use");
        Quoted.Equal(m.Groups["peak"].Value, s2.SystemCpuPeakPercent!.Value, "streaming on 2 workers: whole-machine peak");
        Quoted.Equal(m.Groups["more"].Value, 100 * (p2.CpuSeconds!.Value / p1.CpuSeconds!.Value - 1), "parallel-for: extra CPU on 2 workers");
        Quoted.Equal(m.Groups["pcpu1"].Value, p1.CpuSeconds!.Value, "parallel-for on 1 worker: CPU");
        Quoted.Equal(m.Groups["pcpu2"].Value, p2.CpuSeconds!.Value, "parallel-for on 2 workers: CPU");
        Quoted.Equal(m.Groups["pgain"].Value, p1.Seconds!.Value / p2.Seconds!.Value, "parallel-for: 2 workers against 1");
        Sourcing.Quotes(Page, "worker used 0.43 s of CPU", "cold process", Partitions);

        m = Sourcing.Find(Page, @"`parallel-for` on 1 and on 2 workers both peak at\s+(?<peak>[\d.]+ GiB) for 1e9 \(`partitions`");
        AssertSize(m.Groups["peak"].Value, p1.PeakWorkingSetBytes!.Value, "parallel-for on 1 worker: peak at 1e9");
        AssertSize(m.Groups["peak"].Value, p2.PeakWorkingSetBytes!.Value, "parallel-for on 2 workers: peak at 1e9");
        Sourcing.Quotes(Page, "both peak at", "cold process", Partitions, Pool);
    }

    [Fact]
    public void WorkerStartCost_IsThePoolSweeps()
    {
        List<SweepTrial> trials = SweepTrial.Read("docs/" + Pool);
        // A pool's CPU time adds its workers' whole CPU time, start-up included; below 1e7 the work itself is negligible.
        List<SweepTrial> idlePools = [.. trials.Where(t => t.Strategy == "naive-list" && t.Processes is not null && t.Count < 10_000_000 && t.Ok)];
        Assert.True(idlePools.Count >= 9, $"{Pool}: {idlePools.Count} pools of naive-list below 1e7");
        double cpuPerWorker = Median(idlePools.Select(t => t.CpuSeconds!.Value / t.Processes!.Value));
        double largestProcess = Median(idlePools.Select(t => t.LargestProcessPeakBytes!.Value));

        Match m = Sourcing.Find(Page, @"each worker cost\s+(?<cpu>[\d.]+ s) of CPU and (?<memory>[\d.]+ MiB) of memory before any work");
        Quoted.Duration(m.Groups["cpu"].Value, cpuPerWorker, "a pool worker's CPU before any work");
        AssertSize(m.Groups["memory"].Value, (long)largestProcess, "a pool worker's memory before any work");
        Sourcing.Quotes(Page, "of memory before any work", "cold process", Pool);

        m = Sourcing.Find(Page, @"A pool pays about (?<cpu>[\d.]+ s) of CPU per worker before any\s+work \(`pool`");
        Quoted.Duration(m.Groups["cpu"].Value, cpuPerWorker, "a pool worker's CPU before any work, CPU against time");
        Sourcing.Quotes(Page, "of CPU per worker before any", "cold process", Pool);

        m = Sourcing.Find(Page, @"a pool holds the same values plus a runtime \(about (?<memory>[\d.]+ MiB)\) per worker");
        AssertSize(m.Groups["memory"].Value, (long)largestProcess, "a pool worker's runtime");

        // The start-up times no file keeps say so, and name the command that measures them.
        string block = Sourcing.BlockHolding(Page, "187 ms in all");
        Assert.Contains("no results file of these three was kept", block, StringComparison.Ordinal);
        Assert.Contains("benchmarks/tools/cold-start.py", block, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, "benchmarks/tools/cold-start.py")));
    }

    [Fact]
    public void ExampleOutputs_SayWhatTheyAre_AndNoFindingQuotesThem()
    {
        string page = RepositoryFiles.Read(Page).Replace("\r\n", "\n", StringComparison.Ordinal);
        MarkdownCodeBlock run = MarkdownCodeBlock.Read(Page).Single(b => b.Code.Contains("strategy                            sum", StringComparison.Ordinal));
        MarkdownTable memory = MarkdownTable.Find(MarkdownTable.ReadAll(page), "configuration | step | process RSS | managed heap");
        foreach (string caption in new[] { "to show what `run` prints", "(a fresh child process for each configuration)" })
        {
            string block = Sourcing.BlockHolding(Page, caption);
            Assert.Contains("An example output of one run", block, StringComparison.Ordinal);
            Assert.Contains("cold process", block, StringComparison.Ordinal);
            Assert.Contains("no results file keeps it", block, StringComparison.Ordinal);
        }

        // The figures of both examples: times, rates (1.26e8; a count such as 1e8 is the request, not a figure) and sizes.
        var figures = new HashSet<string>(StringComparer.Ordinal);
        foreach (string text in memory.Rows.SelectMany(r => r).Append(run.Code))
        {
            foreach (Match f in Regex.Matches(text, @"(?<![\d.])(?:\d+(?:\.\d+)? (?:ms|s|MiB|GiB)|\d+\.\d+e\d+)\b"))
            {
                figures.Add(f.Value);
            }
        }

        Assert.True(figures.Count >= 20, $"only {figures.Count} figures found in the example outputs");
        foreach (string file in new[] { Page, "README.md" })
        {
            string prose = Prose(RepositoryFiles.Read(file));
            foreach (string figure in figures)
            {
                Assert.False(
                    Regex.IsMatch(prose, @"(?<![\d.])" + Regex.Escape(figure) + @"(?![\d])"),
                    $"{file} quotes {figure}, a figure of an example output no results file keeps, in its prose");
            }
        }
    }

    /// <summary>A page's text outside code blocks, tables and inline code: what it states as findings.</summary>
    private static string Prose(string markdown)
    {
        var lines = new List<string>();
        bool code = false;
        foreach (string line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                code = !code;
                continue;
            }

            if (!code && !line.TrimStart().StartsWith('|'))
            {
                lines.Add(Regex.Replace(line, "`[^`]*`", ""));
            }
        }

        return string.Join(" ", lines);
    }

    private static string Percent(string cell)
    {
        Assert.EndsWith(" %", cell, StringComparison.Ordinal);
        return cell[..^2];
    }

    /// <summary>Asserts that a size as the program writes it (<c>36.9 MiB</c>, <c>7.73 GiB</c>, binary units) is <paramref name="bytes"/>.</summary>
    internal static void AssertSize(string quoted, double bytes, string what)
    {
        Match m = Regex.Match(quoted.Trim(), @"^(?<number>[\d.]+) (?<unit>MiB|GiB)$");
        Assert.True(m.Success, $"{what}: '{quoted}' is not a size such as '36.9 MiB' or '7.73 GiB'");
        Quoted.Equal(m.Groups["number"].Value, bytes / (m.Groups["unit"].Value == "GiB" ? 1L << 30 : 1L << 20), what);
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
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
