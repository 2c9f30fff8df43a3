using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParallelSum.Experiment.CommandLine;
using ParallelSum.Experiment.Processes;
using ParallelSum.Experiment.Strategies;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Retention;

/// <summary>
/// The <c>memory</c> command: answers the original experiment's last observation — after its single-process run the
/// machine's RAM stayed higher than before — for .NET. Each garbage-collector configuration runs <c>naive-list</c> in a
/// child process (<see cref="RetentionTrialCommand"/>); the parent prints the child's memory after each step beside the
/// whole machine's RAM in use at that moment, and once more after the child has exited.
/// </summary>
internal static class RetentionCommand
{
    /// <summary>The garbage-collector configurations measured, with the environment each child gets.</summary>
    public static readonly IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Environment)> Configurations =
    [
        ("workstation GC", new Dictionary<string, string>()),
        ("workstation GC, GCConserveMemory=7", new Dictionary<string, string> { ["DOTNET_GCConserveMemory"] = "7" }),
        ("server GC", new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" }),
    ];

    /// <summary>How long one configuration's child may run before it is killed.</summary>
    public static readonly TimeSpan ChildDeadline = TimeSpan.FromMinutes(5);

    /// <summary>The step printed after the child process has exited.</summary>
    public const string AfterExitStep = "after the process exited";

    private static readonly Option<long> Count = new("--count", "-n")
    {
        Description = $"How many values naive-list holds in its list (0 to {LibraryStrategies.NaiveListMaxCount}).",
        DefaultValueFactory = _ => 200_000_000,
        CustomParser = OptionParsers.Count(LibraryStrategies.NaiveListMaxCount, "naive-list holds every value in one List<int>"),
    };

    private static readonly Option<bool> Json = new("--json") { Description = "Print the rows as JSON lines instead of a table." };

    public static Command Create()
    {
        var command = new Command("memory", "Measure which memory a run keeps after it ends (process, garbage collector, machine), for each garbage-collector configuration.")
        {
            Count, Json,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(parse.GetValue(Count), parse.GetValue(Json), Console.Out, cancellationToken)));
        return command;
    }

    /// <summary>Runs every configuration and prints its rows; returns the exit code.</summary>
    public static int Execute(long count, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        if (!json)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"naive-list holding {count:N0} values; machine RAM {Format(MachineMemory.TotalBytes())}; {Environment.ProcessorCount} cores; .NET {Environment.Version}"));
            output.WriteLine($"{"configuration",-36} {"step",-26} {"process RSS",12} {"managed heap",13} {"GC committed*",13} {"machine RAM used",17} {"vs before",10} {"page cache",11}");
        }

        bool allOk = true;
        if (!json)
        {
            output.WriteLine("(* as of the last garbage collection; machine RAM used = MemTotal - MemAvailable, which leaves out the page cache)");
        }

        foreach ((string name, IReadOnlyDictionary<string, string> environment) in Configurations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            allOk &= RunOne(name, environment, count, json, output, cancellationToken);
        }

        return allOk ? ExitCodes.Ok : ExitCodes.WorkFailed;
    }

    private static bool RunOne(string name, IReadOnlyDictionary<string, string> environment, long count, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        // Let the previous child's pages go back to the machine before taking the baseline.
        Thread.Sleep(TimeSpan.FromSeconds(1));
        long? before = MachineMemory.UsedBytes();
        ProcessStartInfo start = SelfProcess.StartInfo(["memory-trial", "--count", count.ToString(CultureInfo.InvariantCulture)]);
        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        using Process child = ChildProcesses.Start(start);
        Task<string> error = child.StandardError.ReadToEndAsync(CancellationToken.None);
        using CancellationTokenRegistration kill = cancellationToken.Register(() => child.Kill(entireProcessTree: true));
        int steps = 0;
        while (child.StandardOutput.ReadLine() is string line)
        {
            MemorySnapshot snapshot = JsonSerializer.Deserialize<MemorySnapshot>(line) ?? throw new InvalidDataException($"memory-trial printed '{line}'");
            Row(output, json, name, snapshot.Step, snapshot.WorkingSetBytes, snapshot.ManagedHeapBytes, snapshot.GcCommittedBytes, MachineMemory.UsedBytes(), before);
            steps++;
        }

        bool exited = child.WaitForExit(ChildDeadline);
        if (!exited)
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!exited || child.ExitCode != 0 || steps != RetentionTrialCommand.Steps.Count)
        {
            // The child's own words: its exit code and signal, and the last lines it wrote on stderr (an out-of-memory
            // failure says so).
            string reason = exited
                ? TrialRunner.Classify(child.ExitCode, null, error.Result).Reason ?? $"exit code {child.ExitCode}"
                : $"it did not finish within {ChildDeadline.TotalMinutes:0} minutes and was killed";
            Console.Error.WriteLine($"error: the {name} trial failed after {steps} of {RetentionTrialCommand.Steps.Count} steps: {reason}");
            return false;
        }

        Thread.Sleep(TimeSpan.FromSeconds(1));
        Row(output, json, name, AfterExitStep, null, null, null, MachineMemory.UsedBytes(), before);
        return true;
    }

    private static void Row(TextWriter output, bool json, string configuration, string step, long? rss, long? heap, long? committed, long? machine, long? before)
    {
        long? cache = MachineMemory.PageCacheBytes();
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { configuration, step, workingSetBytes = rss, managedHeapBytes = heap, gcCommittedBytes = committed, machineUsedBytes = machine, machineUsedBeforeBytes = before, pageCacheBytes = cache }));
            return;
        }

        string delta = machine is long m && before is long b ? (m >= b ? "+" : "-") + Format(Math.Abs(m - b)) : "-";
        output.WriteLine($"{configuration,-36} {step,-26} {Format(rss),12} {Format(heap),13} {Format(committed),13} {Format(machine),17} {delta,10} {Format(cache),11}");
    }

    private static string Format(long? bytes) => bytes is long b ? ByteSize.Format(b) : "-";
}
