using System.Text.Json.Serialization;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// What a trial's child process prints, as one JSON line on its standard output, for the parent to merge into a
/// <see cref="TrialResult"/>. A memory error is reported here too; a crash is whatever ends the process without this line.
/// </summary>
internal sealed record TrialReport(
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("sum")] string? Sum,
    [property: JsonPropertyName("workers")] int Workers,
    [property: JsonPropertyName("seconds")] IReadOnlyList<double> Seconds,
    [property: JsonPropertyName("cpuSeconds")] IReadOnlyList<double> CpuSeconds,
    [property: JsonPropertyName("peakWorkingSetBytes")] long PeakWorkingSetBytes,
    [property: JsonPropertyName("peakManagedHeapBytes")] long PeakManagedHeapBytes);
