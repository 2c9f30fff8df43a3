namespace ParallelSum.Geo.Crs;

/// <summary>The EPSG methods of a Helmert datum shift, which differ only in the sign convention of the rotations.</summary>
internal enum HelmertMethod
{
    /// <summary>EPSG method 9603: three translations only.</summary>
    GeocentricTranslation,

    /// <summary>EPSG method 9606: seven parameters, rotations in the position vector convention (as WKT's TOWGS84).</summary>
    PositionVector,

    /// <summary>EPSG method 9607: seven parameters, rotations in the coordinate frame convention (position vector's, negated).</summary>
    CoordinateFrame,
}
