using System.Diagnostics;

namespace ParallelSum.Geo.Cli;

/// <summary>Ends a worker process when the process that started it is gone, whatever killed it (SIGKILL included).</summary>
internal static class ParentWatch
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Polls process <paramref name="parentId"/>; once it has exited, runs <paramref name="cleanUp"/> and exits with 130.</summary>
    public static void Start(int parentId, Action cleanUp)
    {
        DateTime parentStart = StartTime(parentId) ?? DateTime.MinValue;
        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(Interval);

                // A process id can be reused: the parent is gone when no process has its id, or another one started since.
                DateTime? now = StartTime(parentId);
                if (now is null || now != parentStart)
                {
                    try
                    {
                        cleanUp();
                    }
                    finally
                    {
                        Environment.Exit(130);
                    }
                }
            }
        })
        {
            IsBackground = true,
            Name = "parent-watch",
        };
        thread.Start();
    }

    private static DateTime? StartTime(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited ? null : process.StartTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
