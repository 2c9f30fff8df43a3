namespace ParallelSum.Geo.Crs;

/// <summary>
/// The EPSG transformations to WGS 84 this tool applies, and how one is chosen for each point. The parameters, accuracies and
/// areas of use are facts of the EPSG dataset, given with their EPSG codes; every transformation that needs a grid file is
/// left out (a Debian installation of GDAL has none of the grids these datums use, so it falls back to the same Helmert
/// shifts).
/// </summary>
/// <remarks>
/// The choice follows what PROJ (9.1, as GDAL 3.6 uses it) does for each point when no grid is at hand: among the
/// transformations whose area of use holds the point, taken from the largest area to the smallest, the first one is kept,
/// and a later one replaces it when it is more accurate and not offshore, or equally accurate and inside it. PROJ tests the
/// point in the source system's own coordinates: for projected coordinates against the rectangle that holds the area of use
/// once projected (its edges sampled at 21 points each), which reaches beyond the area near its corners. A point outside every
/// area of use is not shifted (PROJ's "ballpark" transformation), and the conversion says how many points were.
/// </remarks>
internal static class DatumShifts
{
    private static readonly DatumShift[] All =
    [
        new(1170, "NAD27", "NAD27 to WGS 84 (1)", 16, HelmertMethod.GeocentricTranslation, -3, 142, 183, 0, 0, 0, 0, new(13, 23.25, -85.01, -59.37), false),
        new(1171, "NAD27", "NAD27 to WGS 84 (2)", 10, HelmertMethod.GeocentricTranslation, 0, 125, 194, 0, 0, 0, 0, new(7.98, 18.49, -92.29, -82.53), false),
        new(1172, "NAD27", "NAD27 to WGS 84 (3)", 20, HelmertMethod.GeocentricTranslation, -10, 158, 187, 0, 0, 0, 0, new(40, 83.17, -141.01, -44), false),
        new(1173, "NAD27", "NAD27 to WGS 84 (4)", 10, HelmertMethod.GeocentricTranslation, -8, 160, 176, 0, 0, 0, 0, new(24.41, 49.38, -124.79, -66.91), false),
        new(1174, "NAD27", "NAD27 to WGS 84 (5)", 11, HelmertMethod.GeocentricTranslation, -9, 161, 179, 0, 0, 0, 0, new(24.41, 49.38, -97.22, -66.91), false),
        new(1175, "NAD27", "NAD27 to WGS 84 (6)", 7, HelmertMethod.GeocentricTranslation, -8, 159, 175, 0, 0, 0, 0, new(25.83, 49.05, -124.79, -89.64), false),
        new(1176, "NAD27", "NAD27 to WGS 84 (7)", 12, HelmertMethod.GeocentricTranslation, -5, 135, 172, 0, 0, 0, 0, new(54.34, 71.4, -168.26, -129.99), false),
        new(1177, "NAD27", "NAD27 to WGS 84 (8)", 8, HelmertMethod.GeocentricTranslation, -4, 154, 178, 0, 0, 0, 0, new(20.86, 27.29, -79.04, -72.68), false),
        new(1178, "NAD27", "NAD27 to WGS 84 (9)", 44, HelmertMethod.GeocentricTranslation, 1, 140, 165, 0, 0, 0, 0, new(23.9, 24.19, -74.6, -74.37), false),
        new(1179, "NAD27", "NAD27 to WGS 84 (10)", 13, HelmertMethod.GeocentricTranslation, -7, 162, 188, 0, 0, 0, 0, new(48.25, 60.01, -139.04, -109.98), false),
        new(1180, "NAD27", "NAD27 to WGS 84 (11)", 12, HelmertMethod.GeocentricTranslation, -9, 157, 184, 0, 0, 0, 0, new(41.67, 60.01, -102, -74.35), false),
        new(1181, "NAD27", "NAD27 to WGS 84 (12)", 9, HelmertMethod.GeocentricTranslation, -22, 160, 190, 0, 0, 0, 0, new(43.41, 62.62, -79.85, -52.54), false),
        new(1182, "NAD27", "NAD27 to WGS 84 (13)", 8, HelmertMethod.GeocentricTranslation, 4, 159, 188, 0, 0, 0, 0, new(49, 83.17, -136.46, -60.72), false),
        new(1183, "NAD27", "NAD27 to WGS 84 (14)", 10, HelmertMethod.GeocentricTranslation, -7, 139, 181, 0, 0, 0, 0, new(59.99, 69.7, -141.01, -123.91), false),
        new(1184, "NAD27", "NAD27 to WGS 84 (15)", 35, HelmertMethod.GeocentricTranslation, 0, 125, 201, 0, 0, 0, 0, new(8.82, 9.45, -80.07, -79.46), false),
        new(1185, "NAD27", "NAD27 to WGS 84 (16)", 44, HelmertMethod.GeocentricTranslation, -9, 152, 178, 0, 0, 0, 0, new(19.77, 23.25, -85.01, -74.07), false),
        new(1186, "NAD27", "NAD27 to WGS 84 (17)", 44, HelmertMethod.GeocentricTranslation, 11, 114, 195, 0, 0, 0, 0, new(75.86, 79.2, -73.29, -60.98), false),
        new(1187, "NAD27", "NAD27 to WGS 84 (18)", 12, HelmertMethod.GeocentricTranslation, -12, 130, 190, 0, 0, 0, 0, new(14.51, 32.72, -118.47, -86.68), false),
        new(1249, "NAD27", "NAD27 to WGS 84 (21)", 15, HelmertMethod.GeocentricTranslation, -2, 152, 149, 0, 0, 0, 0, new(51.54, 54.34, -178.3, -164.84), false),
        new(1250, "NAD27", "NAD27 to WGS 84 (22)", 18, HelmertMethod.GeocentricTranslation, 2, 204, 105, 0, 0, 0, 0, new(51.3, 53.07, 172.42, 179.86), false),
        new(1530, "NAD27", "NAD27 to WGS 84 (30)", 3, HelmertMethod.GeocentricTranslation, -4.2, 135.4, 181.9, 0, 0, 0, 0, new(18.83, 25.51, -87.01, -73.57), false),
        new(7698, "NAD27", "NAD27 to WGS 84 (89)", 1, HelmertMethod.CoordinateFrame, -32.3841359, 180.4090461, 120.8442577, 2.1545854, 0.1498782, -0.5742915, 8.1049164, new(7.15, 9.68, -83.04, -77.19), false),
        new(15699, "NAD27", "NAD27 to WGS 84 (87)", 5, HelmertMethod.GeocentricTranslation, -2, 124.7, 196, 0, 0, 0, 0, new(17.85, 20.89, -94.79, -89.75), true),
        new(15852, "NAD27", "NAD27 to WGS 84 (80)", 5, HelmertMethod.GeocentricTranslation, -3, 154, 177, 0, 0, 0, 0, new(23.82, 30.25, -87.25, -81.17), true),
        new(15853, "NAD27", "NAD27 to WGS 84 (81)", 5, HelmertMethod.GeocentricTranslation, -7, 151, 175, 0, 0, 0, 0, new(25.61, 30.23, -95, -87.25), true),
        new(15854, "NAD27", "NAD27 to WGS 84 (82)", 5, HelmertMethod.GeocentricTranslation, -7, 151, 178, 0, 0, 0, 0, new(25.97, 28.97, -97.22, -95), true),
        new(15855, "NAD27", "NAD27 to WGS 84 (83)", 5, HelmertMethod.GeocentricTranslation, -8, 125, 190, 0, 0, 0, 0, new(21.51, 22.75, -98.1, -96.89), true),
        new(15856, "NAD27", "NAD27 to WGS 84 (84)", 8, HelmertMethod.GeocentricTranslation, -7, 158, 172, 0, 0, 0, 0, new(23.82, 30.25, -97.22, -81.17), true),
        new(15913, "NAD27", "NAD27 to WGS 84 (86)", 5, HelmertMethod.GeocentricTranslation, 0, 125, 196, 0, 0, 0, 0, new(20.87, 23.01, -94.33, -88.67), true),
        new(15978, "NAD27", "NAD27 to WGS 84 (88)", 1, HelmertMethod.CoordinateFrame, 2.478, 149.752, 197.726, -0.526, -0.498, 0.501, 0.685, new(18.83, 25.51, -87.01, -73.57), false),
        new(1075, "ED50", "ED50 to WGS 84 (38)", 10, HelmertMethod.GeocentricTranslation, -89.05, -87.03, -124.56, 0, 0, 0, 0, new(31.35, 43.45, 28.03, 41.47), true),
        new(1087, "ED50", "ED50 to WGS 84 (37)", 2.5, HelmertMethod.GeocentricTranslation, -112, -110.3, -140.2, 0, 0, 0, 0, new(29.18, 33.38, 34.88, 39.31), false),
        new(1133, "ED50", "ED50 to WGS 84 (1)", 10, HelmertMethod.GeocentricTranslation, -87, -98, -121, 0, 0, 0, 0, new(34.88, 71.21, -9.56, 31.59), false),
        new(1134, "ED50", "ED50 to WGS 84 (2)", 6, HelmertMethod.GeocentricTranslation, -87, -96, -120, 0, 0, 0, 0, new(42.33, 57.8, -4.87, 17.17), false),
        new(1135, "ED50", "ED50 to WGS 84 (3)", 999, HelmertMethod.GeocentricTranslation, -103, -106, -141, 0, 0, 0, 0, new(16.37, 37.39, 34.17, 55.67), false),
        new(1136, "ED50", "ED50 to WGS 84 (4)", 26, HelmertMethod.GeocentricTranslation, -104, -101, -140, 0, 0, 0, 0, new(32.88, 36.21, 29.95, 35.2), false),
        new(1137, "ED50", "ED50 to WGS 84 (5)", 13, HelmertMethod.GeocentricTranslation, -130, -117, -151, 0, 0, 0, 0, new(25.71, 31.68, 24.7, 30), false),
        new(1138, "ED50", "ED50 to WGS 84 (6)", 6, HelmertMethod.GeocentricTranslation, -86, -96, -120, 0, 0, 0, 0, new(49.11, 60.9, -10.56, 1.84), false),
        new(1139, "ED50", "ED50 to WGS 84 (7)", 7, HelmertMethod.GeocentricTranslation, -87, -95, -120, 0, 0, 0, 0, new(57.93, 71.21, 4.68, 31.59), false),
        new(1140, "ED50", "ED50 to WGS 84 (8)", 44, HelmertMethod.GeocentricTranslation, -84, -95, -130, 0, 0, 0, 0, new(34.88, 41.75, 19.57, 28.3), false),
        new(1142, "ED50", "ED50 to WGS 84 (10)", 44, HelmertMethod.GeocentricTranslation, -97, -103, -120, 0, 0, 0, 0, new(38.82, 41.31, 8.08, 9.89), false),
        new(1143, "ED50", "ED50 to WGS 84 (11)", 35, HelmertMethod.GeocentricTranslation, -97, -88, -135, 0, 0, 0, 0, new(36.59, 38.35, 12.36, 15.71), false),
        new(1144, "ED50", "ED50 to WGS 84 (12)", 44, HelmertMethod.GeocentricTranslation, -107, -88, -149, 0, 0, 0, 0, new(35.74, 36.05, 14.27, 14.63), false),
        new(1145, "ED50", "ED50 to WGS 84 (13)", 9, HelmertMethod.GeocentricTranslation, -84, -107, -120, 0, 0, 0, 0, new(35.26, 43.82, -9.56, 3.39), false),
        new(1245, "ED50", "ED50 to WGS 84 (16)", 44, HelmertMethod.GeocentricTranslation, -112, -77, -145, 0, 0, 0, 0, new(30.23, 38.41, 7.49, 13.67), false),
        new(1275, "ED50", "ED50 to WGS 84 (17)", 2, HelmertMethod.GeocentricTranslation, -84, -97, -117, 0, 0, 0, 0, new(41.15, 51.56, -9.86, 10.38), false),
        new(1311, "ED50", "ED50 to WGS 84 (18)", 1, HelmertMethod.PositionVector, -89.5, -93.8, -123.1, 0, 0, -0.156, 1.2, new(47.42, 63.89, -16.1, 10.86), true),
        new(1440, "ED50", "ED50 to WGS 84 (19)", 999, HelmertMethod.GeocentricTranslation, -86, -92.2, -127.5, 0, 0, 0, 0, new(34.88, 41.75, 19.57, 28.3), false),
        new(1612, "ED50", "ED50 to WGS 84 (23)", 1, HelmertMethod.PositionVector, -116.641, -56.931, -110.559, 0.893, 0.921, -0.917, -3.52, new(62, 84.73, -3.35, 38.01), true),
        new(1613, "ED50", "ED50 to WGS 84 (24)", 1, HelmertMethod.PositionVector, -90.365, -101.13, -123.384, 0.333, 0.077, 0.894, 1.994, new(56.08, 62, 1.37, 11.14), true),
        new(1627, "ED50", "ED50 to WGS 84 (25)", 1, HelmertMethod.PositionVector, -81.1, -89.4, -115.8, 0.485, 0.024, 0.413, -0.54, new(54.51, 57.8, 8, 15.25), false),
        new(1629, "ED50", "ED50 to WGS 84 (26)", 1, HelmertMethod.GeocentricTranslation, -116.8, -106.4, -154.4, 0, 0, 0, 0, new(36, 36.16, -5.42, -4.89), false),
        new(1631, "ED50", "ED50 to WGS 84 (27)", 1.5, HelmertMethod.PositionVector, -181.5, -90.3, -187.2, 0.144, 0.492, -0.394, 17.57, new(38.59, 40.15, 1.12, 4.39), false),
        new(1633, "ED50", "ED50 to WGS 84 (28)", 1.5, HelmertMethod.PositionVector, -131, -100.3, -163.4, -1.244, -0.02, -1.144, 9.39, new(35.26, 43.56, -7.54, 3.39), false),
        new(1635, "ED50", "ED50 to WGS 84 (29)", 1.5, HelmertMethod.PositionVector, -178.4, -83.2, -221.3, 0.54, -0.532, -0.126, 21.2, new(41.5, 43.82, -9.37, -4.5), false),
        new(1784, "ED50", "ED50 to WGS 84 (30)", 2, HelmertMethod.PositionVector, -84.1, -101.8, -129.7, 0, 0, 0.468, 1.05, new(34.42, 43.45, 25.62, 44.83), false),
        new(1810, "ED50", "ED50 to WGS 84 (31)", 15, HelmertMethod.PositionVector, -84, -103, -122.5, 0, 0, 0.554, 0.2263, new(25.71, 31.68, 24.7, 30), false),
        new(1853, "ED50", "ED50 to WGS 84 (39)", 5, HelmertMethod.GeocentricTranslation, -82.31, -95.23, -114.96, 0, 0, 0, 0, new(53.75, 55.76, -12.5, -9.49), true),
        new(1985, "ED50", "ED50 to WGS 84 (33)", 5, HelmertMethod.GeocentricTranslation, -87.987, -108.639, -121.593, 0, 0, 0, 0, new(36.95, 42.16, -9.56, -6.19), false),
        new(1989, "ED50", "ED50 to WGS 84 (34)", 1, HelmertMethod.CoordinateFrame, -74.292, -135.889, -104.967, 0.524, 0.136, -0.61, -3.761, new(36.95, 42.16, -9.56, -6.19), false),
        new(1998, "ED50", "ED50 to WGS 84 (36)", 1, HelmertMethod.PositionVector, -157.89, -17.16, -78.41, 2.118, 2.697, -1.434, -5.38, new(53.6, 55.92, 3.34, 8.88), true),
        new(3904, "ED50", "ED50 to WGS 84 (32)", 5, HelmertMethod.PositionVector, -83.11, -97.38, -117.22, 0.005692908652, -0.044697583514, 0.044285053901, 0.1218, new(51.45, 55.77, 2.53, 6.41), true),
        new(15964, "ED50", "ED50 to WGS 84 (42)", 5, HelmertMethod.GeocentricTranslation, -86.277, -108.879, -120.181, 0, 0, 0, 0, new(34.91, 41.88, -13.87, -7.24), true),
        new(1195, "OSGB36", "OSGB36 to WGS 84 (1)", 21, HelmertMethod.GeocentricTranslation, 375, -111, 431, 0, 0, 0, 0, new(49.79, 60.94, -8.82, 1.92), false),
        new(1196, "OSGB36", "OSGB36 to WGS 84 (2)", 10, HelmertMethod.GeocentricTranslation, 371, -112, 434, 0, 0, 0, 0, new(49.81, 55.85, -6.5, 1.84), false),
        new(1197, "OSGB36", "OSGB36 to WGS 84 (3)", 21, HelmertMethod.GeocentricTranslation, 371, -111, 434, 0, 0, 0, 0, new(49.81, 55.85, -6.5, 1.84), false),
        new(1198, "OSGB36", "OSGB36 to WGS 84 (4)", 18, HelmertMethod.GeocentricTranslation, 384, -111, 425, 0, 0, 0, 0, new(54.57, 60.9, -8.74, -0.65), false),
        new(1199, "OSGB36", "OSGB36 to WGS 84 (5)", 35, HelmertMethod.GeocentricTranslation, 370, -108, 434, 0, 0, 0, 0, new(51.28, 53.48, -5.34, -2.65), false),
        new(1314, "OSGB36", "OSGB36 to WGS 84 (6)", 2, HelmertMethod.PositionVector, 446.448, -125.157, 542.06, 0.15, 0.247, 0.842, -20.489, new(49.79, 60.94, -8.82, 1.92), false),
        new(5622, "OSGB36", "OSGB36 to WGS 84 (8)", 3, HelmertMethod.GeocentricTranslation, 370.936, -108.938, 435.682, 0, 0, 0, 0, new(50.53, 50.8, -2.2, -1.68), false),
        new(1188, "NAD83", "NAD83 to WGS 84 (1)", 4, HelmertMethod.GeocentricTranslation, 0, 0, 0, 0, 0, 0, 0, new(23.81, 86.46, -172.54, -47.74), false),
        new(1251, "NAD83", "NAD83 to WGS 84 (2)", 8, HelmertMethod.GeocentricTranslation, -2, 0, 4, 0, 0, 0, 0, new(51.3, 54.34, 172.42, -164.84), false),
        new(1252, "NAD83", "NAD83 to WGS 84 (3)", 4, HelmertMethod.GeocentricTranslation, 1, 1, -1, 0, 0, 0, 0, new(15.56, 25.58, -163.74, -151.27), false),
    ];

    private static readonly Dictionary<string, DatumShift[]> ByDatum = All
        .GroupBy(s => s.Datum, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Area.SquareDegrees).ThenBy(s => s.EpsgCode).ToArray(), StringComparer.Ordinal);

    /// <summary>Gets the keys of the datums that have shifts in the table.</summary>
    public static IEnumerable<string> Datums => ByDatum.Keys;

    /// <summary>The shifts of datum <paramref name="datum"/>, largest area first; empty if the table has none.</summary>
    public static IReadOnlyList<DatumShift> Of(string datum) => ByDatum.TryGetValue(datum, out DatumShift[]? shifts) ? shifts : [];

    /// <summary>
    /// The shift PROJ would apply to a point among <paramref name="shifts"/> (in the order <see cref="Of"/> gives), each with
    /// the box in which it applies in the source system's coordinates, or <see langword="null"/> when no box holds the point.
    /// </summary>
    /// <param name="shifts">Each shift with its area of use in source coordinates: the area itself for longitude and latitude,
    /// the rectangle around the projected area for projected coordinates (PROJ tests points in the source system).</param>
    /// <param name="x">The point's longitude, or easting.</param>
    /// <param name="y">The point's latitude, or northing.</param>
    public static DatumShift? Choose(IReadOnlyList<(DatumShift Shift, GeographicBox Box)> shifts, double x, double y)
    {
        DatumShift? best = null;
        GeographicBox bestBox = default;
        foreach ((DatumShift shift, GeographicBox box) in shifts)
        {
            if (!box.Contains(x, y))
            {
                continue;
            }

            if (best is null
                || (shift.Accuracy >= 0
                    && (shift.Accuracy < best.Accuracy || best.Accuracy < 0 || (shift.Accuracy == best.Accuracy && bestBox.Covers(box)))
                    && !shift.Offshore))
            {
                best = shift;
                bestBox = box;
            }
        }

        return best;
    }
}
