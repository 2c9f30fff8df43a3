using System.Globalization;

namespace ParallelSum.Geo.Crs;

/// <summary>
/// Takes one file's coordinates to WGS 84 longitude and latitude: the inverse map projection (ProjNET), then the datum shift
/// that <see cref="DatumShifts.Choose"/> picks for each point. Z is kept as it is (the systems are two-dimensional). Not
/// thread-safe: one per file being converted.
/// </summary>
internal sealed class ToWgs84Transform
{
    private readonly SourceCrs _source;
    private readonly ProjNet.CoordinateSystems.Transformations.MathTransform? _inverseProjection;
    private readonly (DatumShift Shift, GeographicBox Box)[] _shifts;
    private readonly string? _warning;
    private long _unshifted;

    internal ToWgs84Transform(SourceCrs source, ProjNet.CoordinateSystems.Transformations.MathTransform? inverseProjection, IReadOnlyList<DatumShift> shifts, string? warning)
    {
        _source = source;
        _inverseProjection = inverseProjection;
        _warning = warning;
        ProjNet.CoordinateSystems.Transformations.MathTransform? forward = inverseProjection?.Inverse();
        _shifts = [.. shifts.Select(s => (s, forward is null ? s.Area : Projected(s.Area, forward)))];
    }

    // The rectangle around an area of use once projected, as PROJ computes it: 21 points along each edge, projected, and
    // their extremes (points without an image are left out).
    private static GeographicBox Projected(GeographicBox area, ProjNet.CoordinateSystems.Transformations.MathTransform forward)
    {
        if (area is { South: -90, North: 90, West: -180, East: 180 })
        {
            return new GeographicBox(double.MinValue, double.MaxValue, double.MinValue, double.MaxValue);
        }

        double east = area.West <= area.East ? area.East : area.East + 360;
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (int j = 0; j <= 20; j++)
        {
            double lon = area.West + (j * (east - area.West) / 20);
            double lat = area.South + (j * (area.North - area.South) / 20);
            foreach ((double x, double y) in new[] { (lon, area.South), (lon, area.North), (area.West, lat), (east, lat) })
            {
                (double px, double py) = forward.Transform(x > 180 ? x - 360 : x, y);
                if (double.IsFinite(px) && double.IsFinite(py))
                {
                    (minX, maxX, minY, maxY) = (Math.Min(minX, px), Math.Max(maxX, px), Math.Min(minY, py), Math.Max(maxY, py));
                }
            }
        }

        return new GeographicBox(minY, maxY, minX, maxX);
    }

    /// <summary>Gets what the conversion should say about the transformation: a guessed datum, points no shift covers.</summary>
    public IEnumerable<string> Warnings
    {
        get
        {
            if (_warning is not null)
            {
                yield return _warning;
            }

            if (_unshifted > 0)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"{_unshifted} points lie outside the area of use of every EPSG shift from {_source.Datum} to WGS 84: taken without a datum shift, as GDAL takes them (off by up to a few hundred metres)");
            }
        }
    }

    /// <summary>Transforms the points (<paramref name="x"/>[i], <paramref name="y"/>[i]) in place.</summary>
    /// <exception cref="CrsException">A point has no image (outside the projection's domain, or not finite after it).</exception>
    public void Apply(double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double lon = x[i], lat = y[i];
            if (_inverseProjection is not null)
            {
                (lon, lat) = _inverseProjection.Transform(lon, lat);
            }

            if (_shifts.Length > 0)
            {
                if (DatumShifts.Choose(_shifts, x[i], y[i]) is DatumShift shift)
                {
                    (lon, lat) = shift.Apply(lon, lat, _source.Ellipsoid);
                }
                else
                {
                    _unshifted++;
                }
            }

            if (!double.IsFinite(lon) || !double.IsFinite(lat) || Math.Abs(lat) > 90.000001)
            {
                throw new CrsException(string.Create(CultureInfo.InvariantCulture,
                    $"point ({x[i]}, {y[i]}) has no place in WGS 84 through the .prj's {TerminalText.Escape(_source.Name)} (it gives {lon}, {lat})"));
            }

            x[i] = lon;
            y[i] = lat;
        }
    }
}
