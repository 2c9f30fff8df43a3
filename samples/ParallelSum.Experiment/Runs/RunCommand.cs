using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParallelSum.Experiment.CommandLine;
using ParallelSum.Experiment.Strategies;
using ParallelSum.Experiment.Sweep;
using ParallelSum.Silo;

namespace ParallelSum.Experiment;

/// <summary>The <c>run</c> command: one request, every chosen strategy, one table (or JSON array).</summary>
internal static class RunCommand
{
    private const long DefaultCount = 100_000_000;

    /// <summary>The pool <c>all</c> adds to the library's strategies: the original script's approach, one worker process per core.</summary>
    public const string DefaultPool = LibraryStrategies.NaiveList + StrategyChoice.PoolSuffix;

    /// <summary>What <c>--strategy all</c> runs: every strategy of the library, then <see cref="DefaultPool"/>.</summary>
    public static IReadOnlyList<string> AllStrategies => [.. LibraryStrategies.Names, StrategyChoice.Parse(DefaultPool).Name];

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    private static readonly Option<long> Count = new("--count", "-n")
    {
        Description = $"How many values to generate and sum: {CountList.AcceptedOne}.",
        DefaultValueFactory = _ => DefaultCount,
        CustomParser = OptionParsers.Count(),
    };

    private static readonly Option<ulong> Seed = RequestOptions.Seed();

    private static readonly Option<int> Min = RequestOptions.Min();

    private static readonly Option<int> Max = RequestOptions.Max();

    private static readonly Option<string> Strategy = new("--strategy", "-s")
    {
        Description = $"The strategy to run: {StrategyChoice.Accepted}; {DistributedRun.Name} (needs --cluster); or all: every strategy and {DefaultPool} (with --cluster, distributed too).",
        DefaultValueFactory = _ => "all",
        CustomParser = result => result.Tokens is [{ Value: string token }] && (token is "all" or DistributedRun.Name || StrategyChoice.TryParse(token, out _))
            ? token
            : OptionParsers.Refuse<string>(result, $"{StrategyChoice.Accepted}; or {DistributedRun.Name}, or all"),
    };

    private static readonly Option<int?> Partitions = new("--partitions", "-p")
    {
        Description = "How many static blocks (and workers) the partitioned strategies use (1 or more); default one per core.",
        CustomParser = OptionParsers.OptionalWholeNumber(1, int.MaxValue),
    };

    private static readonly Option<bool> Json = new("--json")
    {
        Description = "Print a JSON array of results instead of a table.",
    };

    private static readonly Option<int> Warmup = new("--warmup")
    {
        Description = "Untimed runs of each strategy before the timed one, in the same process (0 or more; default 0: a cold first call).",
        DefaultValueFactory = _ => 0,
        CustomParser = OptionParsers.WholeNumber(0, int.MaxValue),
    };

    private static readonly Option<string?> Cluster = new("--cluster")
    {
        Description = $"Also run the distributed strategy on a running Orleans cluster (samples/ParallelSum.Silo): {ClusterTarget.Accepted}.",
    };

    private static readonly Option<int> ConnectTimeout = new("--connect-timeout")
    {
        Description = "With --cluster: seconds to wait for the connection to the cluster before failing (1 or more; default 20).",
        DefaultValueFactory = _ => 20,
        CustomParser = OptionParsers.WholeNumber(1, 86_400),
    };

    private static readonly Option<bool> InProcess = new("--in-process")
    {
        Description = "Run every strategy in this process instead of one child process each (peak memory is then shared).",
    };

    public static Command Create()
    {
        var command = new Command("run", "Generate and sum one request with every chosen strategy and print time, rate and peak memory.")
        {
            Count, Seed, Min, Max, Strategy, Partitions, Json, InProcess, Warmup, Cluster, ClusterOptions.ClusterId, ClusterOptions.ServiceId, ConnectTimeout,
        };
        command.Validators.Add(result =>
        {
            result.RequireMinNotAboveMax(Min, Max);
            string? cluster = result.ValueOr(Cluster, null);
            if (cluster is not null && !ClusterTarget.TryParse(cluster, "", "", out _))
            {
                result.AddError($"--cluster: '{cluster}' is not accepted; expected {ClusterTarget.Accepted}.");
            }

            if (cluster is null && result.ValueOr(Strategy, "all") == DistributedRun.Name)
            {
                result.AddError($"--strategy {DistributedRun.Name} needs --cluster ({ClusterTarget.Accepted}).");
            }
        });
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(Read(parse), cancellationToken)));
        return command;
    }

    public static RunOptions Read(ParseResult parse)
    {
        string strategy = parse.GetValue(Strategy)!;
        ClusterTarget? cluster = parse.GetValue(Cluster) is string text && ClusterTarget.TryParse(text, parse.GetValue(ClusterOptions.ClusterId)!, parse.GetValue(ClusterOptions.ServiceId)!, out ClusterTarget? target)
            ? target! with { ConnectTimeout = TimeSpan.FromSeconds(parse.GetValue(ConnectTimeout)) }
            : null;
        IReadOnlyList<string> strategies = strategy != "all" ? [strategy is DistributedRun.Name ? strategy : StrategyChoice.Parse(strategy).Name]
            : cluster is null ? AllStrategies
            : [.. AllStrategies, DistributedRun.Name];
        return new RunOptions(
            new GenerateAndSumRequest(parse.GetValue(Count), parse.GetValue(Seed), parse.GetValue(Min), parse.GetValue(Max)),
            strategies,
            parse.GetValue(Partitions),
            parse.GetValue(Json),
            parse.GetValue(InProcess),
            parse.GetValue(Warmup),
            cluster);
    }

    /// <summary>
    /// Runs every chosen strategy, one after another; a strategy that fails is reported with its reason and the others
    /// still run. Returns 0 when all succeeded, 1 when any failed, 130 when cancelled (with what had finished printed).
    /// </summary>
    public static int Execute(RunOptions options, CancellationToken cancellationToken)
    {
        var runs = new List<StrategyRun>();
        foreach (string name in options.Strategies)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                runs.Add(Run(options, name, cancellationToken));
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Cancelled while this strategy ran (its child killed, or its own token honoured): not a failure of the strategy.
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The strategy's own refusal (a count beyond what it can hold), memory, or a cluster out of reach: this
                // strategy failed, the next may not.
                runs.Add(StrategyRun.Failed(name, options.Request, ExitCodes.OneLine(e.Message)));
            }
        }

        Console.Out.Write(options.Json ? JsonSerializer.Serialize(runs, IndentedJson) + Environment.NewLine : FormatTable(options.Request, runs));
        if (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine($"run cancelled after {runs.Count} of {options.Strategies.Count} strategies.");
            return ExitCodes.Cancelled;
        }

        string[] failed = [.. runs.Where(r => r.Error is not null).Select(r => r.Strategy)];
        if (failed.Length > 0)
        {
            Console.Error.WriteLine($"error: {failed.Length} of {runs.Count} strategies failed: {string.Join(", ", failed)}.");
            return ExitCodes.WorkFailed;
        }

        // Every strategy is exact: any two that finished must agree, to the last digit.
        if (runs.Select(r => r.Sum).Distinct().Count() > 1)
        {
            Console.Error.WriteLine($"error: the strategies disagree on the sum: {string.Join(", ", runs.Select(r => $"{r.Strategy}={r.Sum}"))}.");
            return ExitCodes.WorkFailed;
        }

        return ExitCodes.Ok;
    }

    private static StrategyRun Run(RunOptions options, string name, CancellationToken cancellationToken)
    {
        if (name == DistributedRun.Name)
        {
            // The work runs in the silos; this process is only the client, so it needs no process of its own.
            return DistributedRun.Run(options, options.Cluster ?? throw new InvalidOperationException($"{name} needs --cluster."));
        }

        return options.InProcess || options.Strategies.Count == 1
            ? Measure(StrategyChoice.Parse(name), options, cancellationToken)
            : ChildProcessRunner.Run(options, name, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="choice"/> on the request after its warm-up runs, in this process (a pool's workers in processes of
    /// their own), and reports it with this process's peak memory plus its pool's workers' peaks.
    /// </summary>
    internal static StrategyRun Measure(StrategyChoice choice, RunOptions options, CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < options.Warmup; i++)
        {
            _ = choice.Run(options.Request, options.Partitions, cancellationToken);
        }

        MeasuredCall call = choice.Run(options.Request, options.Partitions, cancellationToken);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return StrategyRun.From(call, options.Request, process.PeakWorkingSet64 + (call.Pool?.WorkersPeakWorkingSetBytes ?? 0));
    }

    /// <summary>Runs <paramref name="strategy"/> (one that is not among the experiment's choices: the distributed one) on the
    /// request after its warm-up runs, in this process, and reports it with this process's peak memory.</summary>
    internal static StrategyRun Measure(IGenerateAndSum strategy, RunOptions options, CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < options.Warmup; i++)
        {
            _ = strategy.GenerateAndSumAsync(options.Request, cancellationToken: cancellationToken).GetAwaiter().GetResult();
        }

        GenerateAndSumResult result = strategy.GenerateAndSumAsync(options.Request, cancellationToken: cancellationToken).GetAwaiter().GetResult();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return StrategyRun.From(result, process.PeakWorkingSet64);
    }

    internal static string FormatTable(GenerateAndSumRequest request, IReadOnlyList<StrategyRun> runs)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"count {CountList.Format(request.Count)}, seed {request.Seed}, range [{request.Min}, {request.Max}], {Environment.ProcessorCount} cores");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"strategy",-16} {"sum",22} {"time",9} {"values/s",9} {"peak memory",12}  workers  partitioner");
        foreach (StrategyRun run in runs)
        {
            if (run.Error is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{run.Strategy,-16} {"failed",22}  {run.Error}");
                continue;
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"{run.Strategy,-16} {run.Sum,22} {NumberText.Duration(run.Seconds),9} {NumberText.Scientific(run.ValuesPerSecond),9} {ByteSize.Format(run.PeakWorkingSetBytes),12}  {run.Workers,7}  {run.Partitioner ?? "-"}");
        }

        return text.ToString();
    }
}
