using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ParallelSum.Geo.Shapefiles;

/// <summary>
/// A shapefile opened for conversion: its geometry (.shp, .shx) and attributes (.dbf, .cpg), checked to agree. Holds the files'
/// bytes in pooled arrays until disposed.
/// </summary>
internal sealed class ShapefileSource : IDisposable
{
    private readonly List<string> _warnings;

    private ShapefileSource(ShpFile shapes, DbfFile? table, List<string> warnings)
    {
        Shapes = shapes;
        Table = table;
        _warnings = warnings;
    }

    /// <summary>Gets the geometry file.</summary>
    public ShpFile Shapes { get; }

    /// <summary>Gets the attribute table, or <see langword="null"/> when the shapefile has no .dbf (every feature's properties are then empty).</summary>
    public DbfFile? Table { get; }

    /// <summary>Opens the parts of <paramref name="shpPath"/> (the caller has checked that the .shx, and the .dbf if given, exist).</summary>
    /// <exception cref="ShapefileFormatException">A part is corrupt, or the .dbf and .shx disagree on the record count.</exception>
    public static ShapefileSource Open(string shpPath, string shxPath, string? dbfPath, string? cpgPath, Encoding? encoding)
    {
        ShpFile shapes = ShpFile.Open(shpPath, shxPath);
        DbfFile? table = null;
        try
        {
            var warnings = new List<string>(shapes.Warnings);
            if (dbfPath is null)
            {
                warnings.Add($"no .dbf attribute table ({Path.GetFileNameWithoutExtension(shpPath)}.dbf): converted with empty properties, as GDAL does");
                return new ShapefileSource(shapes, null, warnings);
            }

            table = DbfFile.Open(dbfPath, cpgPath, encoding, warnings);
            if (table.Count != shapes.Count)
            {
                throw new ShapefileFormatException(string.Create(CultureInfo.InvariantCulture, $"the .dbf holds {table.Count} records but the .shx indexes {shapes.Count}"));
            }

            return new ShapefileSource(shapes, table, warnings);
        }
        catch
        {
            shapes.Dispose();
            table?.Dispose();
            throw;
        }
    }

    /// <summary>Returns the files' bytes to the pool; nothing can be read after.</summary>
    public void Dispose()
    {
        Shapes.Dispose();
        Table?.Dispose();
    }

    /// <summary>Gets every warning so far: header slack, trailing bytes, text not valid in its encoding.</summary>
    public IReadOnlyList<string> Warnings => [.. _warnings, .. Table?.DecodingWarnings() ?? []];

    /// <summary>Writes every record not marked deleted as a GeoJSON Feature into the open <c>features</c> array.</summary>
    /// <returns>The features written.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked at every flush).</exception>
    /// <exception cref="Crs.CrsException">A point has no place in WGS 84 through <paramref name="toWgs84"/>.</exception>
    public int WriteFeatures(Utf8JsonWriter json, int flushBytes, Crs.ToWgs84Transform? toWgs84 = null, CancellationToken cancellationToken = default)
    {
        int written = 0;
        for (int record = 0; record < Shapes.Count; record++)
        {
            if (Table?.IsDeleted(record) == true)
            {
                continue;
            }

            ShapeGeometry geometry = Shapes.Read(record);
            toWgs84?.Apply(geometry.X, geometry.Y);
            json.WriteStartObject();
            json.WriteString("type"u8, "Feature"u8);
            json.WriteStartObject("properties"u8);
            Table?.WriteProperties(json, record);
            json.WriteEndObject();
            json.WritePropertyName("geometry"u8);
            GeoJsonGeometryWriter.Write(json, geometry, record);
            json.WriteEndObject();
            written++;
            if (json.BytesPending >= flushBytes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                json.Flush();
            }
        }

        return written;
    }
}
