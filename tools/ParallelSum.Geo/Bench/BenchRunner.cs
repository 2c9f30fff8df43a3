using System.Globalization;
using System.Text.Json;
using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Data;

namespace ParallelSum.Geo.Bench;

/// <summary>
/// Converts the first N files of one generated data set for every count and plan, several times, and keeps each run's
/// wall-clock time (start of the first worker to the last result, process start-up included for worker processes).
/// </summary>
internal static class BenchRunner
{
    /// <summary>
    /// Makes (or reuses, when <c>dataset.json</c> there records the same options) the data set in
    /// <paramref name="dataFolder"/>: <c>max(counts)</c> files, of which each count takes the first N.
    /// </summary>
    public static IReadOnlyList<string> PrepareData(DatasetOptions options, string dataFolder, Action<string> log)
    {
        string manifest = Path.Combine(dataFolder, "dataset.json");
        string wanted = JsonSerializer.Serialize(options, ToolJson.Default.DatasetOptions);
        if (File.Exists(manifest) && File.ReadAllText(manifest) == wanted)
        {
            IReadOnlyList<string> existing = ShapefileFiles.Find(dataFolder);
            if (existing.Count == options.Files)
            {
                log($"reusing the data set in {dataFolder}");
                return existing;
            }
        }

        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }

        int[] counts = DatasetGenerator.FeatureCounts(options);
        log(string.Create(CultureInfo.InvariantCulture, $"generating {options.Files} shapefiles ({counts.Sum():N0} polygons, {counts.Min():N0} to {counts.Max():N0} a file) in {dataFolder}"));
        IReadOnlyList<string> paths = DatasetGenerator.Generate(options, dataFolder);
        File.WriteAllText(manifest, wanted);
        return paths;
    }

    /// <summary>
    /// Runs every (count, plan) <paramref name="repetitions"/> times after one untimed warm-up per plan at the smallest count.
    /// Repetitions are the outer loop, so slow drift of the machine spreads over every configuration rather than one.
    /// </summary>
    /// <exception cref="InvalidOperationException">A run did not convert every file (a bench measures only complete runs).</exception>
    public static List<BenchResult> Run(
        IReadOnlyList<string> data,
        IReadOnlyList<int> counts,
        IReadOnlyList<ConversionPlan> plans,
        int repetitions,
        string outFolder,
        Action<string> log,
        FileOrder order = FileOrder.Name,
        WorkerLauncher? launcher = null)
    {
        var seconds = new Dictionary<(int Count, ConversionPlan Plan), List<double>>();
        var totals = new Dictionary<int, (long Features, long Bytes)>();
        foreach (ConversionPlan plan in plans)
        {
            Convert(ShapefileFiles.InOrder([.. data.Take(counts.Min())], order), plan, outFolder, launcher);
        }

        for (int rep = 1; rep <= repetitions; rep++)
        {
            foreach (int count in counts)
            {
                // The first N files of the set, then put in the asked order.
                IReadOnlyList<string> files = ShapefileFiles.InOrder([.. data.Take(count)], order);
                foreach (ConversionPlan plan in plans)
                {
                    ConversionReport report = Convert(files, plan, outFolder, launcher);
                    double s = report.Elapsed.TotalSeconds;
                    (seconds.TryGetValue((count, plan), out List<double>? list) ? list : seconds[(count, plan)] = []).Add(s);
                    totals[count] = (report.Files.Sum(f => (long)f.Features), report.Files.Sum(f => f.BytesIn));
                    log(string.Create(CultureInfo.InvariantCulture, $"repetition {rep}/{repetitions}, {count,3} files, {plan.Label,-22} {s,8:F3} s"));
                }
            }
        }

        ConversionPlan baseline = plans.FirstOrDefault(p => p.Mode == ExecutionMode.Single) ?? plans[0];
        var results = new List<BenchResult>();
        foreach (int count in counts)
        {
            double baselineMedian = Median(seconds[(count, baseline)]);
            foreach (ConversionPlan plan in plans)
            {
                List<double> runs = seconds[(count, plan)];
                double median = Median(runs);
                results.Add(new BenchResult(count, plan.Label, plan.PartitionerName, plan.Workers, totals[count].Features, totals[count].Bytes, runs, median, baselineMedian / median));
            }
        }

        return results;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        double[] sorted = [.. values.Order()];
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static ConversionReport Convert(IReadOnlyList<string> files, ConversionPlan plan, string outFolder, WorkerLauncher? launcher)
    {
        // Outputs are removed before each run (untimed), so every run writes every file.
        if (Directory.Exists(outFolder))
        {
            Directory.Delete(outFolder, recursive: true);
        }

        ConversionReport report = ConversionRunner.Run(files, outFolder, overwrite: false, plan, launcher: launcher);
        if (report.Converted != files.Count)
        {
            FileResult bad = report.Files.First(f => f.Outcome != FileOutcome.Ok);
            throw new InvalidOperationException($"{plan.Label} converted {report.Converted} of {files.Count} files; {bad.Name}: {bad.Reason}");
        }

        return report;
    }
}
