using System.Text.Json;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Verification;

/// <summary>Checks one output against what GDAL's <c>ogr2ogr</c> makes of the same shapefile (see <see cref="OgrComparer"/>).</summary>
internal static class OgrVerifier
{
    public static VerifyResult Verify(string shpPath, string outFolder, string? encoding)
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
            // Where neither --encoding, a .cpg nor the LDID names an encoding, GDAL passes the bytes through undecoded (invalid
            // UTF-8 in its output); ParallelSum reads them as ISO-8859-1, so ogr2ogr is told to do the same.
            encoding ??= UsesDefaultEncoding(shpPath) ? "ISO-8859-1" : null;
            string wkt = Path.ChangeExtension(reference, ".csv");
            if (Ogr2Ogr.Convert(shpPath, reference, wkt, encoding) is string failure)
            {
                return new VerifyResult(name, false, failure, 0);
            }

            using JsonDocument ours = JsonDocument.Parse(File.ReadAllBytes(outPath));
            using JsonDocument gdal = JsonDocument.Parse(File.ReadAllBytes(reference));
            int features = ours.RootElement.GetProperty("features").GetArrayLength();
            return OgrComparer.Compare(ours.RootElement, gdal.RootElement, Ogr2Ogr.ReadWktColumn(wkt)) is string difference
                ? new VerifyResult(name, false, difference, features)
                : new VerifyResult(name, true, null, features);
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

    private static bool UsesDefaultEncoding(string shpPath)
    {
        if (ShapefileFiles.Sibling(shpPath, ".cpg") is not null || ShapefileFiles.Sibling(shpPath, ".dbf") is not string dbf)
        {
            return false;
        }

        byte[] header = new byte[32];
        using FileStream stream = File.OpenRead(dbf);
        return stream.ReadAtLeast(header, 32, throwOnEndOfStream: false) == 32 && Shapefiles.CodePages.FromLanguageDriver(header[29]) is null;
    }
}
