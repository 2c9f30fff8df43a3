using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ParallelSum.Execution;
using Polly;

namespace ParallelSum.Orleans;

/// <summary>
/// Generate-and-sum on a Microsoft Orleans cluster: asks every active silo for its capacity, splits the request's indices
/// into ranges sized from those answers, sends each range to the silo with the fewest ranges in flight for its slots, and adds
/// the partial sums exactly. A range whose attempt fails or times out is retried with backoff on another silo; when a range
/// fails on every attempt, or a silo refuses one, the call fails with <see cref="DistributedSumException"/>: it never returns a
/// partial sum.
/// </summary>
/// <remarks>
/// <para>It keeps the contract of <see cref="IGenerateAndSum"/> as every strategy does (<see cref="GenerateAndSumStrategy"/>):
/// the exact sum of <see cref="Generation.RandomStream.ReferenceSum(long, long)"/>; arguments checked before any work;
/// progress one report at a time, never backwards, on the thread pool, and a throwing handler kept in
/// <see cref="GenerateAndSumResult.ProgressException"/> with the sum. Its work is asynchronous by nature (calls over the
/// network), so it has no synchronous form: <see cref="GenerateAndSumStrategy.GenerateAndSum"/> throws
/// <see cref="NotSupportedException"/> rather than block a thread on the cluster. A request of 0 values returns 0 without
/// calling the cluster.</para>
/// <para>How a request runs: the strategy lists the active silos and asks each, through the range-sum grain placed on it,
/// for its range slots and its largest range. It keeps up to two ranges per slot in flight (at most
/// <see cref="MaxRangesInFlight"/>), and asks the partitioner (<see cref="DistributedStrategyOptions.Partitioner"/>) for one
/// partition per range in flight. Every range goes through one resilience pipeline built from the options: a timeout per
/// attempt (<see cref="DistributedStrategyOptions.RangeTimeout"/>, which also becomes the grain's own deadline, so its silo
/// stops computing when this client is gone) inside a retry with exponential backoff and jitter
/// (<see cref="DistributedStrategyOptions.MaxAttemptsPerRange"/>, <see cref="DistributedStrategyOptions.RetryDelay"/>,
/// <see cref="DistributedStrategyOptions.MaxRetryDelay"/>). A silo that failed a range gets no more of the request's ranges
/// while another one is left.</para>
/// <para>Refusals: a request over <see cref="DistributedStrategyOptions.MaxValuesPerRequest"/>, or whose indices reach the top
/// of the index space, is refused with <see cref="ArgumentOutOfRangeException"/> before any silo is asked; a range that a silo
/// refuses (over its limits, or its queue full; the message names the limit and its value) fails the request at once with
/// <see cref="DistributedSumException"/>. Cancelling the call's token cancels the grain calls in flight, and each grain stops
/// computing: when a request is cancelled or fails, the strategy asks every silo to stop the request's ranges and waits for
/// the answers (at most 2 s) before the call ends, so the silos stop even when the client's process exits right after.</para>
/// <para>The result's <see cref="GenerateAndSumResult.WorkerCount"/> is the number of silos that computed ranges of the
/// request, and <see cref="GenerateAndSumResult.RangeCount"/> the number of ranges.</para>
/// <para>Thread safety: one instance may run any number of requests at once.</para>
/// </remarks>
public sealed class DistributedStrategy : GenerateAndSumStrategy
{
    /// <summary>The strategy name, <c>distributed</c>.</summary>
    public const string StrategyName = "distributed";

    /// <summary>The most ranges of one request in flight at once, whatever the silos' slots: 4096.</summary>
    public const int MaxRangesInFlight = 4096;

    /// <summary>How long a cancelled or failed request waits, at most, for the silos to confirm they stopped its ranges.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly IGrainFactory _grains;
    private readonly DistributedStrategyOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Creates the strategy on a connected cluster client (or a silo's grain factory).</summary>
    /// <param name="grains">The cluster client or grain factory to call grains through.</param>
    /// <param name="options">Options, copied; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Where retries, refusals and failures are logged; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of its documented range; the message names it and its value.</exception>
    public DistributedStrategy(IGrainFactory grains, DistributedStrategyOptions? options = null, ILogger<DistributedStrategy>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        DistributedStrategyOptions copy = options?.Copy() ?? new DistributedStrategyOptions();
        ValidateOptionsResult validation = new DistributedStrategyOptionsValidator().Validate(null, copy);
        if (validation.Failed)
        {
            throw new ArgumentException($"options: {string.Join(" ", validation.Failures ?? [])}", nameof(options));
        }

        _grains = grains;
        _options = copy;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _pipeline = RangeResilience.Create(copy, _logger);
    }

    /// <inheritdoc />
    public override string Name => StrategyName;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The request has more values than
    /// <see cref="DistributedStrategyOptions.MaxValuesPerRequest"/>, or its indices reach past <c>long.MaxValue − 2^32</c>.</exception>
    protected override void ValidateRequest(GenerateAndSumRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Count > _options.MaxValuesPerRequest)
        {
            throw Refuse(new ArgumentOutOfRangeException(nameof(request), request.Count,
                $"request ({request}) has {request.Count} values, more than MaxValuesPerRequest {_options.MaxValuesPerRequest}; request.Count must be from 0 to {_options.MaxValuesPerRequest}."));
        }

        if (request.StartIndex > IndexLimits.MaxEndIndex - request.Count)
        {
            throw Refuse(new ArgumentOutOfRangeException(nameof(request), request.StartIndex,
                $"request ({request}) reaches index {(Int128)request.StartIndex + request.Count}; accepted: {IndexLimits.Accepted}."));
        }
    }

    /// <inheritdoc />
    /// <exception cref="DistributedSumException">No silo answered, a silo refused a range, a range failed on every attempt, or a
    /// range made by a custom partitioner is over the per-range limit.</exception>
    /// <exception cref="InvalidPartitioningException">The partitioner broke its contract.</exception>
    protected override async ValueTask<GenerateAndSumRun> SumCoreAsync(GenerateAndSumRequest request, IProgress<long> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        if (request.Count == 0)
        {
            return new GenerateAndSumRun(0, WorkerCount: 0, RangeCount: 0, Partitioner: null);
        }

        using Activity? activity = Instruments.Source.StartActivity("parallelsum.request");
        activity?.SetTag("parallelsum.request.count", request.Count);
        activity?.SetTag("parallelsum.request.seed", request.Seed);
        try
        {
            long started = Stopwatch.GetTimestamp();
            SiloCapacity[] silos = await ClusterCapacity.ListAsync(_grains, _options.RangeTimeout, _logger, cancellationToken).ConfigureAwait(false);
            var plan = new RequestPlan(request, silos, _options);
            activity?.SetTag("parallelsum.request.silos", silos.Length);
            Log.RequestStarted(_logger, request, silos.Length, plan.Slots, plan.InFlight, plan.Coverage.Name);
            (Int128 sum, int silosUsed) = await RunRangesAsync(plan, progress, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("parallelsum.request.ranges", plan.Coverage.RangeCount);

            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > TimeSpan.Zero)
            {
                Instruments.RequestRate.Record(request.Count / elapsed.TotalSeconds);
            }

            double seconds = Durations.Seconds(elapsed);
            Log.RequestCompleted(_logger, request, silosUsed, plan.Coverage.RangeCount, seconds);
            return new GenerateAndSumRun(sum, silosUsed, plan.Coverage.RangeCount, plan.Coverage.Name);
        }
        catch (Exception e) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }

    /// <summary>Runs one worker per range in flight, each sending its partition's ranges one after another.</summary>
    private async Task<(Int128 Sum, int Silos)> RunRangesAsync(RequestPlan plan, IProgress<long> progress, CancellationToken cancellationToken)
    {
        IReadOnlyList<IEnumerable<IndexRange>> partitions = plan.Coverage.Partition(plan.InFlight, cancellationToken);
        var balancer = new SiloLoadBalancer([.. plan.Silos.Select(s => (s.Key, s.MaxConcurrentRanges))]);
        var sums = new Int128[plan.InFlight];
        var computedOn = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        long done = 0;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task RunPartitionAsync(int worker)
        {
            try
            {
                foreach ((long id, IndexRange range) in plan.Coverage.Claim(partitions[worker], cancellationToken))
                {
                    failed.Token.ThrowIfCancellationRequested();
                    if (range.Length > plan.MaxValuesPerRange)
                    {
                        throw Refuse($"partitioner '{plan.Coverage.Name}' made the range {range} of {range.Length} values, more than the {plan.MaxValuesPerRange} values the options and silos accept per range (MaxValuesPerRange)");
                    }

                    RangeSum partial = await SumRangeAsync(plan, id, range, balancer, failed.Token).ConfigureAwait(false);
                    sums[worker] += partial.Sum;
                    computedOn.TryAdd(partial.Silo, true);
                    Instruments.RangesCompleted.Add(1, new KeyValuePair<string, object?>(Instruments.SiloTag, partial.Silo));
                    Instruments.Values.Add(range.Length);
                    progress.Report(Interlocked.Add(ref done, range.Length));
                }
            }
            catch
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        // The workers start on this thread and run until their first grain call is in flight: no thread-pool hop is needed.
        Task[] workers = new Task[plan.InFlight];
        for (int worker = 0; worker < workers.Length; worker++)
        {
            workers[worker] = RunPartitionAsync(worker);
        }

        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Cancelled, or failed: stop the request's other ranges on the silos, and wait for them to say so. Orleans'
            // own cancellation of each call is a one-way message, which a client that exits at once may never send.
            await StopOnSilosAsync(plan).ConfigureAwait(false);
            if (!cancellationToken.IsCancellationRequested)
            {
                // The root failure, not the cancellations it caused in the other workers.
                Exception root = workers.Where(w => w.IsFaulted).Select(w => w.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException)
                    ?? new DistributedSumException($"Request ({plan.Request}) was stopped before every range completed; no partial sum is returned.");
                ExceptionDispatchInfo.Throw(root);
            }

            throw;
        }

        cancellationToken.ThrowIfCancellationRequested();
        plan.Coverage.Complete();
        Int128 total = 0;
        foreach (Int128 sum in sums)
        {
            total += sum;
        }

        return (total, computedOn.Count);
    }

    /// <summary>Asks every silo of the request to stop the request's ranges it still has, and waits for the answers, at most
    /// <see cref="StopGrace"/> (or the range timeout when shorter): a silo that does not answer stops them at their deadline.</summary>
    private async Task StopOnSilosAsync(RequestPlan plan)
    {
        TimeSpan grace = _options.RangeTimeout < StopGrace ? _options.RangeTimeout : StopGrace;
        Task[] stops = [.. plan.Silos.Select(s => _grains.GetGrain<IRangeSumGrain>(s.Key).StopRequestAsync(plan.RequestId).WaitAsync(grace))];
        try
        {
            await Task.WhenAll(stops).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.StopNotConfirmed(_logger, plan.Request, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Sums one range through the resilience pipeline: each attempt on the silo the balancer chooses.</summary>
    private async Task<RangeSum> SumRangeAsync(RequestPlan plan, long id, IndexRange range, SiloLoadBalancer balancer, CancellationToken requestToken)
    {
        GenerateAndSumRequest request = plan.Request;
        long start = request.StartIndex + range.Start;
        var attempt = new RangeAttempt(id, start, start + range.Length);
        ResilienceContext context = ResilienceContextPool.Shared.Get("parallelsum.range", requestToken);
        context.Properties.Set(RangeResilience.Range, attempt);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (attemptContext, state) => state.Strategy.AttemptAsync(attemptContext, state),
                context,
                new AttemptState(this, request, plan.RequestId, attempt, balancer, requestToken)).ConfigureAwait(false);
        }
        catch (DistributedSumException refusal)
        {
            // A silo refused the range (over one of its limits, or its queue full): fail the request now rather than queue it anywhere.
            throw Refuse($"range {id} [{attempt.Start}, {attempt.End}) of request ({request}): {refusal.Message}", refusal);
        }
        catch (Exception e) when (RangeResilience.IsRetryable(e, requestToken))
        {
            string error = $"{e.GetType().Name}: {e.Message}";
            Log.RangeFailed(_logger, id, attempt.Start, attempt.End, _options.MaxAttemptsPerRange, error);
            throw new DistributedSumException(
                $"Range {id} [{attempt.Start}, {attempt.End}) of request ({request}) failed on all {_options.MaxAttemptsPerRange} attempts; no partial sum is returned. Last error: {error}", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt at a range, on the least-loaded silo: the callback the resilience pipeline runs.</summary>
    private async ValueTask<RangeSum> AttemptAsync(ResilienceContext context, AttemptState state)
    {
        using Activity? activity = Instruments.Source.StartActivity("parallelsum.range");
        activity?.SetTag("parallelsum.range.id", state.Range.Id);
        activity?.SetTag("parallelsum.range.start", state.Range.Start);
        activity?.SetTag("parallelsum.range.count", state.Range.End - state.Range.Start);
        activity?.SetTag("parallelsum.range.attempt", Interlocked.Increment(ref state.Attempts));
        Instruments.RangesStarted.Add(1);
        int silo = state.Balancer.Acquire();
        bool siloFailed = false;
        try
        {
            CancellationToken attemptToken = context.CancellationToken;
            GenerateAndSumRequest request = state.Request;
            RangeSum sum = await _grains.GetGrain<IRangeSumGrain>(state.Balancer.Key(silo))
                .SumRangeAsync(state.RequestId, request.Seed, request.Min, request.Max, state.Range.Start, state.Range.End - state.Range.Start, _options.RangeTimeout, attemptToken)
                .WaitAsync(attemptToken).ConfigureAwait(false);
            activity?.SetTag(Instruments.SiloTag, sum.Silo);
            return sum;
        }
        catch (Exception e) when (e is not DistributedSumException && !state.RequestToken.IsCancellationRequested)
        {
            // The silo failed the attempt (an error, no answer, or no answer in time): the request's later ranges go elsewhere.
            siloFailed = true;
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
        finally
        {
            state.Balancer.Release(silo, siloFailed);
        }
    }

    private DistributedSumException Refuse(string reason, Exception? inner = null)
    {
        Instruments.RangesRefused.Add(1);
        Log.RequestRefused(_logger, reason);
        string message = $"Refused: {reason}.";
        return inner is null ? new DistributedSumException(message) : new DistributedSumException(message, inner);
    }

    private ArgumentOutOfRangeException Refuse(ArgumentOutOfRangeException refusal)
    {
        Instruments.RangesRefused.Add(1);
        Log.RequestRefused(_logger, refusal.Message);
        return refusal;
    }

    /// <summary>What the silos' answers and the options make of one request: the ranges' partitioner and its checks, the
    /// per-range limit, and how many ranges may be in flight.</summary>
    private sealed class RequestPlan
    {
        public RequestPlan(GenerateAndSumRequest request, SiloCapacity[] silos, DistributedStrategyOptions options)
        {
            Request = request;
            Silos = silos;
            Slots = silos.Sum(s => (long)s.MaxConcurrentRanges);
            MaxValuesPerRange = Math.Min(options.MaxValuesPerRange, silos.Min(s => s.MaxValuesPerRange));

            // Two ranges per slot in flight: one computing, one queued behind it, so a silo is never idle between ranges, its
            // queue stays short, and a request never fills the queue other clients share.
            InFlight = (int)Math.Min(Math.Min(2 * Slots, MaxRangesInFlight), request.Count);
            long perSlot = Slots > long.MaxValue / options.RangesPerSlot ? long.MaxValue : Slots * options.RangesPerSlot;
            long ranges = Math.Max(perSlot, Ceiling(request.Count, MaxValuesPerRange));
            Coverage = new RangeCoverage(options.Partitioner ?? IndexRangePartitioners.DynamicChunks(Ceiling(request.Count, ranges)), request.Count);
        }

        public GenerateAndSumRequest Request { get; }

        /// <summary>Gets the request's id on the silos, for <see cref="StopOnSilosAsync"/>.</summary>
        public Guid RequestId { get; } = Guid.NewGuid();

        public SiloCapacity[] Silos { get; }

        public long Slots { get; }

        public long MaxValuesPerRange { get; }

        public int InFlight { get; }

        public RangeCoverage Coverage { get; }

        private static long Ceiling(long count, long divisor) => (count / divisor) + (count % divisor == 0 ? 0 : 1);
    }

    /// <summary>What an attempt at a range needs, passed through the pipeline without a closure.</summary>
    private sealed class AttemptState(DistributedStrategy strategy, GenerateAndSumRequest request, Guid requestId, RangeAttempt range, SiloLoadBalancer balancer, CancellationToken requestToken)
    {
        public int Attempts;

        public DistributedStrategy Strategy { get; } = strategy;

        public GenerateAndSumRequest Request { get; } = request;

        public Guid RequestId { get; } = requestId;

        public RangeAttempt Range { get; } = range;

        public SiloLoadBalancer Balancer { get; } = balancer;

        public CancellationToken RequestToken { get; } = requestToken;
    }
}
