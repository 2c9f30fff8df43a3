namespace ParallelSum.Tests.Execution;

/// <summary><see cref="ParallelRunOptions"/>: no worker limit by default, which means one worker per processor (at most
/// 512); a limit is used as given up to 512.</summary>
public class ParallelRunOptionsTests
{
    [Fact]
    public void ByDefault_ThereIsNoLimit_AndARunUsesOneWorkerPerProcessor()
    {
        Assert.Equal(-1, new ParallelRunOptions().MaxDegreeOfParallelism);
        Assert.Equal(-1, ParallelRunOptions.Default.MaxDegreeOfParallelism);
        Assert.Equal(Math.Min(Environment.ProcessorCount, ParallelRunOptions.MaxWorkerCount), ParallelRunOptions.Default.WorkerCount);
        Assert.Null(ParallelRunOptions.Default.Partitioner);
        Assert.Equal("static-blocks", ParallelRunOptions.Default.EffectivePartitioner.Name);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(512, 512)]
    [InlineData(513, 512)]
    [InlineData(int.MaxValue, 512)]
    public void ALimit_IsTheWorkerCount_UpTo512(int limit, int workers) =>
        Assert.Equal(workers, new ParallelRunOptions { MaxDegreeOfParallelism = limit }.WorkerCount);
}
