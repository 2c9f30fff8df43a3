namespace ParallelSum.Geo.Shapefiles;

/// <summary>The GeoJSON geometry types a shapefile record becomes.</summary>
internal enum GeometryKind
{
    /// <summary>A null shape, or one with no parts or points: <c>"geometry": null</c>.</summary>
    None,

    /// <summary>A <c>Point</c>.</summary>
    Point,

    /// <summary>A <c>MultiPoint</c>.</summary>
    MultiPoint,

    /// <summary>A <c>LineString</c> (a polyline of one part).</summary>
    LineString,

    /// <summary>A <c>MultiLineString</c>.</summary>
    MultiLineString,

    /// <summary>A <c>Polygon</c> (one shell and its holes).</summary>
    Polygon,

    /// <summary>A <c>MultiPolygon</c>.</summary>
    MultiPolygon,
}

/// <summary>
/// One record's geometry, read and bounds-checked: the coordinates, the parts (point runs) and, for polygons, which parts form
/// each polygon (its shell first, then its holes).
/// </summary>
/// <param name="Kind">The GeoJSON geometry type.</param>
/// <param name="X">X of every point, in file order (or as built for multipatch triangles).</param>
/// <param name="Y">Y of every point.</param>
/// <param name="Z">Z of every point, or <see langword="null"/> when the shape has no Z.</param>
/// <param name="Parts">Each part as (first point, point count).</param>
/// <param name="Polygons">For polygons: the part indices of each polygon, shell first; otherwise empty.</param>
internal sealed record ShapeGeometry(GeometryKind Kind, double[] X, double[] Y, double[]? Z, (int Start, int Count)[] Parts, int[][] Polygons)
{
    /// <summary>Gets the geometry of a null shape.</summary>
    public static ShapeGeometry None { get; } = new(GeometryKind.None, [], [], null, [], []);
}
