using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace ParallelSum.Geo.Verification;

/// <summary>
/// Reads GeoJSON back into NetTopologySuite geometries and attribute tables, from a <see cref="JsonDocument"/> (no reflection,
/// so it works in the Native AOT build): every geometry type with two or three coordinates a position, properties with numbers
/// as <see cref="decimal"/> where they fit (else <see cref="double"/>), strings, booleans and nulls.
/// </summary>
internal static class GeoJsonReader
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>The features of a FeatureCollection, in order.</summary>
    /// <exception cref="JsonException">The document is not a FeatureCollection of features with geometry and properties.</exception>
    public static List<IFeature> ReadFeatures(JsonElement collection)
    {
        if (!collection.TryGetProperty("features", out JsonElement features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("no features array");
        }

        var read = new List<IFeature>(features.GetArrayLength());
        foreach (JsonElement feature in features.EnumerateArray())
        {
            var attributes = new AttributesTable();
            if (feature.TryGetProperty("properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in properties.EnumerateObject())
                {
                    attributes.Add(property.Name, Value(property.Value));
                }
            }

            read.Add(new Feature(feature.TryGetProperty("geometry", out JsonElement geometry) ? ReadGeometry(geometry) : null, attributes));
        }

        return read;
    }

    /// <summary>The geometry a GeoJSON geometry object holds, or <see langword="null"/> for <c>null</c>.</summary>
    /// <exception cref="JsonException">An unknown type, or coordinates of the wrong shape.</exception>
    public static Geometry? ReadGeometry(JsonElement geometry)
    {
        if (geometry.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        string type = geometry.GetProperty("type").GetString() ?? throw new JsonException("a geometry without a type");
        if (type == "GeometryCollection")
        {
            return Factory.CreateGeometryCollection([.. geometry.GetProperty("geometries").EnumerateArray().Select(g => ReadGeometry(g)!)]);
        }

        JsonElement c = geometry.GetProperty("coordinates");
        return type switch
        {
            "Point" => Factory.CreatePoint(Position(c)),
            "MultiPoint" => Factory.CreateMultiPoint([.. c.EnumerateArray().Select(p => Factory.CreatePoint(Position(p)))]),
            "LineString" => Factory.CreateLineString(Positions(c)),
            "MultiLineString" => Factory.CreateMultiLineString([.. c.EnumerateArray().Select(l => Factory.CreateLineString(Positions(l)))]),
            "Polygon" => Polygon(c),
            "MultiPolygon" => Factory.CreateMultiPolygon([.. c.EnumerateArray().Select(Polygon)]),
            _ => throw new JsonException($"unknown geometry type {type}"),
        };
    }

    private static Polygon Polygon(JsonElement rings)
    {
        LinearRing[] all = [.. rings.EnumerateArray().Select(r => Factory.CreateLinearRing(Positions(r)))];
        return all.Length == 0 ? Factory.CreatePolygon() : Factory.CreatePolygon(all[0], all[1..]);
    }

    private static Coordinate[] Positions(JsonElement positions) => [.. positions.EnumerateArray().Select(Position)];

    private static Coordinate Position(JsonElement position)
    {
        int length = position.GetArrayLength();
        if (length < 2)
        {
            throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"a position of {length} numbers"));
        }

        return length >= 3
            ? new CoordinateZ(position[0].GetDouble(), position[1].GetDouble(), position[2].GetDouble())
            : new Coordinate(position[0].GetDouble(), position[1].GetDouble());
    }

    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetDecimal(out decimal exact) ? exact : value.GetDouble(),
        _ => value.GetRawText(),
    };
}
