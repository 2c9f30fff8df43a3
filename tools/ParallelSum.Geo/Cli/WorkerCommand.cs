using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Cli;

/// <summary>
/// The hidden <c>worker</c> command that <c>convert --mode processes</c> starts: reads input paths from stdin, one JSON string
/// a line, converts each, and writes one JSON <see cref="FileResult"/> a line to stdout, until stdin closes. When its parent
/// process is gone it removes its temporary output and exits at once.
/// </summary>
internal static class WorkerCommand
{
    /// <summary>Test hook: a worker exits at once, with code 70, when it reaches the file of this name (simulates a crash).</summary>
    public const string CrashOnVariable = "PARALLELSUM_GEO_WORKER_CRASH_ON";

    /// <summary>Test hook: a worker starts writing the output of the file of this name, then exits with code 71 (dies mid-write).</summary>
    public const string DieWritingVariable = "PARALLELSUM_GEO_WORKER_DIE_WRITING";

    /// <summary>Test hook: a conversion (in a worker process, or in threads and single mode) waits until it is cancelled when it
    /// reaches the file of this name; a worker process is never cancelled, so it hangs until killed.</summary>
    public const string HangOnVariable = "PARALLELSUM_GEO_HANG_ON";

    private static readonly Option<string> Out = new("--out") { Required = true };
    private static readonly Option<int> WorkerId = new("--worker-id") { DefaultValueFactory = _ => 0 };
    private static readonly Option<bool> Overwrite = new("--overwrite");
    private static readonly Option<string?> TextEncoding = new("--encoding");
    private static readonly Option<int?> Parent = new("--parent");
    private static readonly Option<bool> KeepCrs = new("--keep-crs");

    public static Command Create()
    {
        var command = new Command("worker", "Internal: convert the paths read from stdin, printing one JSON result a line.") { Out, WorkerId, Overwrite, TextEncoding, Parent, KeepCrs };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            string outFolder = parse.GetValue(Out)!;
            int worker = parse.GetValue(WorkerId);
            bool overwrite = parse.GetValue(Overwrite);
            string? crashOn = Environment.GetEnvironmentVariable(CrashOnVariable);
            System.Text.Encoding? encoding = parse.GetValue(TextEncoding) is string name
                ? Shapefiles.CodePages.ByName(name) ?? throw new UsageException($"--encoding: unknown encoding '{name}'.")
                : null;
            if (parse.GetValue(Parent) is int parent)
            {
                ParentWatch.Start(parent, () => RemoveTemporaries(outFolder, worker));
            }

            // Ctrl+C reaches every process of the terminal's group, and a service manager may send SIGTERM to all: the parent
            // decides, stops this worker and reports its file as cancelled. (Without a parent the worker is run by hand: the
            // signals then end it as usual.)
            using PosixSignalRegistration? interrupt = parse.GetValue(Parent) is null ? null : PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true);
            using PosixSignalRegistration? terminate = parse.GetValue(Parent) is null ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => c.Cancel = true);
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
            using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            while (stdin.ReadLine() is string line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                string path = JsonSerializer.Deserialize(line, ToolJson.Default.String) ?? throw new InvalidOperationException("worker: a null path was sent");

                if (crashOn is not null && Path.GetFileName(path) == crashOn)
                {
                    Console.Error.WriteLine($"worker {worker}: simulated crash on {crashOn}");
                    Environment.Exit(70);
                }

                if (Environment.GetEnvironmentVariable(DieWritingVariable) == Path.GetFileName(path))
                {
                    File.WriteAllText(ShapefileConverter.TemporaryPath(GeoJson.OutputPath(path, outFolder), worker), "{\"type\":\"FeatureCollection\",\"features\":[");
                    Environment.Exit(71);
                }

                FileResult result = ShapefileConverter.Convert(path, outFolder, overwrite, worker, encoding, parse.GetValue(KeepCrs));
                stdout.WriteLine(JsonSerializer.Serialize(result, ToolJson.Default.FileResult));
            }

            return 0;
        });
        return command;
    }

    /// <summary>Removes this process's temporary outputs in <paramref name="outFolder"/> (see <see cref="ShapefileConverter.TemporaryPath"/>).</summary>
    public static void RemoveTemporaries(string outFolder, int worker, int? processId = null)
    {
        string pattern = "*" + Path.GetFileName(ShapefileConverter.TemporaryPath("", worker, processId));
        foreach (string file in Directory.EnumerateFiles(outFolder, pattern))
        {
            File.Delete(file);
        }
    }
}
