using System.Globalization;
using NetTopologySuite.Geometries;

namespace ParallelSum.Geo.Verification;

/// <summary>
/// Compares two geometries in WGS 84 longitude and latitude up to a distance in metres: the same type and structure, every
/// point of one within the tolerance of its counterpart in the other. A ring may start at another vertex and run the other
/// way; the polygons of a multipolygon and the holes of a polygon may come in another order.
/// </summary>
internal static class Reprojection
{
    private const double MetresPerDegree = 111_320;

    /// <summary>Why <paramref name="ours"/> and <paramref name="gdal"/> differ, or null when they agree within <paramref name="tolerance"/> metres.</summary>
    /// <param name="ours">This tool's geometry.</param>
    /// <param name="gdal">ogr2ogr's.</param>
    /// <param name="tolerance">The largest distance allowed, in metres.</param>
    /// <param name="worst">The largest distance found between matched points (infinity when the structures differ).</param>
    public static string? Difference(Geometry ours, Geometry gdal, double tolerance, out double worst)
    {
        worst = double.PositiveInfinity;
        if (ours.OgcGeometryType != gdal.OgcGeometryType || ours.NumGeometries != gdal.NumGeometries)
        {
            return $"geometry {ours.GeometryType} of {ours.NumGeometries} parts, ogr2ogr wrote {gdal.GeometryType} of {gdal.NumGeometries}";
        }

        worst = ours switch
        {
            Polygon p => PolygonDistance(p, (Polygon)gdal),
            MultiPolygon => Matched([.. Parts(ours).Cast<Polygon>()], [.. Parts(gdal).Cast<Polygon>()], PolygonDistance),
            _ => Parts(ours).Zip(Parts(gdal), (a, b) => InOrder(a.Coordinates, b.Coordinates)).DefaultIfEmpty(0).Max(),
        };
        return worst <= tolerance
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{ours.GeometryType} points lie up to {Describe(worst)} from ogr2ogr's (tolerance {tolerance * 1000:0.###} mm)");
    }

    /// <summary>The distance in metres between two positions given in degrees (exact enough for distances far below a kilometre).</summary>
    public static double Metres(Coordinate a, Coordinate b)
    {
        double dx = (a.X - b.X) * MetresPerDegree * Math.Cos(double.DegreesToRadians((a.Y + b.Y) / 2));
        double dy = (a.Y - b.Y) * MetresPerDegree;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    private static string Describe(double metres) => double.IsPositiveInfinity(metres)
        ? "a different structure (point counts differ)"
        : string.Create(CultureInfo.InvariantCulture, $"{metres:0.######} m");

    private static IEnumerable<Geometry> Parts(Geometry geometry) => Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN);

    private static double PolygonDistance(Polygon a, Polygon b) =>
        a.NumInteriorRings != b.NumInteriorRings
            ? double.PositiveInfinity
            : Math.Max(RingDistance(a.ExteriorRing.Coordinates, b.ExteriorRing.Coordinates), Matched(a.InteriorRings, b.InteriorRings, (x, y) => RingDistance(x.Coordinates, y.Coordinates)));

    // Each of ours paired with the closest of theirs not yet taken; the largest of those distances.
    private static double Matched<T>(T[] ours, T[] theirs, Func<T, T, double> distance)
    {
        if (ours.Length != theirs.Length)
        {
            return double.PositiveInfinity;
        }

        var free = new List<T>(theirs);
        double worst = 0;
        foreach (T mine in ours)
        {
            int best = -1;
            double bestDistance = double.PositiveInfinity;
            for (int j = 0; j < free.Count; j++)
            {
                double d = distance(mine, free[j]);
                if (d < bestDistance)
                {
                    (best, bestDistance) = (j, d);
                }
            }

            if (best < 0)
            {
                return double.PositiveInfinity;
            }

            free.RemoveAt(best);
            worst = Math.Max(worst, bestDistance);
        }

        return worst;
    }

    private static double InOrder(Coordinate[] a, Coordinate[] b) =>
        a.Length != b.Length ? double.PositiveInfinity : a.Zip(b, Metres).DefaultIfEmpty(0).Max();

    // Closed rings compared up to their start vertex and direction: every rotation and direction whose first point lies
    // nearest is tried.
    private static double RingDistance(Coordinate[] a, Coordinate[] b)
    {
        if (a.Length != b.Length)
        {
            return double.PositiveInfinity;
        }

        int n = a.Length - 1; // the closing point repeats the first
        if (n <= 0)
        {
            return InOrder(a, b);
        }

        double nearest = Enumerable.Range(0, n).Min(k => Metres(a[0], b[k]));
        double best = double.PositiveInfinity;
        for (int k = 0; k < n; k++)
        {
            if (Metres(a[0], b[k]) > nearest + 1e-9)
            {
                continue;
            }

            foreach (int step in new[] { 1, -1 })
            {
                double worst = 0;
                for (int i = 0; i < n && worst < best; i++)
                {
                    worst = Math.Max(worst, Metres(a[i], b[(((k + (step * i)) % n) + n) % n]));
                }

                best = Math.Min(best, worst);
            }
        }

        return best;
    }
}
