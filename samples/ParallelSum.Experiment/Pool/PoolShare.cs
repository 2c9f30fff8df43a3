using System.Globalization;

namespace ParallelSum.Experiment.Pool;

/// <summary>One worker's part of a pool's request: the stream indices <c>[Start, Start + Count)</c>.</summary>
internal readonly record struct PoolShare(long Start, long Count)
{
    /// <summary>
    /// Splits <c>[start, start + count)</c> into <paramref name="processes"/> consecutive shares as even as they can be
    /// (the first <c>count % processes</c> shares hold one value more), as the original script gave each of its 4 workers
    /// a quarter. Shares may be empty when there are fewer values than processes; together they cover every index once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="processes"/> is less than 1, <paramref name="count"/> or
    /// <paramref name="start"/> negative, or their sum above <see cref="long.MaxValue"/>.</exception>
    public static IReadOnlyList<PoolShare> Split(long start, long count, int processes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, long.MaxValue - count);
        long each = count / processes, rest = count % processes;
        var shares = new PoolShare[processes];
        long next = start;
        for (int i = 0; i < processes; i++)
        {
            long length = each + (i < rest ? 1 : 0);
            shares[i] = new PoolShare(next, length);
            next += length;
        }

        return shares;
    }

    /// <summary><c>[start, end)</c>, as error messages name a share.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Start}, {Start + Count})");
}
