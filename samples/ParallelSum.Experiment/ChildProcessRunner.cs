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
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Under `dotnet ParallelSum.Experiment.dll` the process is the dotnet host, which needs the assembly path first.
        string processPath = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown, so it cannot start a child process.");
        start.FileName = processPath;
        if (Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildProcessRunner).Assembly.Location);
        }

        foreach (string argument in new[]
        {
            "run", "--in-process", "--json", "--strategy", strategy,
            "--count", options.Request.Count.ToString(CultureInfo.InvariantCulture),
            "--seed", options.Request.Seed.ToString(CultureInfo.InvariantCulture),
            "--min", options.Request.Min.ToString(CultureInfo.InvariantCulture),
            "--max", options.Request.Max.ToString(CultureInfo.InvariantCulture),
            "--warmup", options.Warmup.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (options.Partitions is int partitions)
        {
            start.ArgumentList.Add("--partitions");
            start.ArgumentList.Add(partitions.ToString(CultureInfo.InvariantCulture));
        }

        using Process child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {processPath}.");
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
