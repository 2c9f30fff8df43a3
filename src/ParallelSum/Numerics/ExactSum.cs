using System.Runtime.CompilerServices;
using ParallelSum.Execution;

namespace ParallelSum.Numerics;

/// <summary>
/// Correctly rounded sums of your own doubles and floats, in parallel: the exact real sum of the values, rounded once to
/// nearest with ties to even. The result does not depend on the order of the values, the number of workers, the grain size,
/// the partitioner, the vector width or the machine.
/// </summary>
/// <remarks>
/// <para>Special values follow IEEE 754 for the exact sum: a NaN anywhere, or both +∞ and −∞, gives NaN
/// (<see cref="double.NaN"/>); otherwise an infinity gives that infinity; a finite exact sum beyond the largest finite value
/// gives ∞ of its sign (as rounding the exact value does), even where every running sum of a plain loop would stay finite or
/// where one would overflow on the way; an exact zero is −0.0 only if every value is −0.0, and +0.0 otherwise,
/// including for no values.</para>
/// <para>How: each block of 2048 values is split, with vector operations, into a few levels of 42 bits each whose sums
/// are exact in doubles; the level sums go into a fixed-point accumulator 2240 bits wide (a superaccumulator) that holds any
/// sum of doubles exactly; workers' accumulators add exactly, and only the total is rounded.</para>
/// <para>The parallel forms run on the same engine as <see cref="ParallelReduction"/>, in grains of a fixed size (65,536
/// values of a span, 4,096 values of a selector): the options' partitioner and worker limit, the progress handler and the
/// cancellation token apply as there. A count of at most one grain runs on the calling thread alone, unless progress is
/// asked for. Safe to call from many threads at once.</para>
/// </remarks>
public static class ExactSum
{
    /// <summary>The grain of the span forms: large enough that a grain's fixed cost (an accumulator, a combine) is far below
    /// 1 % of its work, small enough to balance across workers from about 10^5 values.</summary>
    internal const long SpanGrainSize = 1 << 16;

    /// <summary>The grain of the selector form: the user's values may each cost far more than reading a double, so smaller
    /// grains balance better; 4,096 values still keep a grain's fixed cost near 1 % of the cheapest selector's work.</summary>
    internal const long SelectorGrainSize = 1 << 12;

    /// <summary>Returns the correctly rounded sum of <paramref name="values"/>, summed in parallel.</summary>
    /// <param name="values">Any doubles, including infinities and NaN. The caller must not change them during the call.</param>
    /// <param name="options">The worker limit and partitioner; <see langword="null"/> for <see cref="ParallelRunOptions.Default"/>
    /// (every processor). They change only the speed, never the result.</param>
    /// <param name="progress">Receives how many values are summed, never decreasing, ending at their count; may be
    /// <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the sum; checked before every grain.</param>
    /// <returns>The exact sum rounded once to the nearest double, ties to even; +0.0 for no values.</returns>
    /// <exception cref="ArgumentException">An option is out of its documented range.</exception>
    /// <exception cref="InvalidPartitioningException">The partitioner broke its contract; no result is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static double Of(ReadOnlySpan<double> values, ParallelRunOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        Of(values, SpanGrainSize, options, progress, cancellationToken);

    /// <summary>Returns the correctly rounded sum of <paramref name="values"/> as a float, summed in parallel: the exact sum is
    /// rounded once to float precision, never through a double first.</summary>
    /// <param name="values">Any floats, including infinities and NaN. The caller must not change them during the call.</param>
    /// <param name="options">The worker limit and partitioner; <see langword="null"/> for <see cref="ParallelRunOptions.Default"/>
    /// (every processor). They change only the speed, never the result.</param>
    /// <param name="progress">Receives how many values are summed, never decreasing, ending at their count; may be
    /// <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the sum; checked before every grain.</param>
    /// <returns>The exact sum rounded once to the nearest float, ties to even; +0.0 for no values.</returns>
    /// <exception cref="ArgumentException">An option is out of its documented range.</exception>
    /// <exception cref="InvalidPartitioningException">The partitioner broke its contract; no result is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static float OfFloats(ReadOnlySpan<float> values, ParallelRunOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        OfFloats(values, SpanGrainSize, options, progress, cancellationToken);

    /// <summary>Returns the correctly rounded sum of <c>selector(0)</c> … <c>selector(count − 1)</c>, your own values computed
    /// in parallel where they are needed, and never stored.</summary>
    /// <param name="count">How many values, 0 or more.</param>
    /// <param name="selector">Returns value <c>i</c>; called once per index, from several threads at once, in no set order.</param>
    /// <param name="options">The worker limit and partitioner; <see langword="null"/> for <see cref="ParallelRunOptions.Default"/>
    /// (every processor). They change only the speed, never the result.</param>
    /// <param name="progress">Receives how many values are summed, never decreasing, ending at <paramref name="count"/>; may
    /// be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the sum; checked before every grain.</param>
    /// <returns>The exact sum of the values rounded once to the nearest double, ties to even; +0.0 for a count of 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of its documented range.</exception>
    /// <exception cref="InvalidPartitioningException">The partitioner broke its contract; no result is returned.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>An exception from <paramref name="selector"/> ends the call and is rethrown unchanged.</remarks>
    public static double OfRange(long count, Func<long, double> selector, ParallelRunOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        OfRange(count, selector, SelectorGrainSize, options, progress, cancellationToken);

    /// <summary>Returns the correctly rounded sum of a sequence, read once, in order, on the calling thread.</summary>
    /// <param name="values">Any doubles, including infinities and NaN.</param>
    /// <param name="cancellationToken">Checked every 2048 values; the call then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The exact sum rounded once to the nearest double, ties to even; +0.0 for an empty sequence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>A sequence cannot be shared among workers without being read first. To sum an array or a list in parallel,
    /// pass it as a span: <c>ExactSum.Of(array)</c>, <c>ExactSum.Of(CollectionsMarshal.AsSpan(list))</c>.</remarks>
    [SkipLocalsInit]
    public static double OfSequence(IEnumerable<double> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        var sum = new ExactSumAccumulator();
        Span<double> buffer = stackalloc double[ExactSumAccumulator.BufferLength];
        int filled = 0;
        foreach (double value in values)
        {
            buffer[filled++] = value;
            if (filled == buffer.Length)
            {
                sum.Add(buffer);
                filled = 0;
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        sum.Add(buffer[..filled]);
        return sum.ToDouble();
    }

    /// <summary>The span form with a grain of the caller's choice (tests show the bits do not depend on it).</summary>
    internal static unsafe double Of(ReadOnlySpan<double> values, long grainSize, ParallelRunOptions? options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        options = Validate(grainSize, options);
        // Workers on other threads read the span through its address; it stays pinned until every worker has ended.
        fixed (double* pinned = values)
        {
            nint address = (nint)pinned;
            return Reduce(values.Length, grainSize, (range, sum) => sum.Add(new ReadOnlySpan<double>((double*)address + range.Start, (int)range.Length)), options, progress, cancellationToken).ToDouble();
        }
    }

    /// <summary>The float span form with a grain of the caller's choice.</summary>
    internal static unsafe float OfFloats(ReadOnlySpan<float> values, long grainSize, ParallelRunOptions? options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        options = Validate(grainSize, options);
        fixed (float* pinned = values)
        {
            nint address = (nint)pinned;
            return Reduce(values.Length, grainSize, (range, sum) => sum.Add(new ReadOnlySpan<float>((float*)address + range.Start, (int)range.Length)), options, progress, cancellationToken).ToSingle();
        }
    }

    /// <summary>The selector form with a grain of the caller's choice.</summary>
    internal static double OfRange(long count, Func<long, double> selector, long grainSize, ParallelRunOptions? options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(selector);
        options = Validate(grainSize, options);
        return Reduce(count, grainSize, (range, sum) => AddSelected(selector, range, sum), options, progress, cancellationToken).ToDouble();
    }

    [SkipLocalsInit]
    private static void AddSelected(Func<long, double> selector, IndexRange range, ExactSumAccumulator sum)
    {
        Span<double> buffer = stackalloc double[ExactSumAccumulator.BufferLength];
        for (long start = range.Start; start < range.End; start += buffer.Length)
        {
            int length = (int)Math.Min(buffer.Length, range.End - start);
            for (int i = 0; i < length; i++)
            {
                buffer[i] = selector(start + i);
            }

            sum.Add(buffer[..length]);
        }
    }

    private static ParallelRunOptions Validate(long grainSize, ParallelRunOptions? options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grainSize, 1);
        return ParallelRunOptions.Validate(options, nameof(options));
    }

    /// <summary>The one place the engine is called: one accumulator per grain, combined exactly in the engine's tree. A count
    /// of at most one grain runs on the calling thread without the engine, unless progress is asked for (the engine owns
    /// how reports are made).</summary>
    private static ExactSumAccumulator Reduce(long count, long grainSize, Action<IndexRange, ExactSumAccumulator> addRange, ParallelRunOptions options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (count <= grainSize && progress is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sum = new ExactSumAccumulator();
            addRange(new IndexRange(0, count), sum);
            return sum;
        }

        return ParallelReduction.Reduce(
            count,
            grainSize,
            new ExactSumAccumulator(),
            range =>
            {
                var sum = new ExactSumAccumulator();
                addRange(range, sum);
                return sum;
            },
            static (left, right) =>
            {
                left.Add(right);
                return left;
            },
            options,
            progress,
            cancellationToken);
    }
}
