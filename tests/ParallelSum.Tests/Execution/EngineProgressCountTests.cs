namespace ParallelSum.Tests.Execution;

/// <summary>
/// What the engine tells its progress receiver and its summary, on one worker (the calling thread, so every report comes in
/// order and at once): the count done, in batches of at most 64 steps or 65,536 indices, never a batch of nothing, ending at
/// the count; and the non-empty ranges claimed.
/// </summary>
public class EngineProgressCountTests
{
    private static readonly ParallelRunOptions OneWorker = new() { MaxDegreeOfParallelism = 1 };

    [Fact]
    public void SmallSteps_AreReportedEvery64Steps_AndOnceAtTheEnd()
    {
        List<long> reports = Run(1000, 1, OneWorker);

        // 15 batches of 64 steps, then the last 40 when the partition ends.
        Assert.Equal([.. Enumerable.Range(1, 15).Select(i => i * 64L), 1000L], reports);
    }

    [Fact]
    public void ACountThatEndsOnABatch_IsReportedOnce_NotAgainAsAnEmptyBatch()
    {
        List<long> reports = Run(128, 1, OneWorker);

        Assert.Equal([64L, 128L], reports);
    }

    [Fact]
    public void StepsOf65536Indices_AreEachReportedAtOnce()
    {
        List<long> reports = Run(3L << 16, 1L << 16, OneWorker);

        Assert.Equal([1L << 16, 2L << 16, 3L << 16], reports);
    }

    [Fact]
    public void StepsJustBelow65536Indices_AreBatchedUntilTheyReachIt()
    {
        // Steps of 65,535: the first batch reaches 65,536 indices only with its second step.
        const long Step = (1L << 16) - 1;

        List<long> reports = Run(4 * Step, Step, OneWorker);

        Assert.Equal([2 * Step, 4 * Step], reports);
    }

    [Fact]
    public void ACountOfZero_ReportsNothing_AndClaimsNoRange()
    {
        var reports = new List<long>();

        RangeLoopSummary run = RangeLoop.Run(0, 1, OneWorker, () => 0, (_, local) => local, _ => { }, new Recorder(reports), CancellationToken.None);

        Assert.Empty(reports);
        Assert.Equal(0, run.RangeCount);
        Assert.Equal(1, run.WorkerCount);
    }

    [Fact]
    public void EmptyRanges_AreNotCounted_AndCutNoStep()
    {
        // Empty ranges around and between the two halves: only the two halves count, and the steps are those of [0, 10).
        var steps = new List<IndexRange>();
        var options = new ParallelRunOptions { MaxDegreeOfParallelism = 1, Partitioner = new Listed([new(0, 0), new(0, 4), new(4, 4), new(4, 10), new(10, 10)]) };

        RangeLoopSummary run = RangeLoop.Run(10, 3, options, () => 0, (step, local) => { steps.Add(step); return local; }, _ => { }, null, CancellationToken.None);

        Assert.Equal([new(0, 3), new(3, 4), new(4, 6), new(6, 9), new(9, 10)], steps);
        Assert.Equal(2, run.RangeCount);
        Assert.Equal("listed", run.PartitionerName);
    }

    [Fact]
    public void PartitionerReturningTheWrongNumberOfPartitions_IsRefusedNamingBoth()
    {
        var options = new ParallelRunOptions { MaxDegreeOfParallelism = 2, Partitioner = new Listed([new(0, 10)], partitions: 1) };

        var e = Assert.Throws<InvalidPartitioningException>(() => RangeLoop.Run(10, 1, options, () => 0, (_, local) => local, _ => { }, null, CancellationToken.None));

        Assert.Equal("listed", e.PartitionerName);
        Assert.Contains("returned 1 partitions from GetPartitions(10, 2); it must return exactly 2, one per worker.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLocalState_IsMadeOnce_AndEveryStepSeesWhatThePreviousReturned()
    {
        int made = 0;
        var seen = new List<int>();
        int released = -1;

        RangeLoop.Run(5, 1, OneWorker, () => ++made * 100, (_, local) => { seen.Add(local); return local + 1; }, local => released = local, null, CancellationToken.None);

        Assert.Equal(1, made);
        Assert.Equal([100, 101, 102, 103, 104], seen);
        Assert.Equal(105, released);
    }

    [Fact]
    public void AnAlreadyCanceledToken_EndsTheRun_BeforeThePartitionerIsAsked()
    {
        var partitioner = new Listed([new(0, 10)]);

        var options = new ParallelRunOptions { MaxDegreeOfParallelism = 1, Partitioner = partitioner };

        var e = Assert.Throws<OperationCanceledException>(() => RangeLoop.Run(10, 1, options, () => 0, (_, local) => local, _ => { }, null, new CancellationToken(canceled: true)));

        Assert.True(e.CancellationToken.IsCancellationRequested);
        Assert.Equal(0, partitioner.Calls);
    }

    private static List<long> Run(long count, long stepLength, ParallelRunOptions options)
    {
        var reports = new List<long>();
        RangeLoopSummary run = RangeLoop.Run(count, stepLength, options, () => 0, (_, local) => local, _ => { }, new Recorder(reports), CancellationToken.None);
        Assert.Equal(1, run.RangeCount);
        return reports;
    }

    /// <summary>Records every report on the reporting thread, at once.</summary>
    private sealed class Recorder(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }

    /// <summary>One partition per worker (or as many as given): the first yields the given ranges, the others nothing.</summary>
    private sealed class Listed(IndexRange[] ranges, int? partitions = null) : IndexRangePartitioner
    {
        public override string Name => "listed";

        public int Calls { get; private set; }

        public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount)
        {
            Calls++;
            return [ranges, .. Enumerable.Repeat(Array.Empty<IndexRange>(), (partitions ?? partitionCount) - 1)];
        }
    }
}
