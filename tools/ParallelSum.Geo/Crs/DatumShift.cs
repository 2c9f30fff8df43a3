namespace ParallelSum.Geo.Crs;

/// <summary>
/// One EPSG transformation from a datum to WGS 84 by a Helmert shift: its code, accuracy, parameters and area of use, as
/// the EPSG dataset gives them.
/// </summary>
/// <param name="EpsgCode">The transformation's EPSG code, such as 1314.</param>
/// <param name="Datum">The key of the source datum in <see cref="Datums"/>, such as <c>OSGB36</c>.</param>
/// <param name="Name">The EPSG name, such as <c>OSGB36 to WGS 84 (6)</c>.</param>
/// <param name="Accuracy">The accuracy EPSG states, in metres; -1 when it states none.</param>
/// <param name="Method">The Helmert variant.</param>
/// <param name="Tx">X translation, metres.</param>
/// <param name="Ty">Y translation, metres.</param>
/// <param name="Tz">Z translation, metres.</param>
/// <param name="Rx">X rotation, arc-seconds.</param>
/// <param name="Ry">Y rotation, arc-seconds.</param>
/// <param name="Rz">Z rotation, arc-seconds.</param>
/// <param name="Scale">Scale difference, parts per million.</param>
/// <param name="Area">The area of use's bounding box.</param>
/// <param name="Offshore">Whether EPSG describes the area of use as offshore.</param>
internal sealed record DatumShift(
    int EpsgCode,
    string Datum,
    string Name,
    double Accuracy,
    HelmertMethod Method,
    double Tx,
    double Ty,
    double Tz,
    double Rx,
    double Ry,
    double Rz,
    double Scale,
    GeographicBox Area,
    bool Offshore)
{
    private const double ArcSecond = Math.PI / (180 * 3600);

    /// <summary>The WGS 84 longitude and latitude of a point given on <paramref name="source"/> (the datum's ellipsoid).</summary>
    public (double Longitude, double Latitude) Apply(double longitude, double latitude, Ellipsoid source)
    {
        (double x, double y, double z) = source.ToGeocentric(longitude, latitude);
        double sign = Method == HelmertMethod.CoordinateFrame ? -1 : 1;
        double rx = sign * Rx * ArcSecond, ry = sign * Ry * ArcSecond, rz = sign * Rz * ArcSecond;
        double m = 1 + (Scale * 1e-6);

        // The small-angle rotation matrix of EPSG method 9606 (position vector); 9607 is the same with the angles negated.
        double wx = Tx + (m * (x - (rz * y) + (ry * z)));
        double wy = Ty + (m * ((rz * x) + y - (rx * z)));
        double wz = Tz + (m * ((-ry * x) + (rx * y) + z));
        return Ellipsoid.Wgs84.FromGeocentric(wx, wy, wz);
    }
}
