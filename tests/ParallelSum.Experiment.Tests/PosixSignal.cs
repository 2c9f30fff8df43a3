using System.Runtime.InteropServices;

namespace ParallelSum.Experiment.Tests;

/// <summary>Sends a signal to a process at once, with no helper process to start (which a loaded machine can delay).</summary>
internal static partial class PosixSignal
{
    public const int Interrupt = 2; // SIGINT
    public const int Terminate = 15; // SIGTERM

    /// <summary>Sends a signal; <see langword="false"/> when the process is already gone (ESRCH).</summary>
    /// <exception cref="InvalidOperationException">kill(2) failed for another reason.</exception>
    public static bool TrySend(int processId, int signal)
    {
        if (Kill(processId, signal) == 0)
        {
            return true;
        }

        int error = Marshal.GetLastPInvokeError();
        return error == NoSuchProcess
            ? false
            : throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {error}");
    }

    private const int NoSuchProcess = 3; // ESRCH

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
