using System.Text;

namespace ParallelSum.Geo.Crs;

/// <summary>The datums this tool recognises by name in a .prj, and how each reaches WGS 84.</summary>
internal static class Datums
{
    /// <summary>
    /// Datums whose coordinates are taken as WGS 84 unchanged, each with the EPSG transformation that says so (all three
    /// translations 0): GDAL applies no shift for them either.
    /// </summary>
    public static IReadOnlyDictionary<string, int> NoShift { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["WGS84"] = 0,
        ["ETRS89"] = 1149,
        ["GDA94"] = 1150,
        ["GDA2020"] = 8450,
        ["NZGD2000"] = 1565,
        ["SIRGAS2000"] = 15894,
        ["RGF93"] = 1671,
    };

    // Datum names as ESRI (D_…), OGC WKT and EPSG write them, reduced by Key(): lower case, letters and digits only.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["wgs1984"] = "WGS84",
        ["wgs84"] = "WGS84",
        ["worldgeodeticsystem1984"] = "WGS84",
        ["worldgeodeticsystem1984ensemble"] = "WGS84",
        ["northamerican1983"] = "NAD83",
        ["northamericandatum1983"] = "NAD83",
        ["nad83"] = "NAD83",
        ["northamerican1927"] = "NAD27",
        ["northamericandatum1927"] = "NAD27",
        ["nad27"] = "NAD27",
        ["european1950"] = "ED50",
        ["europeandatum1950"] = "ED50",
        ["ed50"] = "ED50",
        ["osgb1936"] = "OSGB36",
        ["osgb36"] = "OSGB36",
        ["ordnancesurveyofgreatbritain1936"] = "OSGB36",
        ["etrs1989"] = "ETRS89",
        ["etrs89"] = "ETRS89",
        ["europeanterrestrialreferencesystem1989"] = "ETRS89",
        ["europeanterrestrialreferencesystem1989ensemble"] = "ETRS89",
        ["gda1994"] = "GDA94",
        ["gda94"] = "GDA94",
        ["geocentricdatumofaustralia1994"] = "GDA94",
        ["gda2020"] = "GDA2020",
        ["geocentricdatumofaustralia2020"] = "GDA2020",
        ["nzgd2000"] = "NZGD2000",
        ["newzealandgeodeticdatum2000"] = "NZGD2000",
        ["sirgas2000"] = "SIRGAS2000",
        ["sistemadereferenciageocentricoparalasamericas2000"] = "SIRGAS2000",
        ["rgf1993"] = "RGF93",
        ["rgf93"] = "RGF93",
        ["rgf93v1"] = "RGF93",
        ["reseaugeodesiquefrancais1993"] = "RGF93",
    };

    /// <summary>The key of the datum named <paramref name="name"/> (such as <c>D_OSGB_1936</c>), or <see langword="null"/> if unknown.</summary>
    public static string? Recognise(string name)
    {
        string key = Key(name);
        if (key.StartsWith('d') && !Aliases.ContainsKey(key) && Aliases.ContainsKey(key[1..]))
        {
            key = key[1..]; // ESRI writes D_ before the name
        }

        return Aliases.TryGetValue(key, out string? datum) ? datum : null;
    }

    private static string Key(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (char c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }
}
