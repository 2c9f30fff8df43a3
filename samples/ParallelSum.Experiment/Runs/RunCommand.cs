using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParallelSum.Experiment.Sweep;
using ParallelSum.Silo;

namespace ParallelSum.Experiment;

/// <summary>The <c>run</c> command: one request, every chosen strategy, one table (or JSON array).</summary>
internal static class RunCommand
{
    private const long DefaultCount = 100_000_000;

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    private static readonly Option<long> Count = new("--count", "-n")
    {
        Description = "How many values to generate and sum (0 or more).",
        DefaultValueFactory = _ => DefaultCount,
    };

    private static readonly Option<ulong> Seed = new("--seed")
    {
        Description = "The random stream's seed (any 64-bit unsigned value).",
        DefaultValueFactory = _ => 42,
    };

    private static readonly Option<int> Min = new("--min")
    {
        Description = "The inclusive lower bound of each value.",
        DefaultValueFactory = _ => RandomStream.DefaultMin,
    };

    private static readonly Option<int> Max = new("--max")
    {
        Description = "The inclusive upper bound of each value (at least --min).",
        DefaultValueFactory = _ => RandomStream.DefaultMax,
    };

    private static readonly Option<string> Strategy = new("--strategy", "-s")
    {
        Description = $"The strategy to run: {string.Join(", ", GenerateAndSumStrategies.Names)}, {DistributedRun.Name} (needs --cluster), or all (with --cluster, distributed too).",
        DefaultValueFactory = _ => "all",
    };

    private static readonly Option<int?> Partitions = new("--partitions", "-p")
    {
        Description = "How many static blocks (and workers) the partitioned strategies use; default one per core.",
    };

    private static readonly Option<bool> Json = new("--json")
    {
        Description = "Print a JSON array of results instead of a table.",
    };

    private static readonly Option<int> Warmup = new("--warmup")
    {
        Description = "Untimed runs of each strategy before the timed one, in the same process (0 or more; default 0: a cold first call).",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<string?> Cluster = new("--cluster")
    {
        Description = $"Also run the distributed strategy on a running Orleans cluster (samples/ParallelSum.Silo): {ClusterTarget.Accepted}.",
    };

    private static readonly Option<bool> InProcess = new("--in-process")
    {
        Description = "Run every strategy in this process instead of one child process each (peak memory is then shared).",
    };

    public static Command Create()
    {
        Strategy.AcceptOnlyFromAmong([.. GenerateAndSumStrategies.Names, DistributedRun.Name, "all"]);
        var command = new Command("run", "Generate and sum one request with every chosen strategy and print time, rate and peak memory.")
        {
            Count, Seed, Min, Max, Strategy, Partitions, Json, InProcess, Warmup, Cluster, ClusterOptions.ClusterId, ClusterOptions.ServiceId,
        };
        command.Validators.Add(result =>
        {
            if (result.ValueOr(Count, DefaultCount) < 0)
            {
                result.AddError($"--count must be 0 or more; got {result.ValueOr(Count, DefaultCount)}.");
            }

            if (result.ValueOr(Min, RandomStream.DefaultMin) > result.ValueOr(Max, RandomStream.DefaultMax))
            {
                result.AddError($"--min ({result.ValueOr(Min, RandomStream.DefaultMin)}) must not be greater than --max ({result.ValueOr(Max, RandomStream.DefaultMax)}).");
            }

            if (result.ValueOr(Warmup, 0) < 0)
            {
                result.AddError($"--warmup must be 0 or more; got {result.ValueOr(Warmup, 0)}.");
            }

            string? cluster = result.ValueOr(Cluster, null);
            if (cluster is not null && !ClusterTarget.TryParse(cluster, "", "", out _))
            {
                result.AddError($"--cluster: '{cluster}' is not accepted; expected {ClusterTarget.Accepted}.");
            }

            if (cluster is null && result.ValueOr(Strategy, "all") == DistributedRun.Name)
            {
                result.AddError($"--strategy {DistributedRun.Name} needs --cluster ({ClusterTarget.Accepted}).");
            }

            if (result.ValueOr(Partitions, null) is int p && p < 1)
            {
                result.AddError($"--partitions must be 1 or more; got {p}.");
            }
        });
        command.SetAction(parse => Execute(Read(parse)));
        return command;
    }

    public static RunOptions Read(ParseResult parse)
    {
        string strategy = parse.GetValue(Strategy)!;
        ClusterTarget? cluster = parse.GetValue(Cluster) is string text && ClusterTarget.TryParse(text, parse.GetValue(ClusterOptions.ClusterId)!, parse.GetValue(ClusterOptions.ServiceId)!, out ClusterTarget? target)
            ? target
            : null;
        IReadOnlyList<string> strategies = strategy != "all" ? [strategy]
            : cluster is null ? GenerateAndSumStrategies.Names
            : [.. GenerateAndSumStrategies.Names, DistributedRun.Name];
        return new RunOptions(
            new GenerateAndSumRequest(parse.GetValue(Count), parse.GetValue(Seed), parse.GetValue(Min), parse.GetValue(Max)),
            strategies,
            parse.GetValue(Partitions),
            parse.GetValue(Json),
            parse.GetValue(InProcess),
            parse.GetValue(Warmup),
            cluster);
    }

    public static int Execute(RunOptions options)
    {
        var runs = new List<StrategyRun>();
        foreach (string name in options.Strategies)
        {
            if (name == NaiveListStrategy.StrategyName && options.Request.Count > NaiveListStrategy.MaxCount)
            {
                Console.Error.WriteLine($"skipped {name}: a List<int> holds at most {NaiveListStrategy.MaxCount} values.");
                continue;
            }

            if (name == DistributedRun.Name)
            {
                // The work runs in the silos; this process is only the client, so it needs no process of its own.
                runs.Add(DistributedRun.Run(options, options.Cluster ?? throw new InvalidOperationException($"{name} needs --cluster.")));
                continue;
            }

            runs.Add(options.InProcess || options.Strategies.Count == 1 ? RunHere(options, name) : ChildProcessRunner.Run(options, name));
        }

        Console.Out.Write(options.Json ? JsonSerializer.Serialize(runs, IndentedJson) + Environment.NewLine : FormatTable(options.Request, runs));
        return 0;
    }

    private static StrategyRun RunHere(RunOptions options, string name) => Measure(options.CreateStrategy(name), options);

    /// <summary>Runs <paramref name="strategy"/> on the request after its warm-up runs, in this process, and reports it with this process's peak memory.</summary>
    internal static StrategyRun Measure(IGenerateAndSum strategy, RunOptions options)
    {
        for (int i = 0; i < options.Warmup; i++)
        {
            _ = strategy.GenerateAndSumAsync(options.Request).GetAwaiter().GetResult();
        }

        GenerateAndSumResult result = strategy.GenerateAndSumAsync(options.Request).GetAwaiter().GetResult();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return StrategyRun.From(result, process.PeakWorkingSet64);
    }

    internal static string FormatTable(GenerateAndSumRequest request, IReadOnlyList<StrategyRun> runs)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"count {request.Count:N0}, seed {request.Seed}, range [{request.Min}, {request.Max}], {Environment.ProcessorCount} cores");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"strategy",-13} {"sum",22} {"seconds",9} {"values/s",12} {"peak memory",12}  workers  partitioner");
        foreach (StrategyRun run in runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{run.Strategy,-13} {run.Sum,22} {run.Seconds,9:F3} {run.ValuesPerSecond,12:E3} {ByteSize.Format(run.PeakWorkingSetBytes),12}  {run.Workers,7}  {run.Partitioner ?? "-"}");
        }

        return text.ToString();
    }
}
