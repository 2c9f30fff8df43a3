using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>
/// Every option of every command, given a malformed value, in a real process: one line on stderr naming the option and
/// what it accepts, exit code 2, nothing on stdout, no unhandled exception and no stack trace, within a deadline.
/// </summary>
public sealed class MalformedOptionTests
{
    /// <summary>Small work for the cases that would otherwise start a sweep, should the value be accepted by mistake.</summary>
    private const string ShortSweep = "--counts 1e3 --large-counts none --repetitions 1 --no-plot";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>A command line (split on spaces; {file}, {corrupt}, {results} name files made for the case) and what stderr must name.</summary>
    public static TheoryData<string, string> Cases => new()
    {
        // run
        { "run --count abc", "--count: 'abc' is not accepted; expected a whole number of 0 or more" },
        { "run --count 1e30", "--count: '1e30' is not accepted" },
        { "run --count 1e19", "--count: '1e19' is not accepted" },
        { "run --count 1.5", "--count: '1.5' is not accepted" },
        { "run --count 1__0", "--count: '1__0' is not accepted" },
        { "run --count", "'--count'" },
        { "run --seed -1", "--seed: '-1' is not accepted; expected a whole number from 0 to 18446744073709551615" },
        { "run --seed 18446744073709551616", "--seed: '18446744073709551616' is not accepted" },
        { "run --min x", "--min: 'x' is not accepted; expected a whole number from -2147483648 to 2147483647" },
        { "run --max 99999999999", "--max: '99999999999' is not accepted" },
        { "run --min 5 --max 4", "--min (5) must not be greater than --max (4)" },
        { "run --strategy bogus", "--strategy: 'bogus' is not accepted; expected one of naive-list, parallel-for, simd-chunks, streaming, auto, optionally run in a pool of worker processes as <name>/pool<K> (K from 1 to 64) or <name>/pool (one process per core); or distributed, or all" },
        { "run --strategy naive-list/pool0", "--strategy: 'naive-list/pool0' is not accepted" },
        { "run --strategy naive-list/pool65", "--strategy: 'naive-list/pool65' is not accepted" },
        { "run --strategy naive-list/pool-1", "--strategy: 'naive-list/pool-1' is not accepted" },
        { "run --strategy bogus/pool2", "--strategy: 'bogus/pool2' is not accepted" },
        { "run --strategy naive-list/pool2x", "--strategy: 'naive-list/pool2x' is not accepted" },
        { "run --strategy distributed", "--strategy distributed needs --cluster" },
        { "run --partitions 0", "--partitions: '0' is not accepted; expected a whole number of 1 or more" },
        { "run --partitions many", "--partitions: 'many' is not accepted" },
        { "run --warmup -1", "--warmup: '-1' is not accepted; expected a whole number of 0 or more" },
        { "run --warmup 1.5", "--warmup: '1.5' is not accepted" },
        { "run --cluster bogus", "--cluster: 'bogus' is not accepted; expected localhost" },
        { "run --cluster localhost:99999", "--cluster: 'localhost:99999' is not accepted" },
        { "run --cluster-id", "'--cluster-id'" },
        { "run --service-id", "'--service-id'" },
        { "run --json maybe", "'maybe'" },
        { "run --in-process maybe", "'maybe'" },
        { "run --bogus", "'--bogus'" },

        // sweep, by name and as the default command
        { $"sweep --strategies streaming,bogus {ShortSweep}", "--strategies: 'bogus' is not a strategy" },
        { $"sweep --strategies naive-list/pool99 {ShortSweep}", "--strategies: 'naive-list/pool99' is not a strategy; expected all or a comma-separated list, each one of naive-list" },
        { $"sweep --counts 0 {ShortSweep}".Replace("--counts 1e3 ", "", StringComparison.Ordinal), "--counts: '0' is not accepted" },
        { "sweep --counts abc", "--counts: 'abc' is not accepted; expected comma-separated whole numbers" },
        { "sweep --large-counts lots", "--large-counts: 'lots' is not accepted; expected none or comma-separated" },
        { "sweep --partitions 0", "--partitions: '0' is not accepted; expected default or comma-separated whole numbers from 1 to 4096" },
        { "sweep --repetitions abc", "--repetitions: 'abc' is not accepted; expected a whole number from 1 to 100" },
        { "sweep --repetitions 101", "--repetitions: '101' is not accepted" },
        { "sweep --seed abc", "--seed: 'abc' is not accepted" },
        { "sweep --min x", "--min: 'x' is not accepted" },
        { "sweep --max 1e3", "--max: '1e3' is not accepted" },
        { "sweep --min 11 --max 10", "--min (11) must not be greater than --max (10)" },
        { "sweep --memory-limit 4X", "--memory-limit: '4X' is not accepted; expected a whole number of bytes" },
        { "sweep --memory-limit 0", "--memory-limit: '0' is not accepted" },
        { "sweep --total-memory-limit 4X", "--total-memory-limit: '4X' is not accepted; expected a whole number of bytes" },
        { "sweep --total-memory-limit none", "--total-memory-limit: 'none' is not accepted" },
        { "sweep --timeout abc", "--timeout: 'abc' is not accepted; expected a number of seconds more than 0 and at most 86400" },
        { "sweep --timeout 0", "--timeout: '0' is not accepted" },
        { "sweep --timeout NaN", "--timeout: 'NaN' is not accepted" },
        { "sweep --timeout 1e9", "--timeout: '1e9' is not accepted" },
        { $"sweep {ShortSweep} --out /proc/nope", "--out: cannot use '/proc/nope' as a folder" },
        { $"sweep {ShortSweep} --out {{file}}", "as a folder (it is a file)" },
        { $"sweep {ShortSweep} --out {{file}}/below", "--out: cannot use" },
        { "sweep --no-plot maybe", "'maybe'" },
        { "sweep --bogus", "'--bogus'" },
        { "--min x", "--min: 'x' is not accepted" },
        { "--timeout abc", "--timeout: 'abc' is not accepted" },
        { "bogus", "'bogus'" },

        // plot
        { "plot", "plot" },
        { "plot /nonexistent/sweep.jsonl", "'/nonexistent/sweep.jsonl' does not exist" },
        { "plot {corrupt}", "{corrupt}:2: not a results line" },
        { "plot {results} --out /proc/nope", "--out: cannot use '/proc/nope' as a folder" },
        { "plot {results} --out {file}", "as a folder (it is a file)" },
        { "plot {results} --bogus", "'--bogus'" },

        // memory, and its hidden child side
        { "memory --count abc", "--count: 'abc' is not accepted; expected a whole number from 0 to 2147483591" },
        { "memory --count -5", "--count: '-5' is not accepted" },
        { "memory --count 1e12", "--count: '1e12' is not accepted; expected a whole number from 0 to 2147483591 (naive-list holds every value in one List<int>)" },
        { "memory --json maybe", "'maybe'" },
        { "memory --bogus", "'--bogus'" },
        { "memory-trial", "--count" },
        { "memory-trial --count 1e30", "--count: '1e30' is not accepted" },

        // trial (hidden; the sweep's child side)
        { "trial --strategy bogus --count 5", "--strategy: 'bogus' is not accepted; expected one of naive-list, parallel-for, simd-chunks, streaming, auto" },
        { "trial --count 5", "--strategy" },
        { "trial --strategy streaming", "--count" },
        { "trial --strategy streaming --count abc", "--count: 'abc' is not accepted" },
        { "trial --strategy streaming --count 5 --partitions 0", "--partitions: '0' is not accepted" },
        { "trial --strategy streaming --count 5 --seed x", "--seed: 'x' is not accepted" },
        { "trial --strategy streaming --count 5 --min x", "--min: 'x' is not accepted" },
        { "trial --strategy streaming --count 5 --max x", "--max: 'x' is not accepted" },
        { "trial --strategy streaming --count 5 --min 5 --max 1", "--min (5) must not be greater than --max (1)" },
        { "trial --strategy streaming --count 5 --repetitions 0", "--repetitions: '0' is not accepted" },
        { "trial --strategy streaming --count 5 --processes 0", "--processes: '0' is not accepted; expected a whole number from 1 to 64" },
        { "trial --strategy streaming --count 5 --processes 65", "--processes: '65' is not accepted" },

        // pool-worker (hidden; a pool's worker)
        { "pool-worker --strategy streaming --count 5", "--start" },
        { "pool-worker --strategy bogus --start 0 --count 5", "--strategy: 'bogus' is not accepted" },
        { "pool-worker --strategy streaming --start -1 --count 5", "--start: '-1' is not accepted" },
        { "pool-worker --strategy streaming --start 9223372036854775807 --count 5", "--start (9223372036854775807) + --count (5) must be at most 9223372036854775807" },
        { "pool-worker --strategy streaming --start 0 --count 5 --min 3 --max 2", "--min (3) must not be greater than --max (2)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MalformedValue_OneLineNamingIt_ExitCode2_NoStackTrace(string commandLine, string expected)
    {
        using var folder = new TempFolder();
        var files = new Dictionary<string, string>
        {
            ["{file}"] = folder.File("a-file"),
            ["{corrupt}"] = folder.File("corrupt.jsonl"),
            ["{results}"] = folder.File("results.jsonl"),
        };
        File.WriteAllText(files["{file}"], "not a folder");
        ResultsFile.Append(files["{results}"], Trial(1_000));
        File.Copy(files["{results}"], files["{corrupt}"]);
        File.AppendAllText(files["{corrupt}"], "{ this is not JSON\n");
        ResultsFile.Append(files["{corrupt}"], Trial(2_000));
        string[] arguments = [.. commandLine.Split(' ').Select(argument => files.Aggregate(argument, (text, file) => text.Replace(file.Key, file.Value, StringComparison.Ordinal)))];
        expected = files.Aggregate(expected, (text, file) => text.Replace(file.Key, file.Value, StringComparison.Ordinal));

        (int exitCode, string output, string error) = ProgramRun.Run(Deadline, arguments);

        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.EndsWith("(see --help)", line, StringComparison.Ordinal);
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
    }

    private static TrialResult Trial(long count) => new()
    {
        Sweep = "s", Host = "h", Cores = 2, Strategy = "streaming", Count = count, Repetitions = 1, Seconds = 0.001, Sum = "1",
    };
}
