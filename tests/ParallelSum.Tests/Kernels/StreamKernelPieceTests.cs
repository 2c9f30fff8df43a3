using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Kernels;

/// <summary>
/// The kernel entry points the strategies call, over lengths that cross the piece and chunk boundaries the vector kernels
/// are cut at, on both sides of the one-multiply range limit, checked against the specification written a second time
/// (<see cref="SpecReference"/>), not against another kernel.
/// </summary>
public class StreamKernelPieceTests
{
    public static TheoryData<int, int> Ranges() => new()
    {
        { 0, 10 }, // the one-multiply path
        { -32768, 32767 }, // r = 2^16, the largest one-multiply range
        { -32768, 32768 }, // r = 2^16 + 1, the smallest two-multiply range
        { int.MinValue, int.MaxValue }, // r = 2^32
        { 3, 3 }, // r = 1
    };

    private static readonly long[] Lengths =
    [
        // The shortest one-multiply chunk (at the largest one-multiply range) and the longest (small ranges: a whole piece).
        0, 1, OneMultiply.ChunkFor(OneMultiply.MaxRange) - 1, OneMultiply.ChunkFor(OneMultiply.MaxRange) + 1, StreamKernels.MaxPiece - 1, StreamKernels.MaxPiece, StreamKernels.MaxPiece + 1,
        (2L * StreamKernels.MaxPiece) + 37,
    ];

    [Theory]
    [MemberData(nameof(Ranges))]
    public void SumOffsets_AcrossPieces_EqualsTheSpecification(int min, int max)
    {
        var stream = new RandomStream(0xC0FFEE, min, max);
        const long start = 4_000_000_000;
        foreach (long length in Lengths)
        {
            Int128 expected = SpecReference.Sum(stream.Seed, start, length, min, max) - ((Int128)length * min);
            Assert.Equal(expected, (Int128)StreamKernels.SumOffsets(stream, start, (ulong)length));
        }
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Fill_AcrossPieces_EqualsTheSpecification(int min, int max)
    {
        var stream = new RandomStream(77, min, max);
        const ulong start = 123;
        foreach (long length in Lengths)
        {
            var values = new int[length];
            StreamKernels.Fill(stream, start, values);
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] != SpecReference.Value(stream.Seed, start + (ulong)i, min, max))
                {
                    Assert.Fail($"length {length}: value {i} is {values[i]}, the specification gives {SpecReference.Value(stream.Seed, start + (ulong)i, min, max)}");
                }
            }
        }
    }

    /// <summary>The dispatch to each width the machine runs (64 = scalar), across pieces, against the specification.</summary>
    [SkippableTheory]
    [InlineData(512)]
    [InlineData(256)]
    [InlineData(128)]
    [InlineData(64)]
    public void EveryWidthsDispatch_AcrossPieces_EqualsTheSpecification(int width)
    {
        if (width != 64)
        {
            _ = KernelWidth.Get(width); // skips, saying why, where the width is not accelerated
        }

        foreach ((int min, int max) in new[] { (0, 10), (int.MinValue, int.MaxValue), (-32768, 32768) })
        {
            var stream = new RandomStream(2026, min, max);
            const ulong start = 5_000_000_000;
            foreach (long length in new long[] { 0, 1, StreamKernels.MaxPiece, StreamKernels.MaxPiece + 3 })
            {
                Int128 expected = SpecReference.Sum(stream.Seed, (long)start, length, min, max) - ((Int128)length * min);
                Assert.Equal(expected, (Int128)StreamKernels.SumOffsets(width, stream, start, (ulong)length));

                var values = new int[length];
                StreamKernels.Fill(width, stream, start, values);
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i] != SpecReference.Value(stream.Seed, start + (ulong)i, min, max))
                    {
                        Assert.Fail($"width {width}, [{min}, {max}], length {length}: value {i} is {values[i]}, the specification gives {SpecReference.Value(stream.Seed, start + (ulong)i, min, max)}");
                    }
                }
            }
        }
    }
}
