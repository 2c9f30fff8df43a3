namespace ParallelSum.Tests.Execution;

/// <summary>
/// <see cref="CombineTree{TResult}"/> and <see cref="GrainReduction{TResult}.GrainCount"/>: the tree's shape is fixed by the
/// grain count alone, whatever order the grains arrive in and however they are split between trees; a grain with no right
/// sibling goes up uncombined; an incomplete tree refuses to give a root. A combine that writes its operands out shows the
/// shape itself, not only a sum.
/// </summary>
public class CombineTreeTests
{
    private static string Combine(string left, string right) => $"({left},{right})";

    [Theory]
    [InlineData(1, "0")]
    [InlineData(2, "(0,1)")]
    [InlineData(3, "((0,1),2)")]
    [InlineData(4, "((0,1),(2,3))")]
    [InlineData(5, "(((0,1),(2,3)),4)")]
    [InlineData(6, "(((0,1),(2,3)),(4,5))")]
    public void EveryOrderOfArrival_GivesTheSameFixedTree(int grains, string expected)
    {
        foreach (int[] order in Permutations([.. Enumerable.Range(0, grains)]))
        {
            var tree = new CombineTree<string>(grains, Combine);
            foreach (int grain in order)
            {
                Assert.False(tree.IsEmpty && grain != order[0], "the tree lost its nodes");
                tree.Add(0, grain, grain.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Assert.Equal(expected, tree.Root());
            Assert.False(tree.IsEmpty);
            Assert.Single(tree.Waiting);
        }
    }

    [Fact]
    public void GrainsSplitBetweenTrees_CombineTheSameOnceMoved()
    {
        var target = new CombineTree<string>(7, Combine);
        var odd = new CombineTree<string>(7, Combine);
        var even = new CombineTree<string>(7, Combine);
        for (int grain = 0; grain < 7; grain++)
        {
            (grain % 2 == 0 ? even : odd).Add(0, grain, grain.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(3, odd.Waiting.Count());
        Assert.False(odd.IsEmpty);
        odd.MoveTo(target);
        even.MoveTo(target);

        Assert.True(odd.IsEmpty);
        Assert.True(even.IsEmpty);
        Assert.Empty(odd.Waiting);
        Assert.Equal("(((0,1),(2,3)),((4,5),6))", target.Root());
    }

    [Fact]
    public void AnIncompleteTree_RefusesToGiveARoot_NamingWhatWaits()
    {
        var tree = new CombineTree<string>(3, Combine);
        tree.Add(0, 0, "0");
        tree.Add(0, 1, "1");

        var e = Assert.Throws<InvalidOperationException>(tree.Root);

        Assert.Equal("The combine tree over 3 grains is incomplete (1 nodes waiting).", e.Message);
    }

    [Fact]
    public void ATreeWithTwoRootsWaiting_RefusesToGiveARoot()
    {
        var tree = new CombineTree<string>(4, Combine);
        tree.Add(0, 0, "0");
        tree.Add(0, 3, "3");

        var e = Assert.Throws<InvalidOperationException>(tree.Root);

        Assert.Equal("The combine tree over 4 grains is incomplete (2 nodes waiting).", e.Message);
    }

    [Fact]
    public void AnEmptyTree_IsEmpty_AndHasNoRoot()
    {
        var tree = new CombineTree<string>(2, Combine);

        Assert.True(tree.IsEmpty);
        Assert.Throws<InvalidOperationException>(tree.Root);
    }

    [Theory]
    [InlineData(0L, 5L, 0L)]
    [InlineData(1L, 5L, 1L)]
    [InlineData(5L, 5L, 1L)]
    [InlineData(6L, 5L, 2L)]
    [InlineData(10L, 5L, 2L)]
    [InlineData(11L, 5L, 3L)]
    [InlineData(long.MaxValue, 1L, long.MaxValue)]
    [InlineData(long.MaxValue, long.MaxValue, 1L)]
    [InlineData(long.MaxValue, long.MaxValue - 1, 2L)]
    public void GrainCount_IsTheCountDividedByTheGrainSize_RoundedUp_WithoutOverflow(long count, long grainSize, long expected) =>
        Assert.Equal(expected, GrainReduction<int>.GrainCount(count, grainSize));

    [Fact]
    public void AReductionByGrains_CombinesInTheFixedTree_WithTheLastGrainEndingAtTheCount()
    {
        // Five grains of 3 over [0, 14): the last is [12, 14).
        string result = ParallelReduction.Reduce(14, 3, "none", range => $"{range.Start}-{range.End}", Combine, new ParallelRunOptions { MaxDegreeOfParallelism = 3, Partitioner = IndexRangePartitioners.DynamicChunks(2) });

        Assert.Equal("(((0-3,3-6),(6-9,9-12)),12-14)", result);
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (int i = 0; i < items.Length; i++)
        {
            int[] rest = [.. items[..i], .. items[(i + 1)..]];
            foreach (int[] tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
