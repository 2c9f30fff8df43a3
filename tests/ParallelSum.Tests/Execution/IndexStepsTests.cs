using ParallelSum.Execution;

namespace ParallelSum.Tests.Execution;

/// <summary>
/// The step loop every strategy's index arithmetic runs on, at the edges no test can afford to allocate: arrays of
/// <see cref="Array.MaxLength"/> values (parallel-for's ranges, naive-list's list) and ranges ending at <see cref="long.MaxValue"/>.
/// </summary>
public class IndexStepsTests
{
    public static TheoryData<long, long, long> Edges() => new()
    {
        { 0, Array.MaxLength, StreamingStrategy.StepLength },
        { 0, Array.MaxLength, SimdChunksStrategy.DefaultChunkSize },
        { 0, Array.MaxLength - 1, StreamingStrategy.StepLength },
        { 0, int.MaxValue, StreamingStrategy.StepLength },
        { long.MaxValue - 10, 10, StreamingStrategy.StepLength },
        { long.MaxValue - 100_000, 100_000, SimdChunksStrategy.DefaultChunkSize },
        { long.MaxValue - Array.MaxLength, Array.MaxLength, StreamingStrategy.StepLength },
        { long.MaxValue - 1, 1, 1 },
        { 0, long.MaxValue, long.MaxValue / 3 },
        { 0, long.MaxValue, long.MaxValue },
        { 5, 0, 7 },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Steps_TileTheRangeInOrder_WithoutWrapping(long start, long count, long stepLength)
    {
        long next = start;
        long steps = 0;
        foreach (IndexRange step in new IndexSteps(start, count, stepLength))
        {
            Assert.Equal(next, step.Start);
            Assert.InRange(step.Length, 1, stepLength);
            Assert.True(step.End > step.Start, $"step {step} wrapped");
            next = step.End;
            steps++;
        }

        Assert.Equal(start + count, next);
        Assert.Equal(count == 0 ? 0 : ((count - 1) / stepLength) + 1, steps);
    }

    [Fact]
    public void Steps_OfAnArrayOfMaxLength_HaveOffsetsAndLengthsThatFitAnInt()
    {
        // What parallel-for and naive-list do with every step: int offsets into one array.
        foreach (IndexRange step in new IndexSteps(0, Array.MaxLength, StreamingStrategy.StepLength))
        {
            Assert.InRange(step.Start, 0, int.MaxValue);
            Assert.InRange(step.End, 1, Array.MaxLength);
            Assert.Equal(step.Length, (int)step.Length);
        }
    }

    [Fact]
    public void Steps_BeyondLongMaxValue_AreRefusedNotWrapped()
    {
        Assert.Throws<OverflowException>(() => new IndexSteps(long.MaxValue - 10, 11, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndexSteps(-1, 1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndexSteps(0, -1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndexSteps(0, 1, 0));
    }
}
