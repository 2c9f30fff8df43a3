using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Kernels;

/// <summary>
/// The one-multiply path (<see cref="OneMultiply"/>) at its edge: words chosen so that <c>low32(hi * r)</c> is 0, the smallest
/// value above 0, <c>2^32 - r</c> and the next value above it, at every lane position, for many range sizes r.
/// </summary>
public class OneMultiplyTests
{
    private const ulong EdgeIndex = 3_000_000_017;

    /// <summary>Range sizes: the small ones, powers of two and their neighbours up to the path's limit, and 120 random ones.</summary>
    public static IEnumerable<ulong> RangeSizes()
    {
        var random = new Random(20261128);
        ulong[] fixedSizes = [1, 2, 3, 5, 10, 11, 12, 100, 255, 256, 257, 1000, 4095, 4096, 4097, 65535, OneMultiply.MaxRange];
        return fixedSizes.Concat(Enumerable.Range(0, 120).Select(_ => (ulong)random.NextInt64(2, (long)OneMultiply.MaxRange + 1)));
    }

    /// <summary>The values of <c>low32(hi * r)</c> at and beside both edges, as far as r allows: with <c>r = 2^k * m</c>, m odd,
    /// <c>hi * r</c> is a multiple of 2^k, so the neighbours are 2^k apart.</summary>
    public static IEnumerable<uint> EdgeLows(ulong rangeSize)
    {
        ulong step = 1UL << BitOperations.TrailingZeroCount(rangeSize);
        ulong[] candidates = [0, step, (1UL << 32) - rangeSize, (1UL << 32) - rangeSize + step, (1UL << 32) - step];
        return candidates.Where(x => x < 1UL << 32).Select(x => (uint)x).Distinct();
    }

    /// <summary>A 32-bit hi with <c>low32(hi * r) == x</c>; x must be a multiple of 2^k where <c>r = 2^k * m</c>.</summary>
    public static uint HighHalfFor(uint x, ulong rangeSize)
    {
        int k = BitOperations.TrailingZeroCount(rangeSize);
        uint odd = (uint)(rangeSize >> k), inverse = odd;
        for (int step = 0; step < 5; step++)
        {
            inverse = unchecked(inverse * (2 - (odd * inverse)));
        }

        return unchecked((x >> k) * inverse);
    }

    public static bool IsFlagged(ulong word, ulong rangeSize)
    {
        uint x = unchecked((uint)((word >> 32) * rangeSize));
        return x == 0 || x > (1UL << 32) - rangeSize;
    }

    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void EdgeWords_AtEveryLanePosition_SumAndFillEqualTheDefinition(int width)
    {
        KernelWidth kernel = KernelWidth.Get(width);
        int flagged = 0, naiveFormulaWrong = 0;
        var values = new int[70];
        foreach (ulong r in RangeSizes())
        {
            foreach (uint x in EdgeLows(r))
            {
                foreach (uint lo in new uint[] { 0, 1, 0x80000000, uint.MaxValue })
                {
                    ulong word = ((ulong)HighHalfFor(x, r) << 32) | lo;
                    Assert.Equal(x, unchecked((uint)((word >> 32) * r)));
                    var stream = new RandomStream(WordInverse.SeedFor(word, EdgeIndex), -(int)(r / 2), -(int)(r / 2) + (int)(r - 1));
                    Assert.Equal(word, RandomStream.Word(stream.Seed, EdgeIndex, 0));
                    int expected = stream.ValueAt((long)EdgeIndex);
                    Assert.Equal(SpecReference.Value(stream.Seed, EdgeIndex, stream.Min, stream.Max), expected);
                    flagged += IsFlagged(word, r) ? 1 : 0;
                    // What the one multiply alone would give: wrong here means only the exact redo makes the kernel right.
                    naiveFormulaWrong += (uint)((word >> 32) * r >> 32) != (uint)(expected - stream.Min) ? 1 : 0;

                    for (ulong lane = 0; lane < 64; lane++)
                    {
                        ulong start = EdgeIndex - lane;
                        Assert.Equal(ScalarKernels.SumOffsets(stream, start, 70), kernel.SumOneMultiply(stream, start, 70));
                        kernel.FillOneMultiply(stream, start, values);
                        Assert.Equal(expected, values[lane]);
                    }
                }
            }
        }

        // The cases really sit on both sides of the edge, and dropping the exact redo of flagged chunks would be caught.
        Assert.True(flagged > 500, $"only {flagged} flagged edge words");
        Assert.True(naiveFormulaWrong > 100, $"only {naiveFormulaWrong} edge words where one multiply alone is wrong");
    }

    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void EdgeWord_AtChunkBoundariesAndInTheTail_IsExact(int width)
    {
        KernelWidth kernel = KernelWidth.Get(width);
        const ulong r = 11;
        uint x = (uint)((1UL << 32) - r + 1); // carries into the high half for a large lo
        ulong word = ((ulong)HighHalfFor(x, r) << 32) | uint.MaxValue;
        var stream = new RandomStream(WordInverse.SeedFor(word, EdgeIndex), 0, 10);
        int chunk = OneMultiply.ChunkFor(r), length = (2 * chunk) + 45;
        var values = new int[length];
        foreach (int position in new[] { 0, chunk - 1, chunk, chunk + 31, 2 * chunk, length - 1 })
        {
            ulong start = EdgeIndex - (ulong)position;
            Assert.Equal(ScalarKernels.SumOffsets(stream, start, (ulong)length), kernel.SumOneMultiply(stream, start, (ulong)length));
            Assert.Equal(ScalarKernels.SumOffsets(stream, start, (ulong)length), kernel.Sum(stream, start, (ulong)length));
            kernel.FillOneMultiply(stream, start, values);
            Assert.Equal(stream.ValueAt((long)EdgeIndex), values[position]);
            Assert.Equal((uint)((word >> 32) * r >> 32) + 1, (uint)values[position]);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void RandomSlices_OneMultiplyEqualsTwoMultiply(int width)
    {
        KernelWidth kernel = KernelWidth.Get(width);
        Gen<(ulong Seed, int Min, ulong RangeSize, ulong Start, int Length)> slices =
            from seed in ArbMap.Default.GeneratorFor<ulong>()
            from min in Gen.Choose(-100_000, 100_000)
            from rangeSize in Gen.OneOf(Gen.Elements(1UL, 2UL, 11UL, 4096UL, 65535UL, OneMultiply.MaxRange), Gen.Choose(1, (int)OneMultiply.MaxRange).Select(r => (ulong)r))
            from start in Gen.OneOf(Gen.Constant(0UL), Gen.Choose(0, int.MaxValue).Select(s => (ulong)s * 4099))
            from length in Gen.OneOf(Gen.Choose(0, 300), Gen.Choose(0, (3 * OneMultiply.ChunkFor(rangeSize)) + 77))
            select (seed, min, rangeSize, start, length);
        Prop.ForAll(slices.ToArbitrary(), slice =>
        {
            var stream = new RandomStream(slice.Seed, slice.Min, slice.Min + (int)(slice.RangeSize - 1));
            var one = new int[slice.Length];
            var two = new int[slice.Length];
            kernel.FillOneMultiply(stream, slice.Start, one);
            kernel.FillTwoMultiply(stream, slice.Start, two);
            return kernel.SumOneMultiply(stream, slice.Start, (ulong)slice.Length) == kernel.SumTwoMultiply(stream, slice.Start, (ulong)slice.Length)
                && one.AsSpan().SequenceEqual(two);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Every range size's chunk: a power of two (whole 32-value blocks), at most 2^28 / r (flagged chunks stay rare, the
    /// 32-bit high-half sums cannot overflow), and the largest such, up to the most a kernel call takes.</summary>
    [Fact]
    public void ChunkFor_EveryRangeSize_IsTheLargestPowerOfTwoWithChunkTimesRangeAtMost2To28()
    {
        for (ulong r = 1; r <= OneMultiply.MaxRange; r++)
        {
            ulong chunk = (ulong)OneMultiply.ChunkFor(r);
            Assert.True(BitOperations.IsPow2(chunk) && chunk >= 32 && chunk <= OneMultiply.MaxChunk, $"r = {r}: chunk {chunk}");
            Assert.True(chunk * r <= 1UL << 28, $"r = {r}: chunk {chunk} is too long");
            Assert.True(chunk == OneMultiply.MaxChunk || 2 * chunk * r > 1UL << 28, $"r = {r}: chunk {chunk} could be twice as long");
        }

        Assert.Equal(1 << 16, OneMultiply.ChunkFor(11));
        Assert.Equal(4096, OneMultiply.ChunkFor(OneMultiply.MaxRange));
    }

    [Theory]
    [InlineData(1UL, true)]
    [InlineData(11UL, true)]
    [InlineData(OneMultiply.MaxRange, true)]
    [InlineData(OneMultiply.MaxRange + 1, false)]
    [InlineData(3221225472UL, false)]
    [InlineData(1UL << 32, false)]
    public void Path_IsChosenFromTheRangeSize(ulong rangeSize, bool oneMultiply) => Assert.Equal(oneMultiply, OneMultiply.Suits(rangeSize));
}
