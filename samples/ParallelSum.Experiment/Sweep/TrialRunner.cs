using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParallelSum.Experiment.Processes;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// Runs one trial in a child process of this program (the <c>trial</c> command), under the sweep's memory caps and time
/// budget, while watching the whole machine; turns whatever happens into a <see cref="TrialResult"/>. The per-process cap
/// is the runtime's GC heap hard limit, in the trial process's environment (so a pool's workers inherit it); the total cap
/// is a memory cgroup made for the trial, which the trial process enters before its runtime starts (its workers are
/// born in it).
/// </summary>
internal sealed class TrialRunner(SweepSettings settings, string sweepId)
{
    /// <summary>
    /// Below this median time CPU utilisation is not reported: the process's CPU clock then mostly counts thread start-up
    /// and the JIT's background threads, not the work (the default sweep read 69 % to 9,700 % at 1e3 values).
    /// </summary>
    public const double MinSecondsForCpuUtilisation = 0.01;

    /// <summary>Runs <paramref name="spec"/>. Never throws for the trial's own failure: that is the result's outcome.</summary>
    /// <exception cref="OperationCanceledException">The sweep was cancelled; the child process has been killed.</exception>
    public async Task<TrialResult> RunAsync(TrialSpec spec, CancellationToken cancellationToken)
    {
        ProcessStartInfo start = SelfProcess.StartInfo(TrialCommand.Arguments(spec, settings.Seed, settings.Min, settings.Max, settings.Repetitions));
        long? processLimit = settings.ProcessMemoryLimitBytes(spec);
        if (processLimit is long limit)
        {
            // The runtime reads the hard limit of the GC heap from this variable, in hexadecimal.
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limit.ToString("X", CultureInfo.InvariantCulture);
        }

        using TrialMemoryGroup? group = settings.TotalMemoryLimitBytes is long total ? TotalCapGroup(total) : null;
        if (group is not null)
        {
            if (processLimit is null)
            {
                // In a cgroup the runtime caps its own heap at 75 % of the group's limit (counting committed heap, where the
                // kernel counts touched pages); lift that to the machine's memory, so that the one cap on all the processes
                // together is the only cap, for one process as for a pool.
                start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + DefaultMemoryCap.MachineBytes.ToString("X", CultureInfo.InvariantCulture);
            }

            start = group.Wrap(start);
        }

        var system = new SystemUsageSampler();
        long started = Stopwatch.GetTimestamp();
        string outcome;
        string? reason = null;
        TrialReport? report = null;
        using (system)
        {
            using Process child = ChildProcesses.Start(start);
            Task<string> output = child.StandardOutput.ReadToEndAsync(CancellationToken.None);
            Task<string> error = child.StandardError.ReadToEndAsync(CancellationToken.None);
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(settings.Timeout);
            bool timedOut = false;
            try
            {
                await child.WaitForExitAsync(budget.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                timedOut = true;
            }

            string stdout = await output.ConfigureAwait(false);
            string stderr = await error.ConfigureAwait(false);
            report = ParseReport(stdout);
            (outcome, reason) = timedOut
                ? (TrialOutcome.Timeout, $"exceeded its time budget of {settings.Timeout.TotalSeconds:0.#} s and was killed")
                : Classify(child.ExitCode, report, stderr);
            if (group is not null && outcome != TrialOutcome.Ok && group.OomKills > 0)
            {
                // The kernel ended a process of the trial (the trial's own, or a worker) because together they passed the cap.
                (outcome, reason) = (TrialOutcome.MemoryError, $"the kernel's OOM killer ended a process of the trial: its processes together reached the total cap of {ByteSize.Format(group.LimitBytes)} ({reason})");
            }
        }

        double wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        double? seconds = Median(report?.Seconds);
        double? cpu = Median(report?.CpuSeconds);
        return TrialResult.Of(sweepId, settings) with
        {
            Strategy = spec.Strategy,
            Count = spec.Count,
            Partitions = spec.Partitions,
            Processes = spec.Processes,
            MemoryLimitBytes = processLimit,
            Outcome = outcome,
            Reason = reason,
            Sum = outcome == TrialOutcome.Ok ? report?.Sum : null,
            Workers = report?.Workers ?? 0,
            Seconds = seconds,
            AllSeconds = report?.Seconds ?? [],
            ValuesPerSecond = outcome == TrialOutcome.Ok && seconds > 0 ? spec.Count / seconds : null,
            CpuSeconds = cpu,
            CpuUtilisation = cpu is double c && seconds >= MinSecondsForCpuUtilisation ? c / seconds / Environment.ProcessorCount : null,
            PeakWorkingSetBytes = report?.PeakWorkingSetBytes,
            LargestProcessPeakBytes = report?.LargestProcessPeakBytes ?? report?.PeakWorkingSetBytes,
            WorkerSeconds = spec.Processes is null ? null : Median(report?.WorkerSeconds),
            PeakManagedHeapBytes = report?.PeakManagedHeapBytes,
            SystemCpuPeakPercent = system.PeakCpuPercent,
            SystemRamPeakPercent = system.PeakRamPercent,
            WallSeconds = wall,
        };
    }

    private static TrialMemoryGroup TotalCapGroup(long limitBytes) =>
        (MemoryCgroup.Current ?? throw new InvalidOperationException($"no memory cgroup can be made here: {MemoryCgroup.Unavailable}")).CreateGroup(limitBytes);

    /// <summary>The report line a child printed last, or <see langword="null"/> when it printed none.</summary>
    internal static TrialReport? ParseReport(string stdout)
    {
        string? line = stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (line is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TrialReport>(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The outcome and reason of a child that exited with <paramref name="exitCode"/>.</summary>
    internal static (string Outcome, string? Reason) Classify(int exitCode, TrialReport? report, string stderr)
    {
        if (report is not null && exitCode is 0 or TrialCommand.MemoryErrorExitCode or TrialCommand.UnsupportedExitCode or TrialCommand.WorkerFailedExitCode)
        {
            return (report.Outcome, report.Reason);
        }

        string detail = LastLines(stderr, 3);

        // The runtime can also fail fast when it cannot get memory for itself (for example while starting under a tiny cap).
        if (stderr.Contains("OutOfMemory", StringComparison.Ordinal) || stderr.Contains("Out of memory", StringComparison.OrdinalIgnoreCase)
            || stderr.Contains("GC heap initialization failed", StringComparison.Ordinal))
        {
            return (TrialOutcome.MemoryError, $"the process failed for lack of memory (exit code {exitCode}): {detail}");
        }

        string signal = exitCode > 128 && !OperatingSystem.IsWindows() ? $", signal {exitCode - 128}" : "";
        return (TrialOutcome.Crash, $"exit code {exitCode}{signal} with no result{(detail.Length > 0 ? ": " + detail : "")}");
    }

    private static string LastLines(string text, int count) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).TakeLast(count));

    private static double? Median(IReadOnlyList<double>? values)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
