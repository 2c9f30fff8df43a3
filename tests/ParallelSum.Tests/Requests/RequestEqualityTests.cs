namespace ParallelSum.Tests.Requests;

/// <summary>Requests are equal exactly when count, start index, seed and range all are; their text names each.</summary>
public class RequestEqualityTests
{
    public static TheoryData<GenerateAndSumRequest> Neighbours => new()
    {
        new GenerateAndSumRequest(11, 42, 0, 10, 5), // another count
        new GenerateAndSumRequest(10, 42, 0, 10, 6), // another start index
        new GenerateAndSumRequest(10, 43, 0, 10, 5), // another seed
        new GenerateAndSumRequest(10, 42, 1, 10, 5), // another minimum
        new GenerateAndSumRequest(10, 42, 0, 9, 5), // another maximum
    };

    [Theory]
    [MemberData(nameof(Neighbours))]
    public void Requests_DifferingInOneComponent_AreNotEqual(GenerateAndSumRequest other)
    {
        var request = new GenerateAndSumRequest(10, 42, 0, 10, 5);

        Assert.False(request.Equals(other));
        Assert.False(request.Equals((object)other));
    }

    [Fact]
    public void Requests_WithTheSameComponents_AreEqual()
    {
        var request = new GenerateAndSumRequest(10, 42, -3, 10, 5);
        var same = new GenerateAndSumRequest(10, 42, -3, 10, 5);

        Assert.True(request.Equals(same));
        Assert.True(request.Equals((object)same));
        Assert.Equal(request.GetHashCode(), same.GetHashCode());
        Assert.False(request.Equals(null));
        Assert.False(request.Equals((object?)null));
        Assert.False(request.Equals(request.Stream));
    }

    [Theory]
    [InlineData(0, "count 10, seed 42, [0, 10]")]
    [InlineData(5, "count 10, seed 42, [0, 10], from index 5")]
    public void ToString_NamesEveryComponent_StartIndexOnlyWhenNotZero(long startIndex, string expected) =>
        Assert.Equal(expected, new GenerateAndSumRequest(10, 42, 0, 10, startIndex).ToString());
}
