namespace ParallelSum.Geo.Crs;

/// <summary>An ellipsoid of revolution, and conversion between its geographic and geocentric coordinates.</summary>
/// <param name="SemiMajorAxis">The equatorial radius in metres.</param>
/// <param name="InverseFlattening">1/f; 0 or infinity for a sphere.</param>
internal readonly record struct Ellipsoid(double SemiMajorAxis, double InverseFlattening)
{
    /// <summary>Gets the WGS 84 ellipsoid (EPSG:7030).</summary>
    public static Ellipsoid Wgs84 { get; } = new(6378137, 298.257223563);

    /// <summary>Gets the GRS 1980 ellipsoid (EPSG:7019).</summary>
    public static Ellipsoid Grs80 { get; } = new(6378137, 298.257222101);

    private double Flattening => InverseFlattening is 0 or double.PositiveInfinity ? 0 : 1 / InverseFlattening;

    private double EccentricitySquared => Flattening * (2 - Flattening);

    /// <summary>Whether this ellipsoid is within <paramref name="metres"/> of <paramref name="other"/> on both axes.</summary>
    public bool IsCloseTo(Ellipsoid other, double metres)
    {
        double minor = SemiMajorAxis * (1 - Flattening);
        double otherMinor = other.SemiMajorAxis * (1 - other.Flattening);
        return Math.Abs(SemiMajorAxis - other.SemiMajorAxis) <= metres && Math.Abs(minor - otherMinor) <= metres;
    }

    /// <summary>Earth-centred coordinates in metres of a point at height 0.</summary>
    public (double X, double Y, double Z) ToGeocentric(double longitude, double latitude)
    {
        double lon = double.DegreesToRadians(longitude);
        double lat = double.DegreesToRadians(latitude);
        double sinLat = Math.Sin(lat);
        double n = SemiMajorAxis / Math.Sqrt(1 - (EccentricitySquared * sinLat * sinLat));
        return (n * Math.Cos(lat) * Math.Cos(lon), n * Math.Cos(lat) * Math.Sin(lon), n * (1 - EccentricitySquared) * sinLat);
    }

    /// <summary>Longitude and latitude in degrees of earth-centred coordinates (the height is dropped).</summary>
    public (double Longitude, double Latitude) FromGeocentric(double x, double y, double z)
    {
        double e2 = EccentricitySquared;
        double p = Math.Sqrt((x * x) + (y * y));
        double lon = Math.Atan2(y, x);
        double lat = Math.Atan2(z, p * (1 - e2));

        // Fixed-point iteration on latitude and height: converges to below 1e-12 rad in a handful of steps near the surface.
        for (int i = 0; i < 10; i++)
        {
            double sinLat = Math.Sin(lat);
            double n = SemiMajorAxis / Math.Sqrt(1 - (e2 * sinLat * sinLat));
            double height = (p / Math.Cos(lat)) - n;
            double next = Math.Atan2(z, p * (1 - (e2 * n / (n + height))));
            bool done = Math.Abs(next - lat) < 1e-14;
            lat = next;
            if (done)
            {
                break;
            }
        }

        return (double.RadiansToDegrees(lon), double.RadiansToDegrees(lat));
    }
}
