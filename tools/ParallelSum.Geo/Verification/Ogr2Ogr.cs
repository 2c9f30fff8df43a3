using System.Diagnostics;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace ParallelSum.Geo.Verification;

/// <summary>Runs GDAL's <c>ogr2ogr</c> to convert one shapefile to GeoJSON: the independent reference for <c>verify --against-ogr2ogr</c>.</summary>
internal static class Ogr2Ogr
{
    /// <summary>How long one file may take before ogr2ogr is killed and the file reported as not compared.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    /// <summary>Whether <c>ogr2ogr</c> can be started (it is on PATH).</summary>
    public static bool IsAvailable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "ogr2ogr")));

    /// <summary>
    /// Converts <paramref name="shpPath"/> twice: to GeoJSON (<paramref name="geojsonPath"/>, for attributes) and to CSV with
    /// the geometry as WKT at 17 significant digits and no rounding (<paramref name="csvPath"/>, for exact coordinates).
    /// </summary>
    /// <returns>Null on success, else why it failed (its exit code and last error line, or the deadline).</returns>
    public static string? Convert(string shpPath, string geojsonPath, string csvPath, string? encoding = null) =>
        Run(shpPath, geojsonPath, encoding, ["-f", "GeoJSON"])
        ?? Run(shpPath, csvPath, encoding, ["-f", "CSV", "-lco", "GEOMETRY=AS_WKT", "--config", "OGR_WKT_PRECISION", "17", "--config", "OGR_WKT_ROUND", "FALSE"]);

    /// <summary>
    /// Converts <paramref name="shpPath"/> as <c>ogr2ogr -f GeoJSON -lco RFC7946=YES</c> does (WGS 84 longitude and latitude),
    /// with 15 decimals instead of its default 7 so that the comparison sees its coordinates to about 0.1 nm.
    /// </summary>
    /// <returns>Null on success, else why it failed.</returns>
    public static string? ConvertRfc7946(string shpPath, string geojsonPath, string? encoding = null) =>
        Run(shpPath, geojsonPath, encoding, ["-f", "GeoJSON", "-lco", "RFC7946=YES", "-lco", "COORDINATE_PRECISION=15"]);

    /// <summary>The geometries of a CSV that <see cref="Convert"/> wrote, in feature order (null for a feature without one).</summary>
    public static List<Geometry?> ReadWktColumn(string csvPath)
    {
        // FixStructure closes the unclosed rings GDAL passes through (the comparison ignores the closing point).
        var reader = new WKTReader { FixStructure = true };
        var geometries = new List<Geometry?>();
        foreach (string line in File.ReadLines(csvPath).Skip(1))
        {
            // The WKT is the first column, quoted (WKT itself holds no quotes); empty for a null geometry.
            string wkt = line.StartsWith('"') ? line[1..line.IndexOf('"', 1)] : "";
            geometries.Add(wkt.Length == 0 ? null : reader.Read(wkt));
        }

        return geometries;
    }

    private static string? Run(string shpPath, string outPath, string? encoding, string[] format)
    {
        var start = new ProcessStartInfo("ogr2ogr")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (encoding is not null)
        {
            start.ArgumentList.Add("-oo");
            start.ArgumentList.Add("ENCODING=" + encoding);
        }

        foreach (string argument in format.Concat([outPath, shpPath]))
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("ogr2ogr could not be started");
        Task<string> errors = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Deadline))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return $"ogr2ogr did not finish within {Deadline.TotalSeconds:F0} s and was killed";
        }

        string last = errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? output.Result.Trim();
        return process.ExitCode == 0 && File.Exists(outPath) ? null : $"ogr2ogr exited with code {process.ExitCode}: {last}";
    }
}
