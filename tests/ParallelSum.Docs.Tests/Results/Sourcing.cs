namespace ParallelSum.Docs.Tests.Results;

/// <summary>
/// Checks that a figure a page quotes says where it comes from: the paragraph, list item or table caption holding it links
/// its results file and names the kind of measurement, <c>cold process</c> (a trial in a fresh process: the experiment's
/// sweeps, the converter's <c>bench --cold</c>, the tools' start-up) or <c>warm benchmark</c> (BenchmarkDotNet, or the
/// comparison scripts, whose every timed run follows an untimed warm-up).
/// </summary>
internal static class Sourcing
{
    /// <summary>The two kinds of measurement a figure may be.</summary>
    public static readonly string[] Kinds = ["cold process", "warm benchmark"];

    /// <summary>
    /// Asserts that <paramref name="page"/> holds <paramref name="text"/>, and that the block holding it (list item or
    /// paragraph) names <paramref name="kind"/> and links every one of <paramref name="links"/> (as written in the page,
    /// relative to it), each an existing file of the repository.
    /// </summary>
    public static void Quotes(string page, string text, string kind, params string[] links)
    {
        string block = BlockHolding(page, text);
        Assert.Contains(kind, Kinds);
        Assert.True(block.Contains(kind, StringComparison.Ordinal), $"{page}: the passage quoting '{text}' does not say it is a {kind} figure:\n{block}");
        foreach (string link in links)
        {
            Assert.True(block.Contains("](" + link + ")", StringComparison.Ordinal), $"{page}: the passage quoting '{text}' does not link {link}:\n{block}");
            string file = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, Path.GetDirectoryName(page) ?? "", link.Split('#')[0]));
            Assert.True(File.Exists(file) || Directory.Exists(file), $"{page} links {link}, which is not in the repository");
        }
    }

    /// <summary>The list item or paragraph of <paramref name="page"/> that holds <paramref name="text"/> (exactly one).</summary>
    public static string BlockHolding(string page, string text)
    {
        string content = RepositoryFiles.Read(page).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = new List<string>();
        var current = new List<string>();
        foreach (string line in content.Split('\n'))
        {
            bool newItem = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith('#');
            if (line.Trim().Length == 0 || newItem)
            {
                if (current.Count > 0)
                {
                    blocks.Add(string.Join("\n", current));
                }

                current.Clear();
            }

            if (line.Trim().Length > 0)
            {
                current.Add(line);
            }
        }

        if (current.Count > 0)
        {
            blocks.Add(string.Join("\n", current));
        }

        // A figure may be wrapped onto the next line: compare with line breaks as spaces.
        List<string> holding = [.. blocks.Where(b => Flat(b).Contains(text, StringComparison.Ordinal))];
        Assert.True(holding.Count == 1, $"{page}: {holding.Count} passages quote '{text}'; expected one");
        return Flat(holding[0]);
    }

    /// <summary>The first match of <paramref name="pattern"/> in <paramref name="page"/>'s text with its line breaks as
    /// spaces; fails when the page has no such sentence any more.</summary>
    public static System.Text.RegularExpressions.Match Find(string page, string pattern)
    {
        string flat = Flat(RepositoryFiles.Read(page));
        System.Text.RegularExpressions.Match m = System.Text.RegularExpressions.Regex.Match(
            flat, pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(m.Success, $"{page} no longer has a sentence matching {pattern}");
        return m;
    }

    /// <summary>A page's text with line breaks as spaces, so a figure wrapped onto the next line is still found.</summary>
    public static string Flat(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n  ", " ", StringComparison.Ordinal).Replace('\n', ' ');
}
