using Xunit.Abstractions;

namespace ParallelSum.Tests.Kernels;

/// <summary>Each vector width's kernels, called directly, against the scalar definition. A width this machine does not
/// accelerate is skipped, saying so; CI runs these tests again with wider instruction sets turned off.</summary>
public class VectorKernelTests(ITestOutputHelper output)
{
    /// <summary>The environment variable with which a CI run states which kernel width it must run at (512, 256, 128 or 64).</summary>
    public const string ExpectedWidthVariable = "PARALLELSUM_EXPECTED_KERNEL_WIDTH";

    /// <summary>Ranges with r = 1, small r, a power of two (no rejection), r = 2^32 (the shift path) and the rejection vector's range.</summary>
    private static readonly (int Min, int Max)[] Ranges =
    [
        (0, 10), (7, 7), (-5, 5), (0, 1023), (int.MinValue, int.MaxValue), (int.MinValue, 1073741823), (int.MaxValue - 2, int.MaxValue),
    ];

    /// <summary>Every length 0..256 (each tail path), and lengths around multiples of the 32-value block.</summary>
    private static readonly int[] BlockEdges = [511, 512, 513, 1023, 1024, 1025, 4095, 4096, 4097];

    private static IEnumerable<int> Lengths() => Enumerable.Range(0, 257).Concat(BlockEdges);

    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void SumOffsets_EveryLengthAndRange_EqualsScalar(int width)
    {
        var kernel = KernelWidth.Get(width);
        foreach (var (min, max) in Ranges)
        {
            var stream = new RandomStream(0x5EED + (ulong)width, min, max);
            foreach (int length in Lengths())
            {
                Assert.Equal(ScalarKernels.SumOffsets(stream, 3, (ulong)length), kernel.Sum(stream, 3, (ulong)length));
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void Fill_EveryLengthAndRange_EqualsScalar(int width)
    {
        var kernel = KernelWidth.Get(width);
        foreach (var (min, max) in Ranges)
        {
            var stream = new RandomStream(99, min, max);
            foreach (int length in Lengths())
            {
                var expected = new int[length];
                var actual = new int[length];
                ScalarKernels.Fill(stream, 1_000_000_007, expected);
                kernel.Fill(stream, 1_000_000_007, actual);
                Assert.Equal(expected, actual);
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(KernelWidth.Names), MemberType = typeof(KernelWidth))]
    public void RejectedIndex_AtEveryLanePosition_FallsBackToTheDefinition(int width)
    {
        const ulong rejected = 10435888575;
        var kernel = KernelWidth.Get(width);
        var stream = new RandomStream(42, int.MinValue, 1073741823);
        for (ulong before = 0; before < 40; before++)
        {
            ulong start = rejected - before;
            Assert.Equal(ScalarKernels.SumOffsets(stream, start, 64), kernel.Sum(stream, start, 64));

            var values = new int[64];
            kernel.Fill(stream, start, values);
            Assert.Equal(-1278943188, values[before]);
        }
    }

    [Fact]
    public void StreamKernels_UseTheWidestAcceleratedWidth()
    {
        int expected = Vector512Width.IsSupported ? 512 : Vector256Width.IsSupported ? 256 : Vector128Width.IsSupported ? 128 : 64;
        Assert.Equal(expected, StreamKernels.Width);
    }

    /// <summary>The CI runs with instruction sets turned off state the width they must run at; this proves the setting took effect.</summary>
    [SkippableFact]
    public void StreamKernels_RunAtTheWidthThisRunExpects()
    {
        string? expected = Environment.GetEnvironmentVariable(ExpectedWidthVariable);
        output.WriteLine($"kernel width: {StreamKernels.Width} bits ({ExpectedWidthVariable}={expected ?? "unset"})");
        Skip.If(expected is null, $"{ExpectedWidthVariable} is not set; only the CI instruction-set runs set it.");
        Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), StreamKernels.Width);
    }
}
