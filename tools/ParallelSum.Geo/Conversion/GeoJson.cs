namespace ParallelSum.Geo.Conversion;

/// <summary>Where outputs go.</summary>
internal static class GeoJson
{
    /// <summary>The output path for input <paramref name="shpPath"/> in <paramref name="outFolder"/>.</summary>
    public static string OutputPath(string shpPath, string outFolder) =>
        Path.Combine(outFolder, Path.GetFileNameWithoutExtension(shpPath) + ".geojson");
}
