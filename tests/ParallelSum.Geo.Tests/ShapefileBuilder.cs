using System.Buffers.Binary;
using System.Text;
using ParallelSum.Geo.Shapefiles;

namespace ParallelSum.Geo.Tests;

/// <summary>
/// Writes small shapefiles byte by byte from the ESRI and dBASE layouts, with full control over what real files get wrong:
/// null shapes, unusual rings, any code page with or without a .cpg, any language driver byte, blank (null) values, deleted
/// records. Independent of the reader under test and of NetTopologySuite.
/// </summary>
internal sealed class ShapefileBuilder(ShapeType type, params (string Name, char Type, int Width, int Decimals)[] fields)
{
    private readonly List<byte[]> _shapes = [];
    private readonly List<(byte[]?[] Values, bool Deleted)> _rows = [];

    /// <summary>Gets or sets the language driver byte written at offset 29 of the .dbf.</summary>
    public byte LanguageDriver { get; set; }

    /// <summary>Gets or sets the .cpg content, or null for no .cpg.</summary>
    public string? Cpg { get; set; }

    /// <summary>Gets or sets the encoding text values are written in.</summary>
    public Encoding TextEncoding { get; set; } = Encoding.Latin1;

    /// <summary>Gets or sets the encoding field names are written in (ASCII unless set).</summary>
    public Encoding FieldNameEncoding { get; set; } = Encoding.ASCII;

    public static byte[] NullShape() => Le(0);

    public static byte[] Point(ShapeType type, double x, double y, double z = 0, double m = 0) => type switch
    {
        ShapeType.Point => Concat(Le((int)type), Le(x), Le(y)),
        ShapeType.PointM => Concat(Le((int)type), Le(x), Le(y), Le(m)),
        _ => Concat(Le((int)type), Le(x), Le(y), Le(z), Le(m)),
    };

    /// <summary>A multipoint, polyline, polygon or multipatch record: parts of (x, y, z) points; M written for M and Z types.</summary>
    public static byte[] Parts(ShapeType type, (double X, double Y, double Z)[][] parts, int[]? partTypes = null)
    {
        var all = parts.SelectMany(p => p).ToArray();
        bool hasZ = type is ShapeType.PolyLineZ or ShapeType.PolygonZ or ShapeType.MultiPointZ or ShapeType.MultiPatch;
        bool hasM = hasZ || type is ShapeType.PolyLineM or ShapeType.PolygonM or ShapeType.MultiPointM;
        bool multipoint = type is ShapeType.MultiPoint or ShapeType.MultiPointM or ShapeType.MultiPointZ;
        var bytes = new List<byte[]> { Le((int)type) };
        bytes.Add(Concat(Le(all.Min(p => p.X)), Le(all.Min(p => p.Y)), Le(all.Max(p => p.X)), Le(all.Max(p => p.Y))));
        if (!multipoint)
        {
            bytes.Add(Le(parts.Length));
        }

        bytes.Add(Le(all.Length));
        if (!multipoint)
        {
            int start = 0;
            foreach (var part in parts)
            {
                bytes.Add(Le(start));
                start += part.Length;
            }

            foreach (int partType in partTypes ?? [])
            {
                bytes.Add(Le(partType));
            }
        }

        foreach (var p in all)
        {
            bytes.Add(Concat(Le(p.X), Le(p.Y)));
        }

        if (hasZ)
        {
            bytes.Add(Concat(Le(all.Min(p => p.Z)), Le(all.Max(p => p.Z))));
            bytes.AddRange(all.Select(p => Le(p.Z)));
        }

        if (hasM)
        {
            bytes.Add(Concat(Le(0.0), Le(all.Length - 1.0)));
            bytes.AddRange(Enumerable.Range(0, all.Length).Select(i => Le((double)i)));
        }

        return Concat([.. bytes]);
    }

    /// <summary>Adds a record: its shape content and one text value per field (null: blank, which readers take as null).</summary>
    public ShapefileBuilder Add(byte[] shape, params string?[] values) => Add(shape, false, values);

    public ShapefileBuilder Add(byte[] shape, bool deleted, params string?[] values)
    {
        _shapes.Add(shape);
        _rows.Add(([.. values.Select(v => v is null ? null : TextEncoding.GetBytes(v))], deleted));
        return this;
    }

    /// <summary>Adds a record whose first field holds <paramref name="raw"/> bytes as they are (for invalid text).</summary>
    public ShapefileBuilder AddRaw(byte[] shape, byte[] raw)
    {
        _shapes.Add(shape);
        _rows.Add(([raw], false));
        return this;
    }

    /// <summary>Writes <c>&lt;folder&gt;/&lt;name&gt;.shp</c>, .shx, .dbf (and .cpg when set).</summary>
    /// <returns>The .shp path.</returns>
    public string Write(string folder, string name)
    {
        string basePath = Path.Combine(folder, name);
        var shp = new MemoryStream();
        var shx = new MemoryStream();
        shp.Write(new byte[100]);
        shx.Write(new byte[100]);
        for (int i = 0; i < _shapes.Count; i++)
        {
            int offsetWords = (int)(shp.Length / 2);
            shp.Write(Be(i + 1));
            shp.Write(Be(_shapes[i].Length / 2));
            shp.Write(_shapes[i]);
            shx.Write(Be(offsetWords));
            shx.Write(Be(_shapes[i].Length / 2));
        }

        File.WriteAllBytes(basePath + ".shp", WithHeader(shp.ToArray()));
        File.WriteAllBytes(basePath + ".shx", WithHeader(shx.ToArray()));
        File.WriteAllBytes(basePath + ".dbf", Dbf());
        if (Cpg is not null)
        {
            File.WriteAllText(basePath + ".cpg", Cpg);
        }

        return basePath + ".shp";
    }

    private byte[] WithHeader(byte[] file)
    {
        BinaryPrimitives.WriteInt32BigEndian(file, 9994);
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(24), file.Length / 2);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(28), 1000);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(32), (int)type);

        // The bounding box of every record that has one, as writers put it in the header.
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        foreach (byte[] shape in _shapes.Where(s => s.Length >= 20))
        {
            bool point = BinaryPrimitives.ReadInt32LittleEndian(shape) is 1 or 11 or 21;
            double[] box = point
                ? [ReadLe(shape, 4), ReadLe(shape, 12), ReadLe(shape, 4), ReadLe(shape, 12)]
                : [ReadLe(shape, 4), ReadLe(shape, 12), ReadLe(shape, 20), ReadLe(shape, 28)];
            (minX, minY, maxX, maxY) = (Math.Min(minX, box[0]), Math.Min(minY, box[1]), Math.Max(maxX, box[2]), Math.Max(maxY, box[3]));
        }

        if (double.IsFinite(minX))
        {
            BinaryPrimitives.WriteDoubleLittleEndian(file.AsSpan(36), minX);
            BinaryPrimitives.WriteDoubleLittleEndian(file.AsSpan(44), minY);
            BinaryPrimitives.WriteDoubleLittleEndian(file.AsSpan(52), maxX);
            BinaryPrimitives.WriteDoubleLittleEndian(file.AsSpan(60), maxY);
        }

        return file;
    }

    private static double ReadLe(byte[] bytes, int offset) => BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(offset));

    private byte[] Dbf()
    {
        int recordLength = 1 + fields.Sum(f => f.Width);
        int headerLength = 32 + (32 * fields.Length) + 1;
        var dbf = new byte[headerLength + (recordLength * _rows.Count) + 1];
        dbf[0] = 3;
        dbf[1] = 100;
        dbf[2] = 1;
        dbf[3] = 1;
        BinaryPrimitives.WriteInt32LittleEndian(dbf.AsSpan(4), _rows.Count);
        BinaryPrimitives.WriteInt16LittleEndian(dbf.AsSpan(8), (short)headerLength);
        BinaryPrimitives.WriteInt16LittleEndian(dbf.AsSpan(10), (short)recordLength);
        dbf[29] = LanguageDriver;
        for (int f = 0; f < fields.Length; f++)
        {
            Span<byte> descriptor = dbf.AsSpan(32 + (32 * f), 32);
            FieldNameEncoding.GetBytes(fields[f].Name).AsSpan(0, Math.Min(10, FieldNameEncoding.GetByteCount(fields[f].Name))).CopyTo(descriptor);
            descriptor[11] = (byte)fields[f].Type;
            descriptor[16] = (byte)fields[f].Width;
            descriptor[17] = (byte)fields[f].Decimals;
        }

        dbf[headerLength - 1] = 0x0D;
        for (int r = 0; r < _rows.Count; r++)
        {
            Span<byte> row = dbf.AsSpan(headerLength + (r * recordLength), recordLength);
            row.Fill((byte)' ');
            row[0] = _rows[r].Deleted ? (byte)'*' : (byte)' ';
            int at = 1;
            for (int f = 0; f < fields.Length; f++)
            {
                byte[]? value = f < _rows[r].Values.Length ? _rows[r].Values[f] : null;
                if (value is not null)
                {
                    // Numbers are right-aligned, as dBASE writes them; text is left-aligned.
                    int pad = fields[f].Type is 'N' or 'F' ? fields[f].Width - value.Length : 0;
                    value.AsSpan(0, Math.Min(value.Length, fields[f].Width)).CopyTo(row[(at + Math.Max(pad, 0))..]);
                }

                at += fields[f].Width;
            }
        }

        dbf[^1] = 0x1A;
        return dbf;
    }

    private static byte[] Le(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Le(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Be(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
