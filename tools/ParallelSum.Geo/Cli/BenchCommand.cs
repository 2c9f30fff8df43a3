using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using ParallelSum.Geo.Bench;
using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Data;
using Spectre.Console;

namespace ParallelSum.Geo.Cli;

/// <summary><c>bench</c>: the original question, measured: 5, 10, 20, 40, 80 files with every mode.</summary>
internal static class BenchCommand
{
    public const string DefaultModes = "single,threads-static,threads-dynamic,processes-static,processes-dynamic";

    private static readonly Option<string> Counts = new("--counts", "-c") { Description = "File counts to convert, comma-separated (each 1 to 10000).", DefaultValueFactory = _ => "5,10,20,40,80" };
    private static readonly Option<int> Repetitions = new("--repetitions", "-r") { Description = "Timed runs per count and mode (1 to 50); the median is reported.", DefaultValueFactory = _ => 3 };
    private static readonly Option<string> Out = new("--out", "-o") { Description = "The folder for results.csv, results.json, results.md, chart.png and chart.svg.", DefaultValueFactory = _ => Path.Combine("artifacts", "geo-bench") };
    private static readonly Option<string> Work = new("--work") { Description = "The folder for the data set and the outputs (the data set is reused when its options match).", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "parallelsum-geo-bench") };
    private static readonly Option<string> Modes = new("--modes", "-m") { Description = $"Modes to run, comma-separated, each optionally with :N workers (e.g. processes-dynamic:4). Accepted: single, threads-static, threads-dynamic, processes-static, processes-dynamic.", DefaultValueFactory = _ => DefaultModes };
    private static readonly Option<string> Order = new("--order") { Description = "name: each count's files in name order; largest-first: biggest inputs first.", DefaultValueFactory = _ => "name" };
    private static readonly Option<bool> Cold = new("--cold") { Description = "Run each mode as a fresh `convert` process, as a user would (start-up, JIT and tiering included); otherwise single and threads run inside the bench's warm process." };
    private static readonly Option<int> Ogr2Ogr = new("--ogr2ogr") { Description = "With --cold: also time GDAL's ogr2ogr file by file and, for N > 1, N at once under xargs -P N (0 = not at all); speedups are then against ogr2ogr file by file.", DefaultValueFactory = _ => 0 };
    private static readonly Option<string[]> Programs = new("--program") { Description = "With --cold: time each mode with this build of the tool, given as LABEL=PATH (a native executable, or a .dll for the dotnet host); repeat to compare builds (e.g. aot=…/ParallelSum.Geo jit=…/ParallelSum.Geo.dll) in one run. Default: this program.", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<int> Workers = new("--workers", "-w") { Description = "Workers for modes given without :N (1 to 256; default one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };

    public static Command Create()
    {
        Order.AcceptOnlyFromAmong("name", "largest-first");
        var command = new Command("bench", "Convert the first N files of one seeded data set for every N in --counts with every mode; print and save times, speedups and a chart.")
        {
            Counts, Repetitions, Out, Work, Modes, Workers, Order, Cold, Ogr2Ogr, Programs,
            GenerateCommand.Seed, GenerateCommand.MinFeatures, GenerateCommand.MaxFeatures, GenerateCommand.Skew,
        };
        command.SetAction(parse =>
        {
            int[] counts = ParseCounts(parse.GetValue(Counts)!, out string? countError);
            int workers = parse.GetValue(Workers);
            ConversionPlan[] plans = ParseModes(parse.GetValue(Modes)!, workers, out string? modeError);
            int repetitions = parse.GetValue(Repetitions);
            bool cold = parse.GetValue(Cold);
            int ogr2ogr = parse.GetValue(Ogr2Ogr);
            FileOrder order = ConvertCommand.ParseOrder(parse.GetValue(Order)!);
            string[] programTexts = parse.GetValue(Programs) ?? [];
            var programs = new List<(string Label, WorkerLauncher Program)>();
            var programErrors = new List<string>();
            foreach (string text in programTexts)
            {
                int equals = text.IndexOf('=', StringComparison.Ordinal);
                string label = equals > 0 ? text[..equals] : "";
                string path = equals > 0 ? text[(equals + 1)..] : text;
                if (label.Length == 0 || !File.Exists(path))
                {
                    programErrors.Add($"--program: '{text}' is not LABEL=PATH of an existing file (e.g. aot=artifacts/shp2geojson/ParallelSum.Geo).");
                }
                else
                {
                    programs.Add((label, ColdBench.Program(path)));
                }
            }
            var dataset = new DatasetOptions(
                counts.Length > 0 ? counts.Max() : 1,
                parse.GetValue(GenerateCommand.Seed),
                parse.GetValue(GenerateCommand.MinFeatures),
                parse.GetValue(GenerateCommand.MaxFeatures),
                parse.GetValue(GenerateCommand.Skew));
            GeoCli.Reject(new[]
            {
                countError,
                modeError,
                workers is < 1 or > 256 ? $"--workers must be between 1 and 256; got {workers}." : null,
                repetitions is < 1 or > 50 ? $"--repetitions must be between 1 and 50; got {repetitions}." : null,
                ogr2ogr is < 0 or > 256 ? $"--ogr2ogr must be between 0 and 256; got {ogr2ogr}." : null,
                ogr2ogr > 0 && !cold ? "--ogr2ogr needs --cold (ogr2ogr always starts cold)." : null,
                programs.Count > 0 && !cold ? "--program needs --cold (each build runs as a fresh process)." : null,
                cold && order != FileOrder.Name ? "--cold converts each count's files in name order; leave out --order." : null,
                ogr2ogr > 0 && !Verification.Ogr2Ogr.IsAvailable() ? "--ogr2ogr: ogr2ogr is not on PATH (Debian: apt-get install gdal-bin)." : null,
            }.OfType<string>().Concat(programErrors).Concat(dataset.Validate().Where(e => !e.StartsWith("--files", StringComparison.Ordinal))));

            string work = parse.GetValue(Work)!;
            string outFolder = parse.GetValue(Out)!;
            void Log(string line) => Console.Out.WriteLine(line);
            IReadOnlyList<string> data = BenchRunner.PrepareData(dataset, Path.Combine(work, "data"), Log);
            Log($"bench: counts {string.Join(",", counts)}; {string.Join(", ", plans.Select(p => p.Label))}; {repetitions} repetitions (+1 untimed warm-up per mode)");
            List<BenchResult> results = cold
                ? ColdBench.Run(data, counts, plans, ogr2ogr, repetitions, work, Log, programs)
                : BenchRunner.Run(data, counts, plans, repetitions, Path.Combine(work, "out"), Log, order);
            var report = new BenchReport(
                DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                MachineDescription(),
                Environment.ProcessorCount,
                $".NET {Environment.Version}, {RuntimeInformation.OSDescription}",
                "ParallelSum.Geo " + string.Join(' ', parse.Tokens.Select(t => t.Value)),
                repetitions,
                string.Create(CultureInfo.InvariantCulture, $"seed {dataset.Seed}, {dataset.MinFeatures}–{dataset.MaxFeatures} polygons a file, skew {dataset.Skew}; the first N of {dataset.Files} files, {(order == FileOrder.Name ? "in name order" : "largest first")}"),
                results)
            {
                Baseline = cold ? results[0].Mode : (plans.FirstOrDefault(p => p.Mode == ExecutionMode.Single) ?? plans[0]).Label,
            };
            WriteTable(report);
            foreach (string path in BenchOutput.Write(report, outFolder))
            {
                Log($"wrote {path}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Parses "5,10,20": distinct counts in the order given.</summary>
    public static int[] ParseCounts(string text, out string? error)
    {
        error = null;
        var counts = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count is < 1 or > 10_000)
            {
                error = $"--counts: '{part}' is not a whole number from 1 to 10000 (expected e.g. 5,10,20,40,80).";
                return [];
            }

            if (!counts.Contains(count))
            {
                counts.Add(count);
            }
        }

        if (counts.Count == 0)
        {
            error = "--counts: give at least one file count, e.g. 5,10,20,40,80.";
        }

        return [.. counts];
    }

    /// <summary>Parses "single,threads-dynamic:4": distinct plans in the order given.</summary>
    public static ConversionPlan[] ParseModes(string text, int defaultWorkers, out string? error)
    {
        error = null;
        var plans = new List<ConversionPlan>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ConversionPlan.TryParse(part, defaultWorkers, out ConversionPlan plan))
            {
                error = $"--modes: '{part}' is not one of single, threads-static, threads-dynamic, processes-static, processes-dynamic (each optionally with :N workers, 1 to 256).";
                return [];
            }

            if (!plans.Contains(plan))
            {
                plans.Add(plan);
            }
        }

        if (plans.Count == 0)
        {
            error = "--modes: give at least one mode, e.g. " + DefaultModes + ".";
        }

        return [.. plans];
    }

    private static void WriteTable(BenchReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"median seconds (speedup against {report.Baseline})");
        table.AddColumn("mode");
        int[] counts = [.. report.Results.Select(r => r.Files).Distinct()];
        foreach (int count in counts)
        {
            table.AddColumn(new TableColumn($"{count} files").RightAligned());
        }

        foreach (string mode in report.Results.Select(r => r.Mode).Distinct())
        {
            table.AddRow([mode, .. counts.Select(c => report.Results.Single(r => r.Files == c && r.Mode == mode))
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.MedianSeconds:F2} ({r.Speedup:F2}×)"))]);
        }

        AnsiConsole.Write(table);
    }

    /// <summary>The processor model from /proc/cpuinfo, or the architecture.</summary>
    public static string MachineDescription()
    {
        const string cpuinfo = "/proc/cpuinfo";
        string? model = File.Exists(cpuinfo)
            ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
