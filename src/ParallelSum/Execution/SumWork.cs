namespace ParallelSum.Execution;

/// <summary>
/// Generate-and-sum as engine work: translates the request-relative ranges to stream indices, sums each with a
/// <see cref="RangeSummer{TWorkerState}"/>, and merges each worker's exact partial sum once. Integer addition is exact and
/// associative, so the per-worker totals give the same sum as any fixed combination order.
/// </summary>
internal sealed class SumWork<TWorkerState>(GenerateAndSumRequest request, RangeSummer<TWorkerState> summer) : RangeWork<SumWork<TWorkerState>.Worker>
    where TWorkerState : class
{
    private readonly RandomStream _stream = request.Stream;
    private readonly long _startIndex = request.StartIndex;
    private Int128 _total;

    /// <summary>Gets the merged sum once the run has ended.</summary>
    public Int128 Total => _total;

    public override Worker CreateWorker() => new(summer.CreateWorkerState());

    public override void Run(RunContext context, IndexRange range, Worker worker)
    {
        // Ranges lie within [0, Count] and StartIndex + Count <= long.MaxValue (the request checks it): no wrap.
        var absolute = new IndexRange(_startIndex + range.Start, _startIndex + range.End);
        worker.Sum += summer.SumRange(context, _stream, absolute, worker.State);
    }

    public override void Finish(Worker worker)
    {
        lock (this)
        {
            _total += worker.Sum;
        }

        summer.ReleaseWorkerState(worker.State);
    }

    /// <summary>One worker's summer state and exact partial sum.</summary>
    internal sealed class Worker(TWorkerState state)
    {
        public TWorkerState State { get; } = state;

        public Int128 Sum { get; set; }
    }
}
