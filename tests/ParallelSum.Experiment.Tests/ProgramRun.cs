using System.Diagnostics;
using ParallelSum.Experiment.Processes;
using ParallelSum.Tests.Support;

namespace ParallelSum.Experiment.Tests;

/// <summary>Runs the experiment program as a user would, in a process of its own, and captures what it prints.</summary>
internal static class ProgramRun
{
    /// <summary>How long a run may take before the test fails (and the run is killed).</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromMinutes(2);

    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) => Run(DefaultDeadline, arguments);

    /// <exception cref="TimeoutException">The program did not end within <paramref name="deadline"/>; it has been killed.</exception>
    public static (int ExitCode, string Output, string Error) Run(TimeSpan deadline, params string[] arguments) =>
        Run(deadline, new Dictionary<string, string>(), arguments);

    /// <summary>Runs the program with <paramref name="environment"/> added to this process's environment.</summary>
    /// <exception cref="TimeoutException">The program did not end within <paramref name="deadline"/>; it has been killed.</exception>
    public static (int ExitCode, string Output, string Error) Run(TimeSpan deadline, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ProcessStartInfo start = SelfProcess.StartInfo(arguments);
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = ChildProcesses.Start(start);
        Task<string> error = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', arguments)} did not finish in {deadline.TotalSeconds} s.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Starts the program, output and error redirected, as a child that ends with this test process, with SIGINT
    /// and SIGQUIT at their default actions whatever this process inherited (the tests send it signals).</summary>
    public static Process Start(params string[] arguments) => ChildProcesses.Start(DefaultSignalActions.Restore(SelfProcess.StartInfo(arguments)));
}
