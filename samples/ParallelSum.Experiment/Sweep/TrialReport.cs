using System.Text.Json.Serialization;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// What a trial's child process (or a pool's worker) prints, as one JSON line on its standard output, for the parent to
/// merge into a <see cref="TrialResult"/>. A memory error is reported here too; a crash is whatever ends the process
/// without this line.
/// </summary>
/// <param name="Outcome">A <see cref="TrialOutcome"/> value.</param>
/// <param name="Reason">Why, for any outcome but ok.</param>
/// <param name="Sum">The exact sum, for ok.</param>
/// <param name="Workers">Threads, or a pool's worker processes.</param>
/// <param name="Seconds">Each repetition's time.</param>
/// <param name="CpuSeconds">Each repetition's CPU time, a pool's workers' processes included.</param>
/// <param name="PeakWorkingSetBytes">This process's peak resident set, plus its pool's workers' peaks.</param>
/// <param name="PeakManagedHeapBytes">This process's largest managed heap seen.</param>
/// <param name="ProcessCpuSeconds">This process's whole CPU time when it reported, start-up included.</param>
/// <param name="LargestProcessPeakBytes">The largest peak resident set of one process: this one or a worker.</param>
/// <param name="WorkerSeconds">For a pool: each repetition's slowest worker's own time in its strategy.</param>
internal sealed record TrialReport(
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("sum")] string? Sum,
    [property: JsonPropertyName("workers")] int Workers,
    [property: JsonPropertyName("seconds")] IReadOnlyList<double> Seconds,
    [property: JsonPropertyName("cpuSeconds")] IReadOnlyList<double> CpuSeconds,
    [property: JsonPropertyName("peakWorkingSetBytes")] long PeakWorkingSetBytes,
    [property: JsonPropertyName("peakManagedHeapBytes")] long PeakManagedHeapBytes,
    [property: JsonPropertyName("processCpuSeconds")] double? ProcessCpuSeconds = null,
    [property: JsonPropertyName("largestProcessPeakBytes")] long? LargestProcessPeakBytes = null,
    [property: JsonPropertyName("workerSeconds")] IReadOnlyList<double>? WorkerSeconds = null);
