using System.Buffers.Binary;

namespace ParallelSum.Geo.Tests;

/// <summary>
/// Damages a shapefile's parts the ways real damage and attacks do: bit flips, truncation, records spliced from elsewhere in
/// the file, and extreme values in every count and length field of the .shp, .shx and .dbf headers and records.
/// </summary>
internal static class ShapefileMutator
{
    private static readonly int[] Extremes = [0, -1, 1, int.MaxValue, int.MinValue, 0x10000000, 0x7FFFFFF0, 100_000_000, 65535, 3];

    /// <summary>The kinds of mutation, for reporting.</summary>
    public static readonly string[] Kinds = ["bit-flips", "truncation", "splice", "extreme-count"];

    /// <summary>Mutates one of <paramref name="parts"/> (extension to bytes) in place; returns a description.</summary>
    public static string Mutate(Dictionary<string, byte[]> parts, Random random)
    {
        string[] names = [.. parts.Keys.Order(StringComparer.Ordinal)];
        string part = names[random.Next(names.Length)];
        byte[] bytes = parts[part];
        int kind = random.Next(Kinds.Length);
        switch (kind)
        {
            case 0:
                int flips = random.Next(1, 9);
                for (int i = 0; i < flips && bytes.Length > 0; i++)
                {
                    int at = random.Next(bytes.Length);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }

                return $"{part}: {flips} bit flips";
            case 1:
                int length = random.Next(bytes.Length);
                parts[part] = bytes[..length];
                return $"{part}: truncated to {length} of {bytes.Length} bytes";
            case 2:
                if (bytes.Length < 2)
                {
                    return $"{part}: too short to splice";
                }

                int from = random.Next(bytes.Length);
                int to = random.Next(bytes.Length);
                int count = random.Next(1, Math.Min(400, bytes.Length - Math.Max(from, to)) + 1);
                byte[] spliced = [.. bytes[..to], .. bytes.AsSpan(from, Math.Min(count, bytes.Length - from)).ToArray(), .. bytes[to..]];
                parts[part] = spliced;
                return $"{part}: {count} bytes from {from} spliced in at {to}";
            default:
                int offset = CountField(part, bytes, random);
                if (offset + 4 > bytes.Length)
                {
                    return $"{part}: no count field to set";
                }

                int value = Extremes[random.Next(Extremes.Length)];
                bool bigEndian = part != ".dbf" && (offset < 100 ? offset < 28 : part == ".shx" || (offset - 100) % 8 < 8 && random.Next(2) == 0);
                if (part == ".dbf" && offset is 8 or 10)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), (ushort)value);
                }
                else if (bigEndian)
                {
                    BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(offset), value);
                }
                else
                {
                    BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), value);
                }

                return $"{part}: {(bigEndian ? "big" : "little")}-endian {value} at byte {offset}";
        }
    }

    // A count or length field: header file length and shape type, a record's length, part and point counts (first record,
    // or a random record start), an index entry, or the .dbf record count, header length, record length or a field width.
    private static int CountField(string part, byte[] bytes, Random random)
    {
        switch (part)
        {
            case ".shp":
                int[] fields = [24, 32, 104, 108, 144, 148, 100 + (8 * random.Next(Math.Max(1, (bytes.Length - 100) / 8)))];
                return fields[random.Next(fields.Length)];
            case ".shx":
                return random.Next(3) == 0 ? 24 : 100 + (4 * random.Next(Math.Max(1, (bytes.Length - 100) / 4)));
            default:
                int[] dbfFields = [4, 8, 10, 32 + 16, 64 + 16];
                return dbfFields[random.Next(dbfFields.Length)];
        }
    }
}
