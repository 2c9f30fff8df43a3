using System.Diagnostics;
using System.Globalization;
using ParallelSum.Geo.Cli;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

/// <summary>Worker processes: any path travels intact, non-regular files are refused unopened, a death leaves no temporary file, and workers die with their parent.</summary>
public sealed class ProcessModeTests(SmallDataSet data) : IClassFixture<SmallDataSet>
{
    private static readonly ConversionPlan TwoProcesses = new(ExecutionMode.Processes, 2, PartitionerKind.Dynamic);

    [Fact]
    public async Task Processes_PathWithALineBreak_Converts()
    {
        using var folder = new TempFolder();
        string input = folder.Sub("in");
        Directory.CreateDirectory(input);
        foreach (string ext in new[] { ".shp", ".shx", ".dbf" })
        {
            File.Copy(Path.ChangeExtension(data.Files[0], ext), Path.Combine(input, "new\nline" + ext));
            File.Copy(Path.ChangeExtension(data.Files[1], ext), Path.Combine(input, "plain \"quoted\" \\ name" + ext));
        }

        ConversionReport report = await Run(input, folder.Sub("out"), TwoProcesses);

        Assert.All(report.Files, f => Assert.True(f.Outcome == FileOutcome.Ok, $"{f.Name}: {f.Reason}"));
        Assert.True(File.Exists(Path.Combine(folder.Sub("out"), "new\nline.geojson")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Processes_TwoWorkers_ConvertTwoFilesAtOnce(bool dynamic)
    {
        using var output = new TempFolder();
        using var bothStarted = new Barrier(2);
        int arrivals = 0;
        bool[] met = new bool[2];
        // The first two files each wait, as they are sent to their child, for the other to be sent: one child at a time would
        // make the first wait out the deadline.
        var observer = new CallbackObserver(started: _ =>
        {
            int arrival = Interlocked.Increment(ref arrivals) - 1;
            if (arrival < 2)
            {
                met[arrival] = bothStarted.SignalAndWait(TimeSpan.FromSeconds(60));
            }
        });
        var plan = new ConversionPlan(ExecutionMode.Processes, 2, dynamic ? PartitionerKind.Dynamic : PartitionerKind.Static);

        ConversionReport report = await Task.Run(() => ConversionRunner.Run(data.Files, output.Path, overwrite: false, plan, observer)).WaitAsync(TimeSpan.FromSeconds(180));

        Assert.Equal([true, true], met);
        Assert.Equal(data.Files.Count, report.Converted);
        Assert.Equal([0, 1], report.Files.Select(f => f.Worker).Distinct().Order());
    }

    [Theory]
    [InlineData(false, null, 2)]
    [InlineData(true, null, 2)]
    [InlineData(false, "parcels_001.shp", 3)]
    [InlineData(true, "parcels_001.shp", 3)]
    public async Task Processes_OneChildPerWorkerNumber_ReusedForEveryFile_ADeadOneReplacedOnce(bool dynamic, string? crashOn, int mostStarts)
    {
        using var folder = new TempFolder();
        string starts = folder.Sub("starts.log");
        WorkerLauncher plain = WorkerLauncher.ForThisProgram();
        // Each child is started through a shell that logs one line, then becomes the worker (exec keeps its process id).
        WorkerLauncher logged = new WorkerLauncher("/bin/sh", ["-c", "echo started >> \"$0\"; exec \"$@\"", starts, plain.FileName, .. plain.Arguments], plain.Environment);
        if (crashOn is not null)
        {
            logged = logged.WithEnvironment(WorkerCommand.CrashOnVariable, crashOn);
        }

        var plan = new ConversionPlan(ExecutionMode.Processes, 2, dynamic ? PartitionerKind.Dynamic : PartitionerKind.Static);
        ConversionReport report = await Task.Run(() => ConversionRunner.Run(data.Files, folder.Sub("out"), overwrite: false, plan, launcher: logged)).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(data.Files.Count - (crashOn is null ? 0 : 1), report.Converted);
        // At least one child, and one more after a crash; at most one per worker number, plus the crashed one's replacement: never one per file (6).
        Assert.InRange(File.ReadAllLines(starts).Length, crashOn is null ? 1 : 2, mostStarts);
    }

    [Fact]
    public async Task NonRegularFiles_AreSkippedWithAReason_TheRunEnds()
    {
        using var folder = new TempFolder();
        string input = folder.Sub("in");
        data.CopyTo(input);
        Assert.Equal(0, RunTool("mkfifo", Path.Combine(input, "fifo.shp")));
        File.CreateSymbolicLink(Path.Combine(input, "loop_a.shp"), Path.Combine(input, "loop_b.shp"));
        File.CreateSymbolicLink(Path.Combine(input, "loop_b.shp"), Path.Combine(input, "loop_a.shp"));
        File.CreateSymbolicLink(Path.Combine(input, "device.shp"), "/dev/zero");
        foreach (string ext in new[] { ".shx", ".dbf" })
        {
            File.Copy(Path.ChangeExtension(data.Files[0], ext), Path.Combine(input, "fifo" + ext));
            File.Copy(Path.ChangeExtension(data.Files[0], ext), Path.Combine(input, "device" + ext));
        }

        foreach (ConversionPlan plan in new[] { ConversionPlan.Single, TwoProcesses })
        {
            ConversionReport report = await Run(input, folder.Sub("out-" + plan.Label), plan);

            Dictionary<string, FileResult> byName = report.Files.ToDictionary(f => f.Name);
            Assert.Contains("fifo.shp is empty or not a regular file", byName["fifo.shp"].Reason, StringComparison.Ordinal);
            Assert.Contains("device.shp is empty or not a regular file", byName["device.shp"].Reason, StringComparison.Ordinal);
            Assert.Contains("is a symbolic link that cannot be followed", byName["loop_a.shp"].Reason, StringComparison.Ordinal);
            Assert.Equal(6, report.Converted);
        }
    }

    [Fact]
    public async Task WorkerDiesMidWrite_ItsTemporaryFileIsRemoved_TheOthersConvert()
    {
        using var output = new TempFolder();
        WorkerLauncher dying = WorkerLauncher.ForThisProgram().WithEnvironment(WorkerCommand.DieWritingVariable, "parcels_002.shp");

        foreach (PartitionerKind kind in new[] { PartitionerKind.Static, PartitionerKind.Dynamic })
        {
            string outFolder = Path.Combine(output.Path, kind.ToString());
            ConversionReport report = await Task.Run(() => ConversionRunner.Run(data.Files, outFolder, overwrite: false, new ConversionPlan(ExecutionMode.Processes, 2, kind), launcher: dying))
                .WaitAsync(TimeSpan.FromSeconds(120));

            Assert.Contains("exited with code 71", report.Files[2].Reason, StringComparison.Ordinal);
            Assert.Equal(5, report.Converted);
            Assert.Empty(Directory.GetFiles(outFolder, "*.tmp"));
        }
    }

    [Fact]
    public async Task ParentKilled_WorkersExitToo()
    {
        using var output = new TempFolder();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { typeof(GeoCli).Assembly.Location, "convert", "--in", data.Folder, "--out", output.Path, "--mode", "processes", "--workers", "2" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[WorkerCommand.HangOnVariable] = "parcels_000.shp";
        using Process parent = Process.Start(start)!;
        _ = parent.StandardOutput.ReadToEndAsync();
        _ = parent.StandardError.ReadToEndAsync();
        int[] workers = [];
        try
        {
            var clock = Stopwatch.StartNew();
            while (workers.Length < 2 && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
                workers = WorkersOf(parent.Id);
            }

            Assert.Equal(2, workers.Length);
            parent.Kill(entireProcessTree: false); // SIGKILL to the parent alone
            await parent.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            clock.Restart();
            while (workers.Any(Alive) && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }

            Assert.False(workers.Any(Alive), "a worker process outlived its parent by 20 s");
        }
        finally
        {
            foreach (int pid in workers.Where(Alive))
            {
                Process.GetProcessById(pid).Kill();
            }
        }
    }

    private static async Task<ConversionReport> Run(string input, string output, ConversionPlan plan) =>
        await Task.Run(() => ConversionRunner.Run(ShapefileFiles.Find(input), output, overwrite: false, plan)).WaitAsync(TimeSpan.FromSeconds(120));

    // The worker processes started by `parent`: their command line names it after --parent.
    internal static int[] WorkersOf(int parent) =>
        [.. Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid =>
            {
                try
                {
                    string[] args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
                    int at = Array.IndexOf(args, "--parent");
                    return at >= 0 && at + 1 < args.Length && args[at + 1] == parent.ToString(CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    return false;
                }
            })];

    private static bool Alive(int pid) => File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Length > 0;

    private static int RunTool(string tool, string argument)
    {
        using Process process = Process.Start(tool, [argument]);
        process.WaitForExit(10_000);
        return process.ExitCode;
    }
}
