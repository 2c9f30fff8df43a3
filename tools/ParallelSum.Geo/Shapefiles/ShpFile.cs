using System.Buffers.Binary;
using System.Globalization;

namespace ParallelSum.Geo.Shapefiles;

/// <summary>
/// A <c>.shp</c> with its <c>.shx</c> index, read whole into memory and parsed record by record. Every count read from the
/// files (record count, record length, parts, points) is checked against the bytes that are actually there before anything is
/// allocated for it, so no input can make the reader allocate more than the files' own size or loop without end.
/// </summary>
internal sealed class ShpFile : IDisposable
{
    /// <summary>The size of the main and index file headers.</summary>
    public const int HeaderBytes = 100;

    private const int FileCode = 9994;
    private readonly PooledBytes _shp;
    private readonly (int Offset, int Length)[] _index;

    private ShpFile(PooledBytes shp, (int Offset, int Length)[] index, ShapeType type, List<string> warnings)
    {
        _shp = shp;
        _index = index;
        Type = type;
        Warnings = warnings;
        ReadOnlySpan<byte> header = shp.Span;
        Bounds = (BinaryPrimitives.ReadDoubleLittleEndian(header[36..]), BinaryPrimitives.ReadDoubleLittleEndian(header[44..]),
            BinaryPrimitives.ReadDoubleLittleEndian(header[52..]), BinaryPrimitives.ReadDoubleLittleEndian(header[60..]));
    }

    /// <summary>Gets the bounding box the header declares (X and Y); not checked against the records.</summary>
    public (double MinX, double MinY, double MaxX, double MaxY) Bounds { get; }

    /// <summary>Gets the shape type the header declares.</summary>
    public ShapeType Type { get; }

    /// <summary>Gets the number of records the index lists.</summary>
    public int Count => _index.Length;

    /// <summary>Gets what was odd but readable (header slack, trailing bytes): reported, never fatal.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Reads and checks <paramref name="shpPath"/> and <paramref name="shxPath"/>.</summary>
    /// <exception cref="ShapefileFormatException">A header is missing or foreign, or the index points outside the .shp.</exception>
    public static ShpFile Open(string shpPath, string shxPath)
    {
        PooledBytes shpBytes = BoundedFile.ReadAll(shpPath, ".shp");
        try
        {
            using PooledBytes shxBytes = BoundedFile.ReadAll(shxPath, ".shx");
            var warnings = new List<string>();
            (ShapeType type, (int Offset, int Length)[] index) = ReadIndex(shpBytes.Span, shxBytes.Span, warnings);
            return new ShpFile(shpBytes, index, type, warnings);
        }
        catch
        {
            shpBytes.Dispose();
            throw;
        }
    }

    /// <summary>Returns the .shp's bytes to the pool; no record can be read after.</summary>
    public void Dispose() => _shp.Dispose();

    private static (ShapeType Type, (int Offset, int Length)[] Index) ReadIndex(ReadOnlySpan<byte> shp, ReadOnlySpan<byte> shx, List<string> warnings)
    {
        ShapeType type = CheckHeader(shp, ".shp", warnings);
        CheckHeader(shx, ".shx", warnings);

        long entryBytes = shx.Length - HeaderBytes;
        if (entryBytes % 8 != 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $".shx has {entryBytes % 8} bytes after its last whole 8-byte entry: ignored"));
        }

        var index = new (int Offset, int Length)[entryBytes / 8];
        for (int i = 0; i < index.Length; i++)
        {
            ReadOnlySpan<byte> entry = shx.Slice(HeaderBytes + (8 * i), 8);
            long offset = 2L * BinaryPrimitives.ReadInt32BigEndian(entry);
            long length = 2L * BinaryPrimitives.ReadInt32BigEndian(entry[4..]);
            if (offset < HeaderBytes || length < 4 || offset + 8 + length > shp.Length)
            {
                long declared = 2L * BinaryPrimitives.ReadInt32BigEndian(shp[24..]);
                if (declared > shp.Length)
                {
                    throw new ShapefileFormatException(string.Create(CultureInfo.InvariantCulture,
                        $"truncated .shp: the header declares {declared} bytes but the file has {shp.Length}, and record {i + 1} lies beyond its end"));
                }

                throw new ShapefileFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"record {i + 1}: the .shx places it at byte {offset} with {length} bytes, outside the {shp.Length}-byte .shp (truncated or corrupt)"));
            }

            index[i] = ((int)offset + 8, (int)length);
        }

        return (type, index);
    }

    /// <summary>Reads record <paramref name="record"/> (0-based) as GDAL would convert it.</summary>
    /// <exception cref="ShapefileFormatException">The record's counts do not fit its bytes, or its type is unknown.</exception>
    public ShapeGeometry Read(int record)
    {
        (int offset, int length) = _index[record];
        var reader = new RecordReader(_shp.Span.Slice(offset, length), record);
        int type = reader.Int32();
        return type switch
        {
            (int)ShapeType.Null => ShapeGeometry.None,
            (int)ShapeType.Point or (int)ShapeType.PointM => ReadPoint(ref reader, hasZ: false),
            (int)ShapeType.PointZ => ReadPoint(ref reader, hasZ: true),
            (int)ShapeType.MultiPoint or (int)ShapeType.MultiPointM => ReadMultiPoint(ref reader, hasZ: false),
            (int)ShapeType.MultiPointZ => ReadMultiPoint(ref reader, hasZ: true),
            (int)ShapeType.PolyLine or (int)ShapeType.PolyLineM => ReadPolyLine(ref reader, hasZ: false),
            (int)ShapeType.PolyLineZ => ReadPolyLine(ref reader, hasZ: true),
            (int)ShapeType.Polygon or (int)ShapeType.PolygonM => ReadPolygon(ref reader, hasZ: false),
            (int)ShapeType.PolygonZ => ReadPolygon(ref reader, hasZ: true),
            (int)ShapeType.MultiPatch => ReadMultiPatch(ref reader),
            _ => throw new ShapefileFormatException(string.Create(CultureInfo.InvariantCulture,
                $"record {record + 1}: shape type {type} is not a shapefile shape type (0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28 and 31 are)")),
        };
    }

    private static ShapeType CheckHeader(ReadOnlySpan<byte> file, string part, List<string> warnings)
    {
        if (file.Length < HeaderBytes)
        {
            throw new ShapefileFormatException($"truncated {part}: {file.Length} bytes, shorter than the {HeaderBytes}-byte header");
        }

        int code = BinaryPrimitives.ReadInt32BigEndian(file);
        if (code != FileCode)
        {
            throw new ShapefileFormatException($"corrupt {part}: file code {code}, expected {FileCode} (not a shapefile, or a damaged header)");
        }

        // The header's file length is in 16-bit words. GDAL reads through the index whatever it says: a mismatch is worth a
        // warning, and only an index entry outside the file is fatal.
        long declared = 2L * BinaryPrimitives.ReadInt32BigEndian(file[24..]);
        if (declared != file.Length)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{part} header declares {declared} bytes but the file has {file.Length}"));
        }

        int type = BinaryPrimitives.ReadInt32LittleEndian(file[32..]);
        return Enum.IsDefined((ShapeType)type)
            ? (ShapeType)type
            : throw new ShapefileFormatException(string.Create(CultureInfo.InvariantCulture, $"corrupt {part}: shape type {type} in the header is not a shapefile shape type"));
    }

    private static ShapeGeometry ReadPoint(ref RecordReader reader, bool hasZ)
    {
        double[] x = [reader.Double()];
        double[] y = [reader.Double()];
        double[]? z = hasZ ? [reader.Double()] : null;
        return new ShapeGeometry(GeometryKind.Point, x, y, z, [(0, 1)], []);
    }

    private static ShapeGeometry ReadMultiPoint(ref RecordReader reader, bool hasZ)
    {
        reader.Skip(32); // bounding box
        int points = reader.Count("points", 16 + (hasZ ? 8 : 0));
        if (hasZ && reader.Remaining < 16 + (8L * points))
        {
            throw reader.Corrupt($"{points} points with Z need {16 + (16L * points) + (8L * points)} bytes");
        }

        (double[] x, double[] y) = reader.Points(points);
        double[]? z = null;
        if (hasZ)
        {
            reader.Skip(16); // Z range
            z = reader.Range(points);
        }

        return points == 0
            ? ShapeGeometry.None
            : new ShapeGeometry(GeometryKind.MultiPoint, x, y, z, [.. Enumerable.Range(0, points).Select(i => (i, 1))], []);
    }

    private static ShapeGeometry ReadPolyLine(ref RecordReader reader, bool hasZ)
    {
        (int[] starts, double[] x, double[] y, double[]? z) = ReadParts(ref reader, hasZ, partTypes: false, out _);
        if (starts.Length == 0)
        {
            return ShapeGeometry.None;
        }

        (int Start, int Count)[] parts = Runs(starts, x.Length);
        return new ShapeGeometry(parts.Length == 1 ? GeometryKind.LineString : GeometryKind.MultiLineString, x, y, z, parts, []);
    }

    private static ShapeGeometry ReadPolygon(ref RecordReader reader, bool hasZ)
    {
        (int[] starts, double[] x, double[] y, double[]? z) = ReadParts(ref reader, hasZ, partTypes: false, out _);
        if (starts.Length == 0)
        {
            return ShapeGeometry.None;
        }

        (int Start, int Count)[] rings = Runs(starts, x.Length);
        int[][] polygons = RingOrganizer.Organize(x, y, rings);
        return new ShapeGeometry(polygons.Length == 1 ? GeometryKind.Polygon : GeometryKind.MultiPolygon, x, y, z, rings, polygons);
    }

    private static ShapeGeometry ReadMultiPatch(ref RecordReader reader)
    {
        (int[] starts, double[] x, double[] y, double[]? z) = ReadParts(ref reader, hasZ: true, partTypes: true, out int[] types);
        return starts.Length == 0 ? ShapeGeometry.None : MultiPatch.ToPolygons(x, y, z!, Runs(starts, x.Length), types, reader.Record);
    }

    // Parts and points of a polyline, polygon or multipatch: box, counts, part starts (and part types), XY, then Z when asked
    // (M is never read: GeoJSON has no place for it). Both counts are checked against the record's bytes before allocating.
    private static (int[] Starts, double[] X, double[] Y, double[]? Z) ReadParts(ref RecordReader reader, bool hasZ, bool partTypes, out int[] types)
    {
        reader.Skip(32); // bounding box
        int parts = reader.Int32();
        int points = reader.Int32();
        long needed = (parts * (partTypes ? 8L : 4L)) + (points * (hasZ ? 24L : 16L)) + (hasZ ? 16 : 0);
        if (parts < 0 || points < 0)
        {
            throw reader.Corrupt($"negative counts: {parts} parts, {points} points");
        }

        if (needed > reader.Remaining)
        {
            throw reader.Corrupt($"{parts} parts and {points} points need {needed} bytes, the record has {reader.Remaining}");
        }

        if (parts == 0 && points > 0)
        {
            throw reader.Corrupt($"{points} points in no part");
        }

        int[] starts = reader.Int32s(parts);
        types = partTypes ? reader.Int32s(parts) : [];
        for (int p = 0; p < parts; p++)
        {
            if (starts[p] < 0 || starts[p] >= Math.Max(points, 1) || (p > 0 && starts[p] < starts[p - 1]) || (p == 0 && starts[p] != 0))
            {
                throw reader.Corrupt($"part {p} starts at point {starts[p]}, outside 0..{points - 1} or before the part before it");
            }
        }

        (double[] x, double[] y) = reader.Points(points);
        double[]? z = null;
        if (hasZ)
        {
            reader.Skip(16); // Z range
            z = reader.Range(points);
        }

        // GeoJSON has no NaN or infinity, and ring grouping needs real numbers: such a point makes the record unreadable.
        for (int i = 0; i < points; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]) || (z is not null && !double.IsFinite(z[i])))
            {
                throw reader.Corrupt($"point {i} is ({x[i]}, {y[i]}{(z is null ? "" : $", {z[i]}")}), not a finite coordinate");
            }
        }

        return (starts, x, y, z);
    }

    private static (int Start, int Count)[] Runs(int[] starts, int points)
    {
        var runs = new (int Start, int Count)[starts.Length];
        for (int p = 0; p < starts.Length; p++)
        {
            int end = p + 1 < starts.Length ? starts[p + 1] : points;
            runs[p] = (starts[p], end - starts[p]);
        }

        return runs;
    }
}
