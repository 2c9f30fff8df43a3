namespace ParallelSum.Docs.Tests.Results;

/// <summary>
/// A pipe table of a Markdown file: a page's own table, a BenchmarkDotNet GitHub-markdown report, or a table the comparison
/// scripts write. Cells are trimmed and lose the <c>**</c> BenchmarkDotNet puts around each group's first row; rows with no
/// text at all (BenchmarkDotNet's group separators) and the <c>---</c> line are left out.
/// </summary>
internal sealed class MarkdownTable
{
    private MarkdownTable(string? caption, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Caption = caption;
        Header = header;
        Rows = rows;
    }

    /// <summary>Gets the last non-empty line before the table that is not part of it (a heading, a bold caption, or prose), or null.</summary>
    public string? Caption { get; }

    /// <summary>Gets the header's cells.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Gets the body's rows, each as many cells as the header.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>Reads every pipe table of a Markdown text, in order.</summary>
    public static List<MarkdownTable> ReadAll(string markdown)
    {
        var tables = new List<MarkdownTable>();
        string[] lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? caption = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            bool startsTable = line.StartsWith('|') && i + 1 < lines.Length && IsSeparator(lines[i + 1].Trim());
            if (!startsTable)
            {
                if (line.Length > 0 && line != "```")
                {
                    caption = line;
                }

                continue;
            }

            List<string> header = Cells(line);
            var rows = new List<IReadOnlyList<string>>();
            i += 2;
            for (; i < lines.Length && lines[i].Trim().StartsWith('|'); i++)
            {
                List<string> cells = Cells(lines[i].Trim());
                if (IsSeparator(lines[i].Trim()) || cells.All(c => c.Length == 0))
                {
                    continue;
                }

                if (cells.Count != header.Count)
                {
                    throw new FormatException($"A table row has {cells.Count} cells where its header has {header.Count}: {lines[i]}");
                }

                rows.Add(cells);
            }

            i--;
            tables.Add(new MarkdownTable(caption, header, rows));
            caption = null;
        }

        return tables;
    }

    /// <summary>Reads the tables of a file given relative to the repository's root.</summary>
    public static List<MarkdownTable> ReadFile(string relativePath) => ReadAll(RepositoryFiles.Read(relativePath));

    /// <summary>The one table whose header starts with <paramref name="headerStart"/> and whose caption contains
    /// <paramref name="captionPart"/> (any caption when null); the first such table when <paramref name="first"/> is set.</summary>
    public static MarkdownTable Find(IEnumerable<MarkdownTable> tables, string headerStart, string? captionPart = null, bool first = false)
    {
        List<MarkdownTable> found = [.. tables.Where(t =>
            string.Join(" | ", t.Header).StartsWith(headerStart, StringComparison.Ordinal)
            && (captionPart is null || (t.Caption?.Contains(captionPart, StringComparison.Ordinal) ?? false)))];
        Assert.True(found.Count > 0, $"No table whose header starts '{headerStart}'" + (captionPart is null ? "" : $" under a line containing '{captionPart}'"));
        Assert.True(first || found.Count == 1, $"{found.Count} tables whose header starts '{headerStart}'; expected one");
        return found[0];
    }

    /// <summary>The column's index, by its header text.</summary>
    public int Column(string header)
    {
        int index = Header.ToList().IndexOf(header);
        Assert.True(index >= 0, $"No column '{header}' in a table with columns {string.Join(", ", Header)}");
        return index;
    }

    /// <summary>The one row whose first cell is <paramref name="key"/>.</summary>
    public IReadOnlyList<string> Row(string key)
    {
        List<IReadOnlyList<string>> found = [.. Rows.Where(r => r[0] == key)];
        Assert.True(found.Count == 1, $"{found.Count} rows named '{key}' in a table with rows {string.Join(", ", Rows.Select(r => r[0]))}");
        return found[0];
    }

    /// <summary>The cell of the row named <paramref name="row"/> (first cell) in the column named <paramref name="column"/>.</summary>
    public string Cell(string row, string column) => Row(row)[Column(column)];

    private static bool IsSeparator(string line) =>
        line.StartsWith('|') && line.Trim('|', ' ', '-', ':').Length == 0 && line.Contains('-', StringComparison.Ordinal)
        && line.Split('|', StringSplitOptions.RemoveEmptyEntries).All(c => c.Trim().Trim(':').All(ch => ch == '-') && c.Trim().Length > 0);

    private static List<string> Cells(string line)
    {
        string inner = line.Trim();
        inner = inner.Substring(1, inner.EndsWith('|') ? inner.Length - 2 : inner.Length - 1);
        return [.. inner.Split('|').Select(c => c.Trim().Replace("**", "", StringComparison.Ordinal).Trim())];
    }
}
