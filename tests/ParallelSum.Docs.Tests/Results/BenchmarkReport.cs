using System.Text.RegularExpressions;

namespace ParallelSum.Docs.Tests.Results;

/// <summary>
/// A BenchmarkDotNet GitHub-markdown report as docs/benchmarks/ keeps it (warm benchmark: BenchmarkDotNet warms every case
/// up before it times it): one table, rows found by the values of their parameter columns, durations and sizes read with
/// their units.
/// </summary>
internal sealed partial class BenchmarkReport
{
    private BenchmarkReport(string file, MarkdownTable table)
    {
        File = file;
        Table = table;
    }

    /// <summary>Gets the report's path relative to the repository's root.</summary>
    public string File { get; }

    /// <summary>Gets the report's table.</summary>
    public MarkdownTable Table { get; }

    /// <summary>Reads the report (its one table whose header starts with <c>Method</c>).</summary>
    public static BenchmarkReport Read(string relativePath) =>
        new(relativePath, MarkdownTable.Find(MarkdownTable.ReadFile(relativePath), "Method"));

    /// <summary>The one row whose cells in the named columns hold the given values (<c>("Method", "Inline"), ("Count", "4096")</c>).
    /// BenchmarkDotNet shortens a long parameter value to <c>simd-(...)00000 [21]</c>: its start, its end and its length.</summary>
    public IReadOnlyList<string> Row(params (string Column, string Value)[] keys)
    {
        List<IReadOnlyList<string>> found = [.. Table.Rows.Where(r => keys.All(k => Same(r[Table.Column(k.Column)], k.Value)))];
        Assert.True(found.Count == 1, $"{File}: {found.Count} rows with {string.Join(", ", keys.Select(k => $"{k.Column} = {k.Value}"))}");
        return found[0];
    }

    /// <summary>A duration cell of the row, in seconds (<c>1,818.8 μs</c>, <c>32.83 ms</c>, <c>533.4 ns</c>).</summary>
    public double Seconds(string column, params (string Column, string Value)[] keys) => ToSeconds(Row(keys)[Table.Column(column)]);

    /// <summary>A plain number cell of the row (<c>1.47</c>).</summary>
    public double Number(string column, params (string Column, string Value)[] keys) => Quoted.Parse(Row(keys)[Table.Column(column)]).Value;

    /// <summary>A size cell of the row, in bytes (<c>736 B</c>, <c>2.52 KB</c>; BenchmarkDotNet's KB is 1,024 bytes).</summary>
    public double Bytes(string column, params (string Column, string Value)[] keys)
    {
        string cell = Row(keys)[Table.Column(column)];
        Match m = SizeText().Match(cell);
        Assert.True(m.Success, $"{File}: '{cell}' is not a size");
        double scale = m.Groups["unit"].Value switch { "B" => 1, "KB" => 1024, "MB" => 1024 * 1024, _ => 1024.0 * 1024 * 1024 };
        return Quoted.Parse(m.Groups["number"].Value).Value * scale;
    }

    /// <summary>A BenchmarkDotNet duration in seconds.</summary>
    public static double ToSeconds(string cell)
    {
        Match m = DurationText().Match(cell.Trim());
        Assert.True(m.Success, $"'{cell}' is not a BenchmarkDotNet duration");
        double scale = m.Groups["unit"].Value switch { "ns" => 1e-9, "μs" or "µs" or "us" => 1e-6, "ms" => 1e-3, _ => 1 };
        return Quoted.Parse(m.Groups["number"].Value).Value * scale;
    }

    private static bool Same(string cell, string value)
    {
        Match m = Shortened().Match(cell);
        return m.Success
            ? value.Length == int.Parse(m.Groups["length"].Value, System.Globalization.CultureInfo.InvariantCulture)
                && value.StartsWith(m.Groups["start"].Value, StringComparison.Ordinal) && value.EndsWith(m.Groups["end"].Value, StringComparison.Ordinal)
            : cell == value;
    }

    [GeneratedRegex(@"^(?<start>.*)\(\.\.\.\)(?<end>.*) \[(?<length>\d+)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex Shortened();

    [GeneratedRegex(@"^(?<number>[\d,]+(?:\.\d+)?) (?<unit>ns|μs|µs|us|ms|s)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationText();

    [GeneratedRegex(@"^(?<number>[\d,]+(?:\.\d+)?) (?<unit>B|KB|MB|GB)$", RegexOptions.CultureInvariant)]
    private static partial Regex SizeText();
}
