namespace ParallelSum;

/// <summary>How far a generate-and-sum call has come.</summary>
/// <param name="CompletedCount">How many values have been generated and added so far.</param>
/// <param name="TotalCount">How many values the request asked for.</param>
public readonly record struct GenerateAndSumProgress(long CompletedCount, long TotalCount)
{
    /// <summary>Gets the completed share, from 0 to 1; 1 for a request of 0 values.</summary>
    public double Fraction => TotalCount == 0 ? 1.0 : (double)CompletedCount / TotalCount;
}
