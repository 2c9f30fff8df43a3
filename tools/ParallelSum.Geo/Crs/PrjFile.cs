using System.Globalization;
using System.Text;

namespace ParallelSum.Geo.Crs;

/// <summary>Reads a shapefile's .prj: the WKT of its coordinate reference system, a few hundred bytes.</summary>
internal static class PrjFile
{
    /// <summary>The largest .prj read; a longer one is refused rather than read whole.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The WKT in <paramref name="prjPath"/>, trimmed.</summary>
    /// <exception cref="CrsException">The file is larger than <see cref="MaxBytes"/>, empty, or not text.</exception>
    public static string Read(string prjPath)
    {
        byte[] buffer = new byte[MaxBytes + 1];
        int read;
        using (var stream = new FileStream(prjPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }

        if (read > MaxBytes)
        {
            throw new CrsException(string.Create(CultureInfo.InvariantCulture, $"the .prj is larger than {MaxBytes / 1024} KiB; a coordinate system's WKT is a few hundred bytes"));
        }

        ReadOnlySpan<byte> bytes = buffer.AsSpan(0, read);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string wkt = Encoding.Latin1.GetString(bytes).Trim().TrimEnd('\0').Trim();
        if (wkt.Length == 0)
        {
            throw new CrsException("the .prj is empty");
        }

        return wkt;
    }
}
