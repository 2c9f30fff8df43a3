using System.Globalization;

namespace ParallelSum.Experiment.Sweep;

/// <summary>The one-line summary of a finished trial that the plain (redirected) display prints.</summary>
internal static class TrialLine
{
    public static string Format(TrialResult result) => result.Outcome switch
    {
        TrialOutcome.Ok => string.Create(CultureInfo.InvariantCulture,
            $"{result.Series} {CountList.Format(result.Count)}: {SweepTables.Duration(result.Seconds)}, {result.ValuesPerSecond:0.00e0} values/s, sum {result.Sum}, CPU use {(result.CpuUtilisation is double u ? u.ToString("P0", CultureInfo.InvariantCulture) : "-")}, peak {ByteSize.Format(result.PeakWorkingSetBytes ?? 0)}"),
        _ => $"{result.Series} {CountList.Format(result.Count)}: {result.Outcome} ({result.Reason})",
    };
}
