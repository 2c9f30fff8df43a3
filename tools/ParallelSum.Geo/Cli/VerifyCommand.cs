using System.CommandLine;
using System.Globalization;
using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Verification;
using Spectre.Console;

namespace ParallelSum.Geo.Cli;

/// <summary><c>verify</c>: reads every output back and compares it with its shapefile.</summary>
internal static class VerifyCommand
{
    private static readonly Option<string> In = new("--in", "-i") { Description = "The folder of shapefiles that was converted.", Required = true };
    private static readonly Option<string> Out = new("--out", "-o") { Description = "The folder of .geojson outputs.", Required = true };
    private static readonly Option<bool> AgainstOgr2Ogr = new("--against-ogr2ogr") { Description = "Compare with what GDAL's ogr2ogr makes of each shapefile instead (needs ogr2ogr on PATH): geometry exactly, rings up to start and winding, attributes by value." };
    private static readonly Option<bool> KeepCrs = new("--keep-crs") { Description = "With --against-ogr2ogr: the outputs were made with convert --keep-crs; compare with plain ogr2ogr (coordinates bit for bit, the crs member) instead of with ogr2ogr -lco RFC7946=YES (within 1 cm)." };
    private static readonly Option<string?> TextEncoding = new("--encoding") { Description = "With --against-ogr2ogr: the encoding given to convert, passed to ogr2ogr as -oo ENCODING=…" };

    public static Command Create()
    {
        var command = new Command("verify", "Read every GeoJSON back and check its feature count, geometries (exactly) and attributes (by value) against its shapefile. Exits 1 on any difference.")
        {
            In, Out, AgainstOgr2Ogr, KeepCrs, TextEncoding,
        };
        command.SetAction(parse =>
        {
            string inFolder = parse.GetValue(In)!;
            string outFolder = parse.GetValue(Out)!;
            bool againstOgr = parse.GetValue(AgainstOgr2Ogr);
            GeoCli.Reject([
                .. GeoCli.RequireFolder("--in", inFolder),
                .. GeoCli.RequireFolder("--out", outFolder),
                .. againstOgr && !Ogr2Ogr.IsAvailable() ? ["--against-ogr2ogr: ogr2ogr is not on PATH (Debian: apt-get install gdal-bin)."] : Array.Empty<string>(),
            ]);
            IReadOnlyList<string> files = ShapefileFiles.Find(inFolder);
            if (files.Count == 0)
            {
                throw new UsageException($"--in: no .shp files in {inFolder}.");
            }

            VerifyResult[] results = againstOgr
                ? VerifyRunner.RunAgainstOgr2Ogr(files, outFolder, Environment.ProcessorCount, parse.GetValue(TextEncoding), parse.GetValue(KeepCrs))
                : VerifyRunner.Run(files, outFolder, Environment.ProcessorCount);
            AnsiConsole.MarkupLine($"verify {Markup.Escape(outFolder)} against {(againstOgr ? "ogr2ogr's conversion of " : "")}{Markup.Escape(inFolder)}");
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("file");
            table.AddColumn(new TableColumn("features").RightAligned());
            table.AddColumn("result");
            foreach (VerifyResult r in results)
            {
                table.AddRow(
                    Markup.Escape(r.Name),
                    r.Features.ToString("N0", CultureInfo.InvariantCulture),
                    r.Ok ? (r.MaxMetres is double m ? string.Create(CultureInfo.InvariantCulture, $"[green]equal[/] (points within {m * 1000:0.####} mm)") : "[green]equal[/]") : $"[red]{Markup.Escape(r.Problem ?? "differs")}[/]");
            }

            AnsiConsole.Write(table);
            int bad = results.Count(r => !r.Ok);
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{results.Length} files: {results.Length - bad} equal, {bad} not; {results.Sum(r => r.Features):N0} features compared"));
            return bad > 0 ? 1 : 0;
        });
        return command;
    }
}
