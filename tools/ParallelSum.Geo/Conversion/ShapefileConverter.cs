using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ParallelSum.Geo.Shapefiles;

namespace ParallelSum.Geo.Conversion;

/// <summary>Converts one shapefile to one GeoJSON FeatureCollection, streaming feature by feature.</summary>
internal static class ShapefileConverter
{
    /// <summary>The start of the reason of a file that failed on a defect of this reader rather than of the file.</summary>
    public const string InternalError = "internal error";

    private const int FlushBytes = 1 << 16;

    /// <summary>Gets the writer options: non-ASCII text as UTF-8, not as \u escapes (the output is a file, never embedded in HTML).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>
    /// Converts <paramref name="shpPath"/> into <c>&lt;outFolder&gt;/&lt;name&gt;.geojson</c>. Never throws for a bad input: every
    /// problem becomes an <see cref="FileOutcome.Error"/> result with its reason. The GeoJSON is written to a temporary file and
    /// moved into place only when complete, so a failure leaves no partial output; an existing output is kept unless
    /// <paramref name="overwrite"/>. <paramref name="encoding"/>, when given, decodes the .dbf's text whatever its .cpg or
    /// language driver byte say. Cancellation stops the file between two features: it then ends as an error whose reason is
    /// <see cref="ConversionRunner.Cancelled"/>, with no output and no temporary file left.
    /// <para>Coordinates: by default the .prj's system is taken to WGS 84 longitude and latitude (RFC 7946); a .prj that cannot
    /// be read or taken there fails the file with the reason. With <paramref name="keepCrs"/> the coordinates are written as
    /// they are, with a <c>crs</c> member naming the .prj's system (a .prj that cannot be read then gives a warning).</para>
    /// </summary>
    public static FileResult Convert(string shpPath, string outFolder, bool overwrite, int worker, Encoding? encoding = null, bool keepCrs = false, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        string name = Path.GetFileName(shpPath);
        string outPath = GeoJson.OutputPath(shpPath, outFolder);
        long bytesIn = 0;
        try
        {
            if (Environment.GetEnvironmentVariable(Cli.WorkerCommand.HangOnVariable) == name)
            {
                // Test hook: wait until cancelled, as a file that takes for ever would.
                cancellationToken.WaitHandle.WaitOne();
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (ShapefileFiles.NotRegular(shpPath) is string notRegular)
            {
                return FileResult.Failed(name, notRegular, worker);
            }

            bytesIn = ShapefileFiles.InputBytes(shpPath);
            if (!overwrite && File.Exists(outPath))
            {
                return new FileResult(name, FileOutcome.SkippedExists, $"{Path.GetFileName(outPath)} exists (use --overwrite to replace it)", 0, bytesIn, 0, clock.Elapsed.TotalSeconds, worker);
            }

            if (ShapefileFiles.Check(shpPath) is string problem)
            {
                return FileResult.Failed(name, problem, worker, bytesIn, clock.Elapsed.TotalSeconds);
            }

            using ShapefileSource reader = ShapefileFiles.Open(shpPath, encoding);
            OutputCrs crs = OutputCrs.For(shpPath, keepCrs, reader.Shapes.Bounds);
            string temporary = TemporaryPath(outPath, worker);
            try
            {
                int features = Write(reader, temporary, crs, cancellationToken);
                long bytesOut = new FileInfo(temporary).Length;
                File.Move(temporary, outPath, overwrite);
                IReadOnlyList<string> warnings = [.. reader.Warnings, .. crs.Warnings];
                return new FileResult(name, FileOutcome.Ok, null, features, bytesIn, bytesOut, clock.Elapsed.TotalSeconds, worker)
                {
                    Warnings = warnings.Count == 0 ? null : warnings,
                };
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        catch (IOException) when (!overwrite && File.Exists(outPath))
        {
            // Another run created the output between the check and the move.
            return new FileResult(name, FileOutcome.SkippedExists, $"{Path.GetFileName(outPath)} exists (use --overwrite to replace it)", 0, bytesIn, 0, clock.Elapsed.TotalSeconds, worker);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return FileResult.Failed(name, ConversionRunner.Cancelled, worker, bytesIn, clock.Elapsed.TotalSeconds);
        }
        catch (Crs.CrsException e)
        {
            return FileResult.Failed(name, $".prj: {e.Message}", worker, bytesIn, clock.Elapsed.TotalSeconds);
        }
        catch (ShapefileFormatException e)
        {
            return FileResult.Failed(name, e.Message, worker, bytesIn, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileResult.Failed(name, $"unreadable: {e.Message}", worker, bytesIn, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e)
        {
            // A reader defect, not a property of the input: still this file's failure alone, never the run's. The fuzz test
            // counts any such result as a broken rule.
            return FileResult.Failed(name, $"{InternalError}: {e.GetType().Name}: {e.Message}", worker, bytesIn, clock.Elapsed.TotalSeconds);
        }
    }

    /// <summary>
    /// The temporary file an output is written to before it is moved into place: <c>&lt;output&gt;.&lt;pid&gt;-&lt;worker&gt;.tmp</c>,
    /// so a parent can find (and remove) what a dead worker process left.
    /// </summary>
    public static string TemporaryPath(string outPath, int worker, int? processId = null) =>
        outPath + $".{processId ?? Environment.ProcessId}-{worker}.tmp";

    // Streams features into a FeatureCollection: memory stays at the input files and one feature of output.
    private static int Write(ShapefileSource reader, string outPath, OutputCrs crs, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        using var json = new Utf8JsonWriter(stream, WriterOptions);
        json.WriteStartObject();
        json.WriteString("type"u8, "FeatureCollection"u8);
        if (crs.Name is string crsName)
        {
            // The crs member of the 2008 GeoJSON format, as ogr2ogr writes it for a system that is not WGS 84.
            json.WriteStartObject("crs"u8);
            json.WriteString("type"u8, "name"u8);
            json.WriteStartObject("properties"u8);
            json.WriteString("name"u8, crsName);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartArray("features"u8);
        int count = reader.WriteFeatures(json, FlushBytes, crs.ToWgs84, cancellationToken);
        json.WriteEndArray();
        json.WriteEndObject();
        return count;
    }
}
