namespace ParallelSum.Tests.Requests;

/// <summary>Progress as a fraction: completed over total, and complete when there is nothing to do.</summary>
public class ProgressFractionTests
{
    [Theory]
    [InlineData(0, 0, 1.0)] // nothing to do is done
    [InlineData(0, 10, 0.0)]
    [InlineData(5, 10, 0.5)]
    [InlineData(10, 10, 1.0)]
    [InlineData(1, 3, 1.0 / 3)]
    public void Fraction_IsCompletedOverTotal(long completed, long total, double expected) =>
        Assert.Equal(expected, new GenerateAndSumProgress(completed, total).Fraction);
}
