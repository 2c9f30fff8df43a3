using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace ParallelSum.Experiment.Processes;

/// <summary>
/// Starts this program's child processes so that they end with it: each child learns its parent's id (and, on Linux,
/// asks the kernel for SIGKILL when the parent dies, see <see cref="ParentDeath"/>), and every running child can be
/// killed at once when the parent is asked to stop.
/// </summary>
/// <remarks>
/// Linux sends the parent-death signal when the <em>thread</em> that started the child ends, not the process. Thread-pool
/// threads end after a while idle, which would kill a long trial in mid-run; so every child is started from one thread
/// that lives as long as the process.
/// </remarks>
internal static class ChildProcesses
{
    /// <summary>The environment variable that gives a child its parent's process id.</summary>
    public const string ParentIdVariable = "PARALLELSUM_EXPERIMENT_PARENT_PID";

    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> StartRequests = [];
    private static readonly ConcurrentDictionary<Process, byte> Running = new();
    private static readonly Lazy<Thread> Starter = new(() =>
    {
        var thread = new Thread(StartEach) { IsBackground = true, Name = "child process starter" };
        thread.Start();
        return thread;
    });

    /// <summary>Starts <paramref name="start"/> as a child of this process, from the long-lived starter thread.</summary>
    /// <exception cref="Win32Exception">The program could not be started.</exception>
    public static Process Start(ProcessStartInfo start)
    {
        start.Environment[ParentIdVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var child = new Process { StartInfo = start, EnableRaisingEvents = true };
        child.Exited += (_, _) => Running.TryRemove(child, out _);
        Running[child] = 0;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Starter.Value;
        StartRequests.Add((child, started));
        try
        {
            started.Task.GetAwaiter().GetResult();
        }
        catch
        {
            Running.TryRemove(child, out _);
            child.Dispose();
            throw;
        }

        return child;
    }

    /// <summary>Kills every running child and its descendants; children that already ended are skipped.</summary>
    public static void KillAll()
    {
        foreach (Process child in Running.Keys)
        {
            try
            {
                child.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
            {
                // It ended, or was never started, in the meantime.
            }
        }
    }

    private static void StartEach()
    {
        foreach ((Process process, TaskCompletionSource started) in StartRequests.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
            {
                started.SetException(e);
            }
        }
    }
}
