using System.Diagnostics;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace ParallelSum.Geo.Conversion;

/// <summary>Converts one shapefile to one GeoJSON FeatureCollection, streaming feature by feature.</summary>
internal static class ShapefileConverter
{
    private const int FlushBytes = 1 << 16;

    /// <summary>
    /// Converts <paramref name="shpPath"/> into <c>&lt;outFolder&gt;/&lt;name&gt;.geojson</c>. Never throws for a bad input: every
    /// problem becomes an <see cref="FileOutcome.Error"/> result with its reason. The GeoJSON is written to a temporary file and
    /// moved into place only when complete, so a failure leaves no partial output; an existing output is kept unless
    /// <paramref name="overwrite"/>.
    /// </summary>
    public static FileResult Convert(string shpPath, string outFolder, bool overwrite, int worker)
    {
        var clock = Stopwatch.StartNew();
        string name = Path.GetFileName(shpPath);
        string outPath = GeoJson.OutputPath(shpPath, outFolder);
        long bytesIn = 0;
        try
        {
            bytesIn = ShapefileFiles.InputBytes(shpPath);
            if (!overwrite && File.Exists(outPath))
            {
                return new FileResult(name, FileOutcome.SkippedExists, $"{Path.GetFileName(outPath)} exists (use --overwrite to replace it)", 0, bytesIn, 0, clock.Elapsed.TotalSeconds, worker);
            }

            if (ShapefileFiles.Check(shpPath, out int records) is string problem)
            {
                return FileResult.Failed(name, problem, worker, bytesIn, clock.Elapsed.TotalSeconds);
            }

            string temporary = outPath + $".{Environment.ProcessId}-{worker}.tmp";
            try
            {
                (int features, int read) = Write(shpPath, temporary);
                if (read != records)
                {
                    return FileResult.Failed(name, $"read {read} records but the .shx indexes {records}", worker, bytesIn, clock.Elapsed.TotalSeconds);
                }

                long bytesOut = new FileInfo(temporary).Length;
                File.Move(temporary, outPath, overwrite);
                return new FileResult(name, FileOutcome.Ok, null, features, bytesIn, bytesOut, clock.Elapsed.TotalSeconds, worker);
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
        catch (Exception e)
        {
            // A corrupt record surfaces from deep inside the reader as almost any exception type (format, range, overflow,
            // out of memory for a huge declared part count); whatever it is, it belongs to this file, never to the run.
            return FileResult.Failed(name, $"unreadable: {e.GetType().Name}: {e.Message}", worker, bytesIn, clock.Elapsed.TotalSeconds);
        }
    }

    // Streams features from the shapefile into a FeatureCollection: memory stays at one feature, whatever the file's size.
    // Returns the features written and the records read (deleted records are read but not written).
    private static (int Features, int Read) Write(string shpPath, string outPath)
    {
        using ShapefileReader reader = ShapefileFiles.OpenReader(shpPath);
        using var stream = new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        int count = 0;
        int read = 0;
        while (reader.Read(out bool deleted, out Feature feature))
        {
            read++;
            if (deleted)
            {
                continue;
            }

            JsonSerializer.Serialize<IFeature>(json, feature, GeoJson.Options);
            count++;

            // Utf8JsonWriter keeps everything in memory until flushed: hand it to the file every 64 KiB.
            if (json.BytesPending >= FlushBytes)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return (count, read);
    }
}
