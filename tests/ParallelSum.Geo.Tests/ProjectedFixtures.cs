using System.Diagnostics;
using System.Globalization;
using ParallelSum.Geo.Shapefiles;

namespace ParallelSum.Geo.Tests;

/// <summary>
/// Shapefiles in projected and non-WGS 84 systems, made here: small WGS 84 data sets written byte by byte for the region
/// each system serves, then reprojected by GDAL's <c>ogr2ogr -t_srs EPSG:N</c>, which writes the .prj as shapefiles carry it
/// (ESRI WKT, no TOWGS84). Needs ogr2ogr.
/// </summary>
internal static class ProjectedFixtures
{
    // (file name, EPSG code, centre longitude, centre latitude, size in degrees): one per kind of system and datum.
    private static readonly (string Name, int Epsg, double Lon, double Lat, double Size)[] Systems =
    [
        ("osgb36_bng_27700", 27700, -2, 53, 3),               // OSGB36, Transverse Mercator, Helmert EPSG:1314
        ("wgs84_webmercator_3857", 3857, 10, 50, 8),          // Web Mercator (ESRI Mercator_Auxiliary_Sphere)
        ("wgs84_worldmercator_3395", 3395, 20, 10, 30),       // Mercator, one standard parallel
        ("wgs84_utm33n_32633", 32633, 15, 50, 4),             // UTM
        ("nad83_nylongisland_ftus_2263", 2263, -73.5, 40.8, 1), // Lambert conformal conic, US survey feet
        ("nad83_conusalbers_5070", 5070, -98, 39, 16),        // Albers equal area
        ("nad27_utm17n_26717", 26717, -81, 38, 4),            // NAD27, regional Helmert shifts
        ("ed50_utm31n_23031", 23031, 2, 44, 6),               // ED50 in France and Spain
        ("etrs89_laea_3035", 3035, 10, 50, 10),               // Lambert azimuthal equal area
        ("rgf93_lambert93_2154", 2154, 2, 46, 6),             // Lambert-93
    ];

    // Geographic NAD27 and ED50 over their whole range: each datum's shift is chosen point by point among a dozen regional ones.
    private static readonly (string Name, int Epsg, (double Lon, double Lat)[] Places)[] Spread =
    [
        ("nad27_geographic_4267", 4267, [(-150, 62), (-100, 55), (-110, 40), (-80, 38), (-100, 22), (-90, 27), (-75, 20), (-60, 50)]),
        ("ed50_geographic_4230", 4230, [(-2, 53), (10, 62), (23, 38), (3, 56), (-4, 40), (14, 37.5), (12, 43), (36, 33), (20, 70)]),
    ];

    /// <summary>Writes every fixture into <paramref name="folder"/>; returns each one's name and EPSG code.</summary>
    public static IReadOnlyList<(string Name, int Epsg)> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        string wgs84 = Path.Combine(folder, "wgs84");
        Directory.CreateDirectory(wgs84);
        var made = new List<(string, int)>();
        foreach ((string name, int epsg, double lon, double lat, double size) in Systems)
        {
            var places = new List<(double, double)> { (lon, lat) };
            if (epsg == 27700)
            {
                places.Add((4, 50.5)); // in France: outside the area of use of every OSGB36 shift
            }

            Reproject(Base(wgs84, name, places, size), folder, name, epsg);
            made.Add((name, epsg));
        }

        foreach ((string name, int epsg, (double, double)[] places) in Spread)
        {
            Reproject(Base(wgs84, name, places, 1), folder, name, epsg);
            made.Add((name, epsg));
        }

        Directory.Delete(wgs84, recursive: true);
        return made;
    }

    // At each place: a polygon with a hole (60 vertices on its shell), a polyline and a point, in WGS 84 longitude and latitude.
    private static string Base(string folder, string name, IReadOnlyList<(double Lon, double Lat)> places, double size)
    {
        var polygons = new ShapefileBuilder(ShapeType.Polygon, ("PLACE", 'N', 4, 0));
        var lines = new ShapefileBuilder(ShapeType.PolyLine, ("PLACE", 'N', 4, 0));
        for (int p = 0; p < places.Count; p++)
        {
            (double lon, double lat) = places[p];
            double r = size / 2;
            (double, double, double)[] shell = [.. Enumerable.Range(0, 61).Select(i =>
            {
                double a = -2 * Math.PI * (i % 60) / 60; // clockwise, as shapefile shells run
                return (lon + (r * Math.Cos(a) * (1 + (0.2 * Math.Sin(5 * a)))), lat + (r * 0.7 * Math.Sin(a)), 0.0);
            })];
            (double, double, double)[] hole = [(lon - (r / 4), lat - (r / 8), 0), (lon + (r / 4), lat - (r / 8), 0), (lon + (r / 4), lat + (r / 8), 0), (lon - (r / 4), lat + (r / 8), 0), (lon - (r / 4), lat - (r / 8), 0)];
            string place = p.ToString(CultureInfo.InvariantCulture);
            polygons.Add(ShapefileBuilder.Parts(ShapeType.Polygon, [shell, hole]), place);
            lines.Add(ShapefileBuilder.Parts(ShapeType.PolyLine, [[(lon - r, lat - r, 0), (lon, lat + (r / 3), 0), (lon + r, lat - (r / 2), 0)]]), place);
            lines.Add(ShapefileBuilder.Parts(ShapeType.PolyLine, [[(lon + (r / 10), lat, 0), (lon + (r / 10), lat + (r / 10), 0)], [(lon, lat, 0), (lon - (r / 5), lat - (r / 7), 0)]]), place);
        }

        string polygonPath = polygons.Write(folder, name);
        string linePath = lines.Write(folder, name + "_lines");
        return polygonPath + "|" + linePath;
    }

    // The polygons and the lines of one base set, each reprojected into a shapefile of its own.
    private static void Reproject(string bases, string folder, string name, int epsg)
    {
        string[] parts = bases.Split('|');
        Ogr2Ogr(parts[0], Path.Combine(folder, name + ".shp"), epsg);
        Ogr2Ogr(parts[1], Path.Combine(folder, name + "_lines.shp"), epsg);
    }

    private static void Ogr2Ogr(string from, string to, int epsg)
    {
        var start = new ProcessStartInfo("ogr2ogr") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { "-s_srs", "EPSG:4326", "-t_srs", $"EPSG:{epsg}", to, from })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), $"ogr2ogr did not make {to} within 60 s");
        Assert.True(process.ExitCode == 0 && File.Exists(Path.ChangeExtension(to, ".prj")), $"ogr2ogr could not make {to}: {errors}");
    }
}
