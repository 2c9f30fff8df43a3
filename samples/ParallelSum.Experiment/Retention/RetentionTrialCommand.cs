using System.CommandLine;
using System.Runtime;
using System.Text.Json;
using ParallelSum.Experiment.CommandLine;
using ParallelSum.Experiment.Strategies;

namespace ParallelSum.Experiment.Retention;

/// <summary>
/// The hidden <c>memory-trial</c> command: the child-process side of <see cref="RetentionCommand"/>. Sums
/// <c>--count</c> values with <c>naive-list</c> (a list holding every value, as the original script did), then prints a
/// <see cref="MemorySnapshot"/> line after each step that could give memory back: the call returning, an ordinary full
/// collection, an aggressive one, and some idle time.
/// </summary>
internal static class RetentionTrialCommand
{
    /// <summary>The steps, in the order the child prints them.</summary>
    public static readonly IReadOnlyList<string> Steps =
        ["start", "after return", "after GC.Collect()", "after aggressive GC", "after 2 s idle"];

    private static readonly Option<long> Count = new("--count") { Required = true, CustomParser = OptionParsers.Count() };

    public static Command Create()
    {
        var command = new Command("memory-trial", "Sum --count values with naive-list and print this process's memory after each step (used by memory).")
        {
            Count,
        };
        command.Hidden = true;
        command.SetAction(parse => Execute(parse.GetValue(Count), Console.Out));
        return command;
    }

    /// <summary>Runs the steps, writing one snapshot line per step to <paramref name="output"/>.</summary>
    public static int Execute(long count, TextWriter output)
    {
        Write(output, MemorySnapshot.Take(Steps[0]));

        // The list lives only inside the call: when it returns, every value is garbage, as in the original script once
        // its sum was printed.
        Int128 sum = Sum(count);
        Write(output, MemorySnapshot.Take(Steps[1]));

        GC.Collect();
        Write(output, MemorySnapshot.Take(Steps[2]));

        // Aggressive: a full blocking compacting collection that also gives back as much committed memory as it can.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Write(output, MemorySnapshot.Take(Steps[3]));

        Thread.Sleep(TimeSpan.FromSeconds(2));
        Write(output, MemorySnapshot.Take(Steps[4]));
        GC.KeepAlive(sum);
        return ExitCodes.Ok;
    }

    private static Int128 Sum(long count) =>
        LibraryStrategies.Create(LibraryStrategies.NaiveList).GenerateAndSumAsync(new GenerateAndSumRequest(count, seed: 42)).GetAwaiter().GetResult().Sum;

    private static void Write(TextWriter output, MemorySnapshot snapshot)
    {
        output.WriteLine(JsonSerializer.Serialize(snapshot));
        output.Flush();
    }
}
