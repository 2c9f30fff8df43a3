using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ParallelSum.Geo.Shapefiles;

/// <summary>Reads one .shp record's content (little-endian fields) and refuses every read past its end.</summary>
internal ref struct RecordReader(ReadOnlySpan<byte> content, int record)
{
    private readonly ReadOnlySpan<byte> _content = content;
    private int _position;

    /// <summary>Gets the record's 0-based number, for messages.</summary>
    public readonly int Record { get; } = record;

    /// <summary>Gets the bytes left to read.</summary>
    public readonly int Remaining => _content.Length - _position;

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public void Skip(int bytes) => Take(bytes);

    /// <summary>Reads a count of items of <paramref name="bytesEach"/> bytes and checks that that many fit in what is left.</summary>
    public int Count(string what, int bytesEach)
    {
        int count = Int32();
        if (count < 0 || (long)count * bytesEach > Remaining)
        {
            throw Corrupt($"{count} {what} need {(long)count * bytesEach} bytes, the record has {Remaining}");
        }

        return count;
    }

    /// <summary>Reads <paramref name="count"/> Int32 values (the caller has checked that they fit).</summary>
    public int[] Int32s(int count)
    {
        ReadOnlySpan<byte> bytes = Take(4 * count);
        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]);
        }

        return values;
    }

    /// <summary>Reads <paramref name="count"/> interleaved (X, Y) pairs.</summary>
    public (double[] X, double[] Y) Points(int count)
    {
        ReadOnlySpan<double> values = MemoryMarshal.Cast<byte, double>(Take(16 * count));
        var x = new double[count];
        var y = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = values[2 * i];
            y[i] = values[(2 * i) + 1];
        }

        return (x, y);
    }

    /// <summary>Reads <paramref name="count"/> doubles (a Z or M array).</summary>
    public double[] Range(int count) => MemoryMarshal.Cast<byte, double>(Take(8 * count)).ToArray();

    /// <summary>An exception naming this record and <paramref name="problem"/>.</summary>
    public readonly ShapefileFormatException Corrupt(string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"record {Record + 1}: {problem}"));

    private ReadOnlySpan<byte> Take(int bytes)
    {
        if (bytes < 0 || bytes > Remaining)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"needs {bytes} more bytes at offset {_position}, the record has {Remaining}"));
        }

        ReadOnlySpan<byte> span = _content.Slice(_position, bytes);
        _position += bytes;
        return span;
    }
}
