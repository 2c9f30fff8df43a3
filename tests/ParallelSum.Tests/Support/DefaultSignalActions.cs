using System.Diagnostics;

namespace ParallelSum.Tests.Support;

/// <summary>
/// Starts a child process with SIGINT and SIGQUIT at their default actions, whatever this process inherited.
/// </summary>
/// <remarks>
/// A shell without job control starts every background command (<c>cmd &amp;</c>) with SIGINT and SIGQUIT ignored, and an
/// ignored signal stays ignored across <c>fork</c> and <c>exec</c>: the .NET runtime then installs no handler for it, so a
/// program's Ctrl+C handling never runs. A test that sends SIGINT to a program would fail only because of how the test run
/// was launched. On Linux the child is started through coreutils' <c>env --default-signal</c>, which resets both and then
/// executes the program in the same process (same id).
/// </remarks>
internal static class DefaultSignalActions
{
    /// <summary>Rewrites <paramref name="start"/> (which must use <see cref="ProcessStartInfo.ArgumentList"/>) to start its
    /// program with SIGINT and SIGQUIT at their defaults; returns it.</summary>
    public static ProcessStartInfo Restore(ProcessStartInfo start)
    {
        if (OperatingSystem.IsLinux())
        {
            start.ArgumentList.Insert(0, start.FileName);
            start.ArgumentList.Insert(0, "--default-signal=INT,QUIT");
            start.FileName = "env";
        }

        return start;
    }
}
