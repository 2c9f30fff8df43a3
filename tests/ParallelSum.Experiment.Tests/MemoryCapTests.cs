using System.Globalization;
using ParallelSum.Experiment.Processes;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>
/// The two kinds of memory cap on real processes: under one cap for all the processes of a trial (a memory cgroup), one
/// process and a pool of four fail at the same count, where under the same cap per process the pool goes four times as
/// far; the kernel's OOM kill is recorded as a memory error with its reason; no group is left behind.
/// </summary>
public sealed class MemoryCapTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [SkippableFact]
    public async Task TotalCap_OneProcessAndAPoolOfFour_FailAtTheSameCount_WhereAPerProcessCapLetsThePoolThrough()
    {
        Skip.If(MemoryCgroup.Unavailable is string reason, $"no memory cgroup can be made here: {MemoryCgroup.Unavailable}");
        using var folder = new TempFolder();
        // 512 MiB for everything: 3e7 values (a 128 MiB list) fit in one process or four; 1.2e8 (a 512 MiB list, or four
        // of 128 MiB, and four runtimes) fit in neither.
        SweepSettings total = Settings(folder, processCap: null, totalCap: 512L << 20);

        Assert.Equal(0, await SweepCommand.ExecuteAsync(total, CancellationToken.None).WaitAsync(Deadline));
        TrialResult[] trials = Trials(folder);

        Assert.Equal(
            [("naive-list", 30_000_000L, TrialOutcome.Ok), ("naive-list/pool4", 30_000_000L, TrialOutcome.Ok),
             ("naive-list", 120_000_000L, TrialOutcome.MemoryError), ("naive-list/pool4", 120_000_000L, TrialOutcome.MemoryError)],
            trials.Select(t => (t.Series, t.Count, t.Outcome)));
        Assert.All(trials, t => Assert.Equal(512L << 20, t.TotalMemoryLimitBytes));
        Assert.All(trials.Where(t => t.Outcome == TrialOutcome.MemoryError), t => Assert.Contains("total cap of 512.0 MiB", t.Reason, StringComparison.Ordinal));
        Assert.Equal(new RandomStream(42).ReferenceSum(0, 30_000_000).ToString(CultureInfo.InvariantCulture), trials[1].Sum);
        Assert.Empty(Directory.GetDirectories(MemoryCgroup.Current!.Directory, $"{MemoryCgroup.GroupPrefix}{Environment.ProcessId}-*"));

        // The same 512 MiB as a cap on each process: the pool's four workers hold 3e7 values each, and finish.
        using var perProcess = new TempFolder();
        Assert.Equal(0, await SweepCommand.ExecuteAsync(Settings(perProcess, processCap: 512L << 20, totalCap: null) with { Strategies = ["naive-list/pool4"], Counts = [120_000_000] }, CancellationToken.None).WaitAsync(Deadline));
        TrialResult pool = Assert.Single(Trials(perProcess));
        Assert.Equal(TrialOutcome.Ok, pool.Outcome);
        Assert.Equal(new RandomStream(42).ReferenceSum(0, 120_000_000).ToString(CultureInfo.InvariantCulture), pool.Sum);
    }

    [Fact]
    public void Locate_CgroupV1_FindsTheMemoryHierarchysFolder()
    {
        const string Cgroup = "9:name=systemd:/\n4:memory:/process_api/abc\n1:cpu:/\n0::/\n";
        const string Mounts = "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
            + "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
            + "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
            + "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";

        (MemoryCgroup? cgroup, string? unavailable) = MemoryCgroup.Locate(Cgroup, Mounts);

        Assert.Null(unavailable);
        Assert.Equal(new MemoryCgroup(1, "/sys/fs/cgroup/memory/process_api/abc"), cgroup);
        Assert.Equal("memory.limit_in_bytes", cgroup!.LimitFile);
    }

    [Fact]
    public void Locate_CgroupV1_CombinedControllersAndAMountOfASubtree()
    {
        // A container that sees only its own part of the hierarchy: the mount's root is the container's group.
        const string Cgroup = "5:cpu,memory:/docker/c1/inner\n";
        const string Mounts = "40 31 0:32 /docker/c1 /sys/fs/cgroup/memory ro,nosuid - cgroup cgroup rw,cpu,memory\n";

        Assert.Equal(new MemoryCgroup(1, "/sys/fs/cgroup/memory/inner"), MemoryCgroup.Locate(Cgroup, Mounts).Cgroup);
    }

    [Fact]
    public void Locate_CgroupV2_NeedsTheMemoryControllerForChildren()
    {
        using var root = new TempFolder();
        string group = Path.Combine(root.Path, "sys/fs/cgroup/user.slice/app");
        Directory.CreateDirectory(group);
        const string Cgroup = "0::/user.slice/app\n";
        const string Mounts = "30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate\n";

        File.WriteAllText(Path.Combine(group, "cgroup.subtree_control"), "cpu io\n");
        (MemoryCgroup? without, string? reason) = MemoryCgroup.Locate(Cgroup, Mounts, root.Path);
        File.WriteAllText(Path.Combine(group, "cgroup.subtree_control"), "cpu io memory pids\n");
        (MemoryCgroup? with, _) = MemoryCgroup.Locate(Cgroup, Mounts, root.Path);

        Assert.Null(without);
        Assert.Contains("memory controller is not enabled", reason, StringComparison.Ordinal);
        Assert.Equal(new MemoryCgroup(2, group), with);
        Assert.Equal("memory.max", with!.LimitFile);
    }

    [Theory]
    [InlineData("1:cpu:/\n", "", "in no memory cgroup")]
    [InlineData("4:memory:/a\n", "41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n", "no mount of the memory hierarchy")]
    [InlineData("0::/a\n", "35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n", "no cgroup2 mount")]
    [InlineData("4:memory:/elsewhere\n", "40 31 0:32 /docker/c1 /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n", "no mount of the memory hierarchy")]
    public void Locate_NothingToUse_SaysWhy(string cgroup, string mounts, string reason)
    {
        (MemoryCgroup? found, string? unavailable) = MemoryCgroup.Locate(cgroup, mounts);

        Assert.Null(found);
        Assert.Contains(reason, unavailable, StringComparison.Ordinal);
    }

    private static SweepSettings Settings(TempFolder folder, long? processCap, long? totalCap) => new(
        ["naive-list", "naive-list/pool4"], [30_000_000, 120_000_000], [], [null], 1, 42, 0, 10, processCap, Deadline, folder.Path, Plot: false,
        TotalMemoryLimitBytes: totalCap);

    private static TrialResult[] Trials(TempFolder folder) =>
        [.. ResultsFile.Read(Assert.Single(Directory.GetFiles(folder.Path, "sweep-*.jsonl")), out _).Where(r => r.Kind == TrialResult.TrialKind)];
}
