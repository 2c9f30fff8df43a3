using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using ParallelSum.Geo.Shapefiles;

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

    /// <summary>Opens the parts of <paramref name="shpPath"/> (after <see cref="Check"/> found them) for conversion.</summary>
    /// <exception cref="ShapefileFormatException">A part is corrupt or the parts disagree.</exception>
    public static ShapefileSource Open(string shpPath, System.Text.Encoding? encoding) => ShapefileSource.Open(
        shpPath, Sibling(shpPath, ".shx")!, Sibling(shpPath, ".dbf"), Sibling(shpPath, ".cpg") is string cpg && NotRegular(cpg) is null ? cpg : null, encoding);

    /// <summary>
    /// Why <paramref name="path"/> cannot be read as a file, or <see langword="null"/> when it can: a symbolic link is followed
    /// to its final target, and a loop or a dangling link, a folder, or an empty or special file (FIFO, socket, device: these
    /// report no size, and opening a FIFO would wait for a writer for ever) is refused without being opened.
    /// </summary>
    public static string? NotRegular(string path)
    {
        string name = Path.GetFileName(path);
        string target = path;
        try
        {
            if (new FileInfo(path).LinkTarget is not null)
            {
                target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
            }
        }
        catch (IOException e)
        {
            return $"{name} is a symbolic link that cannot be followed ({e.Message}): skipped";
        }

        if (Directory.Exists(target))
        {
            return $"{name} is a folder, not a file: skipped";
        }

        var info = new FileInfo(target);
        if (!info.Exists)
        {
            return $"{name} is a link to {target}, which does not exist: skipped";
        }

        return info.Length == 0 ? $"{name} is empty or not a regular file (a FIFO, socket or device): skipped" : null;
    }

    /// <summary>
    /// Checks that the .shx exists and is a regular file, and the .dbf too when there is one (a missing .dbf is converted with
    /// empty properties, as GDAL does); their contents are checked as they are read.
    /// </summary>
    /// <returns>The problem, or <see langword="null"/> when the parts are there.</returns>
    public static string? Check(string shpPath)
    {
        string? shx = Sibling(shpPath, ".shx");
        string? dbf = Sibling(shpPath, ".dbf");
        if (shx is null)
        {
            return $"missing its .shx index ({Path.GetFileName(Path.ChangeExtension(shpPath, ".shx"))})";
        }

        return NotRegular(shx) ?? (dbf is null ? null : NotRegular(dbf));
    }
}
