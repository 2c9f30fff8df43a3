using System.Globalization;
using NetTopologySuite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;

namespace ParallelSum.Geo.Data;

/// <summary>
/// Makes a reproducible synthetic data set: <c>parcels_NNN.shp</c> (+ .shx, .dbf, .cpg, .prj) files of land parcels in
/// WGS 84, each a star-shaped polygon of 12–60 vertices (some with a courtyard hole) with seven attributes of every common
/// DBF type. Feature counts per file are skewed (see <see cref="DatasetOptions.Skew"/>), so conversion work is uneven.
/// </summary>
/// <remarks>
/// Everything derives from the seed: file <c>i</c> draws from its own <see cref="Random"/> seeded from (seed, i), so files
/// can be written in parallel and the output is byte-identical for the same options.
/// </remarks>
internal static class DatasetGenerator
{
    /// <summary>The WGS 84 definition written to each <c>.prj</c>.</summary>
    public const string Wgs84Wkt = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private static readonly string[] Streets = ["Bahnhofstrasse", "Rue du Rhône", "Zürichbergstrasse", "Via Nassa", "Mühlegasse", "Chemin des Écoliers", "Hauptstrasse", "Seefeldquai"];
    private static readonly string[] LandUses = ["residential", "commercial", "industrial", "agricultural", "forest", "park", "mixed use"];

    /// <summary>The feature count of every file, in file order, as the options determine them.</summary>
    public static int[] FeatureCounts(DatasetOptions options)
    {
        var random = new Random(options.Seed);
        var counts = new int[options.Files];
        double ratio = (double)options.MaxFeatures / options.MinFeatures;
        for (int i = 0; i < counts.Length; i++)
        {
            double t = Math.Pow(random.NextDouble(), options.Skew);
            counts[i] = (int)Math.Clamp(Math.Round(options.MinFeatures * Math.Pow(ratio, t)), options.MinFeatures, options.MaxFeatures);
        }

        return counts;
    }

    /// <summary>The file name (without folder) of file <paramref name="index"/> of a set of <paramref name="files"/>.</summary>
    public static string FileName(int index, int files)
    {
        int digits = Math.Max(3, files.ToString(CultureInfo.InvariantCulture).Length);
        return "parcels_" + index.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0') + ".shp";
    }

    /// <summary>Writes the data set into <paramref name="folder"/> (created if missing), files in parallel.</summary>
    /// <returns>The paths of the <c>.shp</c> files, in file order.</returns>
    public static IReadOnlyList<string> Generate(DatasetOptions options, string folder, Action<string, int>? fileWritten = null)
    {
        Directory.CreateDirectory(folder);
        int[] counts = FeatureCounts(options);
        var paths = new string[counts.Length];
        Parallel.For(0, counts.Length, i =>
        {
            string path = Path.Combine(folder, FileName(i, counts.Length));
            WriteFile(path, options.Seed, i, counts[i]);
            paths[i] = path;
            fileWritten?.Invoke(path, counts[i]);
        });
        return paths;
    }

    private static void WriteFile(string path, int seed, int fileIndex, int featureCount)
    {
        var random = new Random(FileSeed(seed, fileIndex));
        GeometryFactory factory = NtsGeometryServices.Instance.CreateGeometryFactory(srid: 4326);

        // Each file is a tile of about 0.3° somewhere in Switzerland; parcels are 20–80 m across.
        double tileX = 6.0 + random.NextDouble() * 4.0;
        double tileY = 46.0 + random.NextDouble() * 1.5;
        var features = new IFeature[featureCount];
        for (int f = 0; f < featureCount; f++)
        {
            double cx = tileX + random.NextDouble() * 0.3;
            double cy = tileY + random.NextDouble() * 0.3;
            double radius = 0.0002 + random.NextDouble() * 0.0006;
            LinearRing shell = StarRing(factory, random, cx, cy, radius * 0.5, radius, random.Next(12, 61));
            LinearRing[] holes = random.NextDouble() < 0.15
                ? [StarRing(factory, random, cx, cy, radius * 0.1, radius * 0.25, random.Next(6, 13))]
                : [];
            Polygon polygon = factory.CreatePolygon(shell, holes);
            var attributes = new AttributesTable
            {
                { "Id", f + 1 },
                { "Tile", fileIndex },
                { "Address", $"{Streets[random.Next(Streets.Length)]} {random.Next(1, 300)}" },
                { "LandUse", LandUses[random.Next(LandUses.Length)] },
                { "AreaM2", Math.Round(polygon.Area * 111_320 * 78_850, 2) },
                { "Residents", (long)random.Next(0, 5000) },
                { "Protected", random.NextDouble() < 0.1 },
            };
            features[f] = new Feature(polygon, attributes);
        }

        Shapefile.WriteAllFeatures(features, path, Wgs84Wkt, System.Text.Encoding.UTF8);
        FixDbfDate(Path.ChangeExtension(path, ".dbf"));
    }

    // The .dbf header holds its last-update date (bytes 1-3: years since 1900, month, day), which the writer sets to today.
    // A fixed date keeps the files byte-identical for a seed whatever the day they are made.
    private static void FixDbfDate(string dbfPath)
    {
        using var stream = new FileStream(dbfPath, FileMode.Open, FileAccess.Write);
        stream.Position = 1;
        stream.Write([100, 1, 1]); // 2000-01-01
    }

    // Vertices at increasing angles with radii in [rMin, rMax]: a star-shaped, hence simple and valid, ring.
    private static LinearRing StarRing(GeometryFactory factory, Random random, double cx, double cy, double rMin, double rMax, int vertices)
    {
        var coordinates = new Coordinate[vertices + 1];
        for (int v = 0; v < vertices; v++)
        {
            double angle = 2 * Math.PI * (v + random.NextDouble() * 0.8) / vertices;
            double r = rMin + random.NextDouble() * (rMax - rMin);
            coordinates[v] = new Coordinate(cx + r * Math.Cos(angle), cy + r * Math.Sin(angle));
        }

        coordinates[vertices] = coordinates[0].Copy();
        return factory.CreateLinearRing(coordinates);
    }

    // SplitMix64 finaliser over (seed, index): independent, stable seeds per file (HashCode is randomised per process).
    private static int FileSeed(int seed, int fileIndex)
    {
        ulong z = ((ulong)(uint)seed << 32 | (uint)fileIndex) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }
}
