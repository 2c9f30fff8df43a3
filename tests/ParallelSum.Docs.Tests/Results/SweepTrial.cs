using System.Text.Json;

namespace ParallelSum.Docs.Tests.Results;

/// <summary>
/// One trial of an experiment sweep's results file (<c>docs/experiment/*/sweep-*.jsonl</c>, format in
/// docs/experiment-results.md): a cold-process figure, each trial in a process of its own.
/// </summary>
internal sealed record SweepTrial(
    string Strategy,
    long Count,
    int? Partitions,
    int? Processes,
    string Outcome,
    double? Seconds,
    double? WorkerSeconds,
    double? PeakWorkingSetBytes,
    long? MemoryLimitBytes,
    long? TotalMemoryLimitBytes,
    int Workers,
    double? CpuSeconds,
    double? CpuUtilisation,
    double? SystemCpuPeakPercent,
    double? SystemRamPeakPercent,
    double? LargestProcessPeakBytes,
    string? Sum)
{
    /// <summary>The series name the sweep's tables use: <c>naive-list</c>, <c>naive-list/pool4</c>, <c>streaming/p2</c>.</summary>
    public string Series => Processes is int k ? $"{Strategy}/pool{k}" : Partitions is int p ? $"{Strategy}/p{p}" : Strategy;

    /// <summary>Gets whether the trial finished with a sum.</summary>
    public bool Ok => Outcome == "ok";

    /// <summary>Reads every trial of a results file given relative to the repository's root.</summary>
    public static List<SweepTrial> Read(string relativePath)
    {
        var trials = new List<SweepTrial>();
        foreach (string line in File.ReadLines(Path.Combine(RepositoryFiles.Root, relativePath)))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement r = document.RootElement;
            if (r.GetProperty("kind").GetString() != "trial")
            {
                continue;
            }

            trials.Add(new SweepTrial(
                r.GetProperty("strategy").GetString()!,
                r.GetProperty("count").GetInt64(),
                Int(r, "partitions"),
                Int(r, "processes"),
                r.GetProperty("outcome").GetString()!,
                Number(r, "seconds"),
                Number(r, "workerSeconds"),
                Number(r, "peakWorkingSetBytes"),
                Long(r, "memoryLimitBytes"),
                Long(r, "totalMemoryLimitBytes"),
                r.GetProperty("workers").GetInt32(),
                Number(r, "cpuSeconds"),
                Number(r, "cpuUtilisation"),
                Number(r, "systemCpuPeakPercent"),
                Number(r, "systemRamPeakPercent"),
                Number(r, "largestProcessPeakBytes"),
                Value(r, "sum")?.GetString()));
        }

        Assert.True(trials.Count > 0, $"{relativePath} holds no trial");
        return trials;
    }

    /// <summary>The whole machine's peak CPU % and RAM % in the second before the sweep's first trial (its <c>idle</c> record).</summary>
    public static (double CpuPercent, double RamPercent) Idle(string relativePath)
    {
        List<(double, double)> idle = [];
        foreach (string line in File.ReadLines(Path.Combine(RepositoryFiles.Root, relativePath)).Where(l => l.Length > 0))
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement r = document.RootElement;
            if (r.GetProperty("kind").GetString() == "idle")
            {
                idle.Add((r.GetProperty("systemCpuPeakPercent").GetDouble(), r.GetProperty("systemRamPeakPercent").GetDouble()));
            }
        }

        Assert.True(idle.Count == 1, $"{relativePath} holds {idle.Count} idle records; expected one");
        return idle[0];
    }

    /// <summary>The one trial of <paramref name="series"/> at <paramref name="count"/> in <paramref name="trials"/>.</summary>
    public static SweepTrial Single(IEnumerable<SweepTrial> trials, string series, long count, Func<SweepTrial, bool>? where = null)
    {
        List<SweepTrial> found = [.. trials.Where(t => t.Series == series && t.Count == count && (where?.Invoke(t) ?? true))];
        Assert.True(found.Count == 1, $"{found.Count} trials of {series} at {count}; expected one");
        return found[0];
    }

    /// <summary>The seconds of the one ok trial of <paramref name="series"/> at <paramref name="count"/>.</summary>
    public static double SecondsOf(IEnumerable<SweepTrial> trials, string series, long count)
    {
        SweepTrial trial = Single(trials, series, count);
        Assert.True(trial.Ok && trial.Seconds is not null, $"{series} at {count} did not finish ({trial.Outcome})");
        return trial.Seconds!.Value;
    }

    private static JsonElement? Value(JsonElement r, string name) =>
        r.TryGetProperty(name, out JsonElement v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private static int? Int(JsonElement r, string name) => Value(r, name)?.GetInt32();

    private static long? Long(JsonElement r, string name) => Value(r, name)?.GetInt64();

    private static double? Number(JsonElement r, string name) => Value(r, name)?.GetDouble();
}
