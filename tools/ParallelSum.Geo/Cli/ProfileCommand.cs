using System.CommandLine;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using ParallelSum.Geo.Bench;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Cli;

/// <summary><c>profile</c>: where one worker's time goes, stage by stage, in seconds and MB/s.</summary>
internal static class ProfileCommand
{
    private static readonly Option<string> In = new("--in", "-i") { Description = "The folder of shapefiles to profile (every one must convert).", Required = true };
    private static readonly Option<int> Repetitions = new("--repetitions", "-r") { Description = "Timed passes per stage (1 to 50); the median is reported.", DefaultValueFactory = _ => 3 };
    private static readonly Option<string> Out = new("--out", "-o") { Description = "The folder for stages.md and stages.json.", DefaultValueFactory = _ => Path.Combine("artifacts", "geo-profile") };
    private static readonly Option<string> Work = new("--work") { Description = "A scratch folder for outputs (emptied first).", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "parallelsum-geo-profile") };
    private static readonly Option<bool> NoCold = new("--no-cold") { Description = "Skip the two stages that start this program afresh (process start-up, cold command line)." };

    public static Command Create()
    {
        var command = new Command("profile", "Time each stage of one worker's conversion of the files in --in (read, parse, group rings, attributes, number formatting, JSON, file writes, start-up) and print each stage's limit in MB/s of input.")
        {
            In, Repetitions, Out, Work, NoCold,
        };
        command.SetAction(parse =>
        {
            string inFolder = parse.GetValue(In)!;
            int repetitions = parse.GetValue(Repetitions);
            GeoCli.Reject([
                .. GeoCli.RequireFolder("--in", inFolder),
                .. repetitions is < 1 or > 50 ? [$"--repetitions must be between 1 and 50; got {repetitions}."] : Array.Empty<string>(),
            ]);
            IReadOnlyList<string> files = ShapefileFiles.Find(inFolder);
            if (files.Count == 0)
            {
                throw new UsageException($"--in: no .shp files in {inFolder}.");
            }

            void Log(string line) => Console.Out.WriteLine(line);
            Log(string.Create(CultureInfo.InvariantCulture, $"profile: {files.Count} files in {inFolder}; {repetitions} timed passes per stage after one untimed"));
            IReadOnlyList<StageTiming> stages = StageProfiler.Run(
                files, parse.GetValue(Work)!, repetitions, parse.GetValue(NoCold) ? null : ColdBench.RunThisProgram, Log, out long features, out long inputBytes, out long outputBytes);
            var profile = new StageProfile(
                DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                BenchCommand.MachineDescription(),
                Environment.ProcessorCount,
                $".NET {Environment.Version}, {RuntimeInformation.OSDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC",
                "ParallelSum.Geo " + string.Join(' ', parse.Tokens.Select(t => t.Value)),
                repetitions,
                files.Count,
                features,
                inputBytes,
                outputBytes,
                stages);
            foreach (string path in StageOutput.Write(profile, parse.GetValue(Out)!))
            {
                Log($"wrote {path}");
            }

            return 0;
        });
        return command;
    }
}
