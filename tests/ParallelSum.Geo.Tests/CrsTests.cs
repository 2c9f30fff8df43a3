using System.Text.Json;
using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Crs;
using ParallelSum.Geo.Shapefiles;

namespace ParallelSum.Geo.Tests;

/// <summary>
/// The .prj: reading it, naming it, and taking its coordinates to WGS 84. Expected positions are GDAL 3.6's (PROJ 9.1,
/// Debian's proj-data, no grids), taken from <c>gdaltransform -s_srs EPSG:N -t_srs EPSG:4326</c> once and written down here.
/// </summary>
public sealed class CrsTests
{
    private const string BritishNationalGrid = """PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]""";
    private const string Nad27 = """GEOGCS["GCS_North_American_1927",DATUM["D_North_American_1927",SPHEROID["Clarke_1866",6378206.4,294.9786982]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]""";
    private const string Ed50 = """GEOGCS["GCS_European_1950",DATUM["D_European_1950",SPHEROID["International_1924",6378388.0,297.0]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""";
    private const string Osgb36 = """GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""";
    private const string Wgs84 = """GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""";
    private const string Amersfoort = """PROJCS["RD_New",GEOGCS["GCS_Amersfoort",DATUM["D_Amersfoort",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Double_Stereographic"],PARAMETER["False_Easting",155000.0],PARAMETER["False_Northing",463000.0],PARAMETER["Central_Meridian",5.38763888888889],PARAMETER["Scale_Factor",0.9999079],PARAMETER["Latitude_Of_Origin",52.15616055555555],UNIT["Meter",1.0]]""";

    [Theory]
    [InlineData(Osgb36, -1, 52, -1.0015262257828, 52.0004395744514)]   // EPSG:1314
    [InlineData(Nad27, -100, 40, -100.000415588626, 39.9999968824328)] // EPSG:1175, CONUS west of the Mississippi
    [InlineData(Nad27, -75, 41, -74.99959964635, 41.0000008351981)]    // EPSG:1173, CONUS (east of the Mississippi is less accurate)
    [InlineData(Nad27, -120, 35, -120.000946764669, 34.9999705239775)]
    [InlineData(Nad27, 2, 48, 2, 48)]                                  // outside every NAD27 area: not shifted
    [InlineData(Ed50, 2, 48, 1.9987402828724, 47.999062100475)]        // EPSG:1275, France (not the more accurate offshore 1311)
    [InlineData(Ed50, -100, 40, -100, 40)]
    public void Geographic_DatumShift_MatchesGdal(string wkt, double lon, double lat, double gdalLon, double gdalLat)
    {
        ToWgs84Transform? transform = SourceCrs.Parse(wkt).CreateToWgs84();
        double[] x = [lon], y = [lat];

        transform!.Apply(x, y);

        Assert.Equal(gdalLon, x[0], 1e-9);
        Assert.Equal(gdalLat, y[0], 1e-9);
    }

    [OgrFact]
    public void DatumShifts_OnRandomPoints_AgreeWithGdaltransform()
    {
        // Each datum over a box wider than its areas of use, so points inside one, several and none of them all occur.
        (string Wkt, int Epsg, double West, double East, double South, double North)[] datums =
        [
            (Nad27, 4267, -170, -50, 10, 80),
            (Ed50, 4230, -15, 45, 25, 75),
            (Osgb36, 4277, -10, 5, 48, 62),
            ("""GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""", 4269, -180, -50, 10, 80),
        ];
        var random = new Random(20261207);
        foreach ((string wkt, int epsg, double west, double east, double south, double north) in datums)
        {
            double[] x = [.. Enumerable.Range(0, 1000).Select(_ => west + (random.NextDouble() * (east - west)))];
            double[] y = [.. Enumerable.Range(0, 1000).Select(_ => south + (random.NextDouble() * (north - south)))];
            string input = string.Concat(x.Zip(y, (a, b) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{a:R} {b:R}\n")));
            string[] gdal = Gdaltransform($"EPSG:{epsg}", input);

            SourceCrs.Parse(wkt).CreateToWgs84()!.Apply(x, y);

            for (int i = 0; i < x.Length; i++)
            {
                double[] expected = [.. gdal[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
                Assert.True(Math.Abs(expected[0] - x[i]) < 1e-8 && Math.Abs(expected[1] - y[i]) < 1e-8, $"EPSG:{epsg} point {i}: ours {x[i]}, {y[i]}; gdaltransform {gdal[i]}");
            }
        }
    }

    [Theory]
    [InlineData("ED50", 2, 48, 1275)]          // France (2 m) beats Europe west (10 m) and west central (6 m)
    [InlineData("ED50", -9.72, 51.94, 1311)]   // only the offshore one and British Isles hold it; the offshore one comes first and stays
    [InlineData("ED50", 39.4, 34.2, 1135)]     // the Middle East one comes first; the offshore Israel/Turkey one cannot replace it
    [InlineData("NAD27", -93, 27, 1175)]       // onshore west of the Mississippi beats the more accurate Gulf of Mexico offshore ones
    [InlineData("NAD27", -75, 41, 1173)]
    [InlineData("OSGB36", -1, 52, 1314)]
    public void Choose_FollowsProjsRule(string datum, double lon, double lat, int epsg)
    {
        var shifts = DatumShifts.Of(datum).Select(s => (s, s.Area)).ToArray();

        Assert.Equal(epsg, DatumShifts.Choose(shifts, lon, lat)?.EpsgCode);
    }

    [Theory]
    [InlineData("D_OSGB_1936", "OSGB36")]
    [InlineData("OSGB 1936", "OSGB36")]
    [InlineData("D_North_American_1927", "NAD27")]
    [InlineData("North_American_Datum_1983", "NAD83")]
    [InlineData("D_WGS_1984", "WGS84")]
    [InlineData("WGS_1984", "WGS84")]
    [InlineData("European_Terrestrial_Reference_System_1989", "ETRS89")]
    [InlineData("D_unknown", null)]
    [InlineData("D_Amersfoort", null)]
    public void Datums_RecogniseTheirNames(string name, string? key) => Assert.Equal(key, Datums.Recognise(name));

    [Theory]
    [InlineData(BritishNationalGrid, "urn:ogc:def:crs:EPSG::27700")]
    [InlineData(Wgs84, "urn:ogc:def:crs:OGC:1.3:CRS84")]
    [InlineData(Nad27, "urn:ogc:def:crs:EPSG::4267")]
    [InlineData("""PROJCS["WGS_1984_UTM_Zone_33N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",15.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""", "urn:ogc:def:crs:EPSG::32633")]
    [InlineData("""PROJCS["WGS_1984_UTM_Zone_18N",GEOGCS["GCS_WGS_1984",DATUM["D_unknown",SPHEROID["WGS84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",-75],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["Meter",1]]""", null)] // a name without its datum is not trusted
    [InlineData(Amersfoort, null)]
    public void Identify_NamesWhatItCan(string wkt, string? urn) => Assert.Equal(urn, SourceCrs.Parse(wkt).Identify());

    [Fact]
    public void Convert_ProjectedFile_ComesOutInWgs84_AndWithKeepCrs_AsItIs_NamedInACrsMember()
    {
        using var folder = new TempFolder();
        // 400000 E, 300000 N on the British National Grid; GDAL places it at -2.00143311551089, 52.5977924308338.
        string shp = Write(folder, "bng", BritishNationalGrid, (400000, 300000));

        (FileResult reprojected, JsonElement rfc) = Convert(shp, folder.Sub("rfc"), keepCrs: false);
        (FileResult kept, JsonElement asIs) = Convert(shp, folder.Sub("keep"), keepCrs: true);

        Assert.Null(reprojected.Warnings);
        Assert.False(rfc.TryGetProperty("crs", out _));
        JsonElement position = rfc.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(-2.00143311551089, position[0].GetDouble(), 1e-9);
        Assert.Equal(52.5977924308338, position[1].GetDouble(), 1e-9);
        Assert.Null(kept.Warnings);
        Assert.Equal("urn:ogc:def:crs:EPSG::27700", asIs.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal([400000.0, 300000.0], asIs.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
    }

    [Fact]
    public void Convert_UnknownDatumOnAnotherEllipsoid_FailsWithTheReason_KeepCrsConvertsAndNamesItByItsWkt()
    {
        using var folder = new TempFolder();
        string shp = Write(folder, "rd", Amersfoort, (155000, 463000));

        (FileResult failed, _) = Convert(shp, folder.Sub("rfc"), keepCrs: false, expectOk: false);
        (FileResult kept, JsonElement asIs) = Convert(shp, folder.Sub("keep"), keepCrs: true);

        Assert.Equal(FileOutcome.Error, failed.Outcome);
        Assert.StartsWith(".prj: the .prj's datum D_Amersfoort (ellipsoid 6377397.155 m, 1/f 299.1528128) has no shift to WGS 84 that this tool knows", failed.Reason, StringComparison.Ordinal);
        Assert.EndsWith("--keep-crs converts it with its own coordinates and CRS", failed.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(GeoJson.OutputPath(shp, folder.Sub("rfc"))));
        Assert.Equal(Amersfoort, asIs.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
        Assert.Null(kept.Warnings);
    }

    [Theory]
    [InlineData("this is not WKT", ".prj: the .prj is not WKT this tool can read")]
    [InlineData("""PROJCS["World_Robinson",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Robinson"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],UNIT["Meter",1.0]]""", ".prj: the .prj's projection Robinson is not one this tool can reproject from")]
    [InlineData("""GEOGCS["GCS_NTF_Paris",DATUM["D_NTF",SPHEROID["Clarke_1880_IGN",6378249.2,293.4660212936269]],PRIMEM["Paris",2.337229166666667],UNIT["Grad",0.01570796326794897]]""", ".prj: the .prj's prime meridian is Paris")]
    public void Convert_PrjThatCannotBeTakenToWgs84_FailsTheFile_KeepCrsConvertsIt(string wkt, string reason)
    {
        using var folder = new TempFolder();
        string shp = Write(folder, "odd", wkt, (1, 2));

        (FileResult failed, _) = Convert(shp, folder.Sub("rfc"), keepCrs: false, expectOk: false);
        (FileResult kept, _) = Convert(shp, folder.Sub("keep"), keepCrs: true);

        Assert.StartsWith(reason, failed.Reason, StringComparison.Ordinal);
        Assert.Equal(FileOutcome.Ok, kept.Outcome);
    }

    [Fact]
    public void Convert_UnreadablePrj_WithKeepCrs_ConvertsWithAWarningAndNoCrsMember()
    {
        using var folder = new TempFolder();
        string shp = Write(folder, "junk", "PROJCS[\"broken\", GEOGCS[", (1, 2));

        (FileResult kept, JsonElement asIs) = Convert(shp, folder.Sub("keep"), keepCrs: true);

        Assert.StartsWith(".prj: the .prj is not WKT this tool can read", Assert.Single(kept.Warnings!), StringComparison.Ordinal);
        Assert.EndsWith("the coordinates are written as they are, with no crs member", kept.Warnings![0], StringComparison.Ordinal);
        Assert.False(asIs.TryGetProperty("crs", out _));
    }

    [Fact]
    public void Convert_HugePrj_IsRefusedWithoutBeingReadWhole()
    {
        using var folder = new TempFolder();
        string shp = Write(folder, "huge", Wgs84 + new string(' ', 200_000), (1, 2));

        (FileResult failed, _) = Convert(shp, folder.Sub("rfc"), keepCrs: false, expectOk: false);

        Assert.Equal(".prj: the .prj is larger than 64 KiB; a coordinate system's WKT is a few hundred bytes", failed.Reason);
    }

    [Fact]
    public void Convert_NoPrj_CoordinatesBeyondLongitudeAndLatitude_AreWrittenAsTheyAre_WithAWarning()
    {
        using var folder = new TempFolder();
        string shp = Write(folder, "bare", null, (400000, 300000));

        (FileResult result, JsonElement json) = Convert(shp, folder.Sub("rfc"), keepCrs: false);

        Assert.StartsWith("no .prj, and the coordinates reach beyond longitude and latitude (x 400000 to 400000, y 300000 to 300000)", Assert.Single(result.Warnings!), StringComparison.Ordinal);
        Assert.Equal(400000, json.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
    }

    [Fact]
    public void Convert_UnknownDatumOnWgs84Ellipsoid_IsTakenAsWgs84_WithAWarning()
    {
        using var folder = new TempFolder();
        string shp = Write(folder, "unknown", """GEOGCS["GRS 1980(IUGG, 1980)",DATUM["D_unknown",SPHEROID["GRS80",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]""", (-34.9, -8));

        (FileResult result, JsonElement json) = Convert(shp, folder.Sub("rfc"), keepCrs: false);

        Assert.StartsWith("datum D_unknown is not one this tool knows", Assert.Single(result.Warnings!), StringComparison.Ordinal);
        Assert.Equal(-34.9, json.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
    }

    private static string[] Gdaltransform(string source, string input)
    {
        var start = new System.Diagnostics.ProcessStartInfo("gdaltransform") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { "-s_srs", source, "-t_srs", "EPSG:4326", "-output_xy" })
        {
            start.ArgumentList.Add(argument);
        }

        using System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "gdaltransform did not end within 60 s");
        Assert.True(process.ExitCode == 0, $"gdaltransform failed: {errors.Result}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Write(TempFolder folder, string name, string? prj, (double X, double Y) point)
    {
        var builder = new ShapefileBuilder(ShapeType.Point, ("ID", 'N', 4, 0));
        builder.Add(ShapefileBuilder.Point(ShapeType.Point, point.X, point.Y), "1");
        string shp = builder.Write(folder.Path, name);
        if (prj is not null)
        {
            File.WriteAllText(Path.ChangeExtension(shp, ".prj"), prj);
        }

        return shp;
    }

    private static (FileResult Result, JsonElement Json) Convert(string shp, string outFolder, bool keepCrs, bool expectOk = true)
    {
        Directory.CreateDirectory(outFolder);
        FileResult result = ShapefileConverter.Convert(shp, outFolder, overwrite: false, worker: 0, keepCrs: keepCrs);
        if (!expectOk)
        {
            return (result, default);
        }

        Assert.True(result.Outcome == FileOutcome.Ok, result.Reason);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(GeoJson.OutputPath(shp, outFolder)));
        return (result, document.RootElement.Clone());
    }
}
