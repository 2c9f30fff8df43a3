using System.Diagnostics;
using System.Globalization;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Bench;

/// <summary>
/// Times cold command-line runs, as a user would start them: each plan as a fresh <c>convert</c> process of this program
/// (start-up, JIT and tiering included), and optionally GDAL's <c>ogr2ogr</c> run file by file (<c>xargs -P 1</c>) and
/// several at once (<c>xargs -P N</c>). The first N files of the set, in name order, are hard-linked (or copied) into a folder
/// of their own for each count, so every run converts a whole folder.
/// </summary>
internal static class ColdBench
{
    /// <summary>The label of ogr2ogr run file by file, the baseline when ogr2ogr is timed.</summary>
    public const string Ogr2OgrLabel = "ogr2ogr";

    /// <summary>
    /// Runs every count and subject <paramref name="repetitions"/> times (repetitions outermost), after one untimed run of each
    /// subject at the smallest count. Speedups are against ogr2ogr file by file when it runs, else against the first plan.
    /// </summary>
    /// <exception cref="InvalidOperationException">A run failed (a bench measures only complete runs).</exception>
    /// <param name="data">The data set's shapefiles, in name order.</param>
    /// <param name="counts">The file counts.</param>
    /// <param name="plans">The modes to time.</param>
    /// <param name="ogr2ogrWorkers">0: no ogr2ogr; 1: file by file; N: also N at a time.</param>
    /// <param name="repetitions">Timed runs of each.</param>
    /// <param name="work">A scratch folder.</param>
    /// <param name="log">Receives one line per run.</param>
    /// <param name="programs">Builds of this tool to time each plan with, by label (such as <c>aot</c>, <c>jit</c>); none: this program.</param>
    public static List<BenchResult> Run(IReadOnlyList<string> data, IReadOnlyList<int> counts, IReadOnlyList<ConversionPlan> plans, int ogr2ogrWorkers, int repetitions, string work, Action<string> log, IReadOnlyList<(string Label, WorkerLauncher Program)>? programs = null)
    {
        var subjects = new List<(string Label, string Partitioner, int Workers, Func<string, string, int> Run)>();
        if (ogr2ogrWorkers > 0)
        {
            subjects.Add((Ogr2OgrLabel, "xargs -P 1", 1, (input, output) => Ogr2Ogr(input, output, 1)));
            if (ogr2ogrWorkers > 1)
            {
                subjects.Add(($"ogr2ogr xargs -P {ogr2ogrWorkers}", $"xargs -P {ogr2ogrWorkers}", ogr2ogrWorkers, (input, output) => Ogr2Ogr(input, output, ogr2ogrWorkers)));
            }
        }

        IReadOnlyList<(string Label, WorkerLauncher Program)> builds = programs is { Count: > 0 } ? programs : [("", WorkerLauncher.ForThisProgram())];
        foreach (ConversionPlan plan in plans)
        {
            foreach ((string label, WorkerLauncher program) in builds)
            {
                string name = label.Length == 0 ? $"{plan.Label} cold" : $"{plan.Label} {label}";
                subjects.Add((name, plan.PartitionerName, plan.Workers, (input, output) => Convert(program, plan, input, output)));
            }
        }

        var folders = counts.ToDictionary(c => c, c => LinkFirst(data, c, Path.Combine(work, $"in-{c}")));
        var totals = counts.ToDictionary(c => c, c => Totals(folders[c]));
        string outFolder = Path.Combine(work, "out");
        foreach (var subject in subjects)
        {
            Timed(subject.Label, subject.Run, folders[counts.Min()], outFolder);
        }

        var seconds = new Dictionary<(int Count, string Label), List<double>>();
        for (int rep = 1; rep <= repetitions; rep++)
        {
            foreach (int count in counts)
            {
                foreach (var subject in subjects)
                {
                    double s = Timed(subject.Label, subject.Run, folders[count], outFolder);
                    (seconds.TryGetValue((count, subject.Label), out List<double>? list) ? list : seconds[(count, subject.Label)] = []).Add(s);
                    log(string.Create(CultureInfo.InvariantCulture, $"repetition {rep}/{repetitions}, {count,3} files, {subject.Label,-28} {s,8:F3} s"));
                }
            }
        }

        var results = new List<BenchResult>();
        foreach (int count in counts)
        {
            double baseline = BenchRunner.Median(seconds[(count, subjects[0].Label)]);
            foreach (var subject in subjects)
            {
                List<double> runs = seconds[(count, subject.Label)];
                double median = BenchRunner.Median(runs);
                results.Add(new BenchResult(count, subject.Label, subject.Partitioner, subject.Workers, totals[count].Features, totals[count].Bytes, runs, median, baseline / median));
            }
        }

        return results;
    }

    private static double Timed(string label, Func<string, string, int> run, string input, string output)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Directory.CreateDirectory(output);
        var clock = Stopwatch.StartNew();
        int exit = run(input, output);
        double seconds = clock.Elapsed.TotalSeconds;
        if (exit != 0)
        {
            throw new InvalidOperationException($"{label} exited with {exit} on {input}");
        }

        return seconds;
    }

    // The first `count` shapefiles of the set with their sibling files, hard-linked (copied where links fail) into `folder`.
    private static string LinkFirst(IReadOnlyList<string> data, int count, string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        foreach (string shp in data.Take(count))
        {
            string stem = Path.GetFileNameWithoutExtension(shp);
            foreach (string part in Directory.EnumerateFiles(Path.GetDirectoryName(shp)!, stem + ".*"))
            {
                string target = Path.Combine(folder, Path.GetFileName(part));
                if (!HardLink(part, target))
                {
                    File.Copy(part, target);
                }
            }
        }

        return folder;
    }

    private static bool HardLink(string existing, string link) => Start("ln", ["--", existing, link]) == 0;

    private static (long Features, long Bytes) Totals(string folder)
    {
        IReadOnlyList<string> files = ShapefileFiles.Find(folder);

        // Records listed in each .shx: the generated sets have no deleted records, so this is the feature count.
        long features = files.Sum(f => (new FileInfo(ShapefileFiles.Sibling(f, ".shx")!).Length - 100) / 8);
        return (features, files.Sum(ShapefileFiles.InputBytes));
    }

    /// <summary>Starts this program afresh with <paramref name="arguments"/>, discards its output, and returns its exit code.</summary>
    public static int RunThisProgram(IReadOnlyList<string> arguments) => Run(WorkerLauncher.ForThisProgram(), arguments);

    /// <summary>A build of this tool given on the command line: a native executable or apphost, or an assembly (<c>.dll</c>) run by the dotnet host.</summary>
    public static WorkerLauncher Program(string path) => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
        ? new WorkerLauncher(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Path.GetFullPath(path)], new Dictionary<string, string>())
        : new WorkerLauncher(Path.GetFullPath(path), [], new Dictionary<string, string>());

    private static int Run(WorkerLauncher program, IReadOnlyList<string> arguments) => Start(program.FileName, [.. program.Arguments, .. arguments]);

    private static int Convert(WorkerLauncher program, ConversionPlan plan, string input, string output)
    {
        string[] mode = plan.Mode == ExecutionMode.Single
            ? ["--mode", "single"]
            : ["--mode", plan.Mode == ExecutionMode.Threads ? "threads" : "processes", "--workers", plan.Workers.ToString(CultureInfo.InvariantCulture), "--partitioner", plan.Partitioner == PartitionerKind.Static ? "static" : "dynamic"];
        return Run(program, ["convert", "--in", input, "--out", output, .. mode]);
    }

    // xargs -P N runs N ogr2ogr processes at a time, one file each; -P 1 is a plain file-by-file loop.
    private static int Ogr2Ogr(string input, string output, int workers)
    {
        string list = Path.Combine(output, ".inputs");
        File.WriteAllText(list, string.Concat(ShapefileFiles.Find(input).Select(p => p + "\0")));
        int exit = Start("xargs", ["-0", "-a", list, "-P", workers.ToString(CultureInfo.InvariantCulture), "-n", "1", "sh", "-c", "ogr2ogr -f GeoJSON \"$0/$(basename \"$1\" .shp).geojson\" \"$1\"", output]);
        File.Delete(list);
        return exit;
    }

    private static int Start(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Task.WaitAll(output, error);
        return process.ExitCode;
    }
}
