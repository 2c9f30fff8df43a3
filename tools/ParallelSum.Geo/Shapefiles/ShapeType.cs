namespace ParallelSum.Geo.Shapefiles;

/// <summary>The shape types of the ESRI shapefile specification (the header's and each record's first field).</summary>
internal enum ShapeType
{
    /// <summary>No geometry.</summary>
    Null = 0,

    /// <summary>One point (X, Y).</summary>
    Point = 1,

    /// <summary>One or more parts, each a line string.</summary>
    PolyLine = 3,

    /// <summary>One or more rings: shells wound clockwise, holes counter-clockwise.</summary>
    Polygon = 5,

    /// <summary>A set of points.</summary>
    MultiPoint = 8,

    /// <summary>A point with Z (and optionally M).</summary>
    PointZ = 11,

    /// <summary>A polyline with Z (and optionally M).</summary>
    PolyLineZ = 13,

    /// <summary>A polygon with Z (and optionally M).</summary>
    PolygonZ = 15,

    /// <summary>A multipoint with Z (and optionally M).</summary>
    MultiPointZ = 18,

    /// <summary>A point with a measure.</summary>
    PointM = 21,

    /// <summary>A polyline with measures.</summary>
    PolyLineM = 23,

    /// <summary>A polygon with measures.</summary>
    PolygonM = 25,

    /// <summary>A multipoint with measures.</summary>
    MultiPointM = 28,

    /// <summary>Surface patches (triangle strips, fans and rings) with Z.</summary>
    MultiPatch = 31,
}
