using System.Globalization;
using System.Text.Json;

namespace ParallelSum.Experiment.Tests;

/// <summary><c>run</c> with strategies that cannot take the request: each failure is reported with its reason, the others run.</summary>
public sealed class RunFailureTests
{
    [Fact]
    public void Run_CountBeyondWhatArraysHold_ReportsTheFailingStrategies_RunsTheOthers_Exit1()
    {
        const long count = 5_000_000_000;

        (int exitCode, string output, string error) = ProgramRun.Run(TimeSpan.FromMinutes(5), "run", "--count", "5e9", "--json");

        StrategyRun[] runs = JsonSerializer.Deserialize<StrategyRun[]>(output)!;
        Assert.Equal(["naive-list", "parallel-for", "simd-chunks", "streaming", "auto"], runs.Select(r => r.Strategy));
        Assert.All(runs.Take(2), failed =>
        {
            Assert.Contains("2147483591", failed.Error, StringComparison.Ordinal);
            Assert.Null(failed.Sum);
        });
        string expected = new RandomStream(42).ReferenceSum(0, count).ToString(CultureInfo.InvariantCulture);
        Assert.All(runs.Skip(2), run =>
        {
            Assert.Null(run.Error);
            Assert.Equal(expected, run.Sum);
        });
        Assert.Equal(1, exitCode);
        Assert.Equal("error: 2 of 5 strategies failed: naive-list, parallel-for.", error.Trim());
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
