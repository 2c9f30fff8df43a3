using System.Globalization;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// What a reader of results files accepts, so that a hostile or corrupt file costs bounded memory and time and can never
/// reach the charts with values they cannot draw: the length of a line, the number of trials and series one plot takes,
/// and the range of every field (docs/experiment-results.md lists them).
/// </summary>
internal static class ResultLimits
{
    /// <summary>The longest line read, in bytes: a real results line is under 2 KiB.</summary>
    public const int MaxLineBytes = 64 * 1024;

    /// <summary>The most trial lines one plot reads, over all its files: a default sweep writes about 50.</summary>
    public const int MaxTrials = 50_000;

    /// <summary>The most series one chart draws: beyond this a legend can no longer tell them apart.</summary>
    public const int MaxSeries = 64;

    /// <summary>The longest name accepted (strategy, host, outcome, sweep id).</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest machine description field (CPU model, operating system, runtime, command line).</summary>
    public const int MaxDescriptionLength = 1_000;

    /// <summary>The longest time accepted, in seconds (about 31 years).</summary>
    public const double MaxSeconds = 1e9;

    /// <summary>The highest rate accepted, in values per second.</summary>
    public const double MaxValuesPerSecond = 1e15;

    /// <summary>The largest size accepted, in bytes (1 EiB).</summary>
    public const long MaxBytes = 1L << 60;

    /// <summary>The most cores, partitions or processes accepted.</summary>
    public const int MaxWorkers = 65_536;

    /// <summary>The most repetitions accepted.</summary>
    public const int MaxRepetitions = 100;

    /// <summary>What is wrong with <paramref name="result"/>, as <c>field: value; accepted: …</c>, or <see langword="null"/> when it is within bounds.</summary>
    public static string? Problem(TrialResult result)
    {
        IEnumerable<string?> problems =
        [
            Name("sweep", result.Sweep, required: true),
            Name("host", result.Host, required: true),
            Name("kind", result.Kind, required: true),
            Name("strategy", result.Strategy, required: result.Kind == TrialResult.TrialKind),
            Name("outcome", result.Outcome, required: true),
            Whole("cores", result.Cores, 0, MaxWorkers),
            Whole("count", result.Count, result.Kind == TrialResult.TrialKind ? 1 : 0, long.MaxValue),
            Optional("partitions", result.Partitions, 1, MaxWorkers),
            Optional("processes", result.Processes, 1, MaxWorkers),
            Whole("repetitions", result.Repetitions, 0, MaxRepetitions),
            Whole("workers", result.Workers, 0, MaxWorkers),
            Optional("memoryLimitBytes", result.MemoryLimitBytes, 1, MaxBytes),
            Optional("totalMemoryLimitBytes", result.TotalMemoryLimitBytes, 1, MaxBytes),
            Optional("peakWorkingSetBytes", result.PeakWorkingSetBytes, 0, MaxBytes),
            Optional("peakManagedHeapBytes", result.PeakManagedHeapBytes, 0, MaxBytes),
            Optional("largestProcessPeakBytes", result.LargestProcessPeakBytes, 0, MaxBytes),
            Number("seconds", result.Seconds, MaxSeconds),
            Number("wallSeconds", result.WallSeconds, MaxSeconds),
            Number("workerSeconds", result.WorkerSeconds, MaxSeconds),
            Number("cpuSeconds", result.CpuSeconds, MaxSeconds),
            Number("cpuUtilisation", result.CpuUtilisation, MaxWorkers),
            Number("valuesPerSecond", result.ValuesPerSecond, MaxValuesPerSecond),
            Number("systemCpuPeakPercent", result.SystemCpuPeakPercent, 100.5),
            Number("systemRamPeakPercent", result.SystemRamPeakPercent, 100.5),
            result.AllSeconds.Count > MaxRepetitions ? $"allSeconds: {result.AllSeconds.Count} values; accepted: at most {MaxRepetitions}" : null,
            .. result.AllSeconds.Select(s => Number("allSeconds", s, MaxSeconds)),
            .. MachineProblems(result.Machine),
        ];
        return problems.FirstOrDefault(p => p is not null);
    }

    private static IEnumerable<string?> MachineProblems(MachineDescription? machine) => machine is null ? [] :
    [
        Description("machine.cpu", machine.Cpu),
        Description("machine.os", machine.OperatingSystem),
        Description("machine.runtime", machine.Runtime),
        Description("machine.command", machine.Command),
        Whole("machine.cores", machine.Cores, 0, MaxWorkers),
        Optional("machine.memoryBytes", machine.MemoryBytes, 0, MaxBytes),
    ];

    private static string? Name(string field, string? value, bool required) => value switch
    {
        null when required => $"{field}: missing; accepted: a name of 1 to {MaxNameLength} characters",
        null => null,
        { Length: 0 or > MaxNameLength } => $"{field}: a name of {value.Length} characters; accepted: 1 to {MaxNameLength}",
        _ => null,
    };

    private static string? Description(string field, string? value) =>
        value is { Length: > MaxDescriptionLength } ? $"{field}: {value.Length} characters; accepted: at most {MaxDescriptionLength}" : null;

    private static string? Whole(string field, long value, long min, long max) =>
        value < min || value > max ? string.Create(CultureInfo.InvariantCulture, $"{field}: {value}; accepted: a whole number from {min} to {max}") : null;

    private static string? Optional(string field, long? value, long min, long max) => value is long v ? Whole(field, v, min, max) : null;

    private static string? Number(string field, double? value, double max) =>
        value is double v && !(v >= 0 && v <= max)
            ? string.Create(CultureInfo.InvariantCulture, $"{field}: {v:G6}; accepted: a number from 0 to {max:G6}")
            : null;
}
