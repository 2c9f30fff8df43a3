namespace ParallelSum.Tests.Execution;

/// <summary>
/// <see cref="GrainReduction{TResult}"/>'s folds: a partition keeps folding while its grains follow on from each other, and
/// hands its nodes over to the shared tree as soon as a grain does not, so it only ever holds the nodes of one run of
/// consecutive grains; steps inside a grain run nothing.
/// </summary>
public class GrainReductionFoldTests
{
    private static string Combine(string left, string right) => $"({left},{right})";

    [Fact]
    public void ConsecutiveGrains_FoldTogether_InThePartitionsOwnNodes()
    {
        var reduction = new GrainReduction<string>(8, 2, range => $"{range.Start}-{range.End}", Combine);
        GrainReduction<string>.Fold fold = reduction.CreateLocal();

        fold = reduction.Step(new IndexRange(0, 2), fold);
        fold = reduction.Step(new IndexRange(2, 4), fold);

        Assert.Equal(2, fold.NextGrain);
        KeyValuePair<(int Level, long Index), string> node = Assert.Single(fold.Tree.Waiting);
        Assert.Equal(((1, 0L), "(0-2,2-4)"), (node.Key, node.Value));
    }

    [Fact]
    public void AGrainThatDoesNotFollowOn_HandsTheEarlierNodesOver_First()
    {
        var reduction = new GrainReduction<string>(8, 2, range => $"{range.Start}-{range.End}", Combine);
        GrainReduction<string>.Fold fold = reduction.CreateLocal();
        GrainReduction<string>.Fold other = reduction.CreateLocal();

        fold = reduction.Step(new IndexRange(0, 2), fold);
        fold = reduction.Step(new IndexRange(4, 6), fold);

        // Grain 0 went to the shared tree; the fold holds grain 2 alone.
        KeyValuePair<(int Level, long Index), string> node = Assert.Single(fold.Tree.Waiting);
        Assert.Equal(((0, 2L), "4-6"), (node.Key, node.Value));
        other = reduction.Step(new IndexRange(2, 4), other);
        other = reduction.Step(new IndexRange(6, 8), other);
        reduction.Finish(fold);
        reduction.Finish(other);
        Assert.True(fold.Tree.IsEmpty);
        Assert.Equal("((0-2,2-4),(4-6,6-8))", reduction.Result);
    }

    [Fact]
    public void AStepInsideAGrain_RunsNothing()
    {
        int calls = 0;
        var reduction = new GrainReduction<string>(10, 4, range => { calls++; return "x"; }, Combine);
        GrainReduction<string>.Fold fold = reduction.CreateLocal();

        fold = reduction.Step(new IndexRange(5, 8), fold);

        Assert.Equal(0, calls);
        Assert.True(fold.Tree.IsEmpty);
    }
}
