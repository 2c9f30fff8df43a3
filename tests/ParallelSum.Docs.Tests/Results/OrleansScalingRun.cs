using System.Text.Json;

namespace ParallelSum.Docs.Tests.Results;

/// <summary>
/// The runs of <c>benchmarks/orleans/measure-namespaces.sh</c> as docs/orleans/results.jsonl keeps them, one JSON line a
/// run: the distributed client's runs (a fresh process each, against silos warmed by one request; series <c>shared</c> and
/// <c>pinned</c>, <c>k</c> silos, cases <c>fixed</c>, <c>ranges2000</c>, <c>1e10</c>, <c>1e11</c>) and the in-process
/// runs (series <c>inprocess-all-cores</c> and <c>inprocess-one-core</c>, <c>k</c> = 0). Figures are medians per series,
/// <c>k</c> and case, as <c>benchmarks/orleans/summarize-namespaces.py</c> takes them.
/// </summary>
internal sealed class OrleansScalingRun
{
    /// <summary>The results file, relative to the repository's root.</summary>
    public const string File = "docs/orleans/results.jsonl";

    private readonly List<Run> runs;

    private OrleansScalingRun(List<Run> runs) => this.runs = runs;

    /// <summary>Gets every run in the file's order.</summary>
    public IReadOnlyList<Run> Runs => runs;

    /// <summary>Reads the results file.</summary>
    public static OrleansScalingRun Read()
    {
        var runs = new List<Run>();
        foreach (string line in RepositoryFiles.Read(File).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement r = document.RootElement;
            Assert.False(r.TryGetProperty("error", out JsonElement error) && error.ValueKind is not (JsonValueKind.Null or JsonValueKind.False),
                $"{File}: a failed run: {line}");
            runs.Add(new Run(
                r.GetProperty("series").GetString()!,
                r.GetProperty("k").GetInt32(),
                r.GetProperty("case").GetString()!,
                r.GetProperty("seconds").GetDouble(),
                r.GetProperty("sum").GetString()!,
                r.TryGetProperty("firstRangeSeconds", out JsonElement first) && first.ValueKind == JsonValueKind.Number ? first.GetDouble() : null,
                r.TryGetProperty("ranges", out JsonElement ranges) && ranges.ValueKind == JsonValueKind.Number ? ranges.GetInt32() : null));
        }

        Assert.True(runs.Count > 0, $"{File} holds no run");
        return new OrleansScalingRun(runs);
    }

    /// <summary>The runs of one series, silo count and case (at least one).</summary>
    public IReadOnlyList<Run> Of(string series, int k, string @case)
    {
        List<Run> found = [.. runs.Where(r => r.Series == series && r.K == k && r.Case == @case)];
        Assert.True(found.Count > 0, $"{File}: no run of {series}, k = {k}, {@case}");
        return found;
    }

    /// <summary>The median seconds of one series, silo count and case.</summary>
    public double Seconds(string series, int k, string @case) => Median(Of(series, k, @case).Select(r => r.Seconds));

    /// <summary>The median time to the first range's result of one series, silo count and case.</summary>
    public double FirstRangeSeconds(string series, int k, string @case) => Median(Of(series, k, @case).Select(r => r.FirstRangeSeconds!.Value));

    /// <summary>The median count of ranges of one series, silo count and case.</summary>
    public double Ranges(string series, int k, string @case) => Median(Of(series, k, @case).Select(r => (double)r.Ranges!.Value));

    /// <summary>The fixed cost F: the median seconds of a 1-value, 1-range request.</summary>
    public double FixedCost(string series, int k) => Seconds(series, k, "fixed");

    /// <summary>The cost per further range c = (T − F) / 1999, T the median seconds of 2000 one-value ranges.</summary>
    public double CostPerRange(string series, int k) => (Seconds(series, k, "ranges2000") - FixedCost(series, k)) / 1999;

    /// <summary>The median of <paramref name="values"/>, as Python's <c>statistics.median</c> takes it.</summary>
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        Assert.True(sorted.Length > 0, "the median of no value");
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>One run: its series, silo count, case, seconds, sum, and (distributed runs only) time to the first
    /// range's result and count of ranges.</summary>
    public sealed record Run(string Series, int K, string Case, double Seconds, string Sum, double? FirstRangeSeconds, int? Ranges);
}
