using System.CommandLine;
using ParallelSum.Experiment.CommandLine;
using ParallelSum.Experiment.Strategies;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Pool;

/// <summary>
/// The hidden <c>pool-worker</c> command: one worker of a <see cref="ProcessPool"/>. Generates and sums the values at
/// <c>[--start, --start + --count)</c> once with the strategy named, on one thread when the strategy takes a partitioner
/// (as the original's single-threaded Python workers did), and prints one <see cref="TrialReport"/> line with its partial
/// sum. Exit codes as the <c>trial</c> command's: 0 done, 3 out of memory, 4 the strategy does not take this count.
/// </summary>
internal static class PoolWorkerCommand
{
    /// <summary>The command's name, as a worker's command line shows it.</summary>
    public const string Name = "pool-worker";

    private static readonly Option<string> Strategy = new("--strategy") { Required = true, CustomParser = OptionParsers.OneOf(LibraryStrategies.Names) };
    private static readonly Option<long> Start = new("--start") { Required = true, CustomParser = OptionParsers.Count() };
    private static readonly Option<long> Count = new("--count") { Required = true, CustomParser = OptionParsers.Count() };
    private static readonly Option<ulong> Seed = RequestOptions.Seed();
    private static readonly Option<int> Min = RequestOptions.Min();
    private static readonly Option<int> Max = RequestOptions.Max();

    public static Command Create()
    {
        var command = new Command(Name, "Sum one share of a request as a worker of a process pool and print the partial sum as one JSON line (used by the pool strategies).")
        {
            Strategy, Start, Count, Seed, Min, Max,
        };
        command.Hidden = true;
        command.Validators.Add(result =>
        {
            result.RequireMinNotAboveMax(Min, Max);
            long start = result.ValueOr(Start, 0), count = result.ValueOr(Count, 0);
            if (start > long.MaxValue - count)
            {
                result.AddError($"--start ({start}) + --count ({count}) must be at most {long.MaxValue}.");
            }
        });
        command.SetAction(parse =>
        {
            string strategy = parse.GetValue(Strategy)!;
            long count = parse.GetValue(Count);
            return TrialCommand.Execute(
                new TrialSpec(strategy, count, LibraryStrategies.TakesPartitioner(strategy) ? 1 : null),
                new GenerateAndSumRequest(count, parse.GetValue(Seed), parse.GetValue(Min), parse.GetValue(Max), startIndex: parse.GetValue(Start)),
                repetitions: 1,
                Console.Out);
        });
        return command;
    }
}
