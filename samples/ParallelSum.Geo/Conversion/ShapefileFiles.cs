using System.Buffers.Binary;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace ParallelSum.Geo.Conversion;

/// <summary>The order in which files become work items <c>[0, n)</c>.</summary>
internal enum FileOrder
{
    /// <summary>Ordinal name order: sizes fall where they fall, which is what separates static blocks from dynamic chunks.</summary>
    Name,

    /// <summary>Largest input first (ties by name): dynamic chunks then start the big files early, so no big file is left for last.</summary>
    LargestFirst,
}

/// <summary>Finds shapefiles and checks the parts of one before it is read, so a bad file fails with a reason people can act on.</summary>
internal static class ShapefileFiles
{
    private const int FileCode = 9994;
    private const int HeaderBytes = 100;

    /// <summary>Every <c>.shp</c> directly in <paramref name="folder"/> (any case of the extension), in ordinal name order.</summary>
    public static IReadOnlyList<string> Find(string folder) =>
        [.. Directory.EnumerateFiles(folder)
            .Where(p => Path.GetExtension(p).Equals(".shp", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];

    /// <summary>The files in <paramref name="order"/>.</summary>
    public static IReadOnlyList<string> InOrder(IReadOnlyList<string> files, FileOrder order) => order == FileOrder.Name
        ? files
        : [.. files.OrderByDescending(InputBytes).ThenBy(p => p, StringComparer.Ordinal)];

    /// <summary>The sibling of <paramref name="shpPath"/> with extension <paramref name="extension"/> (lower or upper case), or null.</summary>
    public static string? Sibling(string shpPath, string extension)
    {
        foreach (string candidate in new[] { Path.ChangeExtension(shpPath, extension), Path.ChangeExtension(shpPath, extension.ToUpperInvariant()) })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Opens a reader on <paramref name="shpPath"/> that is safe to use while other threads read other files.</summary>
    /// <remarks>
    /// Always pass fresh options: NetTopologySuite.IO.Esri.Shapefile 1.2.0 stores each file's .dbf record count in the options
    /// object, and with none given it uses one shared default. Two threads opening files at once then cut one file short at the
    /// other's record count ("Corrupted shapefile data. The dBASE table must contain feature attributes with one record per
    /// feature"): seen here in about one run in four with two threads, never with fresh options.
    /// </remarks>
    public static ShapefileReader OpenReader(string shpPath) => Shapefile.OpenRead(shpPath, new ShapefileReaderOptions());

    /// <summary>The combined size of the .shp, .shx and .dbf that exist.</summary>
    public static long InputBytes(string shpPath) =>
        new[] { shpPath, Sibling(shpPath, ".shx"), Sibling(shpPath, ".dbf") }
            .Where(p => p is not null && File.Exists(p))
            .Sum(p => new FileInfo(p!).Length);

    /// <summary>
    /// Checks that the .shx and .dbf exist and that the .shp and .shx headers are whole and agree with the file lengths and the
    /// .dbf's record count. Reading can still fail on a corrupt record; this catches missing parts, truncation and foreign files.
    /// </summary>
    /// <returns>The problem, or <see langword="null"/> when the parts look sound; <paramref name="records"/> is the .shx's record count.</returns>
    public static string? Check(string shpPath, out int records)
    {
        records = 0;
        string? shx = Sibling(shpPath, ".shx");
        string? dbf = Sibling(shpPath, ".dbf");
        if (shx is null && dbf is null)
        {
            return "missing its .shx index and its .dbf attribute table";
        }

        if (shx is null)
        {
            return $"missing its .shx index ({Path.GetFileName(Path.ChangeExtension(shpPath, ".shx"))})";
        }

        if (dbf is null)
        {
            return $"missing its .dbf attribute table ({Path.GetFileName(Path.ChangeExtension(shpPath, ".dbf"))})";
        }

        string? problem = CheckHeader(shpPath, ".shp") ?? CheckHeader(shx, ".shx");
        if (problem is not null)
        {
            return problem;
        }

        long shxLength = new FileInfo(shx).Length;
        if ((shxLength - HeaderBytes) % 8 != 0)
        {
            return $"corrupt .shx: {shxLength - HeaderBytes} bytes of records is not a whole number of 8-byte entries";
        }

        records = (int)((shxLength - HeaderBytes) / 8);
        Span<byte> dbfHeader = stackalloc byte[8];
        using (FileStream stream = File.OpenRead(dbf))
        {
            if (stream.ReadAtLeast(dbfHeader, dbfHeader.Length, throwOnEndOfStream: false) < dbfHeader.Length)
            {
                return $"truncated .dbf: {stream.Length} bytes, shorter than its header";
            }
        }

        uint dbfRecords = BinaryPrimitives.ReadUInt32LittleEndian(dbfHeader[4..]);
        return dbfRecords == records ? null : $"the .dbf holds {dbfRecords} records but the .shx indexes {records}";
    }

    private static string? CheckHeader(string path, string part)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        long length;
        using (FileStream stream = File.OpenRead(path))
        {
            length = stream.Length;
            if (stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes)
            {
                return $"truncated {part}: {length} bytes, shorter than the {HeaderBytes}-byte header";
            }
        }

        int code = BinaryPrimitives.ReadInt32BigEndian(header);
        if (code != FileCode)
        {
            return $"corrupt {part}: file code {code}, expected {FileCode} (not a shapefile, or a damaged header)";
        }

        // The header's file length is in 16-bit words.
        long declared = 2L * BinaryPrimitives.ReadInt32BigEndian(header[24..]);
        if (declared > length)
        {
            return $"truncated {part}: the header declares {declared} bytes but the file has {length}";
        }

        return declared < length ? $"corrupt {part}: the header declares {declared} bytes but the file has {length}" : null;
    }
}
