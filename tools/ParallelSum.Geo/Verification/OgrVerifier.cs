using System.Text.Json;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Verification;

/// <summary>Checks one output against what GDAL's <c>ogr2ogr</c> makes of the same shapefile (see <see cref="OgrComparer"/>).</summary>
internal static class OgrVerifier
{
    /// <summary>The largest distance allowed between a reprojected point and ogr2ogr's (RFC 7946) position of it, in metres.</summary>
    public const double ReprojectionTolerance = 0.01;

    /// <summary>
    /// Compares the output of <paramref name="shpPath"/> in <paramref name="outFolder"/> with ogr2ogr's conversion of the same
    /// file. Outputs made with <c>--keep-crs</c> (<paramref name="keepCrs"/>) are compared with plain ogr2ogr: coordinates bit
    /// for bit, and the <c>crs</c> member's name where ogr2ogr writes one. RFC 7946 outputs of a shapefile with a .prj are
    /// compared with <c>ogr2ogr -lco RFC7946=YES</c>, every point within <see cref="ReprojectionTolerance"/>; those of a
    /// shapefile without one with plain ogr2ogr, bit for bit (neither tool moves them).
    /// </summary>
    public static VerifyResult Verify(string shpPath, string outFolder, string? encoding, bool keepCrs = false)
    {
        string name = Path.GetFileName(shpPath);
        string outPath = GeoJson.OutputPath(shpPath, outFolder);
        if (!File.Exists(outPath))
        {
            return new VerifyResult(name, false, $"no output {Path.GetFileName(outPath)}", 0);
        }

        string scratch = Directory.CreateTempSubdirectory("parallelsum-geo-ogr-").FullName;
        try
        {
            string reference = Path.Combine(scratch, Path.GetFileName(outPath));
            string wkt = Path.ChangeExtension(reference, ".csv");
            bool reprojected = !keepCrs && ShapefileFiles.Sibling(shpPath, ".prj") is not null;
            if ((reprojected ? Ogr2Ogr.ConvertRfc7946(shpPath, reference, encoding) : Ogr2Ogr.Convert(shpPath, reference, wkt, encoding)) is string failure)
            {
                return new VerifyResult(name, false, failure, 0);
            }

            using JsonDocument ours = JsonDocument.Parse(File.ReadAllBytes(outPath));
            using JsonDocument gdal = JsonDocument.Parse(PassThroughAsConverted(File.ReadAllBytes(reference)));
            int features = ours.RootElement.GetProperty("features").GetArrayLength();
            string? crsDifference = OgrComparer.CrsDifference(ours.RootElement, gdal.RootElement, keepCrs);
            double maxMetres = 0;
            string? difference = crsDifference ?? (reprojected
                ? OgrComparer.CompareWithin(ours.RootElement, gdal.RootElement, ReprojectionTolerance, out maxMetres)
                : OgrComparer.Compare(ours.RootElement, gdal.RootElement, Ogr2Ogr.ReadWktColumn(wkt)));
            return new VerifyResult(name, difference is null, difference, features) { MaxMetres = reprojected && difference is null ? maxMetres : null };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException or NetTopologySuite.IO.ParseException or ArgumentException)
        {
            return new VerifyResult(name, false, $"could not compare with ogr2ogr: {e.Message}", 0);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// ogr2ogr's GeoJSON with its pass-through text read as the converter reads undeclared text. Where nothing names a .dbf's
    /// encoding, GDAL copies the bytes into its output undecoded: right where they are UTF-8, invalid UTF-8 where they are
    /// not. The converter reads a value as UTF-8 where it is valid UTF-8 and as ISO-8859-1 where not; each JSON string of
    /// GDAL's output that is not valid UTF-8 is therefore re-encoded from ISO-8859-1, and valid ones are kept as they are.
    /// </summary>
    public static byte[] PassThroughAsConverted(byte[] json)
    {
        if (System.Text.Unicode.Utf8.IsValid(json))
        {
            return json;
        }

        var repaired = new List<byte>(json.Length + 64);
        int at = 0;
        while (at < json.Length)
        {
            if (json[at] != (byte)'"')
            {
                repaired.Add(json[at++]);
                continue;
            }

            // A JSON string: up to the next quote that no backslash escapes.
            int end = at + 1;
            while (end < json.Length && json[end] != (byte)'"')
            {
                end += json[end] == (byte)'\\' ? 2 : 1;
            }

            end = Math.Min(end, json.Length - 1);
            ReadOnlySpan<byte> body = json.AsSpan(at + 1, end - at - 1);
            repaired.Add((byte)'"');
            repaired.AddRange(System.Text.Unicode.Utf8.IsValid(body) ? body.ToArray() : System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.Latin1.GetString(body)));
            repaired.Add((byte)'"');
            at = end + 1;
        }

        return [.. repaired];
    }
}
