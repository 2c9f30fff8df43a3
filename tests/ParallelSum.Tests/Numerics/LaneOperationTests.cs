using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ParallelSum.Numerics;
using static ParallelSum.Tests.Numerics.KernelWidths;

namespace ParallelSum.Tests.Numerics;

/// <summary>Each width's lane operations that plan a block (high halves, magnitude maximum, non-zero minimum, the seeds),
/// called directly and checked against the same quantity computed value by value, with the extreme value at every lane.</summary>
public class LaneOperationTests
{
    public static TheoryData<int> Widths() => new(512, 256, 128, 64);

    [Fact]
    public void Scalar_IsSupported_Everywhere() => Assert.True(ScalarLanes.IsSupported);

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void Seeds_HaveTheirDocumentedBits(int width) =>
        RunIfAccelerated(width, new SeedCheck());

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void FoldHighHalves_AtEveryLane_GivesTheLargestAndSmallestHighHalf(int width) =>
        RunIfAccelerated(width, new HighHalfCheck());

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void FoldMaximum_AtEveryLane_GivesTheLargestMagnitude(int width) =>
        RunIfAccelerated(width, new MaximumCheck());

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public void FoldNonZeroMinimum_AtEveryLane_GivesTheSmallestNonZeroMagnitudeLessOne(int width) =>
        RunIfAccelerated(width, new NonZeroMinimumCheck());

    /// <summary>A check written once for every width.</summary>
    private interface ILaneCheck
    {
        void Run<TLanes, TVector>()
            where TLanes : struct, IDoubleLanes<TVector>
            where TVector : struct;
    }

    private static void RunIfAccelerated(int width, ILaneCheck check)
    {
        SkipUnlessAccelerated(width);
        switch (width)
        {
            case 512: check.Run<Vector512Lanes, Vector512<double>>(); break;
            case 256: check.Run<Vector256Lanes, Vector256<double>>(); break;
            case 128: check.Run<Vector128Lanes, Vector128<double>>(); break;
            default: check.Run<ScalarLanes, double>(); break;
        }
    }

    /// <summary>Values of many binades, both signs, a zero and subnormals: every lane a different high half.</summary>
    private static double[] Values(int count, int seed)
    {
        var random = new Random(seed);
        double[] values = new double[count];
        for (int i = 0; i < count; i++)
        {
            double magnitude = Math.ScaleB(1.0 + random.NextDouble(), random.Next(-40, 40));
            values[i] = random.Next(2) == 0 ? magnitude : -magnitude;
        }

        return values;
    }

    private static TVector Load<TLanes, TVector>(double[] values, int offset)
        where TLanes : struct, IDoubleLanes<TVector>
        where TVector : struct => TLanes.Load(ref values[0], (nuint)offset);

    private static long[] LaneBits<TVector>(TVector vector)
        where TVector : struct
    {
        long[] bits = new long[Unsafe.SizeOf<TVector>() / sizeof(long)];
        Unsafe.WriteUnaligned(ref Unsafe.As<long, byte>(ref bits[0]), vector);
        return bits;
    }

    private static ulong Magnitude(double value) => BitConverter.DoubleToUInt64Bits(value) & 0x7FFF_FFFF_FFFF_FFFFUL;

    private static int HighHalf(double value) => (int)(Magnitude(value) / 0x1_0000_0000UL);

    private sealed class SeedCheck : ILaneCheck
    {
        public void Run<TLanes, TVector>()
            where TLanes : struct, IDoubleLanes<TVector>
            where TVector : struct
        {
            Assert.All(LaneBits(TLanes.AllBitsSet), bits => Assert.Equal(-1L, bits));
            Assert.All(LaneBits(TLanes.MagnitudeMask), bits => Assert.Equal(long.MaxValue, bits));
            Assert.All(LaneBits(TLanes.Zero), bits => Assert.Equal(0L, bits));
            Assert.Equal(int.MaxValue, TLanes.MinHighHalf(TLanes.HighHalfSeed));
        }
    }

    private sealed class HighHalfCheck : ILaneCheck
    {
        public void Run<TLanes, TVector>()
            where TLanes : struct, IDoubleLanes<TVector>
            where TVector : struct
        {
            int count = TLanes.Count;
            for (int at = 0; at < 2 * count; at++)
            {
                foreach (double extreme in new[] { 1e300, -1e300, 1e-300, -1e-300, Math.ScaleB(1.0, -1040) })
                {
                    double[] values = Values(2 * count, at);
                    values[at] = extreme;
                    TVector maximum = TLanes.Zero;
                    TVector minimum = TLanes.HighHalfSeed;
                    TLanes.FoldHighHalves(Load<TLanes, TVector>(values, 0), Load<TLanes, TVector>(values, count), TLanes.HighHalfSeed, ref maximum, ref minimum);
                    Assert.Equal(values.Max(HighHalf), TLanes.MaxHighHalf(maximum));
                    Assert.Equal(values.Min(HighHalf), TLanes.MinHighHalf(minimum));
                }
            }
        }
    }

    private sealed class MaximumCheck : ILaneCheck
    {
        public void Run<TLanes, TVector>()
            where TLanes : struct, IDoubleLanes<TVector>
            where TVector : struct
        {
            int count = TLanes.Count;
            for (int at = 0; at < count; at++)
            {
                foreach (double extreme in new[] { 1e300, -1e300, 0.0, -0.0 })
                {
                    double[] values = extreme == 0 ? new double[count] : Values(count, at);
                    values[at] = extreme;
                    TVector maximum = TLanes.Zero;
                    TLanes.FoldMaximum(Load<TLanes, TVector>(values, 0), TLanes.MagnitudeMask, ref maximum);
                    Assert.Equal((long)values.Max(Magnitude), TLanes.MaxLane(maximum));
                }
            }
        }
    }

    private sealed class NonZeroMinimumCheck : ILaneCheck
    {
        public void Run<TLanes, TVector>()
            where TLanes : struct, IDoubleLanes<TVector>
            where TVector : struct
        {
            int count = TLanes.Count;
            double[] zeros = [.. Enumerable.Range(0, count).Select(i => i % 2 == 0 ? 0.0 : -0.0)];
            TVector none = TLanes.AllBitsSet;
            TLanes.FoldNonZeroMinimum(Load<TLanes, TVector>(zeros, 0), TLanes.MagnitudeMask, ref none);
            Assert.Equal(ulong.MaxValue, TLanes.MinLaneUnsigned(none));
            for (int at = 0; at < count; at++)
            {
                foreach (double extreme in new[] { double.Epsilon, -1e-300, 1e-300, Math.ScaleB(-1.0, -1040) })
                {
                    double[] values = Values(count, at);
                    values[at] = extreme;
                    if (count > 1)
                    {
                        values[(at + 1) % count] = 0.0;
                    }

                    TVector minimum = TLanes.AllBitsSet;
                    TLanes.FoldNonZeroMinimum(Load<TLanes, TVector>(values, 0), TLanes.MagnitudeMask, ref minimum);
                    Assert.Equal(values.Where(v => v != 0).Min(Magnitude) - 1, TLanes.MinLaneUnsigned(minimum));
                }
            }
        }
    }
}
