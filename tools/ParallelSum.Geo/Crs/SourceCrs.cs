using System.Globalization;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace ParallelSum.Geo.Crs;

/// <summary>
/// A shapefile's coordinate reference system, read from the WKT of its .prj (the ESRI dialect shapefiles carry, or OGC WKT 1):
/// geographic, or projected with a map projection that ProjNET implements. It can name itself as GDAL does and take its
/// coordinates to WGS 84 longitude and latitude (<see cref="CreateToWgs84"/>).
/// </summary>
internal sealed class SourceCrs
{
    // ESRI projection names that ProjNET knows under another name, and those it needs its parameters adjusted for.
    private static readonly Dictionary<string, string> ProjectionNames = new(StringComparer.Ordinal)
    {
        ["mercator_auxiliary_sphere"] = "pseudo-mercator",
        ["double_stereographic"] = "oblique_stereographic",
        ["hotine_oblique_mercator_azimuth_natural_origin"] = "hotine_oblique_mercator",
        ["cassini"] = "cassini_soldner",
        ["gauss_kruger"] = "transverse_mercator",
    };

    private readonly GeographicCoordinateSystem _geographic;
    private readonly ProjectedCoordinateSystem? _projected;

    private SourceCrs(string wkt, CoordinateSystem system)
    {
        Wkt = wkt;
        Name = system.Name;
        _projected = system as ProjectedCoordinateSystem;
        _geographic = _projected?.GeographicCoordinateSystem ?? (GeographicCoordinateSystem)system;
        HorizontalDatum datum = _geographic.HorizontalDatum;
        DatumName = datum.Name;
        Datum = Datums.Recognise(datum.Name);
        Ellipsoid = new Ellipsoid(datum.Ellipsoid.SemiMajorAxis, datum.Ellipsoid.InverseFlattening);
        // A TOWGS84 node is the file's own shift, used as it is; except all zeros on a datum this tool knows, which old
        // writers put there without meaning it.
        if (datum.Wgs84Parameters is { } p && !(p.HasZeroValuesOnly && Datum is not null))
        {
            ToWgs84 = new DatumShift(0, DatumName, "TOWGS84 of the .prj", -1, HelmertMethod.PositionVector, p.Dx, p.Dy, p.Dz, p.Ex, p.Ey, p.Ez, p.Ppm, new GeographicBox(-90, 90, -180, 180), false);
        }
    }

    /// <summary>Gets the WKT as the .prj holds it.</summary>
    public string Wkt { get; }

    /// <summary>Gets the name the WKT gives the system, such as <c>British_National_Grid</c>.</summary>
    public string Name { get; }

    /// <summary>Gets whether the coordinates are projected (easting, northing) rather than longitude and latitude.</summary>
    public bool IsProjected => _projected is not null;

    /// <summary>Gets the datum's name as the WKT gives it, such as <c>D_OSGB_1936</c>.</summary>
    public string DatumName { get; }

    /// <summary>Gets the recognised datum's key (see <see cref="Datums"/>), or <see langword="null"/>.</summary>
    public string? Datum { get; }

    /// <summary>Gets the datum's ellipsoid.</summary>
    public Ellipsoid Ellipsoid { get; }

    /// <summary>Gets the datum shift the WKT itself gives (a TOWGS84 node), or <see langword="null"/>.</summary>
    public DatumShift? ToWgs84 { get; }

    /// <summary>Reads <paramref name="wkt"/>.</summary>
    /// <exception cref="CrsException">It is not WKT of a geographic or projected system.</exception>
    public static SourceCrs Parse(string wkt)
    {
        CoordinateSystem system;
        try
        {
            system = new CoordinateSystemFactory().CreateFromWkt(wkt);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new CrsException($"the .prj is not WKT this tool can read ({e.GetType().Name}: {FirstLine(e.Message)})");
        }

        return system switch
        {
            ProjectedCoordinateSystem or GeographicCoordinateSystem => new SourceCrs(wkt, system),
            null => throw new CrsException("the .prj is not WKT this tool can read"),
            _ => throw new CrsException($"the .prj describes a {system.GetType().Name}, not a geographic or projected coordinate system"),
        };
    }

    /// <summary>
    /// The name GDAL writes for this system in a GeoJSON <c>crs</c> member: <c>urn:ogc:def:crs:OGC:1.3:CRS84</c> for WGS 84
    /// longitude and latitude, <c>urn:ogc:def:crs:EPSG::N</c> when the WKT carries an EPSG code or is the ESRI WKT of a
    /// system that this tool recognises by its name and datum; otherwise <see langword="null"/>.
    /// </summary>
    public string? Identify()
    {
        if (!IsProjected && Datum == "WGS84" && IsGreenwichDegrees())
        {
            return "urn:ogc:def:crs:OGC:1.3:CRS84";
        }

        CoordinateSystem top = (CoordinateSystem?)_projected ?? _geographic;
        if (string.Equals(top.Authority, "EPSG", StringComparison.OrdinalIgnoreCase) && top.AuthorityCode > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"urn:ogc:def:crs:EPSG::{top.AuthorityCode}");
        }

        return EsriNames.Code(Name, Datum, IsProjected) is int code
            ? string.Create(CultureInfo.InvariantCulture, $"urn:ogc:def:crs:EPSG::{code}")
            : null;
    }

    /// <summary>
    /// The transformation of this system's coordinates to WGS 84 longitude and latitude, or <see langword="null"/> when they
    /// already are (WGS 84 or a datum without a shift, in degrees from Greenwich, not projected).
    /// </summary>
    /// <exception cref="CrsException">
    /// The prime meridian is not Greenwich, the unit of angle is not the degree, the projection is one ProjNET lacks, or the
    /// datum is unknown and not on the WGS 84 or GRS 1980 ellipsoid (so no shift to WGS 84 is known).
    /// </exception>
    public ToWgs84Transform? CreateToWgs84()
    {
        if (!IsGreenwichDegrees())
        {
            throw new CrsException(string.Create(CultureInfo.InvariantCulture,
                $"the .prj's prime meridian is {_geographic.PrimeMeridian.Name} ({_geographic.PrimeMeridian.Longitude}) or its angle unit is {_geographic.AngularUnit.Name}; this tool reprojects from Greenwich and degrees only"));
        }

        (IReadOnlyList<DatumShift> shifts, string? warning) = ShiftsToWgs84();
        ProjNet.CoordinateSystems.Transformations.MathTransform? inverse = _projected is null ? null : InverseProjection(_projected);
        return inverse is null && shifts.Count == 0 && warning is null ? null : new ToWgs84Transform(this, inverse, shifts, warning);
    }

    private (IReadOnlyList<DatumShift> Shifts, string? Warning) ShiftsToWgs84()
    {
        if (ToWgs84 is not null)
        {
            return ([ToWgs84], null);
        }

        if (Datum is not null)
        {
            return (Datums.NoShift.ContainsKey(Datum) ? [] : DatumShifts.Of(Datum), null);
        }

        if (Ellipsoid.IsCloseTo(Ellipsoid.Wgs84, 0.5) || Ellipsoid.IsCloseTo(Ellipsoid.Grs80, 0.5))
        {
            return ([], $"datum {TerminalText.Escape(DatumName)} is not one this tool knows; on the {(Ellipsoid.IsCloseTo(Ellipsoid.Wgs84, 0.001) ? "WGS 84" : "GRS 1980")} ellipsoid its coordinates are taken as WGS 84 without a shift, as GDAL takes them (datums on this ellipsoid differ from WGS 84 by a few metres at most)");
        }

        throw new CrsException(string.Create(CultureInfo.InvariantCulture,
            $"the .prj's datum {TerminalText.Escape(DatumName)} (ellipsoid {Ellipsoid.SemiMajorAxis} m, 1/f {Ellipsoid.InverseFlattening}) has no shift to WGS 84 that this tool knows ({string.Join(", ", Datums.NoShift.Keys.Concat(DatumShifts.Datums).Order(StringComparer.Ordinal))} are known), so it cannot be placed on a web map; --keep-crs converts it with its own coordinates and CRS"));
    }

    private static ProjNet.CoordinateSystems.Transformations.MathTransform InverseProjection(ProjectedCoordinateSystem projected)
    {
        IProjection projection = projected.Projection;
        string className = projection.ClassName.ToLowerInvariant().Replace(' ', '_');
        var parameters = new List<ProjectionParameter>();
        for (int i = 0; i < projection.NumParameters; i++)
        {
            ProjectionParameter p = projection.GetParameter(i);
            parameters.Add(new ProjectionParameter(p.Name.ToLowerInvariant().Replace(' ', '_'), p.Value));
        }

        double? Parameter(string name) => parameters.Find(p => p.Name == name)?.Value;
        switch (className)
        {
            case "mercator_auxiliary_sphere" when Parameter("auxiliary_sphere_type") is double type && type != 0:
                throw new CrsException(string.Create(CultureInfo.InvariantCulture, $"the .prj's Mercator_Auxiliary_Sphere has Auxiliary_Sphere_Type {type}; this tool supports type 0 (Web Mercator) only"));
            case "mercator" when Parameter("scale_factor") is null && Parameter("standard_parallel_1") is double parallel:
                // ESRI's Mercator gives the latitude of true scale as Standard_Parallel_1; ProjNET's Mercator (2SP) takes it as latitude_of_origin.
                parameters.RemoveAll(p => p.Name is "latitude_of_origin" or "standard_parallel_1");
                parameters.Add(new ProjectionParameter("latitude_of_origin", parallel));
                break;
            case "lambert_conformal_conic" when Parameter("standard_parallel_2") is null:
                // The one-parallel form: its scale factor at the parallel is not something ProjNET's two-parallel form can take.
                if (Parameter("scale_factor") is double k && k != 1)
                {
                    throw new CrsException(string.Create(CultureInfo.InvariantCulture, $"the .prj's Lambert_Conformal_Conic has one standard parallel and a scale factor of {k}; this tool supports the two-parallel form, and one parallel with scale factor 1"));
                }

                double origin = Parameter("standard_parallel_1") ?? Parameter("latitude_of_origin") ?? 0;
                parameters.RemoveAll(p => p.Name is "standard_parallel_1" or "standard_parallel_2");
                parameters.Add(new ProjectionParameter("standard_parallel_1", origin));
                parameters.Add(new ProjectionParameter("standard_parallel_2", origin));
                break;
        }

        string projNetClass = ProjectionNames.GetValueOrDefault(className, className);
        try
        {
            var factory = new CoordinateSystemFactory();
            IProjection normalised = factory.CreateProjection(projection.Name, projNetClass, parameters);
            ProjectedCoordinateSystem system = factory.CreateProjectedCoordinateSystem(
                projected.Name, projected.GeographicCoordinateSystem, normalised, projected.LinearUnit, projected.GetAxis(0), projected.GetAxis(1));
            return new CoordinateTransformationFactory().CreateFromCoordinateSystems(system, projected.GeographicCoordinateSystem).MathTransform;
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new CrsException($"the .prj's projection {TerminalText.Escape(projection.ClassName)} is not one this tool can reproject from ({FirstLine(e.Message)}); --keep-crs converts it with its own coordinates and CRS");
        }
    }

    private bool IsGreenwichDegrees() =>
        Math.Abs(_geographic.PrimeMeridian.Longitude) < 1e-12 && Math.Abs((_geographic.AngularUnit.RadiansPerUnit / (Math.PI / 180)) - 1) < 1e-9;

    private static string FirstLine(string text) => TerminalText.Escape(text.Split('\n')[0].Trim());
}
