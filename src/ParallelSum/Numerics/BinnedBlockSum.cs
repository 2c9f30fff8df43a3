using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace ParallelSum.Numerics;

/// <summary>
/// The exact sum of a span of doubles at one vector width, added to a <see cref="FixedPointSum"/>: each block of
/// <see cref="BinnedBlock.BlockLength"/> values is split into <c>K</c> exact levels (see <see cref="BinnedBlock"/>) whose sums
/// are exact 64-bit integers in vector lanes; consecutive blocks with the same plan share their sums, which go into the
/// fixed-point sum once per run.
/// </summary>
/// <remarks>
/// <para>The plan of a block (its <c>K</c> and σ constants) needs the block's largest and smallest exponents first. The loop
/// that sums block <c>j</c>, already in the L1 cache, also folds the exponents of block <c>j + 1</c> and asks for the lines of
/// block <c>j + 3</c> to be brought into the L2 cache: memory traffic overlaps arithmetic instead of taking turns with it. The
/// fold reads only the high 32 bits of each value (sign, exponent, 20 bits of mantissa), two vectors in one, which is all
/// the plan needs; a block whose high halves include a zero is scanned again with full patterns.</para>
/// <para>The levels that are extracted are summed as integers: <c>t = r + σ_l</c> lies in σ_l's binade, so the bits of <c>t</c>
/// less those of σ_l are <c>q / u_l</c> exactly, and a 64-bit integer add (wrapping: only the total less <c>n·bits(σ_l)</c>
/// matters) replaces a floating-point one. The last level, the remainders, is summed in doubles, exactly within a lane
/// budget, and turned into an integer at the end of each run by exact scaling. Two levels cost four floating-point
/// operations and one integer add per vector, two of the four issued as fused multiply-adds by one (the same results) so
/// that they run on the multiply units beside the adders.</para>
/// </remarks>
/// <typeparam name="TLanes">The width's operations.</typeparam>
/// <typeparam name="TVector">The width's vector of doubles.</typeparam>
internal static class BinnedBlockSum<TLanes, TVector>
    where TLanes : struct, IDoubleLanes<TVector>
    where TVector : struct
{
    /// <summary>How many values each lane of a last-level accumulator may take in one run: below the 4096 whose sum is exact
    /// in a double (see <see cref="BinnedBlock"/>), with room for the few a run's last, partial block adds to one of them.</summary>
    internal const int LaneBudget = 4000;

    /// <summary>The most values one two-level run sums before its sums go into the fixed-point sum: four accumulators of
    /// <see cref="IDoubleLanes{TVector}.Count"/> lanes, each within <see cref="LaneBudget"/>. The integer levels take at most
    /// 2^42 per value, far below 2^63 for runs this long.</summary>
    // Stryker disable once Arithmetic : equivalent; a smaller bound only ends runs sooner, and every run is exact.
    internal static int MaxTwoLevelRun => LaneBudget * 4 * TLanes.Count;

    /// <summary>As <see cref="MaxTwoLevelRun"/> for three levels, whose loop keeps two accumulators per level.</summary>
    // Stryker disable once Arithmetic : equivalent; a smaller bound only ends runs sooner, and every run is exact.
    internal static int MaxThreeLevelRun => LaneBudget * 2 * TLanes.Count;

    /// <summary>How far ahead of the block being folded the kernel asks for cache lines: two blocks, so that the latency of
    /// memory is hidden by the work of whole blocks.</summary>
    private const nuint PrefetchDistance = 2 * BinnedBlock.BlockLength;

    /// <summary>Adds every value of <paramref name="values"/> to <paramref name="sum"/> exactly.</summary>
    /// <returns>What the values tell beyond their finite sum (any value, infinities, NaN, all −0.0 or not).</returns>
    public static SumFlags Add(ReadOnlySpan<double> values, FixedPointSum sum)
    {
        // Stryker disable once Block : equivalent; without it an empty span scans nothing and the loop below adds nothing.
        if (values.IsEmpty)
        {
            return SumFlags.None;
        }

        const SumFlags Finite = SumFlags.AnyValue | SumFlags.NotNegativeZero;
        SumFlags flags = SumFlags.None;
        (ulong largest, ulong smallest) = Magnitudes(values[..Math.Min(BinnedBlock.BlockLength, values.Length)]);
        int done = 0;
        while (done < values.Length)
        {
            ReadOnlySpan<double> rest = values[done..];
            (int top, int levels) = BinnedBlock.Plan(largest, smallest);
            if (levels == 2)
            {
                done += TwoLevelRun(rest, top, sum, ref largest, ref smallest);
                flags |= Finite;
                continue;
            }

            if (levels == 3)
            {
                done += ThreeLevelRun(rest, top, sum, ref largest, ref smallest);
                flags |= Finite;
                continue;
            }

            ReadOnlySpan<double> block = rest[..Math.Min(BinnedBlock.BlockLength, rest.Length)];
            flags |= levels switch
            {
                BinnedBlock.Special => BinnedBlock.AddEach(block, sum),
                // Only zeros: they add nothing, and decide the sign of an exact zero only if every one is -0.0.
                BinnedBlock.Zeros => MemoryMarshal.Cast<double, long>(block).Contains(0L) ? Finite : SumFlags.AnyValue,
                // A block planned value by value holds a non-zero finite value and no special one: its flags are Finite.
                BinnedBlock.Each => BinnedBlock.AddEach(block, sum),
                _ => ManyLevels(block, top, levels, sum) | Finite,
            };
            done += block.Length;
            ReadOnlySpan<double> next = values[done..];
            if (!next.IsEmpty)
            {
                (largest, smallest) = Magnitudes(next[..Math.Min(BinnedBlock.BlockLength, next.Length)]);
            }
        }

        return flags;
    }

    /// <summary>The largest magnitude's bit pattern (its low half may be all ones: only the exponent, infinity and NaN, and
    /// zero matter), and the smallest non-zero magnitude's pattern, at most one exponent lower than the true one (which only
    /// ever asks for a level more); a largest of 0 when all are zero.</summary>
    internal static (ulong Largest, ulong Smallest) Magnitudes(ReadOnlySpan<double> block)
    {
        ref double start = ref MemoryMarshal.GetReference(block);
        nuint length = (nuint)block.Length;
        nuint lanes = (nuint)TLanes.Count;
        TVector mask = TLanes.HighHalfSeed;
        TVector max0 = TLanes.Zero, max1 = TLanes.Zero;
        TVector min0 = TLanes.HighHalfSeed, min1 = TLanes.HighHalfSeed;
        nuint i = 0;
        nuint unrolledEnd = length - (length % (4 * lanes));
        // Two independent chains hide the max/min latency.
        for (; i != unrolledEnd; i += 4 * lanes)
        {
            TLanes.FoldHighHalves(TLanes.Load(ref start, i), TLanes.Load(ref start, i + lanes), mask, ref max0, ref min0);
            TLanes.FoldHighHalves(TLanes.Load(ref start, i + (2 * lanes)), TLanes.Load(ref start, i + (3 * lanes)), mask, ref max1, ref min1);
        }

        for (; i + lanes <= length; i += 2 * lanes)
        {
            // A last odd vector folds with itself.
            TVector first = TLanes.Load(ref start, i);
            TLanes.FoldHighHalves(first, i + (2 * lanes) <= length ? TLanes.Load(ref start, i + lanes) : first, mask, ref max0, ref min0);
        }

        return FinishMagnitudes(block, max0, max1, min0, min1);
    }

    /// <summary>Joins two chains of <see cref="IDoubleLanes{TVector}.FoldHighHalves"/> over every whole vector of
    /// <paramref name="block"/>, folds the values after the last whole vector, and scans the block with full patterns where a
    /// high half of zero (a zero, or a subnormal below 2^-1054) leaves the smallest exponent or an all-zero block undecided.</summary>
    private static (ulong Largest, ulong Smallest) FinishMagnitudes(ReadOnlySpan<double> block, TVector max0, TVector max1, TVector min0, TVector min1)
    {
        int largest = Math.Max(TLanes.MaxHighHalf(max0), TLanes.MaxHighHalf(max1));
        int smallest = Math.Min(TLanes.MinHighHalf(min0), TLanes.MinHighHalf(min1));
        for (int i = block.Length - (block.Length % TLanes.Count); i < block.Length; i++)
        {
            // Stryker disable once Bitwise : equivalent; the cast below keeps the low 32 bits, the same for >>>, and << leaves a high half of 0, which only sends the block to the exact scan.
            long upper = BitConverter.DoubleToInt64Bits(block[i]) >> 32;
            int high = (int)upper & int.MaxValue;
            largest = Math.Max(largest, high);
            smallest = Math.Min(smallest, high);
        }

        // Stryker disable once Bitwise : equivalent; a lower smallest pattern only asks for more levels (or value by value), which is exact.
        ulong smallestPattern = (ulong)smallest << 32;
        // Stryker disable once Conditional,Equality : equivalent; either branch alone, or the two swapped, plans every block exactly (a smallest of 0 plans value by value, as zeros-only blocks add nothing and give the same flags), only slower.
        return smallest == 0 ? ExactMagnitudes(block) : (((ulong)largest << 32) | uint.MaxValue, smallestPattern);
    }

    /// <summary>The largest magnitude's bit pattern and the smallest non-zero one's less one (<see cref="ulong.MaxValue"/> if
    /// all are zero), from the full patterns: the second pass for blocks that hold a zero or the tiniest subnormals.</summary>
    private static (ulong Largest, ulong Smallest) ExactMagnitudes(ReadOnlySpan<double> block)
    {
        ref double start = ref MemoryMarshal.GetReference(block);
        nuint length = (nuint)block.Length;
        nuint lanes = (nuint)TLanes.Count;
        TVector mask = TLanes.MagnitudeMask;
        TVector maximum = TLanes.Zero;
        TVector minimum = TLanes.AllBitsSet;
        nuint i = 0;
        nuint vectorEnd = length - (length % lanes);
        for (; i != vectorEnd; i += lanes)
        {
            TVector values = TLanes.Load(ref start, i);
            TLanes.FoldMaximum(values, mask, ref maximum);
            TLanes.FoldNonZeroMinimum(values, mask, ref minimum);
        }

        ulong largest = (ulong)TLanes.MaxLane(maximum);
        ulong smallest = TLanes.MinLaneUnsigned(minimum);
        for (; i < length; i++)
        {
            // Stryker disable once Bitwise : equivalent; | makes the block look special, and special blocks are added value by value, exactly and with the same flags.
            ulong magnitude = BitConverter.DoubleToUInt64Bits(Unsafe.Add(ref start, i)) & 0x7FFF_FFFF_FFFF_FFFFUL;
            largest = Math.Max(largest, magnitude);
            smallest = Math.Min(smallest, magnitude - 1);
        }

        return (largest, smallest);
    }

    /// <summary>
    /// Sums, with K = 2, the blocks from the start of <paramref name="values"/> for as long as their plan is the same (at least
    /// one block, at most <see cref="MaxTwoLevelRun"/> values), and returns how many values it summed. On return
    /// <paramref name="largest"/> and <paramref name="smallest"/> describe the block after the run, if there is one.
    /// </summary>
    private static int TwoLevelRun(ReadOnlySpan<double> values, int top, FixedPointSum sum, ref ulong largest, ref ulong smallest)
    {
        double sigma1 = BinnedBlock.Sigma(top, 1);
        TVector s1 = TLanes.Create(sigma1);
        TVector mask = TLanes.HighHalfSeed;
        // first*: wrapping sums of the bits of t = x + σ1; second*: sums of the rests x - q, multiples of u_2.
        TVector first0 = TLanes.Zero, first1 = TLanes.Zero, first2 = TLanes.Zero, first3 = TLanes.Zero;
        TVector second0 = TLanes.Zero, second1 = TLanes.Zero, second2 = TLanes.Zero, second3 = TLanes.Zero;
        long firstTail = 0;
        double secondTail = 0;
        int done = 0;
        while (true)
        {
            int length = Math.Min(BinnedBlock.BlockLength, values.Length - done);
            ReadOnlySpan<double> block = values.Slice(done, length);
            done += length;
            ReadOnlySpan<double> next = values.Slice(done, Math.Min(BinnedBlock.BlockLength, values.Length - done));
            ref double start = ref MemoryMarshal.GetReference(block);
            ref double following = ref MemoryMarshal.GetReference(next);
            bool fold = next.Length == length;
            nuint lanes = (nuint)TLanes.Count;
            TVector max0 = TLanes.Zero, max1 = TLanes.Zero;
            TVector min0 = TLanes.HighHalfSeed, min1 = TLanes.HighHalfSeed;
            nuint i = 0;
            if (fold)
            {
                // Four independent chains per level hide the add latency behind the adds' throughput.
                for (; i + (4 * lanes) <= (nuint)length; i += 4 * lanes)
                {
                    TwoLevelStep(TLanes.Load(ref start, i), s1, ref first0, ref second0);
                    TwoLevelStep(TLanes.Load(ref start, i + lanes), s1, ref first1, ref second1);
                    TwoLevelStep(TLanes.Load(ref start, i + (2 * lanes)), s1, ref first2, ref second2);
                    TwoLevelStep(TLanes.Load(ref start, i + (3 * lanes)), s1, ref first3, ref second3);
                    TLanes.FoldHighHalves(TLanes.Load(ref following, i), TLanes.Load(ref following, i + lanes), mask, ref max0, ref min0);
                    TLanes.FoldHighHalves(TLanes.Load(ref following, i + (2 * lanes)), TLanes.Load(ref following, i + (3 * lanes)), mask, ref max1, ref min1);
                    // Stryker disable once Statement,Arithmetic : equivalent; a prefetch is a hint that never changes a result.
                    Prefetch(ref following, i, 4 * lanes);
                }
            }

            nuint unrolledEnd = (nuint)length - ((nuint)length % (4 * lanes));
            for (; i != unrolledEnd; i += 4 * lanes)
            {
                TwoLevelStep(TLanes.Load(ref start, i), s1, ref first0, ref second0);
                TwoLevelStep(TLanes.Load(ref start, i + lanes), s1, ref first1, ref second1);
                TwoLevelStep(TLanes.Load(ref start, i + (2 * lanes)), s1, ref first2, ref second2);
                TwoLevelStep(TLanes.Load(ref start, i + (3 * lanes)), s1, ref first3, ref second3);
            }

            nuint vectorEnd = (nuint)length - ((nuint)length % lanes);
            for (; i != vectorEnd; i += lanes)
            {
                TwoLevelStep(TLanes.Load(ref start, i), s1, ref first0, ref second0);
            }

            for (; i < (nuint)length; i++)
            {
                double x = Unsafe.Add(ref start, i);
                double t = x + sigma1;
                firstTail += BitConverter.DoubleToInt64Bits(t);
                secondTail += x - (t - sigma1);
            }

            // Stryker disable once Block,Statement : equivalent; without it the empty next block plans as zeros and the run ends with the same sums.
            if (next.IsEmpty)
            {
                break;
            }

            if (fold)
            {
                // fold holds only for two full blocks, whose length is a multiple of every width's step: the loop above folded all.
                (largest, smallest) = FinishMagnitudes(next, max0, max1, min0, min1);
            }
            else
            {
                (largest, smallest) = Magnitudes(next);
            }

            // Stryker disable once Equality : equivalent; a run's end is decided after whole blocks, so < or >= only end runs sooner, and every run is exact.
            bool full = done + next.Length > MaxTwoLevelRun;
            if (full || BinnedBlock.Plan(largest, smallest) != (top, 2))
            {
                break;
            }
        }

        // Only scalars are live across these calls: a vector live across a call would be spilled inside the loop (no vector
        // register survives a call in the Unix x64 convention).
        long firstBits = TLanes.SumBits(TLanes.AddBits(TLanes.AddBits(first0, first1), TLanes.AddBits(first2, first3))) + firstTail;
        long second = LastLevelCount(top, 2, second0, second1, second2, second3, secondTail);
        // Every value added the bits of one t: less done·bits(σ1), the rest is Σq / u_1 exactly.
        sum.AddInteger(firstBits - ((long)done * BitConverter.DoubleToInt64Bits(sigma1)), BinnedBlock.UnitPosition(top, 1));
        sum.AddInteger(second, BinnedBlock.UnitPosition(top, 2));
        return done;
    }

    /// <summary>One vector of the K = 2 split: two adds on the adders, two on the multiply units, one integer add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoLevelStep(TVector x, TVector s1, ref TVector first, ref TVector second)
    {
        TVector t = TLanes.Add(x, s1);
        first = TLanes.AddBits(first, t);
        second = TLanes.AddOnMultiplier(second, TLanes.Subtract(x, TLanes.SubtractOnMultiplier(t, s1)));
    }

    /// <summary>The last level's floating-point sums (each a multiple of u_l below 2^53·u_l, so each an exact integer count of
    /// u_l once scaled) as one integer count of u_l: the scaling is by powers of two, exact, and the integers add exactly.</summary>
    private static long LastLevelCount(int top, int level, TVector sum0, TVector sum1, TVector sum2, TVector sum3, double tail)
    {
        (double first, double second) = BinnedBlock.InverseUnit(top, level);
        TVector f = TLanes.Create(first);
        TVector g = TLanes.Create(second);
        TVector counts = TLanes.AddBits(
            TLanes.AddBits(TLanes.ConvertToInt64(TLanes.Multiply(TLanes.Multiply(sum0, f), g)), TLanes.ConvertToInt64(TLanes.Multiply(TLanes.Multiply(sum1, f), g))),
            TLanes.AddBits(TLanes.ConvertToInt64(TLanes.Multiply(TLanes.Multiply(sum2, f), g)), TLanes.ConvertToInt64(TLanes.Multiply(TLanes.Multiply(sum3, f), g))));
        return TLanes.SumBits(counts) + (long)(tail * first * second);
    }

    /// <summary>As <see cref="TwoLevelRun"/> with K = 3: two extractions per value.</summary>
    private static int ThreeLevelRun(ReadOnlySpan<double> values, int top, FixedPointSum sum, ref ulong largest, ref ulong smallest)
    {
        double sigma1 = BinnedBlock.Sigma(top, 1);
        double sigma2 = BinnedBlock.Sigma(top, 2);
        TVector s1 = TLanes.Create(sigma1);
        TVector s2 = TLanes.Create(sigma2);
        TVector mask = TLanes.HighHalfSeed;
        TVector first0 = TLanes.Zero, first1 = TLanes.Zero;
        TVector second0 = TLanes.Zero, second1 = TLanes.Zero;
        TVector third0 = TLanes.Zero, third1 = TLanes.Zero;
        long firstTail = 0, secondTail = 0;
        double thirdTail = 0;
        int done = 0;
        while (true)
        {
            int length = Math.Min(BinnedBlock.BlockLength, values.Length - done);
            ReadOnlySpan<double> block = values.Slice(done, length);
            done += length;
            ReadOnlySpan<double> next = values.Slice(done, Math.Min(BinnedBlock.BlockLength, values.Length - done));
            ref double start = ref MemoryMarshal.GetReference(block);
            ref double following = ref MemoryMarshal.GetReference(next);
            bool fold = next.Length == length;
            nuint lanes = (nuint)TLanes.Count;
            TVector max0 = TLanes.Zero, max1 = TLanes.Zero;
            TVector min0 = TLanes.HighHalfSeed, min1 = TLanes.HighHalfSeed;
            nuint i = 0;
            if (fold)
            {
                for (; i + (2 * lanes) <= (nuint)length; i += 2 * lanes)
                {
                    ThreeLevelStep(TLanes.Load(ref start, i), s1, s2, ref first0, ref second0, ref third0);
                    ThreeLevelStep(TLanes.Load(ref start, i + lanes), s1, s2, ref first1, ref second1, ref third1);
                    TLanes.FoldHighHalves(TLanes.Load(ref following, i), TLanes.Load(ref following, i + lanes), mask, ref max0, ref min0);
                    // Stryker disable once Statement,Arithmetic : equivalent; a prefetch is a hint that never changes a result.
                    Prefetch(ref following, i, 2 * lanes);
                }
            }

            nuint vectorEnd = (nuint)length - ((nuint)length % lanes);
            for (; i != vectorEnd; i += lanes)
            {
                ThreeLevelStep(TLanes.Load(ref start, i), s1, s2, ref first0, ref second0, ref third0);
            }

            for (; i < (nuint)length; i++)
            {
                double x = Unsafe.Add(ref start, i);
                double t = x + sigma1;
                firstTail += BitConverter.DoubleToInt64Bits(t);
                double r = x - (t - sigma1);
                double u = r + sigma2;
                secondTail += BitConverter.DoubleToInt64Bits(u);
                thirdTail += r - (u - sigma2);
            }

            // Stryker disable once Block,Statement : equivalent; without it the empty next block plans as zeros and the run ends with the same sums.
            if (next.IsEmpty)
            {
                break;
            }

            if (fold)
            {
                (largest, smallest) = FinishMagnitudes(next, max0, max1, min0, min1);
            }
            else
            {
                (largest, smallest) = Magnitudes(next);
            }

            // Stryker disable once Equality : equivalent; a run's end is decided after whole blocks, so < or >= only end runs sooner, and every run is exact.
            bool full = done + next.Length > MaxThreeLevelRun;
            if (full || BinnedBlock.Plan(largest, smallest) != (top, 3))
            {
                break;
            }
        }

        long firstBits = TLanes.SumBits(TLanes.AddBits(first0, first1)) + firstTail;
        long secondBits = TLanes.SumBits(TLanes.AddBits(second0, second1)) + secondTail;
        long third = LastLevelCount(top, 3, third0, third1, TLanes.Zero, TLanes.Zero, thirdTail);
        sum.AddInteger(firstBits - ((long)done * BitConverter.DoubleToInt64Bits(sigma1)), BinnedBlock.UnitPosition(top, 1));
        sum.AddInteger(secondBits - ((long)done * BitConverter.DoubleToInt64Bits(sigma2)), BinnedBlock.UnitPosition(top, 2));
        sum.AddInteger(third, BinnedBlock.UnitPosition(top, 3));
        return done;
    }

    /// <summary>One vector of the K = 3 split: seven floating-point operations, two integer adds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ThreeLevelStep(TVector x, TVector s1, TVector s2, ref TVector first, ref TVector second, ref TVector third)
    {
        TVector t = TLanes.Add(x, s1);
        first = TLanes.AddBits(first, t);
        TVector r = TLanes.Subtract(x, TLanes.SubtractOnMultiplier(t, s1));
        TVector u = TLanes.Add(r, s2);
        second = TLanes.AddBits(second, u);
        third = TLanes.AddOnMultiplier(third, TLanes.Subtract(r, TLanes.SubtractOnMultiplier(u, s2)));
    }

    /// <summary>Asks for the cache lines holding <c>count</c> doubles from <see cref="PrefetchDistance"/> past
    /// <c>following + i</c> to be brought into the L2 cache (x86 only). The address is made from the start of a span that
    /// exists, as an integer, so no reference beyond an object is ever formed; a prefetch of an address past the end of the
    /// data, or of memory the garbage collector has since moved, only brings in a line that is not used.</summary>
    // Stryker disable once all : equivalent; a prefetch is a hint that never faults and never changes a result.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(ref double following, nuint i, nuint count)
    {
        if (Sse.IsSupported)
        {
            // count is a constant after inlining, so the JIT keeps only the prefetches a width needs (one per 64-byte line).
            byte* address = (byte*)Unsafe.AsPointer(ref following) + ((i + PrefetchDistance) * sizeof(double));
            Sse.Prefetch1(address);
            if (count * sizeof(double) > 64)
            {
                Sse.Prefetch1(address + 64);
            }

            if (count * sizeof(double) > 128)
            {
                Sse.Prefetch1(address + 128);
                Sse.Prefetch1(address + 192);
            }
        }
    }

    /// <summary>K ≥ 4 (a block spanning more than 73 binades): level by level over a buffer of remainders, every level
    /// summed as integers as the runs do.</summary>
    private static SumFlags ManyLevels(ReadOnlySpan<double> block, int top, int levels, FixedPointSum sum)
    {
        double[] rented = ArrayPool<double>.Shared.Rent(block.Length);
        try
        {
            Span<double> remainders = rented.AsSpan(0, block.Length);
            block.CopyTo(remainders);
            ref double start = ref MemoryMarshal.GetReference(remainders);
            nuint length = (nuint)remainders.Length;
            nuint lanes = (nuint)TLanes.Count;
            nuint vectorEnd = length - (length % lanes);
            for (int level = 1; level <= levels; level++)
            {
                double sigma = BinnedBlock.Sigma(top, level);
                TVector s = TLanes.Create(sigma);
                TVector bits = TLanes.Zero;
                nuint i = 0;
                for (; i != vectorEnd; i += lanes)
                {
                    TVector r = TLanes.Load(ref start, i);
                    TVector t = TLanes.Add(r, s);
                    bits = TLanes.AddBits(bits, t);
                    Store(TLanes.Subtract(r, TLanes.Subtract(t, s)), ref start, i);
                }

                long total = TLanes.SumBits(bits);
                for (; i < length; i++)
                {
                    double r = Unsafe.Add(ref start, i);
                    double t = r + sigma;
                    total += BitConverter.DoubleToInt64Bits(t);
                    Unsafe.Add(ref start, i) = r - (t - sigma);
                }

                // At the last level every remainder is a multiple of u_K, so t is exact and the remainders become zero.
                sum.AddInteger(total - ((long)length * BitConverter.DoubleToInt64Bits(sigma)), BinnedBlock.UnitPosition(top, level));
            }
        }
        finally
        // Stryker disable once Block,Statement : equivalent; an array not returned to the pool is only collected instead.
        {
            ArrayPool<double>.Shared.Return(rented);
        }

        return SumFlags.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(TVector value, ref double destination, nuint offset) =>
        Unsafe.WriteUnaligned(ref Unsafe.As<double, byte>(ref Unsafe.Add(ref destination, offset)), value);
}
