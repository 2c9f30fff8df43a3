using System.Diagnostics;

namespace ParallelSum.Experiment.Tests;

/// <summary>Runs the experiment program as a user would, in a process of its own, and captures what it prints.</summary>
internal static class ProgramRun
{
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        ProcessStartInfo start = SelfProcess.StartInfo(arguments);
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        return (process.ExitCode, output, error.Result);
    }
}
