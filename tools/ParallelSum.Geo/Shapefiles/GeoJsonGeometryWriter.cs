using System.Globalization;
using System.Text.Json;

namespace ParallelSum.Geo.Shapefiles;

/// <summary>
/// Writes a <see cref="ShapeGeometry"/> as an RFC 7946 geometry: coordinates as the shortest text that reads back to the same
/// double, Z as a third position value where the shape has one (M is dropped, as GeoJSON has no place for it), and polygon
/// rings closed and wound as RFC 7946 asks (shells counter-clockwise, holes clockwise), reversing the shapefile's winding
/// where needed.
/// </summary>
internal static class GeoJsonGeometryWriter
{
    /// <summary>Writes the <c>"geometry"</c> member's value.</summary>
    /// <exception cref="ShapefileFormatException">A coordinate is NaN or infinite, which JSON cannot hold.</exception>
    public static void Write(Utf8JsonWriter json, ShapeGeometry geometry, int record)
    {
        if (geometry.Kind == GeometryKind.None)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("type"u8, geometry.Kind switch
        {
            GeometryKind.Point => "Point"u8,
            GeometryKind.MultiPoint => "MultiPoint"u8,
            GeometryKind.LineString => "LineString"u8,
            GeometryKind.MultiLineString => "MultiLineString"u8,
            GeometryKind.Polygon => "Polygon"u8,
            _ => "MultiPolygon"u8,
        });
        json.WritePropertyName("coordinates"u8);
        switch (geometry.Kind)
        {
            case GeometryKind.Point:
                WritePosition(json, geometry, 0, record);
                break;
            case GeometryKind.MultiPoint:
            case GeometryKind.LineString:
                WriteRun(json, geometry, (0, geometry.X.Length), reverse: false, record);
                break;
            case GeometryKind.MultiLineString:
                json.WriteStartArray();
                foreach ((int Start, int Count) part in geometry.Parts)
                {
                    WriteRun(json, geometry, part, reverse: false, record);
                }

                json.WriteEndArray();
                break;
            case GeometryKind.Polygon:
                WritePolygon(json, geometry, geometry.Polygons[0], record);
                break;
            default:
                json.WriteStartArray();
                foreach (int[] polygon in geometry.Polygons)
                {
                    WritePolygon(json, geometry, polygon, record);
                }

                json.WriteEndArray();
                break;
        }

        json.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter json, ShapeGeometry geometry, int[] rings, int record)
    {
        json.WriteStartArray();
        for (int r = 0; r < rings.Length; r++)
        {
            (int Start, int Count) ring = geometry.Parts[rings[r]];
            double area = RingOrganizer.SignedArea(geometry.X, geometry.Y, ring);

            // RFC 7946: shells counter-clockwise (positive area), holes clockwise.
            bool reverse = r == 0 ? area < 0 : area > 0;
            WriteRing(json, geometry, ring, reverse, record);
        }

        json.WriteEndArray();
    }

    // A ring as RFC 7946 wants it: closed (GDAL passes an unclosed ring through as it is; here its first point is repeated).
    private static void WriteRing(Utf8JsonWriter json, ShapeGeometry geometry, (int Start, int Count) ring, bool reverse, int record)
    {
        int first = ring.Start;
        int last = ring.Start + ring.Count - 1;
        bool closed = ring.Count == 0 || (geometry.X[first].Equals(geometry.X[last]) && geometry.Y[first].Equals(geometry.Y[last]) && (geometry.Z is null || geometry.Z[first].Equals(geometry.Z[last])));
        if (closed)
        {
            WriteRun(json, geometry, ring, reverse, record);
            return;
        }

        json.WriteStartArray();
        for (int k = 0; k < ring.Count; k++)
        {
            WritePosition(json, geometry, reverse ? last - k : first + k, record);
        }

        WritePosition(json, geometry, reverse ? last : first, record);
        json.WriteEndArray();
    }

    private static void WriteRun(Utf8JsonWriter json, ShapeGeometry geometry, (int Start, int Count) run, bool reverse, int record)
    {
        json.WriteStartArray();
        for (int k = 0; k < run.Count; k++)
        {
            WritePosition(json, geometry, reverse ? run.Start + run.Count - 1 - k : run.Start + k, record);
        }

        json.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter json, ShapeGeometry geometry, int i, int record)
    {
        json.WriteStartArray();
        WriteNumber(json, geometry.X[i], record);
        WriteNumber(json, geometry.Y[i], record);
        if (geometry.Z is double[] z)
        {
            WriteNumber(json, z[i], record);
        }

        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, double value, int record)
    {
        if (!double.IsFinite(value))
        {
            throw new ShapefileFormatException(string.Create(CultureInfo.InvariantCulture, $"record {record + 1}: coordinate {value} cannot be written to GeoJSON"));
        }

        json.WriteNumberValue(value);
    }
}
