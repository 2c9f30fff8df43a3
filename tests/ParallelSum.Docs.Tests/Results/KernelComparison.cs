using System.Text.RegularExpressions;

namespace ParallelSum.Docs.Tests.Results;

/// <summary>
/// A run of <c>benchmarks/compare/kernels.sh</c> as docs/benchmarks/kernel.md keeps it (warm benchmark: every timed run
/// after an untimed warm-up): a <c>**1 core**</c> and a <c>**2 cores**</c> table, rows by method, columns by range, cells
/// <c>values/s (× fast C kernel, × two-multiply C kernel)</c>.
/// </summary>
internal sealed partial class KernelComparison
{
    /// <summary>The file that keeps the comparison runs, newest first.</summary>
    public const string File = "docs/benchmarks/kernel.md";

    private readonly MarkdownTable oneCore;
    private readonly MarkdownTable twoCores;

    private KernelComparison(MarkdownTable oneCore, MarkdownTable twoCores)
    {
        this.oneCore = oneCore;
        this.twoCores = twoCores;
    }

    /// <summary>The newest run: the file's first pair of tables.</summary>
    public static KernelComparison Latest()
    {
        List<MarkdownTable> tables = MarkdownTable.ReadFile(File);
        return new KernelComparison(
            MarkdownTable.Find(tables, "method | [0, 10]", "**1 core**", first: true),
            MarkdownTable.Find(tables, "method | [0, 10]", "**2 cores**", first: true));
    }

    /// <summary>The run kept under the heading <c>### Earlier run, <paramref name="date"/></c> (<c>2026-11-28</c>).</summary>
    public static KernelComparison Earlier(string date)
    {
        string text = RepositoryFiles.Read(File).Replace("\r\n", "\n", StringComparison.Ordinal);
        string heading = "### Earlier run, " + date + "\n";
        int start = text.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{File} has no heading '{heading.Trim()}'");
        int end = text.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        List<MarkdownTable> tables = MarkdownTable.ReadAll(end < 0 ? text[start..] : text[start..end]);
        return new KernelComparison(
            MarkdownTable.Find(tables, "method | [0, 10]", "**1 core**"),
            MarkdownTable.Find(tables, "method | [0, 10]", "**2 cores**"));
    }

    /// <summary>The values per second of <paramref name="method"/>.</summary>
    public double ValuesPerSecond(string method, int cores, string range) => Parse(method, cores, range).Rate;

    /// <summary>The ratio to the fast (one-multiply) C kernel, as the script printed it.</summary>
    public double FastRatio(string method, int cores, string range) => Parse(method, cores, range).Fast;

    /// <summary>The ratio to the two-multiply C kernel, as the script printed it.</summary>
    public double TwoMultiplyRatio(string method, int cores, string range) => Parse(method, cores, range).TwoMultiply;

    /// <summary>All the cells of one core count: (method, range) to the cell's three figures.</summary>
    public IEnumerable<(string Method, string Range, double Rate, double Fast, double TwoMultiply)> Cells(int cores)
    {
        MarkdownTable table = Table(cores);
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            for (int c = 1; c < table.Header.Count; c++)
            {
                (double rate, double fast, double twoMultiply) = Parse(row[0], cores, table.Header[c]);
                yield return (row[0], table.Header[c], rate, fast, twoMultiply);
            }
        }
    }

    private MarkdownTable Table(int cores) => cores switch
    {
        1 => oneCore,
        2 => twoCores,
        _ => throw new ArgumentOutOfRangeException(nameof(cores)),
    };

    private (double Rate, double Fast, double TwoMultiply) Parse(string method, int cores, string range)
    {
        string cell = Table(cores).Cell(method, range);
        Match m = CellText().Match(cell);
        Assert.True(m.Success, $"{File}: '{cell}' is not 'values/s (× fast, × two-multiply)'");
        return (Quoted.Parse(m.Groups["rate"].Value).Value, Quoted.Parse(m.Groups["fast"].Value).Value, Quoted.Parse(m.Groups["two"].Value).Value);
    }

    [GeneratedRegex(@"^(?<rate>[\d.]+e\+\d+) \((?<fast>[\d.]+), (?<two>[\d.]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex CellText();
}
