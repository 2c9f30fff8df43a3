using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Data;

namespace ParallelSum.Geo.Tests;

/// <summary>Six small generated shapefiles (20–400 polygons, uneven), made once per test class that uses it.</summary>
public sealed class SmallDataSet : IDisposable
{
    internal static readonly DatasetOptions Options = new(Files: 6, Seed: 7, MinFeatures: 20, MaxFeatures: 400, Skew: 1.5);

    private readonly TempFolder _folder = new();

    public SmallDataSet()
    {
        DatasetGenerator.Generate(Options, Folder);
        Files = ShapefileFiles.Find(Folder);
    }

    public string Folder => _folder.Sub("in");

    public IReadOnlyList<string> Files { get; }

    public static int TotalFeatures => DatasetGenerator.FeatureCounts(Options).Sum();

    /// <summary>Copies the data set's files (all parts) into <paramref name="folder"/>.</summary>
    public void CopyTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (string file in Directory.EnumerateFiles(Folder))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => _folder.Dispose();
}
