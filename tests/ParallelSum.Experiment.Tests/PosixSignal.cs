using System.Runtime.InteropServices;

namespace ParallelSum.Experiment.Tests;

/// <summary>Sends a signal to a process at once, with no helper process to start (which a loaded machine can delay).</summary>
internal static partial class PosixSignal
{
    public const int Interrupt = 2; // SIGINT
    public const int Terminate = 15; // SIGTERM

    /// <exception cref="InvalidOperationException">kill(2) failed.</exception>
    public static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
