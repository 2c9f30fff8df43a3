using System.Diagnostics;
using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Data;
using Xunit.Abstractions;

namespace ParallelSum.Geo.Tests;

/// <summary>
/// Fuzzing with fixed seeds for a bounded time: real and generated shapefiles, damaged by <see cref="ShapefileMutator"/>.
/// Every case must end within its deadline, allocate within its budget, yield ok or a per-file error (never an exception),
/// and leave no temporary file; a batch of damaged files converted beside good ones leaves the good ones converted. A case
/// that breaks a rule is written to FuzzRegressions/ (and replayed by <see cref="Regressions_EachConvertsOrFailsAlone"/>).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CaseDeadline = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("PARALLELSUM_GEO_FUZZ_SECONDS") ?? "40", System.Globalization.CultureInfo.InvariantCulture));
    private const int Seed = 20261128;
    private static readonly string[] Parts = [".shp", ".shx", ".dbf", ".cpg"];
    private static readonly string[] RealSeeds = ["multipatch", "polygonz", "multipointz", "polylinem", "columbus", "lux"];
    private static readonly string[] Plans = ["single", "threads-dynamic:2", "processes-static:2"];

    [Fact]
    public async Task Mutations_EndInTime_WithinMemory_AsOkOrAPerFileError()
    {
        using var folder = new TempFolder();
        List<Dictionary<string, byte[]>> seeds = Seeds(folder.Sub("seeds"));
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        int cases = 0, ok = 0, errors = 0;
        var failures = new List<string>();
        while (clock.Elapsed < Budget && failures.Count < 5)
        {
            Dictionary<string, byte[]> parts = seeds[random.Next(seeds.Count)].ToDictionary(kv => kv.Key, kv => (byte[])kv.Value.Clone());
            string mutation = ShapefileMutator.Mutate(parts, random);
            if (random.Next(4) == 0)
            {
                mutation += "; " + ShapefileMutator.Mutate(parts, random);
            }

            string caseFolder = folder.Sub($"case{cases}");
            string shp = WriteParts(caseFolder, "fuzz", parts);
            cases++;
            if (await RunCase(shp, caseFolder) is string failure)
            {
                string kept = Keep(parts, cases);
                failures.Add($"case {cases} ({mutation}): {failure}; kept as {kept}");
            }
            else if (File.Exists(GeoJson.OutputPath(shp, Path.Combine(caseFolder, "out"))))
            {
                ok++;
            }
            else
            {
                errors++;
            }

            Directory.Delete(caseFolder, recursive: true);
        }

        output.WriteLine($"fuzz: {cases} cases in {clock.Elapsed.TotalSeconds:F1} s (seed {Seed}): {ok} converted, {errors} per-file errors, {failures.Count} broke a rule");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(cases >= 100, $"only {cases} cases ran in the budget");
    }

    [Fact]
    public async Task DamagedFilesBesideGoodOnes_TheGoodOnesConvert_InEveryMode()
    {
        using var folder = new TempFolder();
        List<Dictionary<string, byte[]>> seeds = Seeds(folder.Sub("seeds"));
        string batch = folder.Sub("batch");
        var random = new Random(Seed + 1);
        for (int i = 0; i < 24; i++)
        {
            Dictionary<string, byte[]> parts = seeds[random.Next(seeds.Count)].ToDictionary(kv => kv.Key, kv => (byte[])kv.Value.Clone());
            ShapefileMutator.Mutate(parts, random);
            WriteParts(batch, $"damaged_{i:D2}", parts);
        }

        DatasetGenerator.Generate(new DatasetOptions(Files: 3, Seed: 5, MinFeatures: 20, MaxFeatures: 100, Skew: 1), batch);
        foreach (string label in Plans)
        {
            Assert.True(ConversionPlan.TryParse(label, 2, out ConversionPlan plan));
            string outFolder = folder.Sub("out-" + label.Replace(':', '-'));
            Task<ConversionReport> run = Task.Run(() => ConversionRunner.Run(ShapefileFiles.Find(batch), outFolder, overwrite: false, plan));
            ConversionReport report = await run.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.All(report.Files.Where(f => f.Name.StartsWith("parcels_", StringComparison.Ordinal)), f => Assert.Equal(FileOutcome.Ok, f.Outcome));
            Assert.All(report.Files, f => Assert.True(f.Outcome == FileOutcome.Ok || (f.Outcome == FileOutcome.Error && !string.IsNullOrEmpty(f.Reason)), $"{f.Name}: {f.OutcomeText}"));
            Assert.Empty(Directory.GetFiles(outFolder, "*.tmp"));
            output.WriteLine($"{label}: {report.Converted} converted, {report.Failed} failed of {report.Files.Count}");
        }
    }

    [Fact]
    public async Task Regressions_EachConvertsOrFailsAlone()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "FuzzRegressions");
        string[] cases = Directory.Exists(root) ? Directory.GetDirectories(root) : [];
        foreach (string regression in cases)
        {
            using var folder = new TempFolder();
            foreach (string file in Directory.GetFiles(regression))
            {
                File.Copy(file, folder.Sub(Path.GetFileName(file)));
            }

            string shp = Directory.GetFiles(folder.Path, "*.shp").Single();
            Assert.Null(await RunCase(shp, folder.Path));
        }

        output.WriteLine($"{cases.Length} regression inputs replayed");
    }

    // Null when the case kept every rule, else which rule it broke.
    private static async Task<string?> RunCase(string shp, string caseFolder)
    {
        string outFolder = Path.Combine(caseFolder, "out");
        Directory.CreateDirectory(outFolder);
        long inputBytes = Directory.GetFiles(caseFolder).Sum(f => new FileInfo(f).Length);
        long allocated = 0;
        Task<FileResult> task = Task.Factory.StartNew(
            () =>
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    return ShapefileConverter.Convert(shp, outFolder, overwrite: false, worker: 0);
                }
                finally
                {
                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        FileResult result;
        try
        {
            result = await task.WaitAsync(CaseDeadline);
        }
        catch (TimeoutException)
        {
            return $"did not end within {CaseDeadline.TotalSeconds} s";
        }
        catch (Exception e)
        {
            return $"threw {e.GetType().Name}: {e.Message}";
        }

        // Input read whole, output of one feature at a time, geometry arrays: a generous multiple of the input.
        long budget = (64 * inputBytes) + (16 << 20);
        if (allocated > budget)
        {
            return $"allocated {allocated:N0} bytes, over the budget of {budget:N0} for {inputBytes:N0} bytes of input";
        }

        if (Directory.GetFiles(outFolder, "*.tmp").Length > 0)
        {
            return "left a .tmp file";
        }

        return result.Outcome switch
        {
            FileOutcome.Ok => null,
            FileOutcome.Error when result.Reason!.StartsWith(ShapefileConverter.InternalError, StringComparison.Ordinal) => result.Reason,
            FileOutcome.Error when !string.IsNullOrWhiteSpace(result.Reason) => null,
            _ => $"outcome {result.OutcomeText} with reason '{result.Reason}'",
        };
    }

    private static List<Dictionary<string, byte[]>> Seeds(string folder)
    {
        var shpPaths = new List<string>(ShapefileZoo.Write(Path.Combine(folder, "zoo")));
        shpPaths.AddRange(DatasetGenerator.Generate(new DatasetOptions(Files: 2, Seed: 3, MinFeatures: 5, MaxFeatures: 30, Skew: 1), Path.Combine(folder, "parcels")));
        if (Corpus.Folder is string corpus)
        {
            // A few small real files: multipatch with header slack, polygons Z, a multi-ring polygon file, a non-UTF-8 table.
            foreach (string name in RealSeeds)
            {
                shpPaths.AddRange(Directory.GetFiles(corpus, name + ".shp", SearchOption.AllDirectories).Take(1));
            }
        }

        return [.. shpPaths.Select(shp => Parts
            .Where(ext => File.Exists(Path.ChangeExtension(shp, ext)))
            .ToDictionary(ext => ext, ext => File.ReadAllBytes(Path.ChangeExtension(shp, ext))))];
    }

    private static string WriteParts(string folder, string name, Dictionary<string, byte[]> parts)
    {
        Directory.CreateDirectory(folder);
        foreach ((string extension, byte[] bytes) in parts)
        {
            File.WriteAllBytes(Path.Combine(folder, name + extension), bytes);
        }

        return Path.Combine(folder, name + ".shp");
    }

    // Writes a rule-breaking input into the source tree's FuzzRegressions folder (when the tests run from a checkout).
    private static string Keep(Dictionary<string, byte[]> parts, int number)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string project = Path.Combine(dir.FullName, "tests", "ParallelSum.Geo.Tests");
            if (Directory.Exists(project))
            {
                string target = Path.Combine(project, "FuzzRegressions", $"case-{Seed}-{number}");
                WriteParts(target, "regression", parts);
                return target;
            }
        }

        return "(not kept: no source tree)";
    }
}
