using System.Globalization;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// The tables a sweep ends with, in the shape of the original experiment's: count against time for each strategy, peak
/// memory likewise, and idle / single-worker / multi-worker peak CPU % and RAM % of the whole machine.
/// </summary>
internal static class SweepTables
{
    /// <summary>Seconds (median of the repetitions) by count and series; failures are named in their cell.</summary>
    public static ResultTable Seconds(IReadOnlyList<TrialResult> results) =>
        ByCount(results, $"Time (median of {(results.Count > 0 ? results[0].Repetitions : 1)}) by count", r => NumberText.Duration(r.Seconds));

    /// <summary>Peak working set of each trial's process by count and series.</summary>
    public static ResultTable PeakMemory(IReadOnlyList<TrialResult> results) =>
        ByCount(results, "Peak working set of the trial's processes by count (a pool's workers added to its own)", r => ByteSize.Format(r.PeakWorkingSetBytes ?? 0));

    /// <summary>What the machine usage table's columns mean, printed under it.</summary>
    public static readonly string MachineUsageNote = string.Create(
        CultureInfo.InvariantCulture,
        $"CPU use at N: the CPU time of the largest N's run over its time, as a share of all cores (a pool's workers included); 'not measured' when that run took under {TrialRunner.MinSecondsForCpuUtilisation * 1e3:0} ms, too short for the CPU clock. '-': does not apply (idle runs no trial) or no trial of the series finished.");

    /// <summary>The whole machine's peak CPU % and RAM %: idle before the sweep, then each series with its worker count.</summary>
    public static ResultTable MachineUsage(TrialResult? idle, IReadOnlyList<TrialResult> results)
    {
        var rows = new List<IReadOnlyList<string>>();
        if (idle is not null)
        {
            rows.Add(["idle", "-", Percent(idle.SystemCpuPeakPercent), Percent(idle.SystemRamPeakPercent), "-", "-", "-"]);
        }

        foreach (IGrouping<string, TrialResult> series in results.Where(r => r.Kind == TrialResult.TrialKind).GroupBy(r => r.Series))
        {
            TrialResult? largest = series.Where(r => r.Outcome == TrialOutcome.Ok).MaxBy(r => r.Count);
            int workers = largest?.Workers ?? series.Max(r => r.Workers);
            rows.Add([
                $"{series.Key} ({(series.First().Processes is not null ? "multi, processes" : workers <= 1 ? "single" : "multi")})",
                workers.ToString(CultureInfo.InvariantCulture),
                Percent(series.Max(r => r.SystemCpuPeakPercent)),
                Percent(series.Max(r => r.SystemRamPeakPercent)),
                largest is null ? "-" : CountList.Format(largest.Count),
                largest is null ? "-" : TrialLine.CpuUse(largest),
                largest?.PeakWorkingSetBytes is long b ? ByteSize.Format(b) : "-",
            ]);
        }

        return new ResultTable(
            "Peak CPU % and RAM % of the whole machine (every 100 ms); idle is 1 s before the first trial",
            ["run", "workers", "peak CPU %", "peak RAM %", "largest N", "CPU use at N", "peak memory at N"],
            rows,
            MachineUsageNote,
            FirstColumnIsName: true);
    }

    /// <summary>The counts at which series that finished disagree on the sum (never expected: every strategy is exact).</summary>
    public static IReadOnlyList<string> SumDisagreements(IReadOnlyList<TrialResult> results) =>
        [.. results
            .Where(r => r.Kind == TrialResult.TrialKind && r.Outcome == TrialOutcome.Ok)
            .GroupBy(r => (r.Count, r.Seed, r.Min, r.Max))
            .Where(g => g.Select(r => r.Sum).Distinct().Count() > 1)
            .Select(g => $"count {CountList.Format(g.Key.Count)}: " + string.Join(", ", g.Select(r => $"{r.Series}={r.Sum}")))];

    private static ResultTable ByCount(IReadOnlyList<TrialResult> results, string title, Func<TrialResult, string> cell)
    {
        TrialResult[] trials = [.. results.Where(r => r.Kind == TrialResult.TrialKind)];
        string[] series = [.. trials.Select(r => r.Series).Distinct()];
        var rows = new List<IReadOnlyList<string>>();
        foreach (long count in trials.Select(r => r.Count).Distinct().Order())
        {
            var row = new List<string> { CountList.Format(count) };
            foreach (string name in series)
            {
                TrialResult? trial = trials.LastOrDefault(r => r.Count == count && r.Series == name);
                row.Add(trial is null ? "" : trial.Outcome == TrialOutcome.Ok ? cell(trial) : trial.Outcome);
            }

            rows.Add(row);
        }

        return new ResultTable(title, ["count", .. series], rows);
    }

    private static string Percent(double? value) => value is double v ? v.ToString("F0", CultureInfo.InvariantCulture) : "-";
}
