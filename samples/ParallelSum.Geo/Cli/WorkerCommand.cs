using System.CommandLine;
using System.Text;
using System.Text.Json;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Cli;

/// <summary>
/// The hidden <c>worker</c> command that <c>convert --mode processes</c> starts: reads input paths from stdin, one a line,
/// converts each, and writes one JSON <see cref="FileResult"/> a line to stdout, until stdin closes.
/// </summary>
internal static class WorkerCommand
{
    /// <summary>Test hook: a worker exits at once, with code 70, when it reaches the file of this name (simulates a crash).</summary>
    public const string CrashOnVariable = "PARALLELSUM_GEO_WORKER_CRASH_ON";

    private static readonly Option<string> Out = new("--out") { Required = true };
    private static readonly Option<int> WorkerId = new("--worker-id") { DefaultValueFactory = _ => 0 };
    private static readonly Option<bool> Overwrite = new("--overwrite");

    public static Command Create()
    {
        var command = new Command("worker", "Internal: convert the paths read from stdin, printing one JSON result a line.") { Out, WorkerId, Overwrite };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            string outFolder = parse.GetValue(Out)!;
            int worker = parse.GetValue(WorkerId);
            bool overwrite = parse.GetValue(Overwrite);
            string? crashOn = Environment.GetEnvironmentVariable(CrashOnVariable);
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
            using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            while (stdin.ReadLine() is string path)
            {
                if (path.Length == 0)
                {
                    continue;
                }

                if (crashOn is not null && Path.GetFileName(path) == crashOn)
                {
                    Console.Error.WriteLine($"worker {worker}: simulated crash on {crashOn}");
                    Environment.Exit(70);
                }

                FileResult result = ShapefileConverter.Convert(path, outFolder, overwrite, worker);
                stdout.WriteLine(JsonSerializer.Serialize(result));
            }

            return 0;
        });
        return command;
    }
}
