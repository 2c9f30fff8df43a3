using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Generation;

/// <summary>Every known-answer vector of the random stream's specification, docs/random-stream-v1.md.</summary>
public class KnownAnswerTests
{
    [Theory]
    [InlineData(0UL, 0xe220a8397b1dcdafUL)]
    [InlineData(1UL, 0x6e789e6aa1b965f4UL)]
    [InlineData(2UL, 0x06c45d188009454fUL)]
    public void Word_Seed0_MatchesSplitMix64Vector(ulong index, ulong expected)
    {
        Assert.Equal(expected, RandomStream.Word(0, index, 0));
        Assert.Equal(expected, SpecReference.Word(0, index, 0));
    }

    [Theory]
    [InlineData(0UL, 0, 10, new[] { 9, 4, 0, 10, 1, 3, 1, 8, 2, 10 })]
    [InlineData(42UL, 0, 10, new[] { 8, 1, 3, 3, 0, 9, 2, 8, 3, 6 })]
    [InlineData(42UL, -5, 5, new[] { 3, -4, -2, -2, -5, 4, -3, 3, -2, 1 })]
    [InlineData(7UL, int.MinValue, int.MaxValue, new[] { -473177628, -2075378473, 1721254016, 356182896 })]
    public void Values_MatchVector(ulong seed, int min, int max, int[] expected)
    {
        var stream = new RandomStream(seed, min, max);
        Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(i => stream.ValueAt(i)).ToArray());

        var filled = new int[expected.Length];
        stream.Fill(0, filled);
        Assert.Equal(expected, filled);
        Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(i => SpecReference.Value(seed, (ulong)i, min, max)).ToArray());
    }

    [Fact]
    public void ValueAt_RejectionVector_IsFoundOnSecondAttempt()
    {
        const long index = 10435888575;
        var stream = new RandomStream(42, int.MinValue, 1073741823);

        Assert.Equal(-1278943188, stream.ValueAt(index));
        Assert.Equal((-1278943188, 1UL), SpecReference.ValueAndAttempt(42, index, int.MinValue, 1073741823));

        // Attempt 0 really is rejected: its reduced low half is below the threshold 2^64 mod r.
        ulong r = stream.RangeSize;
        _ = Math.BigMul(RandomStream.Word(42, index, 0), r, out ulong low);
        Assert.True(low < (0UL - r) % r);

        // Every path that writes values must take the fallback too.
        var filled = new int[3];
        stream.Fill(index - 1, filled);
        Assert.Equal(-1278943188, filled[1]);
        Assert.Equal(stream.ValueAt(index - 1) + (Int128)(-1278943188) + stream.ValueAt(index + 1), stream.ReferenceSum(index - 1, 3));
    }

    [Theory]
    [InlineData(10L, 0UL, 48L)]
    [InlineData(1000L, 42UL, 4894L)]
    [InlineData(1000000L, 42UL, 5002298L)]
    [InlineData(100000000L, 42UL, 499999629L)]
    public void Sum_MatchesVector(long count, ulong seed, long expected)
    {
        Assert.Equal(expected, new RandomStream(seed).ReferenceSum(0, count));
    }

    [Theory]
    [InlineData(10L, 0UL, 48L)]
    [InlineData(1000L, 42UL, 4894L)]
    [InlineData(1000000L, 42UL, 5002298L)]
    public void SpecReference_Sum_MatchesVector(long count, ulong seed, long expected)
    {
        Assert.Equal(expected, SpecReference.Sum(seed, 0, count, 0, 10));
    }
}
