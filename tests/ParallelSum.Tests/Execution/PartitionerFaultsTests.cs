namespace ParallelSum.Tests.Execution;

/// <summary>
/// <see cref="PartitionerFaults"/>: which exceptions from a partitioner's code are its faults, and the name a partitioner is
/// reported under when its own name cannot be had.
/// </summary>
public class PartitionerFaultsTests
{
    [Fact]
    public void TheEnginesOwnRefusal_IsPassedThrough_NotWrappedAgain() =>
        Assert.False(PartitionerFaults.IsFault(new InvalidPartitioningException("p", "broke", null), CancellationToken.None));

    [Fact]
    public void ACancellation_WhileTheCallersTokenIsCanceled_IsTheCallers() =>
        Assert.False(PartitionerFaults.IsFault(new OperationCanceledException(), new CancellationToken(canceled: true)));

    [Fact]
    public void ACancellation_OfThePartitionersOwn_IsItsFault() =>
        Assert.True(PartitionerFaults.IsFault(new OperationCanceledException(), CancellationToken.None));

    [Fact]
    public void AnyOtherException_IsItsFault_EvenAfterTheCallerCanceled()
    {
        Assert.True(PartitionerFaults.IsFault(new IOException("disk"), CancellationToken.None));
        Assert.True(PartitionerFaults.IsFault(new IOException("disk"), new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void ABlankName_IsReplacedByTheTypeName(string? name) =>
        Assert.Equal(nameof(Named), PartitionerFaults.SafeName(new Named(() => name)));

    [Fact]
    public void ANameThatThrows_IsReplacedByTheTypeName() =>
        Assert.Equal(nameof(Named), PartitionerFaults.SafeName(new Named(() => throw new InvalidOperationException("no name"))));

    [Fact]
    public void AName_IsKept() => Assert.Equal("mine", PartitionerFaults.SafeName(new Named(() => "mine")));

    private sealed class Named(Func<string?> name) : IndexRangePartitioner
    {
        public override string Name => name()!;

        public override IReadOnlyList<IEnumerable<IndexRange>> GetPartitions(long count, int partitionCount) => throw new NotSupportedException();
    }
}
