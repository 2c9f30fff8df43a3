namespace ParallelSum.Execution;

/// <summary>Calls into a partitioner's code and turns what goes wrong there into an <see cref="InvalidPartitioningException"/>
/// naming it.</summary>
internal static class PartitionerFaults
{
    /// <summary>The partitioner's name for results and errors: its <see cref="IndexRangePartitioner.Name"/>, or its type's name
    /// when that throws or is blank (a name is only a label).</summary>
    public static string SafeName(IndexRangePartitioner partitioner)
    {
        try
        {
            string? name = partitioner.Name;
            return string.IsNullOrWhiteSpace(name) ? partitioner.GetType().Name : name;
        }
        catch (Exception)
        {
            return partitioner.GetType().Name;
        }
    }

    /// <summary>Calls the partitioner's code and turns any exception it throws into an <see cref="InvalidPartitioningException"/>.</summary>
    public static T Call<T>(string partitionerName, Func<T> call, CancellationToken cancellationToken)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (IsFault(e, cancellationToken))
        {
            throw Fault(partitionerName, e);
        }
    }

    /// <summary>Whether an exception thrown from the partitioner's code is the partitioner's fault: anything but the engine's
    /// own check, or a cancellation while the caller's token is canceled. A partitioner's own
    /// <see cref="OperationCanceledException"/> with the caller's token not canceled is its fault like any other exception.</summary>
    public static bool IsFault(Exception e, CancellationToken cancellationToken) =>
        e is not InvalidPartitioningException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>The error that names the partitioner and keeps its exception as the inner one.</summary>
    public static InvalidPartitioningException Fault(string partitionerName, Exception e) =>
        new(partitionerName, $"threw {e.GetType().Name}: {e.Message}", e);
}
