using System.Globalization;
using ParallelSum.Geo.Crs;

namespace ParallelSum.Geo.Conversion;

/// <summary>What one file's output does with its coordinate reference system: reproject to WGS 84, or keep it and name it.</summary>
internal sealed class OutputCrs
{
    private readonly List<string> _warnings = [];

    private OutputCrs()
    {
    }

    /// <summary>Gets the transformation to WGS 84, or <see langword="null"/> when the coordinates are written as they are.</summary>
    public ToWgs84Transform? ToWgs84 { get; private init; }

    /// <summary>Gets the name for the output's <c>crs</c> member, or <see langword="null"/> for none (RFC 7946 output).</summary>
    public string? Name { get; private init; }

    /// <summary>Gets the warnings about the coordinates, complete once every feature has been written.</summary>
    public IEnumerable<string> Warnings => ToWgs84 is null ? _warnings : _warnings.Concat(ToWgs84.Warnings);

    /// <summary>Decides for the shapefile <paramref name="shpPath"/>, whose header declares <paramref name="bounds"/>.</summary>
    /// <exception cref="CrsException">Reprojecting, and the .prj cannot be read or taken to WGS 84.</exception>
    public static OutputCrs For(string shpPath, bool keepCrs, (double MinX, double MinY, double MaxX, double MaxY) bounds)
    {
        string? prj = ShapefileFiles.Sibling(shpPath, ".prj") is string path && ShapefileFiles.NotRegular(path) is null ? path : null;
        if (keepCrs)
        {
            return Keep(prj);
        }

        if (prj is null)
        {
            var none = new OutputCrs();
            if (bounds.MinX < -180 || bounds.MaxX > 180 || bounds.MinY < -90 || bounds.MaxY > 90)
            {
                none._warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"no .prj, and the coordinates reach beyond longitude and latitude (x {bounds.MinX} to {bounds.MaxX}, y {bounds.MinY} to {bounds.MaxY}): probably projected, written as they are; add the .prj, or maps will place them wrongly"));
            }

            return none;
        }

        return new OutputCrs { ToWgs84 = SourceCrs.Parse(PrjFile.Read(prj)).CreateToWgs84() };
    }

    private static OutputCrs Keep(string? prj)
    {
        if (prj is null)
        {
            return new OutputCrs();
        }

        try
        {
            SourceCrs source = SourceCrs.Parse(PrjFile.Read(prj));

            // The EPSG name where this tool can tell it (as ogr2ogr writes it); otherwise the .prj's own WKT, which GDAL and
            // other readers of the crs member also accept.
            return new OutputCrs { Name = source.Identify() ?? source.Wkt };
        }
        catch (CrsException e)
        {
            var unread = new OutputCrs();
            unread._warnings.Add($".prj: {e.Message}: the coordinates are written as they are, with no crs member");
            return unread;
        }
    }
}
