using ParallelSum.Execution;
using ParallelSum.Generation;

namespace ParallelSum.Strategies;

/// <summary>
/// The original single-process approach, kept as the baseline: every value is added to a <see cref="List{T}"/> grown by
/// <see cref="List{T}.Add(T)"/>, then the list is summed on one thread, with the original's memory profile: four bytes per
/// value plus the copies made each time the list grows.
/// </summary>
/// <remarks>A reference point, not a way to sum: it shows what the original script's approach costs. Immutable and safe to
/// use from many threads at once.</remarks>
public sealed class NaiveListStrategy : GenerateAndSumStrategy
{
    /// <summary>The stable name, <c>naive-list</c>.</summary>
    public const string StrategyName = "naive-list";

    /// <summary>The largest count accepted: a <see cref="List{T}"/> holds at most <see cref="Array.MaxLength"/> items.</summary>
    public static long MaxCount => Array.MaxLength;

    /// <inheritdoc />
    public override string Name => StrategyName;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The request's count is above <see cref="MaxCount"/>.</exception>
    protected override void ValidateRequest(GenerateAndSumRequest request)
    {
        if (request.Count > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Count, $"{StrategyName} holds every value in a List<int>, which accepts at most {MaxCount} values; request.Count must be from 0 to {MaxCount}. Use the streaming strategy for larger counts.");
        }
    }

    /// <inheritdoc />
    protected override GenerateAndSumRun SumCore(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken)
    {
        RandomStream stream = request.Stream;
        ulong first = (ulong)request.StartIndex;

        // Deliberately no capacity: the list grows by doubling, as the original Python list did.
        var values = new List<int>();
        // Offsets are longs and steps come from a remaining-count loop: a count near Array.MaxLength cannot wrap an int.
        foreach (IndexRange step in new IndexSteps(0, request.Count, StreamingStrategy.StepLength))
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (long i = step.Start; i < step.End; i++)
            {
                values.Add(stream.ValueAtUnchecked(first + (ulong)i));
            }

            progress.Report(step.End);
        }

        // At most Array.MaxLength values of magnitude at most 2^31: the 64-bit total cannot overflow.
        long sum = 0;
        foreach (int value in values)
        {
            sum += value;
        }

        return new GenerateAndSumRun(sum, WorkerCount: 1, RangeCount: request.Count == 0 ? 0 : 1, Partitioner: null);
    }
}
