using System.Text.Json.Serialization;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// One line of a sweep's results file (JSON Lines, documented in <c>docs/experiment-results.md</c>): a trial, or the
/// machine's idle baseline (<see cref="Kind"/> <c>idle</c>).
/// </summary>
internal sealed record TrialResult
{
    /// <summary>The format's name and version; readers skip lines of any other.</summary>
    public const string CurrentSchema = "parallelsum.sweep/1";

    /// <summary>The value of <see cref="Kind"/> for a trial.</summary>
    public const string TrialKind = "trial";

    /// <summary>The value of <see cref="Kind"/> for the idle baseline measured before the first trial.</summary>
    public const string IdleKind = "idle";

    [JsonPropertyName("schema")] public string Schema { get; init; } = CurrentSchema;
    [JsonPropertyName("kind")] public string Kind { get; init; } = TrialKind;
    [JsonPropertyName("sweep")] public required string Sweep { get; init; }
    [JsonPropertyName("host")] public required string Host { get; init; }
    [JsonPropertyName("cores")] public int Cores { get; init; }
    [JsonPropertyName("memoryLimitBytes")] public long? MemoryLimitBytes { get; init; }
    [JsonPropertyName("totalMemoryLimitBytes")] public long? TotalMemoryLimitBytes { get; init; }
    [JsonPropertyName("strategy")] public string? Strategy { get; init; }
    [JsonPropertyName("count")] public long Count { get; init; }
    [JsonPropertyName("partitions")] public int? Partitions { get; init; }
    [JsonPropertyName("processes")] public int? Processes { get; init; }
    [JsonPropertyName("seed")] public ulong Seed { get; init; }
    [JsonPropertyName("min")] public int Min { get; init; }
    [JsonPropertyName("max")] public int Max { get; init; }
    [JsonPropertyName("repetitions")] public int Repetitions { get; init; }
    [JsonPropertyName("outcome")] public string Outcome { get; init; } = TrialOutcome.Ok;
    [JsonPropertyName("reason")] public string? Reason { get; init; }
    [JsonPropertyName("sum")] public string? Sum { get; init; }
    [JsonPropertyName("workers")] public int Workers { get; init; }
    [JsonPropertyName("seconds")] public double? Seconds { get; init; }
    [JsonPropertyName("allSeconds")] public IReadOnlyList<double> AllSeconds { get; init; } = [];
    [JsonPropertyName("valuesPerSecond")] public double? ValuesPerSecond { get; init; }
    [JsonPropertyName("cpuSeconds")] public double? CpuSeconds { get; init; }
    [JsonPropertyName("cpuUtilisation")] public double? CpuUtilisation { get; init; }
    [JsonPropertyName("peakWorkingSetBytes")] public long? PeakWorkingSetBytes { get; init; }
    [JsonPropertyName("peakManagedHeapBytes")] public long? PeakManagedHeapBytes { get; init; }
    [JsonPropertyName("largestProcessPeakBytes")] public long? LargestProcessPeakBytes { get; init; }
    [JsonPropertyName("workerSeconds")] public double? WorkerSeconds { get; init; }
    [JsonPropertyName("systemCpuPeakPercent")] public double? SystemCpuPeakPercent { get; init; }
    [JsonPropertyName("systemRamPeakPercent")] public double? SystemRamPeakPercent { get; init; }
    [JsonPropertyName("wallSeconds")] public double WallSeconds { get; init; }
    [JsonPropertyName("finishedAt")] public DateTimeOffset FinishedAt { get; init; }

    /// <summary>The machine, runtime and command of the sweep; on its <c>idle</c> line only.</summary>
    [JsonPropertyName("machine")] public MachineDescription? Machine { get; init; }

    /// <summary>A line of sweep <paramref name="sweep"/> on this machine under <paramref name="settings"/>, to be completed with <c>with</c>.</summary>
    public static TrialResult Of(string sweep, SweepSettings settings) => new()
    {
        Sweep = sweep,
        Host = Environment.MachineName,
        Cores = Environment.ProcessorCount,
        MemoryLimitBytes = settings.MemoryLimitBytes,
        TotalMemoryLimitBytes = settings.TotalMemoryLimitBytes,
        Seed = settings.Seed,
        Min = settings.Min,
        Max = settings.Max,
        Repetitions = settings.Repetitions,
        FinishedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>The strategy with its partitioning, as tables and charts name a series.</summary>
    [JsonIgnore]
    public string Series => new TrialSpec(Strategy ?? Kind, Count, Partitions, Processes).Series;
}
