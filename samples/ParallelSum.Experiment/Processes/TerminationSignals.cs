using System.Runtime.InteropServices;
using ParallelSum.Experiment.CommandLine;

namespace ParallelSum.Experiment.Processes;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM for this program: cancel <see cref="Token"/>, kill every child process at once, and let
/// the command print what had finished and exit with <see cref="ExitCodes.Cancelled"/>; a command that does not stop
/// within <see cref="GracePeriod"/> is ended with that code.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    /// <summary>How long a command has, after the signal, to report what finished before the process exits anyway.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource cancel = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;

    public TerminationSignals()
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled when either signal arrives.</summary>
    public CancellationToken Token => cancel.Token;

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The runtime's default would end the process at once, before the command could say what had finished.
        context.Cancel = true;
        ChildProcesses.KillAll();
        cancel.Cancel();
        _ = Task.Delay(GracePeriod).ContinueWith(_ => Environment.Exit(ExitCodes.Cancelled), TaskScheduler.Default);
    }
}
