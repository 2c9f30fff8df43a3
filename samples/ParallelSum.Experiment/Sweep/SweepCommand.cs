using System.CommandLine;
using System.Globalization;
using ParallelSum.Experiment.CommandLine;
using ParallelSum.Experiment.Plotting;
using ParallelSum.Experiment.Processes;
using ParallelSum.Experiment.Strategies;
using Spectre.Console;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// The <c>sweep</c> command, and what the program runs with no arguments: every chosen strategy at every chosen count,
/// each trial in its own child process, results appended to a JSON Lines file as each ends, then tables and charts.
/// </summary>
internal static class SweepCommand
{
    /// <summary>The default counts: powers of ten from 1e3 to 1e9, every strategy.</summary>
    public const string DefaultCounts = "1e3,1e4,1e5,1e6,1e7,1e8,1e9";

    /// <summary>The default further counts for the strategies that store no values.</summary>
    public const string DefaultLargeCounts = "1e10";

    private const int DefaultRepetitions = 3;
    private const string NoMemoryLimit = "none";
    private const double DefaultTimeoutSeconds = 120;
    private const double MaxTimeoutSeconds = 86_400;

    private static readonly Option<string> Strategies = new("--strategies", "-s")
    {
        Description = $"Comma-separated strategies to run, each {StrategyChoice.Accepted}; or all: every strategy and {RunCommand.DefaultPool}.",
        DefaultValueFactory = _ => "all",
    };

    private static readonly Option<string> Counts = new("--counts", "-n")
    {
        Description = $"Counts every strategy runs: {CountList.Accepted}.",
        DefaultValueFactory = _ => DefaultCounts,
    };

    private static readonly Option<string> LargeCounts = new("--large-counts")
    {
        Description = "Further counts for the strategies that store no values (simd-chunks, streaming, auto), or none.",
        DefaultValueFactory = _ => DefaultLargeCounts,
    };

    private static readonly Option<string> Partitions = new("--partitions", "-p")
    {
        Description = "Comma-separated static block counts for the partitioned strategies (parallel-for, simd-chunks, streaming); 'default' is one per core.",
        DefaultValueFactory = _ => "default",
    };

    private static readonly Option<int> Repetitions = new("--repetitions", "-r")
    {
        Description = "Timed runs per trial, in the trial's own process; the median is reported (1 to 100).",
        DefaultValueFactory = _ => DefaultRepetitions,
        CustomParser = OptionParsers.WholeNumber(1, 100),
    };

    private static readonly Option<ulong> Seed = RequestOptions.Seed();

    private static readonly Option<int> Min = RequestOptions.Min();

    private static readonly Option<int> Max = RequestOptions.Max();

    private static readonly Option<string?> MemoryLimit = new("--memory-limit", "-m")
    {
        Description = $"Cap the managed heap of each process of a trial on its own (the runtime's GC heap hard limit; a pool's every worker gets it too), e.g. 2G: {ByteSize.Accepted}; or none. Default: {DefaultMemoryCap.Description}, shared out among a pool's workers.",
    };

    private static readonly Option<string?> TotalMemoryLimit = new("--total-memory-limit")
    {
        Description = $"Cap the memory of all the processes of a trial together (a Linux memory cgroup per trial: the trial's process and a pool's workers share it), e.g. 4G: {ByteSize.Accepted}. Default: none.",
    };

    private static readonly Option<double> Timeout = new("--timeout")
    {
        Description = "Seconds one trial's process may take, repetitions included, before it is killed and recorded as a timeout.",
        DefaultValueFactory = _ => DefaultTimeoutSeconds,
        CustomParser = OptionParsers.Seconds(MaxTimeoutSeconds),
    };

    private static readonly Option<string> Output = new("--out", "-o")
    {
        Description = "Folder for the results file (sweep-<time>.jsonl) and the charts.",
        DefaultValueFactory = _ => Path.Combine("artifacts", "experiment"),
    };

    private static readonly Option<bool> NoPlot = new("--no-plot") { Description = "Do not render the charts at the end." };

    public static Command Create()
    {
        var command = new Command("sweep", "Time every strategy over a range of counts, each trial in its own process; write results, tables and charts (the default command).")
        {
            Strategies, Counts, LargeCounts, Partitions, Repetitions, Seed, Min, Max, MemoryLimit, TotalMemoryLimit, Timeout, Output, NoPlot,
        };
        command.Validators.Add(result =>
        {
            result.RequireMinNotAboveMax(Min, Max);
            foreach (string error in Validate(result))
            {
                result.AddError(error);
            }
        });
        command.SetAction((parse, cancellationToken) => ExecuteAsync(Read(parse), cancellationToken));
        return command;
    }

    private static IEnumerable<string> Validate(System.CommandLine.Parsing.CommandResult result)
    {
        string strategies = result.ValueOr(Strategies, "all");
        if (strategies != "all")
        {
            foreach (string name in strategies.Split(',', StringSplitOptions.TrimEntries).Where(n => !StrategyChoice.TryParse(n, out _)))
            {
                yield return $"--strategies: '{name}' is not a strategy; expected all or a comma-separated list, each {StrategyChoice.Accepted}.";
            }
        }

        if (!CountList.TryParse(result.ValueOr(Counts, DefaultCounts), out _, out string? bad))
        {
            yield return $"--counts: '{bad}' is not accepted; expected {CountList.Accepted}.";
        }

        string large = result.ValueOr(LargeCounts, DefaultLargeCounts);
        if (large != "none" && !CountList.TryParse(large, out _, out bad))
        {
            yield return $"--large-counts: '{bad}' is not accepted; expected none or {CountList.Accepted}.";
        }

        if (!TryParsePartitions(result.ValueOr(Partitions, "default"), out _, out bad))
        {
            yield return $"--partitions: '{bad}' is not accepted; expected default or comma-separated whole numbers from 1 to 4096.";
        }

        if (result.ValueOr(MemoryLimit, null) is string limit && limit != NoMemoryLimit && !ByteSize.TryParse(limit, out _))
        {
            yield return $"--memory-limit: '{limit}' is not accepted; expected {ByteSize.Accepted}, or none.";
        }

        if (result.ValueOr(TotalMemoryLimit, null) is string total && !ByteSize.TryParse(total, out _))
        {
            yield return $"--total-memory-limit: '{total}' is not accepted; expected {ByteSize.Accepted}.";
        }
    }

    /// <summary>Reads the validated options.</summary>
    public static SweepSettings Read(ParseResult parse)
    {
        string strategies = parse.GetValue(Strategies)!;
        _ = CountList.TryParse(parse.GetValue(Counts)!, out IReadOnlyList<long> counts, out _);
        string largeText = parse.GetValue(LargeCounts)!;
        IReadOnlyList<long> large = [];
        if (largeText != "none")
        {
            _ = CountList.TryParse(largeText, out large, out _);
        }

        _ = TryParsePartitions(parse.GetValue(Partitions)!, out IReadOnlyList<int?> partitions, out _);
        string? limitText = parse.GetValue(MemoryLimit);
        long? limit = limitText is null ? DefaultMemoryCap.Bytes
            : ByteSize.TryParse(limitText, out long bytes) ? bytes
            : null;
        return new SweepSettings(
            strategies == "all" ? RunCommand.AllStrategies : [.. strategies.Split(',', StringSplitOptions.TrimEntries).Select(n => StrategyChoice.Parse(n).Name).Distinct()],
            counts,
            large,
            partitions,
            parse.GetValue(Repetitions),
            parse.GetValue(Seed),
            parse.GetValue(Min),
            parse.GetValue(Max),
            limit,
            TimeSpan.FromSeconds(parse.GetValue(Timeout)),
            parse.GetValue(Output)!,
            !parse.GetValue(NoPlot),
            DefaultMemoryLimit: limitText is null,
            TotalMemoryLimitBytes: parse.GetValue(TotalMemoryLimit) is string total && ByteSize.TryParse(total, out long totalBytes) ? totalBytes : null);
    }

    /// <summary>Runs the sweep; returns 0 unless strategies disagreed on a sum.</summary>
    public static async Task<int> ExecuteAsync(SweepSettings settings, CancellationToken cancellationToken)
    {
        if (settings.TotalMemoryLimitBytes is not null && MemoryCgroup.Unavailable is string unavailable)
        {
            throw new UsageException($"{TotalMemoryLimit.Name}: this system gives no memory cgroup the program can make ({unavailable}); expected Linux with the cgroup memory controller and the right to make groups below this program's own.");
        }

        OutputFolder.Create(settings.OutputFolder, Output.Name);
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Redirected output gets 80 columns by default, which folds the tables; logs have no width limit.
            AnsiConsole.Profile.Width = 160;
        }

        string startedAt = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string path, sweepId;
        try
        {
            (path, sweepId) = ResultsFile.CreateNew(settings.OutputFolder, startedAt);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{Output.Name}: cannot create a results file in '{settings.OutputFolder}' ({ExitCodes.OneLine(e.Message)}); expected a folder this program can write to.", e);
        }

        IReadOnlyList<TrialSpec> plan = settings.Plan();
        Console.Out.WriteLine($"sweep {sweepId}: {plan.Count} trials, {settings.Repetitions} repetitions each, {Environment.ProcessorCount} cores"
            + $"; {MemoryCapText(settings)}; results: {path}");

        TrialResult idle = MeasureIdle(sweepId, settings);
        ResultsFile.Append(path, idle);

        var results = new List<TrialResult>();
        var runner = new TrialRunner(settings, sweepId);
        var retired = new Dictionary<string, TrialResult>();
        try
        {
            await SweepProgress.RunAsync(plan, async spec =>
            {
                if (retired.ContainsKey(spec.Series))
                {
                    return null;
                }

                TrialResult result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
                ResultsFile.Append(path, result);
                results.Add(result);

                // A strategy that ran out of memory or time at one count would only do so again at larger ones.
                if (result.Outcome is TrialOutcome.MemoryError or TrialOutcome.Timeout or TrialOutcome.Unsupported)
                {
                    retired[spec.Series] = result;
                }

                return result;
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine($"sweep cancelled; {results.Count} finished trials are in {path}");
            return ExitCodes.Cancelled;
        }

        foreach ((string series, TrialResult last) in retired)
        {
            Console.Out.WriteLine($"{series}: stopped after {last.Outcome} at {CountList.Format(last.Count)}.");
        }

        AnsiConsole.Write(SweepTables.Seconds(results));
        AnsiConsole.Write(SweepTables.PeakMemory(results));
        AnsiConsole.Write(SweepTables.MachineUsage(idle, results));
        Console.Out.WriteLine($"results: {path}");

        if (settings.Plot && results.Count > 0)
        {
            try
            {
                ChartSet.Render([idle, .. results], settings.OutputFolder, written: chart => Console.Out.WriteLine($"chart: {chart}"), cancellationToken: cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Console.Error.WriteLine($"sweep cancelled while rendering its charts; all {results.Count} trials are in {path}");
                return ExitCodes.Cancelled;
            }
        }

        IReadOnlyList<string> disagreements = SweepTables.SumDisagreements(results);
        foreach (string disagreement in disagreements)
        {
            Console.Error.WriteLine($"error: strategies disagree on the sum at {disagreement}");
        }

        return disagreements.Count == 0 ? 0 : 1;
    }

    private static string MemoryCapText(SweepSettings settings) =>
        ProcessCapText(settings) + (settings.TotalMemoryLimitBytes is long total ? $"; the processes of each trial together capped at {ByteSize.Format(total)} (a memory cgroup)" : "");

    private static string ProcessCapText(SweepSettings settings) => settings.MemoryLimitBytes switch
    {
        null => "no memory cap per process",
        long cap when settings.DefaultMemoryLimit => $"each trial's managed heap capped at {ByteSize.Format(cap)} ({DefaultMemoryCap.Description}; a pool of K processes gets 1/K of it in each; --memory-limit none lifts it)",
        long cap => $"each process's managed heap capped at {ByteSize.Format(cap)}, a pool's every worker included",
    };

    private static TrialResult MeasureIdle(string sweepId, SweepSettings settings)
    {
        using var system = new SystemUsageSampler();
        Thread.Sleep(TimeSpan.FromSeconds(1));
        system.Dispose();
        return TrialResult.Of(sweepId, settings) with
        {
            Kind = TrialResult.IdleKind,
            Machine = MachineDescription.Current(),
            SystemCpuPeakPercent = system.PeakCpuPercent,
            SystemRamPeakPercent = system.PeakRamPercent,
            WallSeconds = 1,
        };
    }

    private static bool TryParsePartitions(string text, out IReadOnlyList<int?> partitions, out string? bad)
    {
        var list = new List<int?>();
        partitions = list;
        bad = null;
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (item == "default")
            {
                list.Add(null);
            }
            else if (int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is >= 1 and <= 4096)
            {
                list.Add(p);
            }
            else
            {
                bad = item;
                return false;
            }
        }

        if (list.Count == 0)
        {
            bad = text;
            return false;
        }

        return true;
    }
}
