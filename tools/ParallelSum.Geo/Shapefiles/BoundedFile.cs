using System.Globalization;

namespace ParallelSum.Geo.Shapefiles;

/// <summary>Reads a whole shapefile part into memory: only regular files, and never more than an array can hold.</summary>
internal static class BoundedFile
{
    /// <summary>All bytes of <paramref name="path"/>, the <paramref name="part"/> (such as <c>.dbf</c>) of a shapefile, in a pooled array the caller disposes.</summary>
    /// <exception cref="ShapefileFormatException">The file is larger than an array can hold.</exception>
    public static PooledBytes ReadAll(string path, string part)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        long length = stream.Length;
        if (length > Array.MaxLength)
        {
            throw new ShapefileFormatException(string.Create(CultureInfo.InvariantCulture, $"{part} of {length} bytes is larger than this reader's limit of {Array.MaxLength} bytes"));
        }

        var bytes = new PooledBytes((int)length);
        try
        {
            stream.ReadExactly(bytes.Span);
            return bytes;
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }
}
