using System.CommandLine;
using System.Text.Json;
using ParallelSum.Geo.Conversion;
using Spectre.Console;

namespace ParallelSum.Geo.Cli;

/// <summary><c>convert</c>: every shapefile in a folder to GeoJSON, with one worker, threads or processes.</summary>
internal static class ConvertCommand
{
    private static readonly Option<string> In = new("--in", "-i") { Description = "The folder of shapefiles (.shp with .shx and .dbf).", Required = true };
    private static readonly Option<string> Out = new("--out", "-o") { Description = "The folder for the .geojson files (created if missing).", Required = true };
    private static readonly Option<string> Mode = new("--mode", "-m") { Description = "single: one worker; threads: workers in this process; processes: worker processes.", DefaultValueFactory = _ => "threads" };
    private static readonly Option<int?> Workers = new("--workers", "-w") { Description = "How many workers for threads and processes (1 to 256; default one per core)." };
    private static readonly Option<string> Partitioner = new("--partitioner", "-p") { Description = "static: contiguous blocks of files per worker, fixed up front; dynamic: a free worker takes the next file.", DefaultValueFactory = _ => "dynamic" };
    private static readonly Option<string> Order = new("--order") { Description = "name: files in name order; largest-first: biggest inputs first (helps dynamic chunks, hurts static blocks).", DefaultValueFactory = _ => "name" };
    private static readonly Option<bool> Overwrite = new("--overwrite") { Description = "Replace outputs that exist (default: skip those files and say so)." };
    private static readonly Option<string?> Encoding = new("--encoding") { Description = "Decode every .dbf's text with this encoding (windows-1252, ISO-8859-15, 850, UTF-8, …), whatever its .cpg or language driver byte say." };
    private static readonly Option<bool> KeepCrs = new("--keep-crs") { Description = "Write each file's coordinates as they are, in its .prj's system, named in a crs member (as plain ogr2ogr does); default: RFC 7946, every file taken to WGS 84 longitude and latitude." };
    private static readonly Option<string?> Report = new("--report") { Description = "Also write every file's result as JSON to this file." };

    public static Command Create()
    {
        Mode.AcceptOnlyFromAmong("single", "threads", "processes");
        Partitioner.AcceptOnlyFromAmong("static", "dynamic");
        Order.AcceptOnlyFromAmong("name", "largest-first");
        var command = new Command("convert", "Convert every shapefile in --in to GeoJSON in --out; print each file's outcome and a summary. Exits 1 if any file failed.")
        {
            In, Out, Mode, Workers, Partitioner, Order, Overwrite, Encoding, KeepCrs, Report,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            string inFolder = parse.GetValue(In)!;
            string outFolder = parse.GetValue(Out)!;
            GeoCli.Reject(Validate(parse, inFolder));
            ConversionPlan plan = ReadPlan(parse.GetValue(Mode)!, parse.GetValue(Workers), parse.GetValue(Partitioner)!);
            IReadOnlyList<string> files = ShapefileFiles.InOrder(ShapefileFiles.Find(inFolder), ParseOrder(parse.GetValue(Order)!));
            if (files.Count == 0)
            {
                Console.Error.WriteLine($"error: no .shp files in {inFolder}");
                return Task.FromResult(1);
            }

            AnsiConsole.MarkupLine($"converting {files.Count} shapefiles from {Markup.Escape(inFolder)} to {Markup.Escape(outFolder)}: {plan.Label}, {plan.PartitionerName}");
            ConversionReport report = ProgressDisplay.Run(files, plan.Workers, observer =>
                ConversionRunner.Run(files, outFolder, parse.GetValue(Overwrite), plan, observer, cancellationToken: cancellationToken, encoding: parse.GetValue(Encoding), keepCrs: parse.GetValue(KeepCrs)));
            ConversionSummary.Write(report);
            if (parse.GetValue(Report) is string reportPath)
            {
                File.WriteAllText(reportPath, JsonSerializer.Serialize(report.Files, ToolJson.Indented.IReadOnlyListFileResult));
            }

            if (cancellationToken.IsCancellationRequested)
            {
                Console.Error.WriteLine($"cancelled: {report.Converted} of {report.Files.Count} files converted, {report.Cancelled} not converted (cancelled), no partial output left.");
                return Task.FromResult(130);
            }

            return Task.FromResult(report.Failed > 0 ? 1 : 0);
        });
        return command;
    }

    public static FileOrder ParseOrder(string order) => order == "largest-first" ? FileOrder.LargestFirst : FileOrder.Name;

    private static IEnumerable<string> Validate(ParseResult parse, string inFolder)
    {
        foreach (string error in GeoCli.RequireFolder("--in", inFolder)
            .Concat(GeoCli.RequireOutputFolder("--out", parse.GetValue(Out)!))
            .Concat(parse.GetValue(Report) is string report ? GeoCli.RequireOutputFile("--report", report) : []))
        {
            yield return error;
        }

        if (parse.GetValue(Encoding) is string encoding && Shapefiles.CodePages.ByName(encoding) is null)
        {
            yield return $"--encoding: unknown encoding '{encoding}'; give a name such as windows-1252, ISO-8859-1, UTF-8, or a code page number such as 850.";
        }

        int? workers = parse.GetValue(Workers);
        if (workers is < 1 or > 256)
        {
            yield return $"--workers must be between 1 and 256; got {workers}.";
        }

        if (parse.GetValue(Mode) == "single" && workers is > 1)
        {
            yield return $"--workers {workers} does not go with --mode single (one worker); use --mode threads or processes.";
        }
    }

    private static ConversionPlan ReadPlan(string mode, int? workers, string partitioner) => mode switch
    {
        "single" => ConversionPlan.Single,
        _ => new ConversionPlan(
            mode == "threads" ? ExecutionMode.Threads : ExecutionMode.Processes,
            workers ?? Environment.ProcessorCount,
            partitioner == "static" ? PartitionerKind.Static : PartitionerKind.Dynamic),
    };
}
