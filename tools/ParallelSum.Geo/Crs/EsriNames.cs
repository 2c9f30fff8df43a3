using System.Globalization;
using System.Text.RegularExpressions;

namespace ParallelSum.Geo.Crs;

/// <summary>
/// EPSG codes of coordinate systems that ESRI WKT names without giving the code: geographic systems by datum, UTM zones by
/// pattern, and a few national grids. A name is trusted only with the datum it implies.
/// </summary>
internal static partial class EsriNames
{
    private static readonly Dictionary<string, (int Code, string Datum)> Geographic = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GCS_North_American_1927"] = (4267, "NAD27"),
        ["GCS_North_American_1983"] = (4269, "NAD83"),
        ["GCS_European_1950"] = (4230, "ED50"),
        ["GCS_OSGB_1936"] = (4277, "OSGB36"),
        ["GCS_ETRS_1989"] = (4258, "ETRS89"),
        ["GCS_GDA_1994"] = (4283, "GDA94"),
        ["GCS_GDA2020"] = (7844, "GDA2020"),
        ["GCS_NZGD_2000"] = (4167, "NZGD2000"),
        ["GCS_SIRGAS_2000"] = (4674, "SIRGAS2000"),
        ["GCS_RGF_1993"] = (4171, "RGF93"),
    };

    private static readonly Dictionary<string, (int Code, string Datum)> Projected = new(StringComparer.OrdinalIgnoreCase)
    {
        ["British_National_Grid"] = (27700, "OSGB36"),
        ["WGS_1984_Web_Mercator_Auxiliary_Sphere"] = (3857, "WGS84"),
        ["ETRS_1989_LAEA"] = (3035, "ETRS89"),
        ["ETRS_1989_LCC"] = (3034, "ETRS89"),
        ["NAD_1983_Contiguous_USA_Albers"] = (5070, "NAD83"),
        ["RGF_1993_Lambert_93"] = (2154, "RGF93"),
        ["NAD_1983_StatePlane_New_York_Long_Island_FIPS_3104_Feet"] = (2263, "NAD83"),
        ["GDA_1994_Australia_Albers"] = (3577, "GDA94"),
        ["NZGD_2000_New_Zealand_Transverse_Mercator"] = (2193, "NZGD2000"),
    };

    /// <summary>The EPSG code of the system named <paramref name="name"/> on datum <paramref name="datum"/>, or <see langword="null"/>.</summary>
    public static int? Code(string name, string? datum, bool projected)
    {
        if (datum is null)
        {
            return null;
        }

        if (!projected)
        {
            return Geographic.TryGetValue(name, out var g) && g.Datum == datum ? g.Code : null;
        }

        if (Projected.TryGetValue(name, out var p))
        {
            return p.Datum == datum ? p.Code : null;
        }

        Match utm = UtmZone().Match(name);
        if (!utm.Success)
        {
            return null;
        }

        int zone = int.Parse(utm.Groups["zone"].Value, CultureInfo.InvariantCulture);
        bool north = utm.Groups["hemisphere"].Value.Equals("N", StringComparison.OrdinalIgnoreCase);
        return (utm.Groups["datum"].Value.ToUpperInvariant(), datum, north) switch
        {
            ("WGS_1984", "WGS84", true) when zone is >= 1 and <= 60 => 32600 + zone,
            ("WGS_1984", "WGS84", false) when zone is >= 1 and <= 60 => 32700 + zone,
            ("NAD_1983", "NAD83", true) when zone is >= 1 and <= 23 => 26900 + zone,
            ("NAD_1927", "NAD27", true) when zone is >= 1 and <= 22 => 26700 + zone,
            ("ED_1950", "ED50", true) when zone is >= 28 and <= 38 => 23000 + zone,
            ("ETRS_1989", "ETRS89", true) when zone is >= 28 and <= 38 => 25800 + zone,
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<datum>WGS_1984|NAD_1983|NAD_1927|ED_1950|ETRS_1989)_UTM_Zone_(?<zone>[0-9]{1,2})(?<hemisphere>[NS])$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UtmZone();
}
