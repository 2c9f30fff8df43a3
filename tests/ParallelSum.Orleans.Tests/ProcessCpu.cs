using System.Globalization;

namespace ParallelSum.Orleans.Tests;

/// <summary>CPU time of a process from /proc/&lt;pid&gt;/stat (user + system clock ticks, fields 14 and 15).</summary>
internal static class ProcessCpu
{
    /// <summary>Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux build the tests run on).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>The CPU seconds the process has used so far.</summary>
    public static double Seconds(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");

        // The command name (field 2) is in parentheses and may hold spaces; the fields after it are space-separated.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>The cores the process kept busy over the next <paramref name="window"/> (CPU seconds per second).</summary>
    public static async Task<double> CoresBusyAsync(int pid, TimeSpan window)
    {
        double before = Seconds(pid);
        await Task.Delay(window);
        return (Seconds(pid) - before) / window.TotalSeconds;
    }

    /// <summary>
    /// Waits until the process uses less than <paramref name="idleCores"/> over a one-second window, and returns how long
    /// that took, or null when it is still busy after <paramref name="limit"/>.
    /// </summary>
    public static async Task<TimeSpan?> TimeToIdleAsync(int pid, double idleCores, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            TimeSpan start = clock.Elapsed;
            if (await CoresBusyAsync(pid, TimeSpan.FromSeconds(1)) < idleCores)
            {
                return start;
            }
        }

        return null;
    }
}
