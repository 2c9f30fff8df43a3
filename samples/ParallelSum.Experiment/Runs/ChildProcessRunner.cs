using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ParallelSum.Experiment;

/// <summary>
/// Runs one strategy in a fresh child process of this program, so its peak memory is its own: the original experiment ran
/// each approach as its own script, and a process's peak working set cannot be reset once reached.
/// </summary>
internal static class ChildProcessRunner
{
    public static StrategyRun Run(RunOptions options, string strategy)
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
        using Process child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        Task<string> error = child.StandardError.ReadToEndAsync();
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The child process for {strategy} exited with code {child.ExitCode}: {error.Result.Trim()}");
        }

        StrategyRun[] runs = JsonSerializer.Deserialize<StrategyRun[]>(output)
            ?? throw new InvalidOperationException($"The child process for {strategy} printed no result.");
        return runs.Single();
    }
}
