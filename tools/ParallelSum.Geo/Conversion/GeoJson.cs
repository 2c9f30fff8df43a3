using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NetTopologySuite.IO.Converters;

namespace ParallelSum.Geo.Conversion;

/// <summary>The one set of GeoJSON serializer options used to write and to read back.</summary>
internal static class GeoJson
{
    /// <summary>
    /// Options with NetTopologySuite's converters. Rings are written in RFC 7946 winding (exterior counter-clockwise), so a
    /// ring may come out reversed relative to the shapefile's (which winds exteriors clockwise); verification allows exactly that.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The output path for input <paramref name="shpPath"/> in <paramref name="outFolder"/>.</summary>
    public static string OutputPath(string shpPath, string outFolder) =>
        Path.Combine(outFolder, Path.GetFileNameWithoutExtension(shpPath) + ".geojson");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.Converters.Add(new GeoJsonConverterFactory());
        options.MakeReadOnly();
        return options;
    }
}
