namespace ParallelSum.Orleans;

/// <summary>
/// Thrown when a distributed sum cannot be completed: the request or one of its ranges is over an admission limit, no silo
/// is active, or a range failed on every attempt. No partial sum is ever returned as a total. A silo that refuses a range
/// throws it too; the client reports it with the range it was for.
/// </summary>
[GenerateSerializer]
[Alias("ParallelSum.Orleans.DistributedSumException")]
public sealed class DistributedSumException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DistributedSumException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public DistributedSumException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the last underlying failure.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The last underlying failure.</param>
    public DistributedSumException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
