using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParallelSum.Experiment.Processes;

namespace ParallelSum.Experiment;

/// <summary>
/// Runs one strategy in a fresh child process of this program, so its peak memory is its own: the original experiment ran
/// each approach as its own script, and a process's peak working set cannot be reset once reached.
/// </summary>
internal static class ChildProcessRunner
{
    /// <summary>Runs <paramref name="strategy"/> in a child process; kills it when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="InvalidOperationException">The child printed no result.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the child has been killed.</exception>
    public static StrategyRun Run(RunOptions options, string strategy, CancellationToken cancellationToken)
    {
        var arguments = new List<string>
        {
            "run", "--in-process", "--json", "--strategy", strategy,
            "--count", options.Request.Count.ToString(CultureInfo.InvariantCulture),
            "--seed", options.Request.Seed.ToString(CultureInfo.InvariantCulture),
            "--min", options.Request.Min.ToString(CultureInfo.InvariantCulture),
            "--max", options.Request.Max.ToString(CultureInfo.InvariantCulture),
            "--warmup", options.Warmup.ToString(CultureInfo.InvariantCulture),
        };
        if (options.Partitions is int partitions)
        {
            arguments.AddRange(["--partitions", partitions.ToString(CultureInfo.InvariantCulture)]);
        }

        ProcessStartInfo start = SelfProcess.StartInfo(arguments);
        using Process child = ChildProcesses.Start(start);
        Task<string> error = child.StandardError.ReadToEndAsync(CancellationToken.None);
        Task<string> output = child.StandardOutput.ReadToEndAsync(CancellationToken.None);
        try
        {
            child.WaitForExitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            throw;
        }

        // A child that ran reports its strategy, failed or not, as JSON; one that could not even do that is described by
        // its exit code and the last line of its error output.
        StrategyRun? run = TryReadRun(output.Result);
        return run ?? throw new InvalidOperationException(
            $"its child process exited with code {child.ExitCode} and no result: {error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no error output"}");
    }

    private static StrategyRun? TryReadRun(string output)
    {
        try
        {
            return JsonSerializer.Deserialize<StrategyRun[]>(output) is [StrategyRun run] ? run : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
