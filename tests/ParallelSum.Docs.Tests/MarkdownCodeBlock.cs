namespace ParallelSum.Docs.Tests;

/// <summary>One fenced code block of a Markdown page.</summary>
/// <param name="Page">The page, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Info">The fence's info string, such as <c>csharp</c> or <c>csharp run</c>.</param>
/// <param name="Code">The block's text, without the fences.</param>
internal sealed record MarkdownCodeBlock(string Page, int Line, string Info, string Code)
{
    /// <summary>Gets the language word of the info string (<c>csharp</c>, <c>bash</c>, …), lower case, or empty.</summary>
    public string Language => Info.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant() ?? string.Empty;

    /// <summary>Gets whether the info string asks for the block to be run, not only compiled (<c>csharp run</c>).</summary>
    public bool IsRunnable => Info.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Contains("run", StringComparer.Ordinal);

    /// <summary>Gets the repository file the block shows verbatim (<c>csharp file=samples/X/Y.cs</c>), or null.</summary>
    public string? SourceFile => Info.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(word => word.StartsWith("file=", StringComparison.Ordinal)).Select(word => word["file=".Length..]).SingleOrDefault();

    /// <summary>Gets whether the block is C#.</summary>
    public bool IsCSharp => Language is "csharp" or "cs" or "c#";

    /// <summary>Where the block is, for messages: <c>docs/extending.md:19</c>.</summary>
    public override string ToString() => $"{Page}:{Line}";

    /// <summary>Reads every fenced block (``` or ~~~) of a page.</summary>
    public static IEnumerable<MarkdownCodeBlock> Read(string page)
    {
        string[] lines = RepositoryFiles.Read(page).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].TrimStart();
            if (!trimmed.StartsWith("```", StringComparison.Ordinal) && !trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                continue;
            }

            string fence = trimmed[..3];
            string info = trimmed[3..].Trim();
            int start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith(fence, StringComparison.Ordinal); i++)
            {
                body.Add(lines[i].TrimEnd('\r'));
            }

            yield return new MarkdownCodeBlock(page, start + 1, info, string.Join('\n', body));
        }
    }

    /// <summary>Every fenced block of every page.</summary>
    public static IEnumerable<MarkdownCodeBlock> All() => RepositoryFiles.Pages.SelectMany(Read);
}
