namespace ParallelSum.Experiment.CommandLine;

/// <summary>
/// Bad usage found once a command has started, before its work: an output folder that cannot be created, an input file
/// that cannot be read. The program prints its message as one line and exits with <see cref="ExitCodes.BadUsage"/>.
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
