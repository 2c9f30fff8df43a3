using ParallelSum.Docs.Tests.Results;

namespace ParallelSum.Docs.Tests;

/// <summary>docs/kernels.md's side-by-side tables are the newest kernel comparison in docs/benchmarks/kernel.md (warm benchmark), cell for cell.</summary>
public sealed class KernelPageFigureTests
{
    private const string Page = "docs/kernels.md";

    [Theory]
    [InlineData("**1 core**")]
    [InlineData("**2 cores**")]
    public void SideBySideTable_IsTheNewestKernelComparison(string caption)
    {
        MarkdownTable page = MarkdownTable.Find(MarkdownTable.ReadFile(Page), "method | [0, 10]", caption, first: true);
        MarkdownTable file = MarkdownTable.Find(MarkdownTable.ReadFile(KernelComparison.File), "method | [0, 10]", caption, first: true);
        PerformancePageFigureTests.AssertSameTable(page, file, KernelComparison.File);
        Sourcing.Quotes(Page, "`REPEAT=3 benchmarks/compare/kernels.sh` with nothing else running; count 1e9", "warm benchmark", "benchmarks/kernel.md");
    }
}
