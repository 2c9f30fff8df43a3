using System.Text.Json;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

/// <summary>Multipatch triangle strips and fans, which ogr2ogr (GDAL 3.6) fails to write to GeoJSON: each triangle becomes a polygon Z.</summary>
public sealed class MultiPatchTests
{
    [Fact]
    public void Convert_TriangleStripAndFan_WritesEachTriangleAsAPolygonWithZ()
    {
        using var folder = new TempFolder();
        string shp = ShapefileZoo.WriteTriangles(folder.Sub("in"));
        Directory.CreateDirectory(folder.Sub("out"));

        FileResult result = ShapefileConverter.Convert(shp, folder.Sub("out"), overwrite: false, worker: 0);

        Assert.True(result.Outcome == FileOutcome.Ok, result.Reason);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(GeoJson.OutputPath(shp, folder.Sub("out"))));
        JsonElement geometry = json.RootElement.GetProperty("features")[0].GetProperty("geometry");
        Assert.Equal("MultiPolygon", geometry.GetProperty("type").GetString());
        double[][][] triangles = [.. geometry.GetProperty("coordinates").EnumerateArray().Select(p => p[0].EnumerateArray().Select(c => c.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray())];

        // Strip (0,0,0) (1,0,0) (0,1,1) (1,1,1): triangles 012 and 123. Fan (5,5,0) (6,5,0) (6,6,1) (5,6,1): 012 and 023.
        string[] expected = ["0,0,0 1,0,0 0,1,1", "1,0,0 0,1,1 1,1,1", "5,5,0 6,5,0 6,6,1", "5,5,0 6,6,1 5,6,1"];
        Assert.Equal(4, triangles.Length);
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(4, triangles[t].Length);
            Assert.Equal(triangles[t][0], triangles[t][3]);
            Assert.Equal(
                expected[t].Split(' ').Order(StringComparer.Ordinal),
                triangles[t][..3].Select(c => string.Join(",", c)).Order(StringComparer.Ordinal));
        }
    }
}
