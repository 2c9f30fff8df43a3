namespace ParallelSum.Docs.Tests;

/// <summary>Every C# block of README.md and docs/ compiles as pasted into a new console project, and every block marked
/// <c>csharp run</c> runs and prints what its <c>// prints …</c> comments say.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class CSharpBlockTests
{
    private const string PrintsMarker = "// prints ";

    public static TheoryData<string> CSharpBlocks() => BlocksWhere(b => b.IsCSharp);

    public static TheoryData<string> RunnableBlocks() => BlocksWhere(b => b.IsCSharp && b.IsRunnable);

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public void CSharpBlock_CompilesAsPasted(string where)
    {
        MarkdownCodeBlock block = Find(where);
        (IReadOnlyList<string> errors, _) = SnippetCompiler.Compile(block);
        Assert.True(errors.Count == 0, $"{where} does not compile:\n{string.Join('\n', errors)}");
    }

    [Theory]
    [MemberData(nameof(RunnableBlocks))]
    public async Task RunnableBlock_PrintsWhatItsCommentsSay(string where)
    {
        MarkdownCodeBlock block = Find(where);
        (IReadOnlyList<string> errors, byte[]? assembly) = SnippetCompiler.Compile(block);
        Assert.True(assembly is not null, $"{where} does not compile:\n{string.Join('\n', errors)}");
        string[] expected = [.. block.Code.Split('\n')
            .Where(line => line.Contains(PrintsMarker, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(PrintsMarker, StringComparison.Ordinal) + PrintsMarker.Length)..].Trim())];
        Assert.True(expected.Length > 0, $"{where} is marked 'run' but has no '{PrintsMarker}…' comment to check.");

        string output = await SnippetCompiler.RunAsync(assembly, TimeSpan.FromSeconds(60));

        string[] lines = [.. output.Split('\n').Select(l => l.Trim())];
        int at = 0;
        foreach (string text in expected)
        {
            at = Array.FindIndex(lines, at, l => l == text);
            Assert.True(at >= 0, $"{where}: the output lacks the line '{text}' (in order). It printed:\n{output}");
            at++;
        }
    }

    public static TheoryData<string> FileBlocks() => BlocksWhere(b => b.SourceFile is not null);

    [Theory]
    [MemberData(nameof(FileBlocks))]
    public void FileBlock_IsItsFileVerbatim(string where)
    {
        MarkdownCodeBlock block = Find(where);
        string path = Path.Combine(RepositoryFiles.Root, block.SourceFile!);
        Assert.True(File.Exists(path), $"{where} shows {block.SourceFile}, which does not exist");
        Assert.True(
            Normalise(File.ReadAllText(path)) == Normalise(block.Code),
            $"{where} is not {block.SourceFile} as it is now; paste the file again.");
    }

    [Fact]
    public void Pages_HaveRunnableExamples()
    {
        // The front page's smallest program must be one that runs, not only one that compiles.
        Assert.Contains(MarkdownCodeBlock.Read("README.md"), b => b.IsCSharp && b.IsRunnable);
    }

    // One theory case per block that matches, named by its place (page:line).
    private static TheoryData<string> BlocksWhere(Func<MarkdownCodeBlock, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (MarkdownCodeBlock block in MarkdownCodeBlock.All().Where(predicate))
        {
            data.Add(block.ToString());
        }

        return data;
    }

    private static string Normalise(string code) =>
        string.Join('\n', code.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    private static MarkdownCodeBlock Find(string where) =>
        MarkdownCodeBlock.All().Single(b => b.ToString() == where);
}
