namespace ParallelSum.Execution;

/// <summary>
/// A partitioner broke the <see cref="IndexRangePartitioner"/> contract: a range out of bounds, overlapping another, a gap
/// left, a wrong number of partitions, a <see langword="null"/> where a partition was due, or an exception thrown from its code (then the
/// <see cref="Exception.InnerException"/>). The call that used it returns no sum.
/// </summary>
public sealed class InvalidPartitioningException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InvalidPartitioningException()
        : this("The partitioner broke its contract.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public InvalidPartitioningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception thrown by the partitioner's code.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The exception the partitioner's code threw.</param>
    public InvalidPartitioningException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a named partitioner.</summary>
    /// <param name="partitionerName">The <see cref="IndexRangePartitioner.Name"/> of the partitioner at fault.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The exception the partitioner's code threw, if any.</param>
    public InvalidPartitioningException(string partitionerName, string message, Exception? innerException)
        : base($"Partitioner '{partitionerName}': {message}", innerException)
    {
        PartitionerName = partitionerName;
    }

    /// <summary>Gets the name of the partitioner at fault, when known.</summary>
    public string? PartitionerName { get; }
}
