using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ParallelSum.Numerics;
using static ParallelSum.Tests.Numerics.KernelWidths;

namespace ParallelSum.Tests.Numerics;

/// <summary>The exact block kernel at each width, called directly, at the edges of its loops, runs and scans against the oracle.</summary>
public class BlockKernelEdgeTests
{
    private const SumFlags Finite = SumFlags.AnyValue | SumFlags.NotNegativeZero;

    public static TheoryData<int> Widths() => new(512, 256, 128, 64);

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void Flags_OfRunsAndManyLevelBlocks_AreFinite(int width)
    {
        SkipUnlessAccelerated(width);
        (int maxTwo, int maxThree) = RunBounds(width);
        // Two two-level runs, one three-level run, two three-level runs, a many-level block and one shorter than a vector.
        double[][] inputs =
        [
            [.. Enumerable.Range(0, maxTwo + 2048).Select(i => 1.0 + (i % 3))],
            [.. Enumerable.Range(0, 2048).Select(i => i % 7 == 0 ? 1e-12 : 1.0)],
            [.. Enumerable.Range(0, maxThree + 2048).Select(i => i % 7 == 0 ? 1e-12 : 1.0)],
            [.. Enumerable.Range(0, 100).Select(i => i % 7 == 0 ? 1e-200 : 1.0)],
            [1.0, 1e-200, -1.0],
        ];
        foreach (double[] values in inputs)
        {
            var sum = new FixedPointSum();
            Assert.Equal(Finite, BinnedBlockKernels.Add(width, values, sum));
            AssertExact(width, values, values);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void NegativeZeros_FollowedInMemoryByOtherValues_SumToNegativeZero(int width)
    {
        SkipUnlessAccelerated(width);
        // The span ends where ones begin in the same array: a scan that reads past its end sees a non-zero value.
        foreach (int length in Enumerable.Range(1, 130).Concat(Enumerable.Range(2016, 33)))
        {
            double[] backing = [.. Enumerable.Repeat(-0.0, length), .. Enumerable.Repeat(1.0, 64)];
            ReadOnlySpan<double> values = backing.AsSpan(0, length);
            Assert.Equal(SumFlags.AnyValue, BinnedBlockKernels.Add(width, values, new FixedPointSum()));
            AssertExact(width, values, values.ToArray());
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void NextBlocksWidestValue_AtAnyPosition_WidensItsPlan(int width)
    {
        SkipUnlessAccelerated(width);
        // Two full blocks of one plan (cancelling pairs) and, in the second, one value whose last bits need one level more.
        foreach ((double pair, double wide) in new[] { (Math.ScaleB(1.0, -20), Math.ScaleB(1.0 + Math.ScaleB(1.0, -52), -40)), (Math.ScaleB(1.0, -40), Math.ScaleB(1.0 + Math.ScaleB(1.0, -52), -90)) })
        {
            double[] values = [.. Enumerable.Range(0, 4096).Select(i => (i % 4) switch { 0 => 1.0, 1 => -1.0, 2 => pair, _ => -pair })];
            values[2048] = wide;
            Balance(values, 2048);
            double expected = BigIntegerOracle.Sum(values);
            int[] positions = [.. Enumerable.Range(0, 160), .. Enumerable.Range(1888, 160), .. Enumerable.Range(0, 2048).Where(p => p % 53 == 0)];
            foreach (int p in positions)
            {
                double[] moved = (double[])values.Clone();
                (moved[2048], moved[2048 + p]) = (moved[2048 + p], moved[2048]);
                Assert.True(
                    ExactSumOracleTests.Bits(expected) == ExactSumOracleTests.Bits(Sum(width, moved)),
                    $"width {width}: value {wide:R} at {p} of the second block: kernel {Sum(width, moved):R}, oracle {expected:R}");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void PartialBlockAfterARun_IsScannedWhole(int width)
    {
        SkipUnlessAccelerated(width);
        // A full block of a two- or three-level plan, then a shorter block holding a value that needs a level more, a NaN or an infinity.
        foreach ((double pair, double wide) in new[] { (Math.ScaleB(1.0, -20), Math.ScaleB(1.0 + Math.ScaleB(1.0, -52), -40)), (Math.ScaleB(1.0, -40), Math.ScaleB(1.0 + Math.ScaleB(1.0, -52), -90)) })
        {
            foreach (int partial in new[] { 1, 9, 40, 100, 2047 })
            {
                foreach (int p in new[] { 0, partial / 2, partial - 1 }.Distinct())
                {
                    double[] values = [.. Enumerable.Range(0, 2048 + partial).Select(i => (i % 4) switch { 0 => 1.0, 1 => -1.0, 2 => pair, _ => -pair })];
                    values[2048 + p] = wide;
                    Balance(values, 2048 + p);
                    AssertExact(width, values, values);
                    values[2048 + p] = double.NaN;
                    Assert.True(double.IsNaN(Sum(width, values)), $"width {width}: NaN at {p} of a block of {partial} lost");
                    values[2048 + p] = double.NegativeInfinity;
                    Assert.Equal(double.NegativeInfinity, Sum(width, values));
                }
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void SpansEndingAtAnUnmappedPage_AreNeverReadPastTheirEnd(int width)
    {
        SkipUnlessAccelerated(width);
        Skip.IfNot(OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64, "the guard page is made with Linux x64 mmap");
        // The values end where an inaccessible page begins: a scan that reads past the end of its span stops the process.
        using var guarded = new GuardedDoubles(BinnedBlock.BlockLength + 64);
        foreach (int length in Enumerable.Range(1, 130).Concat(Enumerable.Range(2016, 33)))
        {
            double[] values = [.. Enumerable.Range(0, length).Select(i => 1.0 + (i % 3))];
            Span<double> span = guarded.Last(length);
            values.CopyTo(span);
            AssertExact(width, span, values);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void RunsAtTheirBound_KeepEveryLastLevelLaneExact(int width)
    {
        SkipUnlessAccelerated(width);
        (int maxTwo, int maxThree) = RunBounds(width);
        // Every lane's last-level remainders are near u_(K-1)/2 with one sign, so a lane given more than 4096 of them rounds;
        // the two signs differ by a few units, so the exact sum is small and shows any such rounding.
        foreach ((int bound, int exponent, int levelUnit) in new[] { (maxTwo, -31, -83), (maxThree, -73, -125) })
        {
            double positive = Math.ScaleB(1.0, exponent) + Math.ScaleB(1.0, levelUnit - 1 + 42) - Math.ScaleB(1.0, levelUnit);
            double negative = -(Math.ScaleB(1.0, exponent) + Math.ScaleB(1.0, levelUnit - 1 + 42) - Math.ScaleB(3.0, levelUnit));
            int length = ((bound / 2048) + 3) * 2048;
            double[] values = [.. Enumerable.Range(0, length).Select(i => (i % 2048) switch { 0 => 1.0, 1 => -1.0, _ => i % 2 == 0 ? positive : negative })];
            AssertExact(width, values, values);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void SmallestInTheScalarTailOfTheExactScan_SetsTheLevels(int width)
    {
        SkipUnlessAccelerated(width);
        // A zero sends the block to the exact scan; the smallest value, last, has every mantissa bit set, so one exponent
        // higher would plan a level too few.
        double smallest = BitConverter.Int64BitsToDouble((991L << 52) | ((1L << 52) - 1));
        foreach (int length in new[] { 13, 15, 21 })
        {
            double[] values = [.. Enumerable.Range(0, length).Select(i => i == 0 ? 0.0 : i % 2 == 0 ? 1.0 : -1.0)];
            values[^2] = 0.0;
            values[^1] = smallest;
            AssertExact(width, values, values);
        }
    }

    /// <summary>Changes the third value (a large one) so that the others sum to zero: the exact sum is then the value at
    /// <paramref name="kept"/>, whose last bits a rounding of the total would otherwise hide.</summary>
    private static void Balance(double[] values, int kept)
    {
        // Every other value is a multiple of 2^-40 below 2^12, so this double sum is exact.
        double others = values.Where((_, i) => i != kept).Sum();
        values[2] -= others;
    }

    private static (int MaxTwo, int MaxThree) RunBounds(int width) => width switch
    {
        512 => (BinnedBlockSum<Vector512Lanes, Vector512<double>>.MaxTwoLevelRun, BinnedBlockSum<Vector512Lanes, Vector512<double>>.MaxThreeLevelRun),
        256 => (BinnedBlockSum<Vector256Lanes, Vector256<double>>.MaxTwoLevelRun, BinnedBlockSum<Vector256Lanes, Vector256<double>>.MaxThreeLevelRun),
        128 => (BinnedBlockSum<Vector128Lanes, Vector128<double>>.MaxTwoLevelRun, BinnedBlockSum<Vector128Lanes, Vector128<double>>.MaxThreeLevelRun),
        _ => (BinnedBlockSum<ScalarLanes, double>.MaxTwoLevelRun, BinnedBlockSum<ScalarLanes, double>.MaxThreeLevelRun),
    };

    private static void AssertExact(int width, ReadOnlySpan<double> values, double[] copy)
    {
        double expected = BigIntegerOracle.Sum(copy);
        double actual = Sum(width, values);
        Assert.True(
            ExactSumOracleTests.Bits(expected) == ExactSumOracleTests.Bits(actual),
            $"width {width}, {values.Length} values: kernel {actual:R}, oracle {expected:R}");
    }

    /// <summary>Doubles in anonymous memory directly followed by a page that may not be read.</summary>
    private sealed class GuardedDoubles : IDisposable
    {
        private const int ProtNone = 0, ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20;

        private readonly nint _address;
        private readonly nuint _size;
        private readonly nuint _dataSize;

        public GuardedDoubles(int capacity)
        {
            nuint page = (nuint)Environment.SystemPageSize;
            _dataSize = (((nuint)capacity * sizeof(double)) + page - 1) / page * page;
            _size = _dataSize + page;
            _address = Mmap(0, _size, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            Assert.NotEqual(-1, _address);
            Assert.Equal(0, Mprotect(_address + (nint)_dataSize, page, ProtNone));
        }

        /// <summary>The last <paramref name="length"/> doubles before the guard page.</summary>
        public Span<double> Last(int length) =>
            MemoryMarshal.CreateSpan(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<double>(), _address + (nint)_dataSize - (length * sizeof(double))), length);

        public void Dispose() => _ = Munmap(_address, _size);

        [DllImport("libc", EntryPoint = "mmap", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern nint Mmap(nint address, nuint length, int protection, int flags, int descriptor, nint offset);

        [DllImport("libc", EntryPoint = "mprotect", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int Mprotect(nint address, nuint length, int protection);

        [DllImport("libc", EntryPoint = "munmap", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int Munmap(nint address, nuint length);
    }
}
