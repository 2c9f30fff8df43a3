namespace ParallelSum.Geo.Crs;

/// <summary>
/// A box of latitudes and longitudes in degrees, as EPSG gives an area of use. When <see cref="West"/> is greater than
/// <see cref="East"/> the box crosses the antimeridian.
/// </summary>
internal readonly record struct GeographicBox(double South, double North, double West, double East)
{
    /// <summary>Whether the box holds the point (its edges included).</summary>
    public bool Contains(double longitude, double latitude) =>
        latitude >= South && latitude <= North && (West <= East ? longitude >= West && longitude <= East : longitude >= West || longitude <= East);

    /// <summary>Whether <paramref name="other"/> lies within this box (for boxes that do not cross the antimeridian).</summary>
    public bool Covers(GeographicBox other) =>
        other.South >= South && other.North <= North && other.West >= West && other.East <= East;

    /// <summary>Gets the box's size in square degrees, to order boxes from the largest.</summary>
    public double SquareDegrees => (North - South) * (West <= East ? East - West : East - West + 360);
}
