using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace ParallelSum.Geo.Verification;

/// <summary>
/// Compares a GeoJSON FeatureCollection with the one GDAL's <c>ogr2ogr -f GeoJSON</c> wrote for the same shapefile, feature by
/// feature in order. What counts as equal, and nothing more:
/// <list type="bullet">
/// <item>the same geometry type, and every coordinate bit for bit (Z included), taken from ogr2ogr's WKT at 17 significant
/// digits without rounding (its GeoJSON writer rounds to 15); for magnitudes below 1 that WKT has 17 decimals, so such
/// coordinates are compared at 17 decimals;</item>
/// <item>a ring may start at another vertex and run the other way (ParallelSum winds rings as RFC 7946 asks, GDAL keeps the
/// shapefile's winding); the polygons of a MultiPolygon and the holes of a polygon may come in another order;</item>
/// <item>the same property names, values equal by value: numbers at the 15 significant digits GDAL 3.6 writes attributes with
/// (it writes <c>1.0</c> where ParallelSum writes <c>1</c>, and <c>4069.397</c> for the double ParallelSum writes in full as
/// <c>4069.3970000000004</c>), a property GDAL leaves out (it does so for a blank date) as null, and a logical field's <c>true</c>/<c>false</c>/<c>null</c> against GDAL's <c>"T"</c>/<c>"F"</c>/<c>"?"</c>.</item>
/// </list>
/// </summary>
internal static class OgrComparer
{
    /// <summary>
    /// The first difference between <paramref name="ours"/> and ogr2ogr's conversion of the same file: its GeoJSON
    /// (<paramref name="gdal"/>, for the attributes) and the geometries it wrote as WKT with 17 significant digits
    /// (<paramref name="gdalGeometries"/>, exact doubles: its GeoJSON writer rounds coordinates). Null when equal.
    /// </summary>
    public static string? Compare(JsonElement ours, JsonElement gdal, IReadOnlyList<Geometry?> gdalGeometries)
    {
        JsonElement[] a = [.. ours.GetProperty("features").EnumerateArray()];
        JsonElement[] b = [.. gdal.GetProperty("features").EnumerateArray()];
        if (a.Length != b.Length || a.Length != gdalGeometries.Count)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{a.Length} features, ogr2ogr wrote {b.Length} ({gdalGeometries.Count} geometries)");
        }

        for (int i = 0; i < a.Length; i++)
        {
            JsonElement geometry = a[i].GetProperty("geometry");
            Geometry? mine = GeoJsonReader.ReadGeometry(geometry);
            string? difference = GeometryDifference(mine, gdalGeometries[i])
                ?? PropertiesDifference(a[i].GetProperty("properties"), b[i].GetProperty("properties"));
            if (difference is not null)
            {
                return string.Create(CultureInfo.InvariantCulture, $"feature {i}: {difference}");
            }
        }

        return null;
    }

    /// <summary>
    /// The first difference between <paramref name="ours"/> and ogr2ogr's RFC 7946 conversion (<paramref name="gdal"/>, WGS 84
    /// longitude and latitude): the same features and properties as <see cref="Compare"/> asks, and geometries of the same
    /// type and structure whose points lie within <paramref name="toleranceMetres"/> of each other. Null when equal so.
    /// </summary>
    public static string? CompareWithin(JsonElement ours, JsonElement gdal, double toleranceMetres) => CompareWithin(ours, gdal, toleranceMetres, out _);

    /// <inheritdoc cref="CompareWithin(JsonElement, JsonElement, double)"/>
    /// <param name="ours">This tool's FeatureCollection.</param>
    /// <param name="gdal">ogr2ogr's.</param>
    /// <param name="toleranceMetres">The largest distance allowed between counterpart points.</param>
    /// <param name="maxMetres">The largest distance found over every feature compared.</param>
    public static string? CompareWithin(JsonElement ours, JsonElement gdal, double toleranceMetres, out double maxMetres)
    {
        maxMetres = 0;
        JsonElement[] a = [.. ours.GetProperty("features").EnumerateArray()];
        JsonElement[] b = [.. gdal.GetProperty("features").EnumerateArray()];
        if (a.Length != b.Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{a.Length} features, ogr2ogr wrote {b.Length}");
        }

        for (int i = 0; i < a.Length; i++)
        {
            Geometry? mine = ReadGeometry(a[i]);
            Geometry? theirs = ReadGeometry(b[i]);
            string? difference = (mine, theirs) switch
            {
                (null, null) => null,
                (null, _) or (_, null) => $"geometry {mine?.GeometryType ?? "null"}, ogr2ogr wrote {theirs?.GeometryType ?? "null"}",
                _ => Reprojection.Difference(mine, theirs, toleranceMetres, out double worst),
            };
            if (mine is not null && theirs is not null && difference is null)
            {
                Reprojection.Difference(mine, theirs, double.PositiveInfinity, out double within);
                maxMetres = Math.Max(maxMetres, within);
            }
            difference ??= PropertiesDifference(a[i].GetProperty("properties"), b[i].GetProperty("properties"));
            if (difference is not null)
            {
                return string.Create(CultureInfo.InvariantCulture, $"feature {i}: {difference}");
            }
        }

        return null;
    }

    /// <summary>
    /// Why the outputs' <c>crs</c> members differ, or null. An RFC 7946 output (<paramref name="keepCrs"/> false) has none. A
    /// <c>--keep-crs</c> output names the system as ogr2ogr does where both can name it; where this tool cannot (or ogr2ogr
    /// writes no crs), ours carries the .prj's WKT.
    /// </summary>
    public static string? CrsDifference(JsonElement ours, JsonElement gdal, bool keepCrs)
    {
        string? mine = CrsName(ours);
        string? theirs = CrsName(gdal);
        if (!keepCrs)
        {
            return mine is null ? null : $"an RFC 7946 output has a crs member ({mine})";
        }

        // A system this tool cannot name by its EPSG code is written with its .prj WKT.
        bool wkt = mine is not null && (mine.StartsWith("PROJCS[", StringComparison.Ordinal) || mine.StartsWith("GEOGCS[", StringComparison.Ordinal));
        return theirs is null || mine == theirs || wkt ? null : $"crs {mine ?? "missing"}, ogr2ogr wrote {theirs}";
    }

    private static string? CrsName(JsonElement collection) =>
        collection.TryGetProperty("crs", out JsonElement crs) && crs.TryGetProperty("properties", out JsonElement properties) && properties.TryGetProperty("name", out JsonElement name)
            ? name.GetString()
            : null;

    private static Geometry? ReadGeometry(JsonElement feature)
    {
        JsonElement geometry = feature.GetProperty("geometry");
        return GeoJsonReader.ReadGeometry(geometry);
    }

    /// <summary>Why two geometries differ as the class remarks define it, or null.</summary>
    public static string? GeometryDifference(Geometry? ours, Geometry? gdal)
    {
        if (ours is null || gdal is null || gdal.IsEmpty)
        {
            bool same = (ours is null && (gdal is null || gdal.IsEmpty)) || (gdal is null && ours is null);
            return same ? null : $"geometry {ours?.GeometryType ?? "null"}, ogr2ogr wrote {gdal?.GeometryType ?? "null"}";
        }

        if (ours.GeometryType != gdal.GeometryType)
        {
            return $"geometry {ours.GeometryType}, ogr2ogr wrote {gdal.GeometryType}";
        }

        string left = Canonical(ours);
        string right = Canonical(gdal);
        return left == right ? null : $"{ours.GeometryType} coordinates differ: {Shorten(left)} against ogr2ogr's {Shorten(right)}";
    }

    /// <summary>Why two <c>properties</c> objects differ as the class remarks define it, or null.</summary>
    public static string? PropertiesDifference(JsonElement ours, JsonElement gdal)
    {
        Dictionary<string, JsonElement> a = ours.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        Dictionary<string, JsonElement> b = gdal.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        // GDAL leaves out a field it never set (a blank date); that is the same as null.
        foreach (string name in a.Keys.Where(k => !b.ContainsKey(k) && a[k].ValueKind == JsonValueKind.Null))
        {
            b[name] = a[name];
        }

        if (!a.Keys.Order(StringComparer.Ordinal).SequenceEqual(b.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return $"properties [{string.Join(", ", a.Keys)}], ogr2ogr wrote [{string.Join(", ", b.Keys)}]";
        }

        foreach ((string name, JsonElement value) in a)
        {
            if (!SameValue(value, b[name]))
            {
                return $"property {name} is {value.GetRawText()}, ogr2ogr wrote {b[name].GetRawText()}";
            }
        }

        return null;
    }

    private static bool SameValue(JsonElement ours, JsonElement gdal) => (ours.ValueKind, gdal.ValueKind) switch
    {
        (JsonValueKind.Null, JsonValueKind.Null) => true,
        (JsonValueKind.Null, JsonValueKind.String) => gdal.GetString() == "?", // an unknown logical: GDAL 3.6 writes "?"
        (JsonValueKind.Number, JsonValueKind.Number) => ours.GetDouble().ToString("G15", CultureInfo.InvariantCulture) == gdal.GetDouble().ToString("G15", CultureInfo.InvariantCulture),
        (JsonValueKind.String, JsonValueKind.String) => ours.GetString() == gdal.GetString(),
        (JsonValueKind.True or JsonValueKind.False, JsonValueKind.True or JsonValueKind.False) => ours.ValueKind == gdal.ValueKind,
        (JsonValueKind.True, JsonValueKind.String) => gdal.GetString() is "T" or "t" or "Y" or "y",
        (JsonValueKind.False, JsonValueKind.String) => gdal.GetString() is "F" or "f" or "N" or "n",
        _ => false,
    };

    // Text that is equal for equal geometries up to ring start, ring direction, and the order of polygons and holes.
    private static string Canonical(Geometry geometry) => geometry switch
    {
        Point p => Position(p.Coordinate),
        Polygon polygon => CanonicalPolygon(polygon),
        MultiPolygon multi => Sorted(multi.Geometries.Select(g => CanonicalPolygon((Polygon)g))),
        LineString line => "[" + string.Concat(line.Coordinates.Select(Position)) + "]",
        _ => "[" + string.Join(",", ((GeometryCollection)geometry).Geometries.Select(Canonical)) + "]",
    };

    private static string CanonicalPolygon(Polygon polygon) =>
        "(" + Ring(polygon.ExteriorRing.Coordinates) + Sorted(polygon.InteriorRings.Select(r => Ring(r.Coordinates))) + ")";

    private static string Ring(Coordinate[] ring)
    {
        var points = ring.Select(Position).ToList();
        if (points.Count > 1 && points[0] == points[^1])
        {
            points.RemoveAt(points.Count - 1);
        }

        // Start at the smallest vertex (each place it occurs), in both directions: linear in the ring's length.
        string smallest = points.Count == 0 ? "" : points.Min(StringComparer.Ordinal)!;
        string best = "";
        foreach (List<string> direction in new[] { points, Enumerable.Reverse(points).ToList() })
        {
            for (int start = 0; start < direction.Count; start++)
            {
                if (direction[start] != smallest)
                {
                    continue;
                }

                string candidate = string.Join(" ", direction.Skip(start).Concat(direction.Take(start)));
                if (best.Length == 0 || string.CompareOrdinal(candidate, best) < 0)
                {
                    best = candidate;
                }
            }
        }

        return "[" + best + "]";
    }

    private static string Sorted(IEnumerable<string> parts) => string.Concat(parts.Order(StringComparer.Ordinal));

    // Z when the coordinate has one, M never (GeoJSON has none).
    private static string Position(Coordinate c) => double.IsNaN(c.Z)
        ? $"({Exact(c.X)};{Exact(c.Y)})"
        : $"({Exact(c.X)};{Exact(c.Y)};{Exact(c.Z)})";

    // The double exactly ("R" round-trips) when its magnitude is 1 or more; below 1 at 17 decimals, all GDAL's WKT writer prints.
    private static string Exact(double value) => Math.Abs(value) >= 1 || value == 0
        ? value.ToString("R", CultureInfo.InvariantCulture)
        : double.Parse(value.ToString("F17", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
