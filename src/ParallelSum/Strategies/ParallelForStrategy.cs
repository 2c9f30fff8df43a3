using System.Runtime.ExceptionServices;
using ParallelSum.Execution;
using ParallelSum.Generation;

namespace ParallelSum.Strategies;

/// <summary>
/// The textbook <c>Parallel.For</c> version, kept as a baseline: <c>[0, count)</c> is split into one static block per worker,
/// each block is materialised into its own array, as each process of the original pool built its own list, then summed; the
/// partial sums are merged exactly with <c>localInit</c> and <c>localFinally</c>. Every remainder is counted.
/// </summary>
/// <remarks>A reference point for what users would otherwise write: it runs on <see cref="Parallel"/>, not on the library's
/// engine, and takes no partitioner. Memory grows with the count: four bytes per value of every block in flight, and a block
/// holds at most <see cref="Array.MaxLength"/> values. Immutable and safe to use from many threads at once.</remarks>
public sealed class ParallelForStrategy : GenerateAndSumStrategy
{
    /// <summary>The stable name, <c>parallel-for</c>.</summary>
    public const string StrategyName = "parallel-for";

    /// <summary>Creates the strategy.</summary>
    /// <param name="options">The worker limit: one block per worker. <see langword="null"/> for one worker per processor.</param>
    /// <exception cref="ArgumentException">An option is out of its documented range, or a partitioner was given: this strategy
    /// always splits into one static block per worker.</exception>
    public ParallelForStrategy(ParallelRunOptions? options = null)
    {
        Options = ParallelRunOptions.Validate(options, nameof(options));
        if (Options.Partitioner is not null)
        {
            throw new ArgumentException($"{StrategyName} splits the work into one static block per worker, as the textbook Parallel.For does, and takes no partitioner ('{Options.Partitioner.Name}' given); use the streaming or simd-chunks strategy for your own partitioning.", nameof(options));
        }
    }

    /// <inheritdoc />
    public override string Name => StrategyName;

    /// <summary>Gets the worker limit the strategy runs with.</summary>
    public ParallelRunOptions Options { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">A block would hold more than <see cref="Array.MaxLength"/> values.</exception>
    protected override void ValidateRequest(GenerateAndSumRequest request)
    {
        int blocks = Options.WorkerCount;
        long longest = (long)(((Int128)request.Count + blocks - 1) / blocks);
        if (longest > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Count, $"{StrategyName} materialises each of its {blocks} blocks in one array of at most {Array.MaxLength} values, but request.Count {request.Count} makes blocks of {longest}. Use more workers or the streaming strategy.");
        }
    }

    /// <inheritdoc />
    protected override GenerateAndSumRun SumCore(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken) =>
        Sum(request, Options.WorkerCount, progress, cancellationToken);

    /// <summary>The sum in <paramref name="blocks"/> materialised blocks, one <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>
    /// iteration each.</summary>
    internal static GenerateAndSumRun Sum(GenerateAndSumRequest request, int blocks, IProgress<long> progress, CancellationToken cancellationToken)
    {
        RandomStream stream = request.Stream;
        long count = request.Count, first = request.StartIndex, completed = 0;
        Int128 total = 0;
        object gate = new();
        // Stryker disable once Initializer : equivalent; a loop of this many iterations never runs more at once, and every body checks the token, its exception unwrapped below. What a user of Parallel.For writes.
        var parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = blocks, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(
                0,
                blocks,
                parallelOptions,
                static () => Int128.Zero,
                (block, _, partial) =>
                {
                    IndexRange range = StaticBlocksPartitioner.Block(count, blocks, block);
                    int[] values = GC.AllocateUninitializedArray<int>((int)range.Length);
                    // Offsets come from a remaining-count loop over longs: an array near Array.MaxLength cannot wrap an int offset.
                    foreach (IndexRange step in new IndexSteps(0, values.Length, StreamingStrategy.StepLength))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        stream.Fill(first + range.Start + step.Start, values.AsSpan((int)step.Start, (int)step.Length));
                        progress.Report(Interlocked.Add(ref completed, step.Length));
                    }

                    return partial + BoundedIntSum.Of(values, stream.Min, stream.Max);
                },
                partial =>
                {
                    lock (gate)
                    {
                        total += partial;
                    }
                });
        }
        catch (AggregateException e)
        {
            // Parallel.For wraps what its bodies throw; the first cause (out of memory, typically) is what the caller needs.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        long nonEmpty = Math.Min(count, blocks);
        return new GenerateAndSumRun(total, WorkerCount: (int)Math.Max(1, nonEmpty), RangeCount: nonEmpty, Partitioner: "static-blocks");
    }
}
