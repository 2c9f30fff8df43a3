using System.Globalization;
using System.Runtime.InteropServices;
using ParallelSum.Experiment.CommandLine;

namespace ParallelSum.Experiment.Processes;

/// <summary>
/// The child's side of <see cref="ChildProcesses"/>: a child of this program ends when its parent ends, whatever the signal
/// that ended the parent, SIGKILL included.
/// </summary>
internal static partial class ParentDeath
{
    private const int PrSetParentDeathSignal = 1; // PR_SET_PDEATHSIG in <linux/prctl.h>
    private const int KillSignal = 9; // SIGKILL

    /// <summary>
    /// When this process is a child started by <see cref="ChildProcesses"/>, on Linux: asks the kernel to send it SIGKILL
    /// when its parent dies, then exits at once if the parent already died before that request (the child was then
    /// re-parented, so its parent id is no longer the one it was given). Call first thing in Main.
    /// </summary>
    public static void DieWithParent()
    {
        if (!OperatingSystem.IsLinux()
            || Environment.GetEnvironmentVariable(ChildProcesses.ParentIdVariable) is not { Length: > 0 } text
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int parent))
        {
            return;
        }

        if (SetParentDeathSignal(PrSetParentDeathSignal, KillSignal, 0, 0, 0) != 0)
        {
            Console.Error.WriteLine($"warning: prctl(PR_SET_PDEATHSIG) failed with errno {Marshal.GetLastPInvokeError()}; this process may outlive its parent.");
        }

        if (GetParentProcessId() != parent)
        {
            Environment.Exit(ExitCodes.Cancelled);
        }
    }

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int SetParentDeathSignal(int option, nuint signal, nuint unused3, nuint unused4, nuint unused5);

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetParentProcessId();
}
