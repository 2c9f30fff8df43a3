using System.Runtime.Intrinsics;
using ParallelSum.Numerics;

namespace ParallelSum.Tests.Numerics;

/// <summary>The plan of a block from its largest and smallest magnitudes, at each boundary: special values, zeros, the
/// level count where it steps up, the largest exponent a vector block may hold and the smallest for which σ_K is normal; and
/// how one value is classified.</summary>
public class BinnedBlockPlanTests
{
    /// <summary>Largest and smallest exponent fields, and the plan expected: the fewest levels of 42 bits that cover
    /// top − bottom + 53 bits, or value by value where the top is too large or σ_K would be subnormal.</summary>
    public static TheoryData<int, int, int, int> Boundaries() => new()
    {
        { 1023, 1023, 1023, 2 },
        // 31 + 53 = 84 bits: exactly two levels; one exponent more needs three.
        { 1023, 992, 1023, 2 },
        { 1023, 991, 1023, 3 },
        // 73 + 53 = 126 bits: exactly three levels; one exponent more needs four.
        { 1023, 950, 1023, 3 },
        { 1023, 949, 1023, 4 },
        { 1200, 900, 1200, 9 },
        // 26 levels would reach σ_26 = 1.5·2^(1 − 1092 + 52), subnormal.
        { 1023, 1, 1023, BinnedBlock.Each },
        // The largest top a vector block may hold, and the next.
        { 2034, 2003, 2034, 2 },
        { 2035, 2035, 2035, BinnedBlock.Each },
        { 2046, 2046, 2046, BinnedBlock.Each },
        // σ_K normal needs top ≥ 42·K − 52: 32 for two levels, 74 for three.
        { 32, 1, 32, 2 },
        { 31, 1, 31, BinnedBlock.Each },
        { 74, 1, 74, 3 },
        { 73, 1, 73, BinnedBlock.Each },
        // A subnormal's exponent field 0 counts as 1.
        { 32, 0, 32, 2 },
        { 0, 0, 1, BinnedBlock.Each },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Plan_AtEachBoundary_GivesTheTopAndLevels(int largestField, int smallestField, int top, int levels)
    {
        // Each with a mantissa, as the kernel's folds give them (the largest's low half all ones).
        ulong largest = ((ulong)largestField << 52) | 0x000F_FFFF_FFFF_FFFFUL;
        ulong smallest = ((ulong)smallestField << 52) | 0x0000_0001_0000_0000UL;
        Assert.Equal((top, levels), BinnedBlock.Plan(largest, smallest));
    }

    [Fact]
    public void Plan_OfInfinityOrNaN_IsSpecial()
    {
        ulong one = BitConverter.DoubleToUInt64Bits(1.0);
        Assert.Equal(BinnedBlock.Special, BinnedBlock.Plan(BitConverter.DoubleToUInt64Bits(double.PositiveInfinity), one).Levels);
        Assert.Equal(BinnedBlock.Special, BinnedBlock.Plan(BitConverter.DoubleToUInt64Bits(double.NaN) & long.MaxValue, one).Levels);
        Assert.Equal(BinnedBlock.Special, BinnedBlock.Plan(0x7FFF_FFFF_FFFF_FFFFUL, one).Levels);
        Assert.Equal(BinnedBlock.Each, BinnedBlock.Plan(BitConverter.DoubleToUInt64Bits(double.MaxValue), one).Levels);
    }

    [Fact]
    public void Plan_OfZerosOnly_IsZeros() =>
        Assert.Equal((0, BinnedBlock.Zeros), BinnedBlock.Plan(0, ulong.MaxValue));

    [Fact]
    public void Classify_EachKindOfValue_GivesItsFlags()
    {
        const SumFlags Finite = SumFlags.AnyValue | SumFlags.NotNegativeZero;
        Assert.Equal(SumFlags.AnyValue, BinnedBlock.Classify(-0.0));
        Assert.Equal(Finite, BinnedBlock.Classify(0.0));
        Assert.Equal(Finite, BinnedBlock.Classify(-double.Epsilon));
        Assert.Equal(Finite | SumFlags.NaN, BinnedBlock.Classify(double.NaN));
        Assert.Equal(Finite | SumFlags.NaN, BinnedBlock.Classify(BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_0001UL))));
        Assert.Equal(Finite | SumFlags.PositiveInfinity, BinnedBlock.Classify(double.PositiveInfinity));
        Assert.Equal(Finite | SumFlags.NegativeInfinity, BinnedBlock.Classify(double.NegativeInfinity));
    }

    [Fact]
    public void KernelWidth_IsTheWidestThisMachineAccelerates()
    {
        int widest = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 64;
        Assert.Equal(widest, BinnedBlockKernels.Width);
    }
}
