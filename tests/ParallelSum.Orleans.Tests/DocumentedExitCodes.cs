using System.Globalization;

namespace ParallelSum.Orleans.Tests;

/// <summary>
/// The exit codes docs/orleans.md gives for the silo sample (its table "Exit codes of ParallelSum.Silo"), looked up by the
/// words of a case, so that each process test checks the program's code against the page's.
/// </summary>
internal static class DocumentedExitCodes
{
    private static readonly Lazy<(int Code, string Silo, string Sum)[]> Table = new(Read);

    /// <summary>The code the page gives for a silo that ends as <paramref name="words"/> say (the one row whose silo cell holds them).</summary>
    public static int Silo(string words) => Find(words, row => row.Silo);

    /// <summary>The code the page gives for a <c>sum</c> client that ends as <paramref name="words"/> say.</summary>
    public static int Sum(string words) => Find(words, row => row.Sum);

    private static int Find(string words, Func<(int Code, string Silo, string Sum), string> cell)
    {
        int[] codes = [.. Table.Value.Where(row => cell(row).Contains(words, StringComparison.Ordinal)).Select(row => row.Code)];
        return codes.Length == 1
            ? codes[0]
            : throw new InvalidOperationException($"docs/orleans.md's exit code table has {codes.Length} rows for '{words}'; it needs exactly one.");
    }

    private static (int Code, string Silo, string Sum)[] Read()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "ParallelSum.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException($"No ParallelSum.sln above {AppContext.BaseDirectory}.");
        }

        string[] lines = File.ReadAllLines(Path.Combine(root, "docs", "orleans.md"));
        int header = Array.FindIndex(lines, l => l.Replace(" ", "", StringComparison.Ordinal).StartsWith("|code|silo|`sum`|", StringComparison.Ordinal));
        if (header < 0)
        {
            throw new InvalidOperationException("docs/orleans.md has no exit code table with the columns code, silo and `sum`.");
        }

        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l =>
        {
            string[] cells = l.Trim().Trim('|').Split('|');
            return (int.Parse(cells[0].Trim(), CultureInfo.InvariantCulture), cells[1].Trim(), cells[2].Trim());
        })];
    }
}
