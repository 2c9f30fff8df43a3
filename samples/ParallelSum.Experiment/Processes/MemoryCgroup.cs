using System.Diagnostics;
using System.Globalization;

namespace ParallelSum.Experiment.Processes;

/// <summary>
/// Where this program can create memory cgroups of its own: below the cgroup it runs in, in the kernel's memory
/// controller (cgroup v1's <c>memory</c> hierarchy, or cgroup v2 when the memory controller is enabled for the children of
/// this program's group). A group made there caps all the processes in it together, and the kernel's OOM killer ends one
/// of them when together they need more.
/// </summary>
/// <param name="Version">1 or 2.</param>
/// <param name="Directory">The folder of this program's own cgroup in the memory hierarchy; groups are made in it.</param>
internal sealed record MemoryCgroup(int Version, string Directory)
{
    /// <summary>The first part of the name of every group this program makes: <c>parallelsum-experiment-&lt;pid&gt;-&lt;n&gt;</c>.</summary>
    public const string GroupPrefix = "parallelsum-experiment-";

    private static readonly Lazy<(MemoryCgroup? Cgroup, string? Unavailable)> ThisProcess = new(Probe);

    /// <summary>The file that caps a group's memory.</summary>
    public string LimitFile => Version == 1 ? "memory.limit_in_bytes" : "memory.max";

    /// <summary>This process's memory cgroup, or <see langword="null"/> when groups cannot be made here (see <see cref="Unavailable"/>).</summary>
    public static MemoryCgroup? Current => ThisProcess.Value.Cgroup;

    /// <summary>Why no memory group can be made here, or <see langword="null"/> when one can.</summary>
    public static string? Unavailable => ThisProcess.Value.Unavailable;

    /// <summary>
    /// Finds the memory cgroup of a process from its <c>/proc/self/cgroup</c> and <c>/proc/self/mountinfo</c> texts, with
    /// <paramref name="root"/> prefixed to the mount points (the empty string for the real file system).
    /// </summary>
    /// <returns>The cgroup, or <see langword="null"/> and why not.</returns>
    public static (MemoryCgroup? Cgroup, string? Unavailable) Locate(string procSelfCgroup, string mountInfo, string root = "")
    {
        // "4:memory:/a/b" (v1; controllers may be combined: "4:cpu,memory:/a"), "0::/a/b" (v2).
        string? v1Path = null, v2Path = null;
        foreach (string line in procSelfCgroup.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split(':', 3);
            if (parts.Length == 3 && parts[1].Split(',').Contains("memory"))
            {
                v1Path = parts[2];
            }
            else if (parts.Length == 3 && parts[0] == "0" && parts[1].Length == 0)
            {
                v2Path = parts[2];
            }
        }

        // mountinfo: "id parent major:minor root mountpoint options [optional…] - fstype source superoptions".
        var mounts = new List<(string Root, string MountPoint, string Type, string[] Options)>();
        foreach (string line in mountInfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = line.Split(' ');
            int separator = Array.IndexOf(fields, "-");
            if (separator >= 5 && separator + 1 < fields.Length)
            {
                string[] superOptions = separator + 3 < fields.Length ? fields[separator + 3].Split(',') : [];
                mounts.Add((Unescape(fields[3]), Unescape(fields[4]), fields[separator + 1], superOptions));
            }
        }

        if (v1Path is not null)
        {
            foreach ((string mountRoot, string mountPoint, string type, string[] options) in mounts)
            {
                if (type == "cgroup" && options.Contains("memory") && Relative(v1Path, mountRoot) is string relative)
                {
                    return (new MemoryCgroup(1, root + mountPoint + relative), null);
                }
            }

            return (null, $"this process is in the cgroup v1 memory group '{v1Path}', but no mount of the memory hierarchy shows it");
        }

        if (v2Path is not null)
        {
            foreach ((string mountRoot, string mountPoint, string type, _) in mounts)
            {
                if (type == "cgroup2" && Relative(v2Path, mountRoot) is string relative)
                {
                    string directory = root + mountPoint + relative;
                    string control = Path.Combine(directory, "cgroup.subtree_control");
                    string enabled = File.Exists(control) ? File.ReadAllText(control) : "";
                    return enabled.Split(' ', '\n').Contains("memory")
                        ? (new MemoryCgroup(2, directory), null)
                        : (null, $"cgroup v2: the memory controller is not enabled for the groups below '{directory}' (its cgroup.subtree_control holds '{enabled.Trim()}'); run the program in a cgroup whose children get the memory controller");
                }
            }

            return (null, $"this process is in the cgroup v2 group '{v2Path}', but no cgroup2 mount shows it");
        }

        return (null, "this process is in no memory cgroup (no memory controller in /proc/self/cgroup)");
    }

    /// <summary>Makes a group for one trial, capped at <paramref name="limitBytes"/>.</summary>
    /// <exception cref="IOException">The kernel refused the group or its cap.</exception>
    /// <exception cref="UnauthorizedAccessException">This program may not make groups here.</exception>
    public TrialMemoryGroup CreateGroup(long limitBytes)
    {
        RemoveStaleGroups();
        return TrialMemoryGroup.Create(this, limitBytes);
    }

    /// <summary>Removes groups left by runs of this program that died without removing them (their process is gone and they are empty).</summary>
    public void RemoveStaleGroups()
    {
        foreach (string group in System.IO.Directory.EnumerateDirectories(Directory, GroupPrefix + "*"))
        {
            string[] parts = Path.GetFileName(group)[GroupPrefix.Length..].Split('-');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int owner)
                && owner != Environment.ProcessId && !IsRunning(owner))
            {
                try
                {
                    System.IO.Directory.Delete(group);
                }
                catch (IOException)
                {
                    // Still has a process (a worker not yet reaped); a later run removes it.
                }
            }
        }
    }

    private static (MemoryCgroup? Cgroup, string? Unavailable) Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, "memory cgroups are a Linux facility");
        }

        (MemoryCgroup? cgroup, string? unavailable) = Locate(File.ReadAllText("/proc/self/cgroup"), File.ReadAllText("/proc/self/mountinfo"));
        if (cgroup is null)
        {
            return (null, unavailable);
        }

        // Make a group, cap it and move a process into it, as a trial would: any step the kernel refuses is the reason.
        try
        {
            using TrialMemoryGroup probe = cgroup.CreateGroup(64L << 20);
            using Process shell = Process.Start(probe.Wrap(new ProcessStartInfo("/bin/true") { RedirectStandardError = true, UseShellExecute = false }))!;
            string error = shell.StandardError.ReadToEnd();
            shell.WaitForExit();
            return shell.ExitCode == 0 ? (cgroup, null) : (null, $"moving a process into a group of '{cgroup.Directory}' failed: {error.Trim()}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return (null, $"making a capped group in '{cgroup.Directory}' failed: {e.Message}");
        }
    }

    private static bool IsRunning(int processId) => System.IO.Directory.Exists($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}");

    // The cgroup path as seen inside a mount whose root is mountRoot ("/" for a whole hierarchy).
    private static string? Relative(string path, string mountRoot) =>
        mountRoot == "/" ? (path == "/" ? "" : path)
        : path == mountRoot ? ""
        : path.StartsWith(mountRoot + "/", StringComparison.Ordinal) ? path[mountRoot.Length..]
        : null;

    // mountinfo escapes space, tab, newline and backslash as octal.
    private static string Unescape(string field) =>
        field.Replace("\\040", " ", StringComparison.Ordinal).Replace("\\011", "\t", StringComparison.Ordinal)
            .Replace("\\012", "\n", StringComparison.Ordinal).Replace("\\134", "\\", StringComparison.Ordinal);
}
