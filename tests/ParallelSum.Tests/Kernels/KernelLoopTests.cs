using System.Numerics;

namespace ParallelSum.Tests.Kernels;

/// <summary>
/// The kernel loop (<c>VectorKernel.Run</c>) with each scaling (<see cref="SmallRangeMultiply"/>, <see cref="NarrowRangeMultiply"/>,
/// <see cref="FullRangeMultiply"/>) and each operation (<see cref="SumOperation"/>, <see cref="HighHalfSumOperation"/>,
/// <see cref="StoreOperation"/>), called directly at every width, against <see cref="ScalarKernels"/>; the flag it reports against
/// the flag condition computed lane by lane; and each operation on chosen lanes against the same arithmetic on scalars.
/// </summary>
public class KernelLoopTests
{
    private const ulong EdgeIndex = 7_000_000_019;

    /// <summary>The spec's rejected index: attempt 0 of seed 42 over <c>[int.MinValue, 2^30)</c> is rejected there.</summary>
    private const ulong RejectedIndex = 10435888575;

    private const int Sentinel = 0x5A5A5A5A;

    /// <summary>One-multiply ranges: r = 1, 11, a power of two, an odd size, and the largest, r = 2^16.</summary>
    private static readonly (int Min, int Max)[] SmallRanges = [(3, 3), (0, 10), (-5, 5), (0, 1023), (-2048, 2048), (-32768, 32767)];

    /// <summary>Two-multiply ranges: small ones too (a flagged one-multiply chunk is redone by this path), r = 2^16 + 1, a million,
    /// 2^31, 3 * 2^30 (the spec's rejection vector) and 2^32 - 1.</summary>
    private static readonly (int Min, int Max)[] NarrowRanges =
    [
        (3, 3), (0, 10), (-32768, 32768), (0, 999_999), (0, int.MaxValue), (int.MinValue, 1073741823), (int.MinValue + 1, int.MaxValue),
    ];

    private static readonly ulong[] Starts = [0, 12_345, (1UL << 40) + 7];

    /// <summary>A lane the one-multiply scaling must flag: its offset may be off by one or its attempt 0 rejected.</summary>
    private static bool SmallFlags(ulong word, ulong rangeSize) => OneMultiplyTests.IsFlagged(word, rangeSize);

    /// <summary>A lane the two-multiply scaling must flag: <c>low64(word * r) &lt; 2^32</c>, the only lanes that can be rejected.</summary>
    private static bool NarrowFlags(ulong word, ulong rangeSize)
    {
        _ = Math.BigMul(word, rangeSize, out ulong low);
        return low < 1UL << 32;
    }

    private static bool AnyFlagged(in RandomStream stream, ulong start, ulong length, Func<ulong, ulong, bool> flags)
    {
        for (ulong i = start; i < start + length; i++)
        {
            if (flags(RandomStream.Word(stream.Seed, i, 0), stream.RangeSize))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lengths of whole blocks: none, one, a few, and up to <paramref name="longest"/>.</summary>
    private static IEnumerable<ulong> Lengths(IKernelLoop loop, ulong longest) =>
        new ulong[] { 0, 1, 2, 5, 31 }.Select(blocks => blocks * (ulong)loop.Block)
            .Append(loop.WholeBlocks(1000)).Append(loop.WholeBlocks(longest)).Where(n => n <= longest).Distinct();

    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void SmallRangeMultiply_SumAndStore_EqualScalarKernels(int width)
    {
        IKernelLoop loop = KernelLoop.Get(width);
        foreach ((int min, int max) in SmallRanges)
        {
            var stream = new RandomStream(0xBEEF + (ulong)width, min, max);
            foreach (ulong start in Starts)
            {
                // The 32-bit high-half sums hold only within a one-multiply chunk: the longest is the one the kernels use.
                foreach (ulong length in Lengths(loop, (ulong)OneMultiply.ChunkFor(stream.RangeSize)))
                {
                    CheckSum<SmallRangeMultiply, HighHalfSumOperation>(loop, stream, start, length, SmallFlags, fixesRejections: false);
                    CheckStore<SmallRangeMultiply>(loop, stream, start, length, SmallFlags, fixesRejections: false);
                }
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void NarrowRangeMultiply_SumAndStore_EqualScalarKernels(int width)
    {
        IKernelLoop loop = KernelLoop.Get(width);
        foreach ((int min, int max) in NarrowRanges)
        {
            var stream = new RandomStream(0xCAFE + (ulong)width, min, max);
            foreach (ulong start in Starts)
            {
                foreach (ulong length in Lengths(loop, StreamKernels.MaxPiece))
                {
                    CheckSum<NarrowRangeMultiply, SumOperation>(loop, stream, start, length, NarrowFlags, fixesRejections: true);
                    CheckStore<NarrowRangeMultiply>(loop, stream, start, length, NarrowFlags, fixesRejections: true);
                }
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void FullRangeMultiply_SumAndStore_EqualScalarKernelsAndNeverFlag(int width)
    {
        IKernelLoop loop = KernelLoop.Get(width);
        var stream = new RandomStream(0xF00D, int.MinValue, int.MaxValue);
        foreach (ulong start in Starts)
        {
            foreach (ulong length in Lengths(loop, StreamKernels.MaxPiece))
            {
                CheckSum<FullRangeMultiply, SumOperation>(loop, stream, start, length, (_, _) => false, fixesRejections: false);
                CheckStore<FullRangeMultiply>(loop, stream, start, length, (_, _) => false, fixesRejections: false);
            }
        }
    }

    /// <summary>Words on both sides of the one-multiply flag condition (from <see cref="OneMultiplyTests"/>) at every lane position
    /// of two blocks: the loop reports exactly the flagged ones, and an unflagged run is exact.</summary>
    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void SmallRangeMultiply_EdgeWords_FlaggedExactlyWhereTheConditionHolds(int width)
    {
        IKernelLoop loop = KernelLoop.Get(width);
        int flagged = 0, unflagged = 0;
        foreach (ulong r in new ulong[] { 1, 2, 11, 4096, 4097, 65535, OneMultiply.MaxRange })
        {
            foreach (uint x in OneMultiplyTests.EdgeLows(r))
            {
                foreach (uint lo in new uint[] { 0, uint.MaxValue })
                {
                    ulong word = ((ulong)OneMultiplyTests.HighHalfFor(x, r) << 32) | lo;
                    var stream = new RandomStream(WordInverse.SeedFor(word, EdgeIndex), 0, (int)(r - 1));
                    bool expected = SmallFlags(word, r);
                    for (int lane = 0; lane < 2 * loop.Block; lane++)
                    {
                        ulong start = EdgeIndex - (ulong)lane;
                        Assert.Equal(expected, CheckSum<SmallRangeMultiply, HighHalfSumOperation>(loop, stream, start, (ulong)(2 * loop.Block), SmallFlags, fixesRejections: false));
                        Assert.Equal(expected, CheckStore<SmallRangeMultiply>(loop, stream, start, (ulong)(2 * loop.Block), SmallFlags, fixesRejections: false));
                    }

                    flagged += expected ? 1 : 0;
                    unflagged += expected ? 0 : 1;
                }
            }
        }

        Assert.True(flagged > 20 && unflagged > 5, $"{flagged} flagged and {unflagged} unflagged edge words");
    }

    /// <summary>Words with <c>low64(word * r)</c> just below and just above 2^32 at every lane position, and the spec's rejected
    /// index: the loop reports exactly the flagged ones, and its sum with the rejection correction, its store with the fix-up,
    /// equal the scalar kernels.</summary>
    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void NarrowRangeMultiply_WordsAtTheRejectionEdge_FlaggedExactlyWhereTheConditionHolds(int width)
    {
        IKernelLoop loop = KernelLoop.Get(width);
        int flagged = 0, unflagged = 0, rejected = 0;
        foreach (ulong r in new ulong[] { 3, 65537, 1_000_003, 3UL << 30, uint.MaxValue })
        {
            foreach (ulong k in new ulong[] { 1, 2, r / 2, r - 1 }.Distinct())
            {
                // word * r = k * 2^64 + (r - k * 2^64 mod r): the low half is at most r, below 2^32, so the lane is flagged.
                ulong below = (ulong)(((UInt128)k << 64) / r) + 1;
                _ = Math.BigMul(below, r, out ulong low);
                // Just enough more for the low half to reach 2^32: unflagged.
                ulong above = below + (((1UL << 32) - low + r - 1) / r);
                foreach (ulong word in new[] { below, above })
                {
                    var stream = new RandomStream(WordInverse.SeedFor(word, EdgeIndex), int.MinValue, (int)(int.MinValue + (long)(r - 1)));
                    bool expected = NarrowFlags(word, r);
                    Assert.Equal(word == below, expected);
                    for (int lane = 0; lane < 2 * loop.Block; lane++)
                    {
                        ulong start = EdgeIndex - (ulong)lane;
                        Assert.Equal(expected, CheckSum<NarrowRangeMultiply, SumOperation>(loop, stream, start, (ulong)(2 * loop.Block), NarrowFlags, fixesRejections: true));
                        Assert.Equal(expected, CheckStore<NarrowRangeMultiply>(loop, stream, start, (ulong)(2 * loop.Block), NarrowFlags, fixesRejections: true));
                    }

                    _ = Math.BigMul(word, r, out ulong wordLow);
                    flagged += expected ? 1 : 0;
                    unflagged += expected ? 0 : 1;
                    rejected += wordLow < stream.Threshold ? 1 : 0;
                }
            }
        }

        var spec = new RandomStream(42, int.MinValue, 1073741823);
        for (int lane = 0; lane < 2 * loop.Block; lane++)
        {
            Assert.True(CheckSum<NarrowRangeMultiply, SumOperation>(loop, spec, RejectedIndex - (ulong)lane, (ulong)(2 * loop.Block), NarrowFlags, fixesRejections: true));
            Assert.True(CheckStore<NarrowRangeMultiply>(loop, spec, RejectedIndex - (ulong)lane, (ulong)(2 * loop.Block), NarrowFlags, fixesRejections: true));
        }

        Assert.True(flagged == 18 && unflagged == 18, $"{flagged} flagged and {unflagged} unflagged edge words");
        Assert.True(rejected > 0, "no edge word was really rejected, so the correction was never needed");
    }

    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void SumOperation_AddsEachLanesHighHalfIn64BitLanes(int width)
    {
        IKernelLoop loop = KernelLoop.Get(width);
        var random = new Random(64 + width);
        for (int trial = 0; trial < 200; trial++)
        {
            // The first trial at the limit: high halves 2^32 - 1, low halves that would carry into them if added before the shift.
            ulong[] block = trial == 0 ? Enumerable.Repeat(ulong.MaxValue, 4 * loop.Lanes).ToArray() : Lanes(random, 4 * loop.Lanes);
            ulong[] total = Lanes(random, loop.Lanes);
            ulong[] result = loop.Apply<SumOperation>(total, block, 0, [], 0);
            for (int lane = 0; lane < loop.Lanes; lane++)
            {
                ulong expected = total[lane];
                for (int vector = 0; vector < 4; vector++)
                {
                    expected = unchecked(expected + (block[(vector * loop.Lanes) + lane] >> 32));
                }

                Assert.Equal(expected, result[lane]);
            }

            Assert.Equal(result.Aggregate(0UL, (sum, lane) => unchecked(sum + lane)), loop.Total<SumOperation>(result));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void HighHalfSumOperation_AddsEach32BitHalfOnItsOwn(int width)
    {
        IKernelLoop loop = KernelLoop.Get(width);
        var random = new Random(32 + width);
        for (int trial = 0; trial < 200; trial++)
        {
            ulong[] block = Lanes(random, 4 * loop.Lanes);
            ulong[] total = Lanes(random, loop.Lanes);
            ulong[] result = loop.Apply<HighHalfSumOperation>(total, block, 0, [], 0);
            for (int lane = 0; lane < loop.Lanes; lane++)
            {
                uint high = (uint)(total[lane] >> 32), low = (uint)total[lane];
                for (int vector = 0; vector < 4; vector++)
                {
                    ulong s = block[(vector * loop.Lanes) + lane];
                    high = unchecked(high + (uint)(s >> 32));
                    low = unchecked(low + (uint)s);
                }

                Assert.Equal(((ulong)high << 32) | low, result[lane]);
            }

            Assert.Equal(result.Aggregate(0UL, (sum, lane) => sum + (lane >> 32)), loop.Total<HighHalfSumOperation>(result));
        }
    }

    /// <summary>At the bound the one-multiply chunks are cut for (<see cref="OneMultiply.ChunkFor"/>): a whole chunk of the largest
    /// offset, <c>r - 1</c>, with low halves that wrap at every add, sums exactly in the 32-bit high halves.</summary>
    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void HighHalfSumOperation_AWholeChunkOfTheLargestOffset_DoesNotOverflow(int width)
    {
        IKernelLoop loop = KernelLoop.Get(width);
        foreach (ulong r in new ulong[] { 2, 11, 4096, 4097, 65535, OneMultiply.MaxRange })
        {
            int chunk = OneMultiply.ChunkFor(r);
            ulong[] block = Enumerable.Repeat(((r - 1) << 32) | uint.MaxValue, 4 * loop.Lanes).ToArray();
            ulong[] total = new ulong[loop.Lanes];
            for (int done = 0; done < chunk; done += loop.Block)
            {
                total = loop.Apply<HighHalfSumOperation>(total, block, 0, [], 0);
            }

            Assert.Equal((ulong)chunk * (r - 1), loop.Total<HighHalfSumOperation>(total));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void StoreOperation_StoresMinPlusEachHighHalfInOrder_AndLeavesTheTotal(int width)
    {
        IKernelLoop loop = KernelLoop.Get(width);
        var random = new Random(16 + width);
        foreach (uint min in new uint[] { 0, 1, unchecked((uint)int.MinValue), uint.MaxValue - 10 })
        {
            ulong[] block = Lanes(random, 4 * loop.Lanes);
            ulong[] total = Lanes(random, loop.Lanes);
            var destination = new int[3 * loop.Block];
            Array.Fill(destination, Sentinel);

            Assert.Equal(total, loop.Apply<StoreOperation>(total, block, min, destination, loop.Block));

            for (int k = 0; k < destination.Length; k++)
            {
                int expected = k < loop.Block || k >= 2 * loop.Block ? Sentinel : unchecked((int)(min + (uint)(block[k - loop.Block] >> 32)));
                Assert.Equal(expected, destination[k]);
            }

            Assert.Equal(0UL, loop.Total<StoreOperation>(total));
        }
    }

    /// <summary>Sums by the loop and checks it against <see cref="ScalarKernels.SumOffsets"/>: the flag exactly where some lane
    /// meets <paramref name="flags"/>; an unflagged sum exact; a flagged one exact after the rejection correction where
    /// <paramref name="fixesRejections"/>. Returns the flag.</summary>
    private static bool CheckSum<TMultiply, TOperation>(IKernelLoop loop, in RandomStream stream, ulong start, ulong length, Func<ulong, ulong, bool> flags, bool fixesRejections)
        where TMultiply : struct, IRangeMultiply
        where TOperation : struct, IKernelOperation
    {
        ulong sum = loop.Run<TMultiply, TOperation>(stream, start, length, [], out bool flagged);
        Assert.Equal(AnyFlagged(stream, start, length, flags), flagged);
        ulong expected = ScalarKernels.SumOffsets(stream, start, length);
        if (!flagged)
        {
            Assert.Equal(expected, sum);
        }
        else if (fixesRejections)
        {
            Assert.Equal(expected, unchecked(sum + ScalarKernels.RejectionCorrection(stream, start, length)));
        }

        return flagged;
    }

    /// <summary>Stores by the loop and checks it against <see cref="ScalarKernels.Fill"/> as CheckSum does, and that
    /// nothing past the run's values is written. Returns the flag.</summary>
    private static bool CheckStore<TMultiply>(IKernelLoop loop, in RandomStream stream, ulong start, ulong length, Func<ulong, ulong, bool> flags, bool fixesRejections)
        where TMultiply : struct, IRangeMultiply
    {
        var values = new int[length + (ulong)loop.Block];
        Array.Fill(values, Sentinel);
        Assert.Equal(0UL, loop.Run<TMultiply, StoreOperation>(stream, start, length, values, out bool flagged));
        Assert.Equal(AnyFlagged(stream, start, length, flags), flagged);
        var expected = new int[length];
        ScalarKernels.Fill(stream, start, expected);
        if (flagged && fixesRejections)
        {
            ScalarKernels.FixRejected(stream, start, values.AsSpan(0, (int)length));
        }

        if (!flagged || fixesRejections)
        {
            Assert.True(expected.AsSpan().SequenceEqual(values.AsSpan(0, (int)length)), $"[{stream.Min}, {stream.Max}] from {start}, {length} values: the store differs from the scalar fill");
        }

        Assert.All(values[(int)length..], value => Assert.Equal(Sentinel, value));
        return flagged;
    }

    /// <summary>Random 64-bit lanes, every bit of them (NextInt64 alone leaves bit 63 clear).</summary>
    private static ulong[] Lanes(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40)).ToArray();
}
