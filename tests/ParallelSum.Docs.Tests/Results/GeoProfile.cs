using System.Text.Json;

namespace ParallelSum.Docs.Tests.Results;

/// <summary>
/// The converter's stage profile (<c>docs/geo/profile/stages.json</c>, written by <c>ParallelSum.Geo profile</c>): each
/// stage timed on one thread, the median of timed passes after an untimed one (warm benchmark), except
/// <c>process start-up</c> and <c>cold command line</c>, which time a fresh process (cold process).
/// </summary>
internal sealed class GeoProfile
{
    private readonly Dictionary<string, Stage> stages;

    private GeoProfile(string date, long features, long inputBytes, long outputBytes, Dictionary<string, Stage> stages)
    {
        Date = date;
        Features = features;
        InputBytes = inputBytes;
        OutputBytes = outputBytes;
        this.stages = stages;
    }

    /// <summary>Gets the day the profile was taken (<c>2026-11-28</c>).</summary>
    public string Date { get; }

    /// <summary>Gets the set's features.</summary>
    public long Features { get; }

    /// <summary>Gets the bytes of .shp, .shx and .dbf read.</summary>
    public long InputBytes { get; }

    /// <summary>Gets the bytes of GeoJSON written.</summary>
    public long OutputBytes { get; }

    /// <summary>Gets the stages' names, in the file's order.</summary>
    public IEnumerable<string> StageNames => stages.Keys;

    /// <summary>Reads a profile given relative to the repository's root.</summary>
    public static GeoProfile Read(string relativePath)
    {
        using JsonDocument document = JsonDocument.Parse(RepositoryFiles.Read(relativePath));
        JsonElement root = document.RootElement;
        var stages = new Dictionary<string, Stage>();
        foreach (JsonElement s in root.GetProperty("Stages").EnumerateArray())
        {
            var stage = new Stage(
                s.GetProperty("Stage").GetString()!,
                s.GetProperty("Seconds").GetDouble(),
                s.GetProperty("StageBytes").GetInt64(),
                s.GetProperty("StageBytesOf").GetString()!,
                s.GetProperty("InputMegabytesPerSecond").GetDouble(),
                s.GetProperty("AllocatedBytesPerFeature").GetDouble());
            Assert.True(stages.TryAdd(stage.Name, stage), $"{relativePath}: stage '{stage.Name}' twice");
        }

        Assert.True(stages.Count > 0, $"{relativePath} holds no stage");
        return new GeoProfile(
            root.GetProperty("Date").GetString()!,
            root.GetProperty("Features").GetInt64(),
            root.GetProperty("InputBytes").GetInt64(),
            root.GetProperty("OutputBytes").GetInt64(),
            stages);
    }

    /// <summary>The stage named <paramref name="name"/>.</summary>
    public Stage this[string name]
    {
        get
        {
            Assert.True(stages.TryGetValue(name, out Stage? stage), $"no stage '{name}' in the profile; it has {string.Join(", ", stages.Keys)}");
            return stage!;
        }
    }

    /// <summary>A stage's share of the warm whole conversion.</summary>
    public double Share(string name) => this[name].Seconds / this["whole conversion"].Seconds;

    /// <summary>One stage: its median seconds, the bytes it handles and of what, the input's megabytes divided by its
    /// seconds, and the bytes it allocates per feature.</summary>
    public sealed record Stage(string Name, double Seconds, long StageBytes, string StageBytesOf, double InputMegabytesPerSecond, double AllocatedBytesPerFeature)
    {
        /// <summary>Gets whether the stage times a fresh process rather than code in the profiling process.</summary>
        public bool IsProcess => Name is "process start-up" or "cold command line";
    }
}
