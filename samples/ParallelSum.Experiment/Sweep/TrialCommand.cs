using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using ParallelSum.Experiment.CommandLine;
using ParallelSum.Experiment.Pool;
using ParallelSum.Experiment.Strategies;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// The hidden <c>trial</c> command: the child-process side of a sweep. Runs one strategy (in this process, or in a pool of
/// worker processes) on one count a number of times and prints one <see cref="TrialReport"/> JSON line. Exit codes: 0 done,
/// 3 out of memory, 4 the strategy does not take this count, 5 a pool's worker crashed or was killed (the report says
/// which and why); anything else (or no line) is a crash.
/// </summary>
internal static class TrialCommand
{
    public const int MemoryErrorExitCode = 3;
    public const int UnsupportedExitCode = 4;
    public const int WorkerFailedExitCode = 5;

    private static readonly Option<string> Strategy = new("--strategy") { Required = true, CustomParser = OptionParsers.OneOf(LibraryStrategies.Names) };
    private static readonly Option<long> Count = new("--count") { Required = true, CustomParser = OptionParsers.Count() };
    private static readonly Option<int?> Partitions = new("--partitions") { CustomParser = OptionParsers.OptionalWholeNumber(1, int.MaxValue) };
    private static readonly Option<int?> Processes = new("--processes") { CustomParser = OptionParsers.OptionalWholeNumber(1, ProcessPool.MaxProcesses) };
    private static readonly Option<ulong> Seed = RequestOptions.Seed();
    private static readonly Option<int> Min = RequestOptions.Min();
    private static readonly Option<int> Max = RequestOptions.Max();
    private static readonly Option<int> Repetitions = new("--repetitions") { DefaultValueFactory = _ => 1, CustomParser = OptionParsers.WholeNumber(1, 100) };

    /// <summary>The arguments that make a child run <paramref name="spec"/>.</summary>
    public static IReadOnlyList<string> Arguments(TrialSpec spec, ulong seed, int min, int max, int repetitions)
    {
        var arguments = new List<string>
        {
            "trial", "--strategy", spec.Strategy,
            "--count", spec.Count.ToString(CultureInfo.InvariantCulture),
            "--seed", seed.ToString(CultureInfo.InvariantCulture),
            "--min", min.ToString(CultureInfo.InvariantCulture),
            "--max", max.ToString(CultureInfo.InvariantCulture),
            "--repetitions", repetitions.ToString(CultureInfo.InvariantCulture),
        };
        if (spec.Partitions is int p)
        {
            arguments.AddRange(["--partitions", p.ToString(CultureInfo.InvariantCulture)]);
        }

        if (spec.Processes is int k)
        {
            arguments.AddRange(["--processes", k.ToString(CultureInfo.InvariantCulture)]);
        }

        return arguments;
    }

    public static Command Create()
    {
        var command = new Command("trial", "Run one sweep trial in this process and print its result as one JSON line (used by sweep).")
        {
            Strategy, Count, Partitions, Processes, Seed, Min, Max, Repetitions,
        };
        command.Hidden = true;
        command.Validators.Add(result => result.RequireMinNotAboveMax(Min, Max));
        command.SetAction(parse => Execute(
            new TrialSpec(parse.GetValue(Strategy)!, parse.GetValue(Count), parse.GetValue(Partitions), parse.GetValue(Processes)),
            new GenerateAndSumRequest(parse.GetValue(Count), parse.GetValue(Seed), parse.GetValue(Min), parse.GetValue(Max)),
            parse.GetValue(Repetitions),
            Console.Out));
        return command;
    }

    /// <summary>Runs the trial and writes its report line to <paramref name="output"/>; returns the exit code.</summary>
    public static int Execute(TrialSpec spec, GenerateAndSumRequest request, int repetitions, TextWriter output)
    {
        var seconds = new List<double>();
        var cpuSeconds = new List<double>();
        var workerSeconds = new List<double>();
        string? sum = null;
        int workers = 0;
        long workersPeak = 0, largestWorkerPeak = 0;
        string outcome = TrialOutcome.Ok;
        string? reason = null;
        int exitCode = 0;
        using var heap = new ManagedHeapSampler(TimeSpan.FromMilliseconds(5));
        var choice = new StrategyChoice(spec.Strategy, spec.Processes);
        for (int repetition = 0; repetition < Math.Max(1, repetitions); repetition++)
        {
            if (repetition > 0)
            {
                // The last repetition's values are garbage now; collect them (large object heap included) so that the peak
                // memory is one repetition's, not two overlapping ones'. Outside the timed region.
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }

            TimeSpan cpuBefore = Environment.CpuUsage.TotalTime;
            long started = Stopwatch.GetTimestamp();
            try
            {
                MeasuredCall call = choice.Run(request, spec.Partitions);
                seconds.Add(call.Elapsed.TotalSeconds);
                cpuSeconds.Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds + (call.Pool?.WorkersCpuSeconds ?? 0));
                sum = call.Sum.ToString(CultureInfo.InvariantCulture);
                workers = call.Workers;
                if (call.Pool is PoolRun pool)
                {
                    workerSeconds.Add(pool.SlowestWorkerElapsed.TotalSeconds);
                    workersPeak = Math.Max(workersPeak, pool.WorkersPeakWorkingSetBytes);
                    largestWorkerPeak = Math.Max(largestWorkerPeak, pool.LargestWorkerPeakWorkingSetBytes);
                }
            }
            catch (Exception e) when (FindOutOfMemory(e) is OutOfMemoryException memory)
            {
                // The time to failure is kept: a chart marks where, and after how long, the memory ran out.
                seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
                cpuSeconds.Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds);
                (outcome, reason, exitCode) = (TrialOutcome.MemoryError, $"{memory.GetType().Name}: {memory.Message}", MemoryErrorExitCode);
                break;
            }
            catch (ArgumentOutOfRangeException e)
            {
                // The strategy's own check, made before any work: this count is more than it can hold.
                (outcome, reason, exitCode) = (TrialOutcome.Unsupported, e.Message, UnsupportedExitCode);
                break;
            }
            catch (PoolWorkerFailedException e)
            {
                // A worker's memory error or refusal is the trial's; the time to failure is kept as for this process's own.
                seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
                cpuSeconds.Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds);
                (outcome, reason, exitCode) = (e.Outcome, e.Message, e.Outcome switch
                {
                    TrialOutcome.MemoryError => MemoryErrorExitCode,
                    TrialOutcome.Unsupported => UnsupportedExitCode,
                    _ => WorkerFailedExitCode,
                });
                break;
            }
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var report = new TrialReport(
            outcome, reason, sum, workers, seconds, cpuSeconds, process.PeakWorkingSet64 + workersPeak, heap.PeakBytes,
            Environment.CpuUsage.TotalTime.TotalSeconds, Math.Max(process.PeakWorkingSet64, largestWorkerPeak), spec.Processes is null ? null : workerSeconds);
        output.WriteLine(JsonSerializer.Serialize(report));
        output.Flush();
        return exitCode;
    }
    private static OutOfMemoryException? FindOutOfMemory(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is OutOfMemoryException memory)
            {
                return memory;
            }

            if (e is AggregateException aggregate)
            {
                return aggregate.Flatten().InnerExceptions.Select(FindOutOfMemory).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }
}
