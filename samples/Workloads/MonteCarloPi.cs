using System.Buffers;
using ParallelSum.Execution;
using ParallelSum.Generation;

namespace Workloads;

/// <summary>Estimates π from points drawn from a <see cref="RandomStream"/>: point k is (value 2k, value 2k + 1), scaled to the unit square.</summary>
/// <remarks>The count of points inside the quarter circle is an integer, so the reduction is exact: the estimate is the same on any
/// number of workers, and equals the one-worker count.</remarks>
internal static class MonteCarloPi
{
    private const int Resolution = (1 << 20) - 1;

    public static (long Inside, double Estimate) Run(long points, ulong seed, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var stream = new RandomStream(seed, 0, Resolution);
        long inside = ParallelReduction.Reduce(
            points,
            grainSize: 1 << 16,
            0L,
            range => CountInside(stream, range),
            (left, right) => left + right,
            new ParallelRunOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            cancellationToken: cancellationToken);
        return (inside, 4.0 * inside / points);
    }

    private static long CountInside(RandomStream stream, IndexRange points)
    {
        // Two coordinates per point, generated with the vector kernels into a pooled buffer.
        int[] buffer = ArrayPool<int>.Shared.Rent(checked((int)points.Length * 2));
        try
        {
            Span<int> xy = buffer.AsSpan(0, (int)points.Length * 2);
            stream.Fill(checked(points.Start * 2), xy);
            long inside = 0;
            const long radiusSquared = (long)Resolution * Resolution;
            for (int i = 0; i < xy.Length; i += 2)
            {
                long x = xy[i], y = xy[i + 1];
                inside += (x * x) + (y * y) <= radiusSquared ? 1 : 0;
            }

            return inside;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }
}
