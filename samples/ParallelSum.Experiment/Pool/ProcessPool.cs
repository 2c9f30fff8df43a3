using System.Diagnostics;
using System.Globalization;
using ParallelSum.Experiment.Processes;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Pool;

/// <summary>
/// Runs one request as the original script's <c>Pool(K).map</c> did: K worker processes of this program, started fresh
/// for the call (nothing is reused from an earlier call: the start-up is the cost being measured), each generating and
/// summing its share of the values with the strategy named and printing its partial sum; this process adds them exactly.
/// </summary>
/// <remarks>
/// Workers are started through <see cref="ChildProcesses"/>, so they end when this process ends, whatever ends it, and a
/// signal to this program kills them. The call fails as a whole, with the failing worker's reason, when any worker fails,
/// is killed or reports nothing readable: the others are killed at once and no partial sum is returned. Each worker
/// inherits this process's environment, so a per-process memory cap given to this process (the runtime's
/// <c>DOTNET_GCHeapHardLimit</c>) applies to every worker on its own.
/// </remarks>
internal static class ProcessPool
{
    /// <summary>The largest pool: each worker is a runtime of its own (about 35 MB).</summary>
    public const int MaxProcesses = 64;

    /// <summary>Runs <paramref name="request"/> in <paramref name="processes"/> fresh workers, each running <paramref name="strategy"/> on its share.</summary>
    /// <exception cref="PoolWorkerFailedException">A worker failed; its outcome and reason are in the exception.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; every worker has been killed.</exception>
    public static PoolRun Run(GenerateAndSumRequest request, string strategy, int processes, CancellationToken cancellationToken = default) =>
        RunAsync(request, strategy, processes, cancellationToken).GetAwaiter().GetResult();

    /// <inheritdoc cref="Run"/>
    public static async Task<PoolRun> RunAsync(GenerateAndSumRequest request, string strategy, int processes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(processes, MaxProcesses);
        IReadOnlyList<PoolShare> shares = PoolShare.Split(request.StartIndex, request.Count, processes);
        var workers = new List<Worker>(processes);
        long started = Stopwatch.GetTimestamp();
        try
        {
            for (int i = 0; i < shares.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                workers.Add(Worker.Start(i, processes, shares[i], strategy, request));
            }

            // Partial sums in the order they arrive; the first failure ends the call.
            var runs = new PoolWorkerRun?[processes];
            var waiting = workers.ToDictionary(w => (Task)w.ReportLine, w => w);
            while (waiting.Count > 0)
            {
                Task arrived = await Task.WhenAny(waiting.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
                Worker worker = waiting[arrived];
                waiting.Remove(arrived);
                runs[worker.Index] = await worker.ReadRunAsync(processes, Stopwatch.GetElapsedTime(started)).ConfigureAwait(false);
            }

            Int128 sum = Int128.Zero;
            foreach (PoolWorkerRun? run in runs)
            {
                sum += run!.Sum;
            }

            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);

            // Every worker has reported; each must also end cleanly (not timed: Pool.map has its results by now).
            foreach (Worker worker in workers)
            {
                await worker.EnsureExitedCleanlyAsync(processes, cancellationToken).ConfigureAwait(false);
            }

            return new PoolRun(sum, elapsed, [.. runs.Select(r => r!)]);
        }
        finally
        {
            foreach (Worker worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    /// <summary>The arguments that make this program a worker for <paramref name="share"/> of <paramref name="request"/>.</summary>
    public static IReadOnlyList<string> WorkerArguments(string strategy, PoolShare share, GenerateAndSumRequest request) =>
    [
        PoolWorkerCommand.Name, "--strategy", strategy,
        "--start", share.Start.ToString(CultureInfo.InvariantCulture),
        "--count", share.Count.ToString(CultureInfo.InvariantCulture),
        "--seed", request.Seed.ToString(CultureInfo.InvariantCulture),
        "--min", request.Min.ToString(CultureInfo.InvariantCulture),
        "--max", request.Max.ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>One worker process: its share, its report line when it comes, and its error output.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _error;
        private bool _exited;

        private Worker(int index, PoolShare share, Process process)
        {
            Index = index;
            Share = share;
            _process = process;
            _error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            ReportLine = process.StandardOutput.ReadLineAsync(CancellationToken.None).AsTask();
        }

        public int Index { get; }

        public PoolShare Share { get; }

        /// <summary>The first line the worker prints (its report), or <see langword="null"/> when it ended without one.</summary>
        public Task<string?> ReportLine { get; }

        /// <exception cref="PoolWorkerFailedException">The worker's process could not be started.</exception>
        public static Worker Start(int index, int processes, PoolShare share, string strategy, GenerateAndSumRequest request)
        {
            try
            {
                return new(index, share, ChildProcesses.Start(SelfProcess.StartInfo(ProcessPool.WorkerArguments(strategy, share, request))));
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
            {
                throw new PoolWorkerFailedException(TrialOutcome.Crash, $"worker {index + 1} of {processes} (values {share}) could not be started: {e.Message}");
            }
        }

        /// <summary>The worker's run, from its report line.</summary>
        /// <exception cref="PoolWorkerFailedException">It reported a failure, nothing, or something unreadable.</exception>
        public async Task<PoolWorkerRun> ReadRunAsync(int processes, TimeSpan reported)
        {
            string? line = await ReportLine.ConfigureAwait(false);
            TrialReport? report = line is null ? null : TrialRunner.ParseReport(line);
            if (report is { Outcome: TrialOutcome.Ok, Sum: string text, Seconds: [double seconds] }
                && Int128.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out Int128 sum))
            {
                return new PoolWorkerRun(Share, sum, TimeSpan.FromSeconds(seconds), reported, report.ProcessCpuSeconds ?? 0, report.PeakWorkingSetBytes);
            }

            // A failure report, or none: the worker is ending; its exit code and error output say why.
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            _exited = true;
            (string outcome, string? reason) = report is { Outcome: TrialOutcome.Ok }
                ? (TrialOutcome.Crash, $"reported a sum that cannot be read: {line}")
                : TrialRunner.Classify(_process.ExitCode, report, await _error.ConfigureAwait(false));
            throw new PoolWorkerFailedException(outcome, $"{Describe(processes)}: {reason ?? outcome}");
        }

        /// <summary>Waits for the worker to end after its report.</summary>
        /// <exception cref="PoolWorkerFailedException">It ended with an exit code other than 0.</exception>
        public async Task EnsureExitedCleanlyAsync(int processes, CancellationToken cancellationToken)
        {
            await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            _exited = true;
            if (_process.ExitCode != 0)
            {
                (_, string? reason) = TrialRunner.Classify(_process.ExitCode, null, await _error.ConfigureAwait(false));
                throw new PoolWorkerFailedException(TrialOutcome.Crash, $"{Describe(processes)}: reported its sum, then ended with {reason}");
            }
        }

        /// <summary>Kills the worker if it still runs (the call failed or was cancelled), and releases it.</summary>
        public void Dispose()
        {
            if (!_exited)
            {
                try
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit();
                }
                catch (InvalidOperationException)
                {
                    // It had ended already.
                }
            }

            _process.Dispose();
        }

        private string Describe(int processes) => $"worker {Index + 1} of {processes} (values {Share})";
    }
}
