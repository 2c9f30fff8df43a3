using System.Globalization;
using System.Text.Json;

namespace ParallelSum.Experiment.Tests;

/// <summary><c>run</c> with strategies that cannot take the request: each failure is reported with its reason, the others run.</summary>
public sealed class RunFailureTests
{
    /// <summary>The runtime's processor count for the program and its children (DOTNET_PROCESSOR_COUNT).</summary>
    private static readonly Dictionary<string, string> TwoCores = new() { ["DOTNET_PROCESSOR_COUNT"] = "2" };

    [Fact]
    public void Run_CountBeyondWhatArraysHold_ReportsTheFailingStrategies_RunsTheOthers_Exit1()
    {
        const long count = 5_000_000_000;

        // Two cores, whatever the machine: the default pool's two workers then get 2.5e9 values each, more than a list holds.
        (int exitCode, string output, string error) = ProgramRun.Run(TimeSpan.FromMinutes(5), TwoCores, "run", "--count", "5e9", "--json");

        StrategyRun[] runs = JsonSerializer.Deserialize<StrategyRun[]>(output)!;
        Assert.Equal(["naive-list", "parallel-for", "simd-chunks", "streaming", "auto", "naive-list/pool2"], runs.Select(r => r.Strategy));
        Assert.All([runs[0], runs[1], runs[5]], failed =>
        {
            Assert.Contains("2147483591", failed.Error, StringComparison.Ordinal);
            Assert.Null(failed.Sum);
        });
        Assert.Matches(@"^worker (1 of 2 \(values \[0, 2500000000\)\)|2 of 2 \(values \[2500000000, 5000000000\)\)): naive-list holds every value", runs[5].Error);
        string expected = new RandomStream(42).ReferenceSum(0, count).ToString(CultureInfo.InvariantCulture);
        Assert.All(runs[2..5], run =>
        {
            Assert.Null(run.Error);
            Assert.Equal(expected, run.Sum);
        });
        Assert.Equal(1, exitCode);
        Assert.Equal("error: 3 of 6 strategies failed: naive-list, parallel-for, naive-list/pool2.", error.Trim());
    }

    [Fact]
    public void FormatTable_FailedRun_ShowsFailedAndItsReason()
    {
        var request = new GenerateAndSumRequest(10, 42, 0, 10);

        string table = RunCommand.FormatTable(request, [StrategyRun.Failed("parallel-for", request, "too many values")]);

        Assert.Contains("parallel-for", table, StringComparison.Ordinal);
        Assert.Contains("failed  too many values", table, StringComparison.Ordinal);
    }
}
