using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Shapefiles;

namespace ParallelSum.Geo.Bench;

/// <summary>
/// Times each stage of one worker's conversion over a set of shapefiles, on the calling thread: reading the files, parsing
/// records into geometries, grouping rings, attributes to JSON, number formatting, geometry to JSON, whole features to JSON,
/// writing the output files, the whole in-process conversion, and a cold command-line run (process start-up, JIT and tiering
/// on top of the work). Every stage runs once untimed (so the code is compiled and the files are in the page cache), then
/// <c>repetitions</c> timed passes; the median is kept. Stages that need parsed input get it untimed, file by file.
/// </summary>
internal static class StageProfiler
{
    private const int FlushBytes = 1 << 16;

    /// <summary>Profiles <paramref name="shpPaths"/>, writing scratch outputs under <paramref name="scratchFolder"/>.</summary>
    /// <param name="shpPaths">The set (each must convert).</param>
    /// <param name="scratchFolder">Emptied and used for outputs.</param>
    /// <param name="repetitions">Timed passes per stage.</param>
    /// <param name="coldRun">Starts this program with the given arguments and waits for it; <see langword="null"/> skips the cold run.</param>
    /// <param name="log">Receives one line per stage.</param>
    /// <exception cref="InvalidOperationException">A file of the set does not convert, or the cold run fails.</exception>
    public static IReadOnlyList<StageTiming> Run(IReadOnlyList<string> shpPaths, string scratchFolder, int repetitions, Func<IReadOnlyList<string>, int>? coldRun, Action<string> log, out long features, out long inputBytes, out long outputBytes)
    {
        if (Directory.Exists(scratchFolder))
        {
            Directory.Delete(scratchFolder, recursive: true);
        }

        Directory.CreateDirectory(scratchFolder);
        string outFolder = Path.Combine(scratchFolder, "out");
        Directory.CreateDirectory(outFolder);
        long input = shpPaths.Sum(ShapefileFiles.InputBytes);
        inputBytes = input;
        long count = 0;
        long jsonBytes = 0;
        foreach (string path in shpPaths)
        {
            FileResult result = ShapefileConverter.Convert(path, outFolder, overwrite: true, worker: 0);
            if (result.Outcome != FileOutcome.Ok)
            {
                throw new InvalidOperationException($"{result.Name} does not convert ({result.Reason}); profile a set that does.");
            }

            count += result.Features;
            jsonBytes += result.BytesOut;
        }

        features = count;
        outputBytes = jsonBytes;
        var stages = new List<StageTiming>();
        void Add(string stage, string covers, long bytes, string bytesOf, Action<StageClock> pass)
        {
            StageTiming timing = Time(stage, covers, bytes, bytesOf, input, count, repetitions, pass);
            stages.Add(timing);
            log(Line(timing));
        }

        Add("read files", "the .shp, .shx and .dbf read whole into memory (page cache warm)", input, "input", _ =>
        {
            foreach (string path in shpPaths)
            {
                foreach (string? part in new[] { path, ShapefileFiles.Sibling(path, ".shx"), ShapefileFiles.Sibling(path, ".dbf") })
                {
                    using PooledBytes bytes = BoundedFile.ReadAll(part!, ".part");
                }
            }
        });
        Add("parse records", "every .shp record checked and copied into a geometry, rings grouped", ShpBytes(shpPaths), ".shp", clock => EachSource(clock, shpPaths, source =>
        {
            for (int r = 0; r < source.Shapes.Count; r++)
            {
                source.Shapes.Read(r);
            }
        }));
        Add("group rings", "polygon rings grouped into shells and holes (part of parse records)", ShpBytes(shpPaths), ".shp", clock => EachGeometries(clock, shpPaths, geometries =>
        {
            foreach (ShapeGeometry g in geometries)
            {
                if (g.Kind is GeometryKind.Polygon or GeometryKind.MultiPolygon)
                {
                    RingOrganizer.Organize(g.X, g.Y, g.Parts);
                }
            }
        }));
        Add("attributes to JSON", "every .dbf record's values parsed, decoded and written as JSON properties", DbfBytes(shpPaths), ".dbf", clock => EachSource(clock, shpPaths, source =>
        {
            using var json = new Utf8JsonWriter(Stream.Null, ShapefileConverter.WriterOptions);
            for (int r = 0; r < (source.Table?.Count ?? 0); r++)
            {
                json.WriteStartObject();
                source.Table!.WriteProperties(json, r);
                json.WriteEndObject();
                FlushIfFull(json);
            }
        }));
        long numberBytes = 0;
        byte[] text = new byte[32];
        Add("format numbers", "every coordinate formatted as the shortest text that reads back to the same double", 0, "number text", clock =>
        {
            long written = 0;
            EachGeometries(clock, shpPaths, geometries =>
            {
                foreach (ShapeGeometry g in geometries)
                {
                    written += Format(g.X, text) + Format(g.Y, text) + (g.Z is null ? 0 : Format(g.Z, text));
                }
            });
            numberBytes = written;
        });
        stages[^1] = stages[^1] with { StageBytes = numberBytes };
        Add("geometry to JSON", "every geometry written as GeoJSON (number formatting included)", 0, "JSON out", clock => EachGeometries(clock, shpPaths, geometries =>
        {
            using var json = new Utf8JsonWriter(Stream.Null, ShapefileConverter.WriterOptions);
            for (int r = 0; r < geometries.Count; r++)
            {
                GeoJsonGeometryWriter.Write(json, geometries[r], r);
                FlushIfFull(json);
            }
        }));
        Add("features to JSON", "parse records, group rings, attributes and geometry to JSON: the whole conversion without file I/O", jsonBytes, "JSON out", clock => EachSource(clock, shpPaths, source =>
        {
            using var json = new Utf8JsonWriter(Stream.Null, ShapefileConverter.WriterOptions);
            json.WriteStartArray();
            source.WriteFeatures(json, FlushBytes);
            json.WriteEndArray();
        }));
        byte[] chunk = new byte[FlushBytes];
        Add("write files", "as many bytes as the GeoJSON written to a temporary file in 64 KiB chunks, then moved into place", jsonBytes, "file out", _ =>
        {
            foreach (string path in shpPaths)
            {
                string target = GeoJson.OutputPath(path, outFolder);
                string temporary = target + ".tmp";
                long left = new FileInfo(target).Length;
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
                {
                    for (; left > 0; left -= chunk.Length)
                    {
                        stream.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
                    }
                }

                File.Move(temporary, target + ".copy", overwrite: true);
            }
        });
        Add("whole conversion", "ShapefileConverter.Convert file by file, as one warm worker does", jsonBytes, "file out", _ =>
        {
            foreach (string path in shpPaths)
            {
                ShapefileConverter.Convert(path, outFolder, overwrite: true, worker: 0);
            }
        });
        if (coldRun is not null)
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(shpPaths[0]))!;
            string coldOut = Path.Combine(scratchFolder, "cold");
            Add("process start-up", "a fresh process printing `convert --help`: runtime start, assembly loading, command line, exit", 0, "none", _ => Cold(coldRun, ["convert", "--help"]));
            Add("cold command line", "a fresh `convert --mode single --overwrite` process over the set: start-up, JIT and tiering on top of the work", jsonBytes, "file out", _ => Cold(coldRun, ["convert", "--in", folder, "--out", coldOut, "--mode", "single", "--overwrite"]));
        }

        return stages;
    }

    /// <summary>One log line for <paramref name="timing"/>.</summary>
    public static string Line(StageTiming timing) => string.Create(CultureInfo.InvariantCulture,
        $"{timing.Stage,-20} {timing.Seconds,8:F3} s {timing.InputMegabytesPerSecond,9:F0} MB/s of input {timing.AllocatedBytesPerFeature,9:F0} B/feature {timing.Gen0Collections,5} gen0");

    private static StageTiming Time(string stage, string covers, long bytes, string bytesOf, long input, long features, int repetitions, Action<StageClock> pass)
    {
        pass(new StageClock()); // untimed: compiles the code and warms the page cache
        var seconds = new List<double>();
        StageClock clock = new();
        for (int rep = 0; rep < repetitions; rep++)
        {
            clock = new StageClock();
            clock.Start();
            pass(clock);
            clock.Stop();
            seconds.Add(clock.Seconds);
        }

        double median = BenchRunner.Median(seconds);
        return new StageTiming(stage, covers, median, bytes, bytesOf, input / 1e6 / median, (double)clock.AllocatedBytes / features, clock.Gen0Collections);
    }

    private static void Cold(Func<IReadOnlyList<string>, int> coldRun, IReadOnlyList<string> arguments)
    {
        int exit = coldRun(arguments);
        if (exit != 0)
        {
            throw new InvalidOperationException($"the cold run `{string.Join(' ', arguments)}` exited with {exit}");
        }
    }

    private static long ShpBytes(IReadOnlyList<string> shpPaths) => shpPaths.Sum(p => new FileInfo(p).Length);

    private static long DbfBytes(IReadOnlyList<string> shpPaths) => shpPaths.Sum(p => new FileInfo(ShapefileFiles.Sibling(p, ".dbf")!).Length);

    // One file at a time, opened (files read, headers checked) with the clock stopped.
    private static void EachSource(StageClock clock, IReadOnlyList<string> shpPaths, Action<ShapefileSource> body)
    {
        foreach (string path in shpPaths)
        {
            clock.Stop();
            using ShapefileSource source = ShapefileFiles.Open(path, encoding: null);
            clock.Start();
            body(source);
        }
    }

    // One file's geometries at a time, parsed with the clock stopped.
    private static void EachGeometries(StageClock clock, IReadOnlyList<string> shpPaths, Action<IReadOnlyList<ShapeGeometry>> body)
    {
        foreach (string path in shpPaths)
        {
            clock.Stop();
            IReadOnlyList<ShapeGeometry> geometries = Parsed(path);
            clock.Start();
            body(geometries);
        }
    }

    private static ShapeGeometry[] Parsed(string path)
    {
        using ShapefileSource source = ShapefileFiles.Open(path, encoding: null);
        var geometries = new ShapeGeometry[source.Shapes.Count];
        for (int r = 0; r < geometries.Length; r++)
        {
            geometries[r] = source.Shapes.Read(r);
        }

        return geometries;
    }

    private static int Format(double[] values, Span<byte> text)
    {
        int total = 0;
        foreach (double value in values)
        {
            value.TryFormat(text, out int written, default, CultureInfo.InvariantCulture);
            total += written;
        }

        return total;
    }

    private static void FlushIfFull(Utf8JsonWriter json)
    {
        if (json.BytesPending >= FlushBytes)
        {
            json.Flush();
        }
    }
}
