using System.CommandLine;
using ParallelSum.Experiment;
using ParallelSum.Experiment.CommandLine;
using ParallelSum.Experiment.Plotting;
using ParallelSum.Experiment.Pool;
using ParallelSum.Experiment.Processes;
using ParallelSum.Experiment.Retention;
using ParallelSum.Experiment.Sweep;

// A child of this program (a sweep trial, a run strategy) ends with its parent, even one killed with SIGKILL.
ParentDeath.DieWithParent();

// SIGINT and SIGTERM from the first line on: a signal cancels the command, which reports what it finished and exits with 130.
using var signals = new TerminationSignals();

var root = new RootCommand("ParallelSum experiment: generate N random integers and sum them, one way after another, as the original Python experiment did. With no command it runs the default sweep.")
{
    SweepCommand.Create(),
    RunCommand.Create(),
    PlotCommand.Create(),
    TrialCommand.Create(),
    PoolWorkerCommand.Create(),
    RetentionCommand.Create(),
    RetentionTrialCommand.Create(),
};

// With no command, run the sweep: on its defaults, or with the sweep options given (`-- --memory-limit 4G`).
bool sweepByDefault = args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version"));
ParseResult parse = root.Parse(sweepByDefault ? ["sweep", .. args] : args);
if (parse.Errors.Count > 0)
{
    // One line on stderr and exit code 2, before any work: what scripts and people both need from a bad option.
    Console.Error.WriteLine(ExitCodes.UsageLine(parse.Errors.Select(error => error.Message)));
    return ExitCodes.BadUsage;
}

try
{
    // The program's own handlers below, not System.CommandLine's (which print a stack trace), and its own signal handling.
    var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
    int exitCode = await parse.InvokeAsync(invocation, signals.Token);
    if (signals.Token.IsCancellationRequested && exitCode != ExitCodes.Cancelled)
    {
        // The signal came as the command ended: it finished, but the caller asked to stop; say so.
        Console.Error.WriteLine("cancelled.");
        return ExitCodes.Cancelled;
    }

    return exitCode;
}
catch (UsageException e)
{
    Console.Error.WriteLine(ExitCodes.UsageLine([e.Message]));
    return ExitCodes.BadUsage;
}
catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled.");
    return ExitCodes.Cancelled;
}
catch (Exception e)
{
    // Unexpected: still one line, never a stack trace.
    Console.Error.WriteLine($"error: {ExitCodes.OneLine(e.Message)} ({e.GetType().Name})");
    return ExitCodes.WorkFailed;
}
