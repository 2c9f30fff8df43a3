using System.Text.RegularExpressions;

namespace ParallelSum.Docs.Tests;

/// <summary>Every page (and every comment of the tests, which point readers at specifications) speaks only of what a clone
/// holds: no link that leaves the repository, no path of the machine the project was written on, no file of a folder
/// beside the repository.</summary>
public sealed partial class RepositoryBoundaryTests
{
    public static TheoryData<string> Pages() => RepositoryFiles.PageData();

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_PointsNowhereOutsideTheRepository(string page)
    {
        string text = RepositoryFiles.Read(page);
        string folder = Path.GetDirectoryName(Path.Combine(RepositoryFiles.Root, page))!;
        var problems = new List<string>();
        foreach (Match link in RelativeLink().Matches(text))
        {
            string target = link.Groups["target"].Value.Split('#')[0];
            if (target.Length == 0)
            {
                continue;
            }

            string full = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(target)));
            if (!IsInside(full))
            {
                problems.Add($"line {LineOf(text, link.Index)}: the link '{target}' leaves the repository");
            }
        }

        problems.AddRange(OutsidePaths(text).Select(m => $"line {LineOf(text, m.Index)}: '{m.Value}' is a path outside the repository"));
        Assert.True(problems.Count == 0, $"{page}:\n{string.Join('\n', problems)}");
    }

    /// <summary>A page describes the product, not the history of its repository: no commit is named (a run against an older
    /// build says what that build was, such as "the engine before this version").</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_NamesNoCommit(string page)
    {
        string text = RepositoryFiles.Read(page);
        string[] found = [.. CommitLike().Matches(text).Select(m => $"line {LineOf(text, m.Index)}: '{m.Value}'")];
        Assert.True(found.Length == 0, $"{page} names what looks like a commit:\n{string.Join('\n', found)}");
    }

    // 7 to 40 lowercase hexadecimal digits with at least one letter and one digit, standing alone (not 0x…, not in a path,
    // a file name or a longer word).
    [GeneratedRegex(@"(?<![0-9A-Za-z_x/.\-])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}(?![0-9A-Za-z_])")]
    private static partial Regex CommitLike();

    [Fact]
    public void TestComments_PointNowhereOutsideTheRepository()
    {
        var problems = new List<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            string text = File.ReadAllText(file);
            string relative = Path.GetRelativePath(RepositoryFiles.Root, file);
            problems.AddRange(OutsidePaths(text)
                .Where(m => relative != "tests/ParallelSum.Docs.Tests/RepositoryBoundaryTests.cs")
                .Select(m => $"{relative}:{LineOf(text, m.Index)}: '{m.Value}'"));
        }

        Assert.True(problems.Count == 0, $"paths outside the repository:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void TheCheck_FindsWhatItLooksFor()
    {
        Assert.NotEmpty(OutsidePaths("the upstream text is `shared/spec/random-stream-v1.md`"));
        Assert.NotEmpty(OutsidePaths("see /work/main/docs/x.md"));
        Assert.Empty(OutsidePaths("see docs/random-stream-v1.md and src/ParallelSum/Generation/RandomStream.cs, a shared/exclusive lock"));
        Assert.False(IsInside(Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "docs", "../../elsewhere.md"))));
        Assert.True(IsInside(Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "docs", "../README.md"))));
    }

    private static bool IsInside(string fullPath) =>
        (fullPath + "/").StartsWith(RepositoryFiles.Root.TrimEnd('/') + "/", StringComparison.Ordinal);

    // Paths of the machine the project is developed on, or of the folders beside the repository there.
    private static MatchCollection OutsidePaths(string text) => OutsidePath().Matches(text);

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    // A Markdown link or image whose target is a relative path (not a URL, not an anchor on the same page).
    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>(?![a-z][a-z0-9+.-]*:|#|/)[^)\s]+)(?:\s+""[^""]*"")?\)", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeLink();

    [GeneratedRegex(@"(?<![\w/.-])(?:shared/[\w./-]*\.(?:md|txt|json|cs)\b|/work/[\w./-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex OutsidePath();
}
