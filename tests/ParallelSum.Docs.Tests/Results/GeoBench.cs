using System.Text.Json;

namespace ParallelSum.Docs.Tests.Results;

/// <summary>
/// The converter's bench results (<c>docs/geo/**/results.json</c>, written by <c>ParallelSum.Geo bench --cold</c>): every
/// run a fresh process, so cold-process figures; one entry per file count and mode with the median seconds.
/// </summary>
internal sealed class GeoBench
{
    private readonly List<(int Files, string Mode, double Median, double Speedup, double[] Seconds)> results;
    private readonly Dictionary<int, (long Features, long BytesIn)> sets;

    private GeoBench(List<(int, string, double, double, double[])> results, Dictionary<int, (long, long)> sets)
    {
        this.results = results;
        this.sets = sets;
    }

    /// <summary>Gets the file counts measured, ascending.</summary>
    public IEnumerable<int> FileCounts => results.Select(r => r.Files).Distinct().Order();

    /// <summary>Reads a results file given relative to the repository's root.</summary>
    public static GeoBench Read(string relativePath)
    {
        using JsonDocument document = JsonDocument.Parse(RepositoryFiles.Read(relativePath));
        List<(int, string, double, double, double[])> results = [.. document.RootElement.GetProperty("Results").EnumerateArray().Select(r => (
            r.GetProperty("Files").GetInt32(),
            r.GetProperty("Mode").GetString()!,
            r.GetProperty("MedianSeconds").GetDouble(),
            r.GetProperty("Speedup").GetDouble(),
            r.GetProperty("Seconds").EnumerateArray().Select(s => s.GetDouble()).ToArray()))];
        Assert.True(results.Count > 0, $"{relativePath} holds no result");
        Dictionary<int, (long, long)> sets = document.RootElement.GetProperty("Results").EnumerateArray()
            .GroupBy(r => r.GetProperty("Files").GetInt32())
            .ToDictionary(g => g.Key, g => g.Select(r => (r.GetProperty("Features").GetInt64(), r.GetProperty("BytesIn").GetInt64())).Distinct().Single());
        return new GeoBench(results, sets);
    }

    /// <summary>Gets the modes measured, in the file's order.</summary>
    public IEnumerable<string> Modes => results.Select(r => r.Mode).Distinct();

    /// <summary>The features of the first <paramref name="files"/> files of the data set (every mode converts the same).</summary>
    public long Features(int files) => sets[files].Features;

    /// <summary>The bytes of .shp, .shx and .dbf of the first <paramref name="files"/> files.</summary>
    public long BytesIn(int files) => sets[files].BytesIn;

    /// <summary>The median seconds of <paramref name="mode"/> at <paramref name="files"/> files.</summary>
    public double Median(int files, string mode) => One(files, mode).Median;

    /// <summary>The speed-up the bench recorded (against its baseline at the same count).</summary>
    public double Speedup(int files, string mode) => One(files, mode).Speedup;

    /// <summary>Each repetition's seconds, in run order.</summary>
    public double[] Seconds(int files, string mode) => One(files, mode).Seconds;

    private (int Files, string Mode, double Median, double Speedup, double[] Seconds) One(int files, string mode)
    {
        var found = results.Where(r => r.Files == files && r.Mode == mode).ToList();
        Assert.True(found.Count == 1, $"{found.Count} results of '{mode}' at {files} files");
        return found[0];
    }
}
