using System.Text.Json.Serialization;
using ParallelSum.Experiment.Strategies;

namespace ParallelSum.Experiment;

/// <summary>
/// One strategy's run as the sample reports it; also the JSON a child process prints for its parent. A failed run has its
/// reason in <see cref="Error"/>, no sum and zero measurements.
/// </summary>
internal sealed record StrategyRun(
    [property: JsonPropertyName("strategy")] string Strategy,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("seed")] ulong Seed,
    [property: JsonPropertyName("min")] int Min,
    [property: JsonPropertyName("max")] int Max,
    [property: JsonPropertyName("sum")] string? Sum,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("valuesPerSecond")] double ValuesPerSecond,
    [property: JsonPropertyName("workers")] int Workers,
    [property: JsonPropertyName("ranges")] long Ranges,
    [property: JsonPropertyName("partitioner")] string? Partitioner,
    [property: JsonPropertyName("peakWorkingSetBytes")] long PeakWorkingSetBytes,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null)
{
    /// <summary>A strategy that failed on <paramref name="request"/> for <paramref name="reason"/>.</summary>
    public static StrategyRun Failed(string strategy, GenerateAndSumRequest request, string reason) =>
        new(strategy, request.Count, request.Seed, request.Min, request.Max, null, 0, 0, 0, 0, null, 0, reason);

    /// <summary>A call the experiment measured, on <paramref name="request"/>, with the peak memory of its processes.</summary>
    public static StrategyRun From(MeasuredCall call, GenerateAndSumRequest request, long peakWorkingSetBytes) => new(
        call.Name,
        request.Count,
        request.Seed,
        request.Min,
        request.Max,
        call.Sum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        call.Elapsed.TotalSeconds,
        call.Elapsed > TimeSpan.Zero ? request.Count / call.Elapsed.TotalSeconds : 0,
        call.Workers,
        call.Ranges,
        call.Partitioner,
        peakWorkingSetBytes);

    /// <summary>A result of a strategy that is not one of the experiment's choices (the distributed one).</summary>
    public static StrategyRun From(GenerateAndSumResult result, long peakWorkingSetBytes) => new(
        result.Strategy,
        result.Request.Count,
        result.Request.Seed,
        result.Request.Min,
        result.Request.Max,
        result.Sum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        result.Elapsed.TotalSeconds,
        result.ValuesPerSecond,
        result.WorkerCount,
        result.RangeCount,
        result.Partitioner,
        peakWorkingSetBytes);
}
