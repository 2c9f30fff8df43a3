using System.Diagnostics;
using ParallelSum.Execution;

namespace ParallelSum;

/// <summary>
/// The original single-process approach: every value is added to a <see cref="List{T}"/> grown by <see cref="List{T}.Add(T)"/>,
/// then the list is summed on one thread. Kept as the baseline, with the original's memory profile: four bytes per value
/// plus the copies made each time the list grows.
/// </summary>
/// <remarks>Immutable and safe to use from many threads at once.</remarks>
public sealed class NaiveListStrategy : IGenerateAndSum, ISynchronousStrategy
{
    /// <summary>The stable name, <c>naive-list</c>.</summary>
    public const string StrategyName = "naive-list";

    /// <summary>The largest count accepted: a <see cref="List{T}"/> holds at most <see cref="Array.MaxLength"/> items.</summary>
    public static long MaxCount => Array.MaxLength;

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The request's count is above <see cref="MaxCount"/>.</exception>
    public Task<GenerateAndSumResult> GenerateAndSumAsync(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(request);
        return StrategyTask.Run(this, request, progress, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The request's count is above <see cref="MaxCount"/>.</exception>
    public GenerateAndSumResult GenerateAndSum(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(request);
        return Run(request, progress, cancellationToken);
    }

    private static void Validate(GenerateAndSumRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Count > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Count, $"{StrategyName} holds every value in a List<int>, which accepts at most {MaxCount} values; request.Count must be from 0 to {MaxCount}. Use the streaming strategy for larger counts.");
        }
    }

    private static GenerateAndSumResult Run(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        ProgressReporter? reporter = progress is null ? null : new ProgressReporter(progress, request.Count);
        RandomStream stream = request.Stream;
        int count = (int)request.Count;
        ulong first = (ulong)request.StartIndex;

        // Deliberately no capacity: the list grows by doubling, as the original Python list did.
        var values = new List<int>();
        // Offsets are longs and steps come from a remaining-count loop: a count near Array.MaxLength cannot wrap an int.
        foreach (IndexRange step in new IndexSteps(0, count, RunContext.StepLength))
        {
            for (long i = step.Start; i < step.End; i++)
            {
                values.Add(stream.ValueAtUnchecked(first + (ulong)i));
            }

            reporter?.Add(step.Length);
            cancellationToken.ThrowIfCancellationRequested();
        }

        // At most Array.MaxLength values of magnitude at most 2^31: the 64-bit total cannot overflow.
        long sum = 0;
        foreach (int value in values)
        {
            sum += value;
        }

        reporter?.Complete();
        return new GenerateAndSumResult(StrategyName, request, sum, Stopwatch.GetElapsedTime(started), workerCount: 1, rangeCount: count == 0 ? 0 : 1, partitioner: null)
        {
            ProgressException = reporter?.HandlerException,
        };
    }
}
