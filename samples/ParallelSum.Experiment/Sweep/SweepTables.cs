using System.Globalization;
using Spectre.Console;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// The tables a sweep ends with, in the shape of the original experiment's: count against time for each strategy, peak
/// memory likewise, and idle / single-worker / multi-worker peak CPU % and RAM % of the whole machine.
/// </summary>
internal static class SweepTables
{
    /// <summary>Seconds (median of the repetitions) by count and series; failures are named in their cell.</summary>
    public static Table Seconds(IReadOnlyList<TrialResult> results) =>
        ByCount(results, $"Time (median of {(results.Count > 0 ? results[0].Repetitions : 1)}) by count", r => Duration(r.Seconds));

    /// <summary>Seconds as the tables print them: µs, ms or s with three significant figures.</summary>
    public static string Duration(double? seconds) => seconds switch
    {
        null => "-",
        < 1e-3 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6:G3} µs"),
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3:G3} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s"),
    };

    /// <summary>Peak working set of each trial's process by count and series.</summary>
    public static Table PeakMemory(IReadOnlyList<TrialResult> results) =>
        ByCount(results, "Peak working set of the trial's processes by count (a pool's workers added to its own)", r => ByteSize.Format(r.PeakWorkingSetBytes ?? 0));

    /// <summary>The whole machine's peak CPU % and RAM %: idle before the sweep, then each series with its worker count.</summary>
    public static Table MachineUsage(TrialResult? idle, IReadOnlyList<TrialResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Peak CPU % and RAM % of the whole machine (every 100 ms); idle is 1 s before the first trial");
        table.AddColumn("run");
        table.AddColumn(new TableColumn("workers").RightAligned());
        table.AddColumn(new TableColumn("peak CPU %").RightAligned());
        table.AddColumn(new TableColumn("peak RAM %").RightAligned());
        table.AddColumn(new TableColumn("largest N").RightAligned());
        table.AddColumn(new TableColumn("CPU use at N").RightAligned());
        table.AddColumn(new TableColumn("peak memory at N").RightAligned());
        if (idle is not null)
        {
            table.AddRow("idle", "-", Percent(idle.SystemCpuPeakPercent), Percent(idle.SystemRamPeakPercent), "-", "-", "-");
        }

        foreach (IGrouping<string, TrialResult> series in results.Where(r => r.Kind == TrialResult.TrialKind).GroupBy(r => r.Series))
        {
            TrialResult? largest = series.Where(r => r.Outcome == TrialOutcome.Ok).MaxBy(r => r.Count);
            int workers = largest?.Workers ?? series.Max(r => r.Workers);
            table.AddRow(
                Markup.Escape($"{series.Key} ({(series.First().Processes is not null ? "multi, processes" : workers <= 1 ? "single" : "multi")})"),
                workers.ToString(CultureInfo.InvariantCulture),
                Percent(series.Max(r => r.SystemCpuPeakPercent)),
                Percent(series.Max(r => r.SystemRamPeakPercent)),
                largest is null ? "-" : CountList.Format(largest.Count),
                largest?.CpuUtilisation is double u ? u.ToString("P0", CultureInfo.InvariantCulture) : "-",
                largest?.PeakWorkingSetBytes is long b ? ByteSize.Format(b) : "-");
        }

        return table;
    }

    /// <summary>The counts at which series that finished disagree on the sum (never expected: every strategy is exact).</summary>
    public static IReadOnlyList<string> SumDisagreements(IReadOnlyList<TrialResult> results) =>
        [.. results
            .Where(r => r.Kind == TrialResult.TrialKind && r.Outcome == TrialOutcome.Ok)
            .GroupBy(r => (r.Count, r.Seed, r.Min, r.Max))
            .Where(g => g.Select(r => r.Sum).Distinct().Count() > 1)
            .Select(g => $"count {CountList.Format(g.Key.Count)}: " + string.Join(", ", g.Select(r => $"{r.Series}={r.Sum}")))];

    private static Table ByCount(IReadOnlyList<TrialResult> results, string title, Func<TrialResult, string> cell)
    {
        TrialResult[] trials = [.. results.Where(r => r.Kind == TrialResult.TrialKind)];
        string[] series = [.. trials.Select(r => r.Series).Distinct()];
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        table.AddColumn(new TableColumn("count").RightAligned());
        foreach (string name in series)
        {
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }

        foreach (long count in trials.Select(r => r.Count).Distinct().Order())
        {
            var row = new List<string> { CountList.Format(count) };
            foreach (string name in series)
            {
                TrialResult? trial = trials.LastOrDefault(r => r.Count == count && r.Series == name);
                row.Add(trial is null ? "" : trial.Outcome == TrialOutcome.Ok ? cell(trial) : trial.Outcome);
            }

            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        return table;
    }

    private static string Percent(double? value) => value is double v ? v.ToString("F0", CultureInfo.InvariantCulture) : "-";
}
