using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ParallelSum.Orleans.Tests;

/// <summary>The silo's own limits: a full queue refuses at once, and a range whose caller never cancels stops at its deadline.</summary>
[Collection(InProcessClusters.Name)]
public sealed class SiloLimitTests(OneTightSilo fixture)
{
    [Fact]
    public async Task FullQueue_RefusesAtOnce_AndAbandonedRangesStopAtTheirDeadline()
    {
        // Three ranges of 1e12 values that would each take minutes, sent by a caller that never cancels (as a dead client):
        // one runs, one queues, the third is refused at once; the first two stop at the silo's deadline.
        RangeAdmission admission = ((InProcessSiloHandle)fixture.Cluster.Silos[0]).ServiceProvider.GetRequiredService<RangeAdmission>();
        Task<RangeSum>[] calls = [.. Enumerable.Range(0, 2).Select(_ =>
            fixture.Cluster.Client.GetGrain<IRangeSumGrain>(Random.Shared.NextInt64()).SumRangeAsync(1, 0, 10, 0, 1_000_000_000_000, TimeSpan.FromHours(1)))];
        Assert.True(SpinWait.SpinUntil(() => RangeSummation.Running == 1 && admission.Queued == 1, TimeSpan.FromSeconds(20)), "the first range did not start, or the second did not queue");

        var refused = await Assert.ThrowsAsync<DistributedSumException>(
            () => fixture.Cluster.Client.GetGrain<IRangeSumGrain>(Random.Shared.NextInt64()).SumRangeAsync(1, 0, 10, 0, 1000, TimeSpan.FromHours(1)).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("the silo is full: 1 of MaxConcurrentRanges 1 running, 1 of MaxQueuedRanges 1 queued", refused.Message, StringComparison.Ordinal);
        Assert.All(calls, call => Assert.False(call.IsCompleted, "the refusal came only after a running range ended"));

        foreach (Task<RangeSum> call in calls)
        {
            var expired = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains("at its deadline of 3 s", expired.Message, StringComparison.Ordinal);
        }

        Assert.True(SpinWait.SpinUntil(() => RangeSummation.Running == 0, TimeSpan.FromSeconds(10)), $"{RangeSummation.Running} ranges still computing after their deadline");
    }
}
