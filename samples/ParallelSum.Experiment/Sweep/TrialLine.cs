using System.Globalization;

namespace ParallelSum.Experiment.Sweep;

/// <summary>The one-line summary of a finished trial that the sweep prints as each trial ends.</summary>
internal static class TrialLine
{
    /// <summary>What the CPU use of a trial shorter than <see cref="TrialRunner.MinSecondsForCpuUtilisation"/> says instead of a
    /// percentage: the process's CPU clock cannot time so short a run.</summary>
    public static readonly string CpuNotMeasured = string.Create(CultureInfo.InvariantCulture, $"not measured (under {TrialRunner.MinSecondsForCpuUtilisation * 1e3:0} ms)");

    public static string Format(TrialResult result) => result.Outcome switch
    {
        TrialOutcome.Ok =>
            $"{result.Series} {CountList.Format(result.Count)}: {NumberText.Duration(result.Seconds)}, {Rate(result.ValuesPerSecond)} values/s, sum {result.Sum}, CPU use {CpuUse(result)}, peak {ByteSize.Format(result.PeakWorkingSetBytes ?? 0)}",
        _ => $"{result.Series} {CountList.Format(result.Count)}: {result.Outcome} ({result.Reason})",
    };

    /// <summary>The trial's CPU use as a share of all the machine's cores (<c>98 %</c>), or why it was not measured.</summary>
    public static string CpuUse(TrialResult result) =>
        result.CpuUtilisation is double u ? u.ToString("P0", CultureInfo.InvariantCulture) : CpuNotMeasured;

    private static string Rate(double? valuesPerSecond) => valuesPerSecond is double v ? NumberText.Scientific(v) : "-";
}
