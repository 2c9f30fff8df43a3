namespace ParallelSum.Orleans.Tests;

/// <summary>The silo's own limits: a full queue refuses at once, and a range whose caller never cancels stops at its deadline.</summary>
[Collection(InProcessClusters.Name)]
public sealed class SiloLimitTests(OneTightSilo fixture)
{
    [Fact]
    public async Task FullQueue_RefusesAtOnce_NamingTheLimit_AndAbandonedRangesStopAtTheirDeadline()
    {
        // Three ranges of 1e12 values that would each take minutes, sent by a caller that never cancels (as a dead client):
        // one runs, one queues, the third is refused at once; the first two stop at the silo's deadline.
        RangeAdmission admission = SiloRanges.Admission(fixture.Cluster.Silos[0]);
        IRangeSumGrain grain = fixture.Cluster.Client.GetGrain<IRangeSumGrain>(fixture.Cluster.Silos[0].SiloAddress.ToParsableString());
        Task<RangeSum>[] calls = [.. Enumerable.Range(0, 2).Select(_ => grain.SumRangeAsync(Guid.NewGuid(), 1, 0, 10, 0, 1_000_000_000_000, TimeSpan.FromHours(1)))];
        Assert.True(SpinWait.SpinUntil(() => admission.Running == 1 && admission.Queued == 1, TimeSpan.FromSeconds(20)), "the first range did not start, or the second did not queue");

        var refused = await Assert.ThrowsAsync<DistributedSumException>(() => grain.SumRangeAsync(Guid.NewGuid(), 1, 0, 10, 0, 1000, TimeSpan.FromHours(1)).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("its queue is full: 1 of MaxQueuedRanges 1 queued, 1 of MaxConcurrentRanges 1 running", refused.Message, StringComparison.Ordinal);
        Assert.All(calls, call => Assert.False(call.IsCompleted, "the refusal came only after a running range ended"));

        foreach (Task<RangeSum> call in calls)
        {
            var expired = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains("at its deadline of 3 s", expired.Message, StringComparison.Ordinal);
        }

        Assert.True(SpinWait.SpinUntil(() => admission.Running == 0, TimeSpan.FromSeconds(10)), $"{admission.Running} ranges still computing after their deadline");
    }

    [Fact]
    public async Task StopRequest_StopsTheRequestsRangesAtOnce_EvenOneThatArrivesAfterIt()
    {
        RangeAdmission admission = SiloRanges.Admission(fixture.Cluster.Silos[0]);
        Assert.True(SpinWait.SpinUntil(() => admission.Running == 0 && admission.Queued == 0, TimeSpan.FromSeconds(30)), "ranges of earlier tests still on the silo");
        IRangeSumGrain grain = fixture.Cluster.Client.GetGrain<IRangeSumGrain>(fixture.Cluster.Silos[0].SiloAddress.ToParsableString());
        var request = Guid.NewGuid();
        Task<RangeSum> running = grain.SumRangeAsync(request, 1, 0, 10, 0, 1_000_000_000_000, TimeSpan.FromHours(1));
        Assert.True(SpinWait.SpinUntil(() => admission.Running == 1, TimeSpan.FromSeconds(20)), "the range did not start");

        Assert.Equal(1, await grain.StopRequestAsync(request).WaitAsync(TimeSpan.FromSeconds(20)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(20)));

        // A range of the stopped request still on its way when the stop came: stopped as soon as it arrives.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grain.SumRangeAsync(request, 1, 0, 10, 0, 1_000_000_000_000, TimeSpan.FromHours(1)).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.True(SpinWait.SpinUntil(() => admission.Running == 0, TimeSpan.FromSeconds(10)), $"{admission.Running} ranges still computing after the stop");
        Assert.Equal(0, await grain.StopRequestAsync(Guid.NewGuid()));
    }
}
