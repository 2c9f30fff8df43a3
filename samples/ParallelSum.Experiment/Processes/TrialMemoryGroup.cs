using System.Diagnostics;
using System.Globalization;

namespace ParallelSum.Experiment.Processes;

/// <summary>
/// One memory cgroup, made for one trial and capped: every process started through <see cref="Wrap"/> (and every process
/// those start, such as a pool's workers) is in it from its first instruction, so the cap holds for all of them together.
/// Disposing waits for the group to empty and removes it.
/// </summary>
internal sealed class TrialMemoryGroup : IDisposable
{
    private static int _made;

    private readonly MemoryCgroup _cgroup;

    private TrialMemoryGroup(MemoryCgroup cgroup, string directory, long limitBytes)
    {
        _cgroup = cgroup;
        Directory = directory;
        LimitBytes = limitBytes;
    }

    /// <summary>The group's folder.</summary>
    public string Directory { get; }

    /// <summary>The cap of all the group's processes together.</summary>
    public long LimitBytes { get; }

    /// <summary>How many times the kernel's OOM killer has ended a process of this group, or <see langword="null"/> where
    /// the kernel does not count it.</summary>
    public long? OomKills
    {
        get
        {
            // v1: "oom_kill N" in memory.oom_control (kernels from 4.13); v2: "oom_kill N" in memory.events.
            string file = Path.Combine(Directory, _cgroup.Version == 1 ? "memory.oom_control" : "memory.events");
            try
            {
                string? line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("oom_kill ", StringComparison.Ordinal));
                return line is null ? null : long.Parse(line["oom_kill ".Length..], NumberStyles.None, CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>Makes the group <c>parallelsum-experiment-&lt;pid&gt;-&lt;n&gt;</c> in <paramref name="cgroup"/> and caps it.</summary>
    /// <exception cref="IOException">The kernel refused the group or its cap; no group is left behind.</exception>
    /// <exception cref="UnauthorizedAccessException">This program may not make groups here.</exception>
    public static TrialMemoryGroup Create(MemoryCgroup cgroup, long limitBytes)
    {
        int number = Interlocked.Increment(ref _made);
        string directory = Path.Combine(cgroup.Directory, string.Create(CultureInfo.InvariantCulture, $"{MemoryCgroup.GroupPrefix}{Environment.ProcessId}-{number}"));
        System.IO.Directory.CreateDirectory(directory);
        var group = new TrialMemoryGroup(cgroup, directory, limitBytes);
        try
        {
            string limit = limitBytes.ToString(CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(directory, cgroup.LimitFile), limit);

            // No swap either, where the kernel offers a knob for it: the cap is on memory, not on memory plus swap.
            string swap = Path.Combine(directory, cgroup.Version == 1 ? "memory.memsw.limit_in_bytes" : "memory.swap.max");
            if (File.Exists(swap))
            {
                File.WriteAllText(swap, cgroup.Version == 1 ? limit : "0");
            }
        }
        catch
        {
            group.Dispose();
            throw;
        }

        return group;
    }

    /// <summary>
    /// A start description that runs <paramref name="start"/>'s program inside this group: <c>/bin/sh</c> moves itself
    /// into the group, then replaces itself with the program (same process id), so the program's runtime starts inside
    /// the cap and sees it.
    /// </summary>
    public ProcessStartInfo Wrap(ProcessStartInfo start)
    {
        var wrapped = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = start.RedirectStandardInput,
            RedirectStandardOutput = start.RedirectStandardOutput,
            RedirectStandardError = start.RedirectStandardError,
            UseShellExecute = false,
            WorkingDirectory = start.WorkingDirectory,
        };
        wrapped.ArgumentList.Add("-c");
        wrapped.ArgumentList.Add("echo $$ > \"$0\" && exec \"$@\"");
        wrapped.ArgumentList.Add(Path.Combine(Directory, "cgroup.procs"));
        wrapped.ArgumentList.Add(start.FileName);
        foreach (string argument in start.ArgumentList)
        {
            wrapped.ArgumentList.Add(argument);
        }

        wrapped.Environment.Clear();
        foreach ((string name, string? value) in start.Environment)
        {
            wrapped.Environment[name] = value;
        }

        return wrapped;
    }

    /// <summary>Waits (up to 10 s) for the group's last process to end, then removes the group.</summary>
    public void Dispose()
    {
        string procs = Path.Combine(Directory, "cgroup.procs");
        var waited = Stopwatch.StartNew();
        while (File.Exists(procs) && File.ReadAllText(procs).Trim().Length > 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(20);
        }

        try
        {
            System.IO.Directory.Delete(Directory);
        }
        catch (IOException)
        {
            // A process is still in it: MemoryCgroup.RemoveStaleGroups removes it on a later run.
        }
    }
}
