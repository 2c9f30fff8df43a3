using System.Diagnostics;
using ParallelSum.Execution;

namespace ParallelSum;

/// <summary>
/// The base class of every strategy: it owns what all of them promise — argument checks, progress, timing, the result, and
/// the synchronous and asynchronous forms — so that a strategy only sums.
/// </summary>
/// <remarks>
/// <para>A strategy overrides <see cref="SumCore"/> when its work runs on the calling thread (the CPU-bound strategies: the
/// asynchronous form then runs it on the thread pool), or <see cref="SumCoreAsync"/> when its work is asynchronous by nature
/// (calls over a network: the synchronous form then throws <see cref="NotSupportedException"/>, rather than block a thread on
/// a task). Its core reports how many values are done to the <see cref="IProgress{T}"/> of <see cref="long"/> it is given,
/// from any thread, in any order.</para>
/// <para>What the base class guarantees to callers, for every strategy alike:</para>
/// <list type="bullet">
/// <item><description>Arguments are checked before any work (<see cref="ValidateRequest"/> adds a strategy's own limits).</description></item>
/// <item><description>The caller's progress handler is called one report at a time, never going backwards, at most about every
/// 50 ms and with <c>(Count, Count)</c> last, when the work has completed; never by a thread doing the work, so a handler that
/// blocks holds no worker and does not delay cancellation. A handler that throws is not called again, and its first
/// exception comes back in <see cref="GenerateAndSumResult.ProgressException"/> with the exact sum.</description></item>
/// <item><description><see cref="GenerateAndSum"/> runs the work on the calling thread (which the engine's strategies share with
/// the thread pool) and never blocks on a task; <see cref="GenerateAndSumAsync"/> returns before the work is done, except for
/// requests of fewer than 16,384 values, which take about as long as starting a thread-pool item and complete at once.</description></item>
/// <item><description>The result carries the strategy's name, the wall-clock time of the work, and how it was spread.</description></item>
/// </list>
/// <para>Implementations must be immutable and safe to call from many threads at once.</para>
/// </remarks>
public abstract class GenerateAndSumStrategy : IGenerateAndSum
{
    /// <summary>Requests of fewer values than this complete synchronously in the asynchronous form: they take about as long as
    /// handing a work item to the thread pool.</summary>
    internal static readonly long SynchronousCountLimit = 1L << 14;

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>Generates the requested values and returns their exact sum; the calling thread does the work, with the thread
    /// pool's help for the strategies that run on the engine.</summary>
    /// <param name="request">What to generate: count, seed and inclusive range.</param>
    /// <param name="progress">As for <see cref="GenerateAndSumAsync"/>.</param>
    /// <param name="cancellationToken">Stops the work promptly, at any count; the call then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The exact sum and how the run went. A request for 0 values has a sum of 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The request is beyond what the strategy accepts; thrown before any work starts.</exception>
    /// <exception cref="InvalidPartitioningException">A partitioner broke its contract.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="NotSupportedException">The strategy is asynchronous only, such as one that sums over a network.</exception>
    public GenerateAndSumResult GenerateAndSum(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(request);
        cancellationToken.ThrowIfCancellationRequested();
        ProgressSink? sink = Sink(request, progress);
        long started = Stopwatch.GetTimestamp();
        GenerateAndSumRun run = SumCore(request, (IProgress<long>?)sink ?? NoProgress.Instance, cancellationToken);
        return Complete(request, run, started, sink, cancellationToken);
    }

    /// <inheritdoc />
    public Task<GenerateAndSumResult> GenerateAndSumAsync(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(request);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<GenerateAndSumResult>(cancellationToken);
        }

        ProgressSink? sink = Sink(request, progress);
        long started = Stopwatch.GetTimestamp();
        ValueTask<GenerateAndSumRun> core;
        try
        {
            core = SumCoreAsync(request, (IProgress<long>?)sink ?? NoProgress.Instance, cancellationToken);
            if (core.IsCompletedSuccessfully)
            {
                // Finished before returning (small requests): one task for the result, no state machine.
                return Task.FromResult(Complete(request, core.Result, started, sink, cancellationToken));
            }
        }
        catch (OperationCanceledException e)
        {
            // As from the work run on the thread pool, and as an async method does: the task is canceled, with the
            // exception's token, whichever token that is.
            return Canceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<GenerateAndSumResult>(e);
        }

        return CompleteAsync(request, core, started, sink, cancellationToken);
    }

    /// <summary>Checks what this strategy accepts beyond any valid request; called before any work, in both forms.</summary>
    /// <param name="request">The request, not <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The request is beyond what the strategy accepts.</exception>
    protected virtual void ValidateRequest(GenerateAndSumRequest request)
    {
    }

    /// <summary>Sums the request on the calling thread: the synchronous core.</summary>
    /// <param name="request">The checked request.</param>
    /// <param name="progress">Receives how many values are done so far, from any thread; reports that go backwards are
    /// ignored. Never blocks and never throws.</param>
    /// <param name="cancellationToken">Stops the work; throw <see cref="OperationCanceledException"/> when it is canceled.</param>
    /// <returns>The exact sum and how the work was spread.</returns>
    /// <exception cref="NotSupportedException">Unless overridden: the strategy is asynchronous only.</exception>
    protected virtual GenerateAndSumRun SumCore(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"Strategy '{Name}' is asynchronous only: call GenerateAndSumAsync.");

    /// <summary>Sums the request asynchronously: by default, <see cref="SumCore"/> on the thread pool, or at once for requests of
    /// fewer than 16,384 values.</summary>
    /// <param name="request">The checked request.</param>
    /// <param name="progress">As for <see cref="SumCore"/>.</param>
    /// <param name="cancellationToken">Stops the work; the task then ends as canceled.</param>
    /// <returns>The exact sum and how the work was spread, when the work is done; a value task, so that work finished at
    /// once costs no allocation.</returns>
    protected virtual ValueTask<GenerateAndSumRun> SumCoreAsync(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Count < SynchronousCountLimit
            ? new ValueTask<GenerateAndSumRun>(SumCore(request, progress, cancellationToken))
            : new ValueTask<GenerateAndSumRun>(Task.Factory.StartNew(
                static state => ((CoreCall)state!).Run(),
                new CoreCall(this, request, progress, cancellationToken),
                cancellationToken,
                TaskCreationOptions.DenyChildAttach,
                TaskScheduler.Default));
    }

    private void Validate(GenerateAndSumRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateRequest(request);
    }

    // No lambda here: a captured parameter would cost every call a closure, with or without a handler.
    private static ProgressSink? Sink(GenerateAndSumRequest request, IProgress<GenerateAndSumProgress>? progress) =>
        progress is null ? null : new ProgressSink(new CountReports(progress, request.Count).Report);

    private static Task<GenerateAndSumResult> Canceled(CancellationToken cancellationToken)
    {
        // Task.FromCanceled would refuse a token that is not canceled, which a strategy's exception may carry.
        var canceled = new TaskCompletionSource<GenerateAndSumResult>();
        canceled.SetCanceled(cancellationToken);
        return canceled.Task;
    }

    private async Task<GenerateAndSumResult> CompleteAsync(GenerateAndSumRequest request, ValueTask<GenerateAndSumRun> core, long started, ProgressSink? sink, CancellationToken cancellationToken)
    {
        GenerateAndSumRun run = await core.ConfigureAwait(false);
        return Complete(request, run, started, sink, cancellationToken);
    }

    private GenerateAndSumResult Complete(GenerateAndSumRequest request, GenerateAndSumRun run, long started, ProgressSink? sink, CancellationToken cancellationToken)
    {
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        sink?.Complete(request.Count, cancellationToken);
        return new GenerateAndSumResult(Name, request, run.Sum, elapsed, run.WorkerCount, run.RangeCount, run.Partitioner)
        {
            ProgressException = sink?.HandlerException,
        };
    }

    private sealed record CoreCall(GenerateAndSumStrategy Strategy, GenerateAndSumRequest Request, IProgress<long> Progress, CancellationToken CancellationToken)
    {
        public GenerateAndSumRun Run() => Strategy.SumCore(Request, Progress, CancellationToken);
    }

    /// <summary>Turns the count of values done into the caller's <see cref="GenerateAndSumProgress"/> reports.</summary>
    private sealed class CountReports(IProgress<GenerateAndSumProgress> progress, long total)
    {
        public void Report(long completed) => progress.Report(new GenerateAndSumProgress(completed, total));
    }

    /// <summary>The progress receiver of a call whose caller asked for none.</summary>
    private sealed class NoProgress : IProgress<long>
    {
        public static readonly NoProgress Instance = new();

        public void Report(long value)
        {
        }
    }
}
