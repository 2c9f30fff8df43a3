using System.Collections.Concurrent;
using System.Diagnostics;
using ParallelSum;

namespace CustomPartitioning;

/// <summary>
/// A strategy of our own: splits the request into slices (requests with a <see cref="GenerateAndSumRequest.StartIndex"/>),
/// sums them concurrently with <see cref="Parallel.ForAsync(int, int, ParallelOptions, Func{int, CancellationToken, ValueTask})"/>
/// using an inner strategy, and adds the slices' sums. The same shape works for slices sent to other processes or machines.
/// </summary>
public sealed class SliceFanOutStrategy(IGenerateAndSum inner, int slices) : IGenerateAndSum
{
    public string Name => $"slice-fan-out({slices} x {inner.Name})";

    public async Task<GenerateAndSumResult> GenerateAndSumAsync(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        long started = Stopwatch.GetTimestamp();
        var sums = new ConcurrentBag<Int128>();
        long done = 0;
        await Parallel.ForAsync(0, slices, cancellationToken, async (i, ct) =>
        {
            long start = request.Count * i / slices, end = request.Count * (i + 1) / slices;
            var slice = new GenerateAndSumRequest(end - start, request.Seed, request.Min, request.Max, request.StartIndex + start);
            GenerateAndSumResult part = await inner.GenerateAndSumAsync(slice, null, ct).ConfigureAwait(false);
            sums.Add(part.Sum);
            progress?.Report(new GenerateAndSumProgress(Interlocked.Add(ref done, slice.Count), request.Count));
        }).ConfigureAwait(false);

        Int128 total = 0;
        foreach (Int128 sum in sums)
        {
            total += sum;
        }

        return new GenerateAndSumResult(Name, request, total, Stopwatch.GetElapsedTime(started), slices, slices, partitioner: null);
    }
}
