using System.Globalization;

namespace ParallelSum.Experiment.Tests;

/// <summary>Linux's process table (/proc), read the way <c>ps</c> reads it.</summary>
internal static class ProcessTable
{
    /// <summary>The ids of the living (not zombie) processes whose parent is <paramref name="parentId"/>.</summary>
    public static IReadOnlyList<int> ChildrenOf(int parentId) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int id) ? id : 0)
            .Where(id => id > 0 && Stat(id) is { State: not 'Z' } stat && stat.ParentId == parentId)];

    /// <summary>Whether <paramref name="id"/> is a process that still runs (a zombie has ended; it only waits to be reaped).</summary>
    public static bool IsRunning(int id) => Stat(id) is { State: not 'Z' };

    /// <summary>The command line of <paramref name="id"/>, arguments separated by spaces, or empty when it has ended.</summary>
    public static string CommandLine(int id)
    {
        try
        {
            return File.ReadAllText($"/proc/{id}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Waits until <paramref name="parentId"/> has a child that has run for a second; fails after <paramref name="deadline"/>.</summary>
    public static async Task<int> WaitForSettledChildAsync(int parentId, string commandLinePart, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (true)
        {
            timeout.Token.ThrowIfCancellationRequested();
            foreach (int child in ChildrenOf(parentId).Where(c => CommandLine(c).Contains(commandLinePart, StringComparison.Ordinal)))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
                if (ChildrenOf(parentId).Contains(child))
                {
                    return child;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }

    /// <summary>Waits until <paramref name="id"/> no longer runs; false when it still runs after <paramref name="deadline"/>.</summary>
    public static async Task<bool> WaitForEndAsync(int id, TimeSpan deadline)
    {
        DateTime until = DateTime.UtcNow + deadline;
        while (IsRunning(id))
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return true;
    }

    private static (char State, int ParentId)? Stat(int id)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{id}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
        string[] fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
    }
}
