using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

public sealed class SweepPlanTests
{
    private static SweepSettings Settings(IReadOnlyList<string> strategies, IReadOnlyList<int?> partitions) => new(
        strategies, [1_000, 1_000_000], [10_000_000_000], partitions, 1, 42, 0, 10, null, TimeSpan.FromSeconds(10), "unused", Plot: false);

    [Fact]
    public void Plan_StoringStrategies_GetOnlyTheCommonCounts()
    {
        IReadOnlyList<TrialSpec> plan = Settings(GenerateAndSumStrategies.Names, [null]).Plan();

        Assert.DoesNotContain(plan, t => t.Count == 10_000_000_000 && SweepSettings.StoresValues(t.Strategy));
        Assert.Equal(
            ["simd-chunks", "streaming", "auto"],
            plan.Where(t => t.Count == 10_000_000_000).Select(t => t.Strategy));
        Assert.Equal(5 * 2 + 3, plan.Count);
    }

    [Fact]
    public void Plan_RunsCountByCount_EveryStrategyBeforeTheNextCount()
    {
        IReadOnlyList<TrialSpec> plan = Settings(["streaming", "naive-list"], [null]).Plan();

        Assert.Equal(
            [("streaming", 1_000L), ("naive-list", 1_000L), ("streaming", 1_000_000L), ("naive-list", 1_000_000L), ("streaming", 10_000_000_000L)],
            plan.Select(t => (t.Strategy, t.Count)));
    }

    [Fact]
    public void Plan_Partitions_MultiplyOnlyThePartitionedStrategies()
    {
        IReadOnlyList<TrialSpec> plan = Settings(["naive-list", "streaming", "auto"], [1, 4]).Plan();

        Assert.Equal(["streaming/p1", "streaming/p4"], plan.Where(t => t.Strategy == "streaming").Select(t => t.Series).Distinct());
        Assert.All(plan.Where(t => t.Strategy != "streaming"), t => Assert.Null(t.Partitions));
    }
}
