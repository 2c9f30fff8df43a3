using ParallelSum;

namespace CustomPartitioning;

/// <summary>
/// A strategy of our own: splits the request into slices (requests with a <see cref="GenerateAndSumRequest.StartIndex"/>),
/// sums them concurrently with <see cref="Parallel.ForAsync(int, int, ParallelOptions, Func{int, CancellationToken, ValueTask})"/>
/// using an inner strategy, and adds the slices' sums. The same shape works for slices sent to other processes or machines.
/// </summary>
/// <remarks>Derives from <see cref="GenerateAndSumStrategy"/>, which keeps the contract: it checks arguments, times the call,
/// serializes progress (the slices report from several threads at once; the caller's handler sees one report at a time,
/// never going backwards), keeps a throwing handler's exception with the sum, and gives the synchronous and asynchronous
/// forms.</remarks>
public sealed class SliceFanOutStrategy(IGenerateAndSum inner, int slices) : GenerateAndSumStrategy
{
    /// <inheritdoc />
    public override string Name => $"slice-fan-out({slices} x {inner.Name})";

    /// <inheritdoc />
    protected override async ValueTask<GenerateAndSumRun> SumCoreAsync(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var sums = new Int128[slices];
        long done = 0;
        await Parallel.ForAsync(0, slices, cancellationToken, async (i, ct) =>
        {
            long start = (long)((Int128)request.Count * i / slices), end = (long)((Int128)request.Count * (i + 1) / slices);
            var slice = new GenerateAndSumRequest(end - start, request.Seed, request.Min, request.Max, request.StartIndex + start);
            sums[i] = (await inner.GenerateAndSumAsync(slice, null, ct).ConfigureAwait(false)).Sum;
            progress.Report(Interlocked.Add(ref done, slice.Count));
        }).ConfigureAwait(false);

        Int128 total = 0;
        foreach (Int128 sum in sums)
        {
            total += sum;
        }

        return new GenerateAndSumRun(total, WorkerCount: slices, RangeCount: slices, Partitioner: null);
    }
}
