using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Verification;

/// <summary>The check of one output against its input.</summary>
/// <param name="Name">The input file's name.</param>
/// <param name="Ok">Whether the GeoJSON holds exactly the shapefile's features.</param>
/// <param name="Problem">The first difference found, or why nothing could be compared; null when <paramref name="Ok"/>.</param>
/// <param name="Features">Features compared.</param>
internal sealed record VerifyResult(string Name, bool Ok, string? Problem, int Features)
{
    /// <summary>Gets, for an output compared with ogr2ogr's RFC 7946 conversion, the largest distance in metres between a point and ogr2ogr's; otherwise null.</summary>
    public double? MaxMetres { get; init; }
}

/// <summary>
/// Reads a GeoJSON output back with NetTopologySuite and compares it with what the shapefile reader returns for its input:
/// the same number of features in the same order, exactly equal geometries and attribute values equal by value.
/// </summary>
/// <remarks>
/// What "equal" allows, and nothing more: the shapefile reader returns polygons as MultiPolygon, and the GeoJSON has a
/// Polygon where that MultiPolygon holds one polygon;
/// every coordinate must be bit-for-bit equal, but a ring may run in the opposite direction (the writer enforces RFC 7946
/// winding). GeoJSON numbers read back as <see cref="decimal"/>, so a number matches when it denotes the same value as the
/// shapefile's Int32, Int64 or Double (compared through the decimal's exact digits, never through a rounded conversion).
/// </remarks>
internal static class GeoJsonVerifier
{
    public static VerifyResult Verify(string shpPath, string outFolder)
    {
        string name = Path.GetFileName(shpPath);
        string outPath = GeoJson.OutputPath(shpPath, outFolder);
        if (!File.Exists(outPath))
        {
            return new VerifyResult(name, false, $"no output {Path.GetFileName(outPath)}", 0);
        }

        List<IFeature> expected;
        try
        {
            if (ShapefileFiles.Check(shpPath) is string problem)
            {
                return new VerifyResult(name, false, $"input is bad: {problem}", 0);
            }

            expected = ReadShapefile(shpPath);
        }
        catch (Exception e)
        {
            return new VerifyResult(name, false, $"input is unreadable: {e.Message}", 0);
        }

        List<IFeature> actual;
        bool hasCrs;
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(outPath));
            actual = GeoJsonReader.ReadFeatures(document.RootElement);
            hasCrs = document.RootElement.TryGetProperty("crs", out _);
        }
        catch (Exception e) when (e is JsonException or IOException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            return new VerifyResult(name, false, $"output is not a GeoJSON FeatureCollection: {e.Message}", 0);
        }

        // An RFC 7946 output of a file with a .prj holds the points taken to WGS 84: the shapefile's are taken there the same
        // way before comparing (verify --against-ogr2ogr checks the reprojection itself against GDAL).
        try
        {
            if (!hasCrs && OutputCrs.For(shpPath, keepCrs: false, (0, 0, 0, 0)).ToWgs84 is Crs.ToWgs84Transform toWgs84)
            {
                foreach (IFeature feature in expected.Where(f => f.Geometry is not null))
                {
                    Reproject(feature.Geometry, toWgs84);
                }
            }
        }
        catch (Crs.CrsException e)
        {
            return new VerifyResult(name, false, $"input's .prj: {e.Message}", 0);
        }

        if (actual.Count != expected.Count)
        {
            return new VerifyResult(name, false, $"{actual.Count} features in the GeoJSON, {expected.Count} in the shapefile", 0);
        }

        for (int i = 0; i < expected.Count; i++)
        {
            string? difference = GeometryDifference(expected[i].Geometry, actual[i].Geometry)
                ?? AttributeDifference(expected[i].Attributes, actual[i].Attributes);
            if (difference is not null)
            {
                return new VerifyResult(name, false, $"feature {i}: {difference}", expected.Count);
            }
        }

        return new VerifyResult(name, true, null, expected.Count);
    }

    // Every coordinate of the geometry through the transformation, in place.
    private static void Reproject(Geometry geometry, Crs.ToWgs84Transform toWgs84)
    {
        Coordinate[] coordinates = geometry.Coordinates;
        double[] x = [.. coordinates.Select(c => c.X)];
        double[] y = [.. coordinates.Select(c => c.Y)];
        toWgs84.Apply(x, y);
        int i = 0;
        geometry.Apply(new CoordinateFilter(c => (c.X, c.Y) = (x[i], y[i++])));
        geometry.GeometryChanged();
    }

    private sealed class CoordinateFilter(Action<Coordinate> action) : ICoordinateFilter
    {
        public void Filter(Coordinate coord) => action(coord);
    }

    /// <summary>The shapefile's features as the converter sees them: every record not marked deleted, in order.</summary>
    public static List<IFeature> ReadShapefile(string shpPath)
    {
        var features = new List<IFeature>();
        if (ShapefileFiles.Sibling(shpPath, ".dbf") is null)
        {
            // No attribute table: every record is a feature with empty properties.
            return [.. Shapefile.ReadAllGeometries(shpPath).Select(g => (IFeature)new Feature(g, new AttributesTable()))];
        }

        using ShapefileReader reader = ShapefileFiles.OpenReader(shpPath);
        while (reader.Read(out bool deleted, out Feature feature))
        {
            if (!deleted)
            {
                features.Add(feature);
            }
        }

        return features;
    }

    /// <summary>Why two geometries differ, or null when they are equal as the remarks define it.</summary>
    public static string? GeometryDifference(Geometry expected, Geometry actual)
    {
        // The shapefile reader returns every polygon record as a MultiPolygon; the converter writes one of a single polygon
        // as a Polygon, as GDAL does.
        if (expected is MultiPolygon { NumGeometries: 1 } single && actual is Polygon)
        {
            expected = single.GetGeometryN(0);
        }

        if (expected.OgcGeometryType != actual.OgcGeometryType || expected.NumGeometries != actual.NumGeometries)
        {
            return $"geometry {actual.GeometryType} of {actual.NumGeometries} parts, expected {expected.GeometryType} of {expected.NumGeometries}";
        }

        for (int g = 0; g < expected.NumGeometries; g++)
        {
            if (expected.GetGeometryN(g) is Polygon e && actual.GetGeometryN(g) is Polygon a)
            {
                if (e.NumInteriorRings != a.NumInteriorRings)
                {
                    return $"polygon {g} has {a.NumInteriorRings} holes, expected {e.NumInteriorRings}";
                }

                for (int r = -1; r < e.NumInteriorRings; r++)
                {
                    LineString expectedRing = r < 0 ? e.ExteriorRing : e.GetInteriorRingN(r);
                    LineString actualRing = r < 0 ? a.ExteriorRing : a.GetInteriorRingN(r);
                    if (!SameRing(expectedRing.Coordinates, actualRing.Coordinates))
                    {
                        return $"polygon {g} {(r < 0 ? "shell" : $"hole {r}")} differs: {actualRing.NumPoints} points from {actualRing.StartPoint}, expected {expectedRing.NumPoints} from {expectedRing.StartPoint}";
                    }
                }
            }
            else if (!expected.GetGeometryN(g).EqualsExact(actual.GetGeometryN(g)))
            {
                return $"part {g} differs: {actual.GetGeometryN(g)}, expected {expected.GetGeometryN(g)}";
            }
        }

        return null;
    }

    /// <summary>Why two attribute tables differ, or null when they have the same names with values equal by value.</summary>
    public static string? AttributeDifference(IAttributesTable expected, IAttributesTable actual)
    {
        string[] expectedNames = expected.GetNames();
        string[] actualNames = actual.GetNames();
        if (!expectedNames.Order(StringComparer.Ordinal).SequenceEqual(actualNames.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return $"attributes [{string.Join(", ", actualNames)}], expected [{string.Join(", ", expectedNames)}]";
        }

        foreach (string name in expectedNames)
        {
            if (!SameValue(expected[name], actual[name]))
            {
                return $"attribute {name} is {Describe(actual[name])}, expected {Describe(expected[name])}";
            }
        }

        return null;
    }

    /// <summary>Whether a value read back from GeoJSON denotes the same value as the shapefile's.</summary>
    public static bool SameValue(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string e, string a) => string.Equals(e, a, StringComparison.Ordinal),
        (bool e, bool a) => e == a,
        (double e, decimal a) => e.Equals(double.Parse(a.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
        (float e, decimal a) => e.Equals(float.Parse(a.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
        (double e, double a) => e.Equals(a),
        (int or long or short or byte or uint or ushort or ulong or sbyte or decimal, decimal a) => Convert.ToDecimal(expected, CultureInfo.InvariantCulture) == a,
        (DateTime e, string a) => DateTime.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTime parsed) && parsed == e,
        _ => expected.Equals(actual),
    };

    // Bit-for-bit equal coordinates, in the same or the reverse order (RFC 7946 winding may reverse a ring).
    private static bool SameRing(Coordinate[] expected, Coordinate[] actual)
    {
        if (expected.Length != actual.Length)
        {
            return false;
        }

        bool forward = true;
        bool backward = true;
        for (int i = 0; i < expected.Length && (forward || backward); i++)
        {
            forward &= SamePoint(expected[i], actual[i]);
            backward &= SamePoint(expected[i], actual[expected.Length - 1 - i]);
        }

        return forward || backward;
    }

    private static bool SamePoint(Coordinate e, Coordinate a) => e.X.Equals(a.X) && e.Y.Equals(a.Y) && e.Z.Equals(a.Z);

    private static string Describe(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";
}
