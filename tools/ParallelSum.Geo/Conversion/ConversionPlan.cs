namespace ParallelSum.Geo.Conversion;

/// <summary>Where the workers run.</summary>
internal enum ExecutionMode
{
    /// <summary>One worker: the calling thread converts every file in order.</summary>
    Single,

    /// <summary>Several worker threads in this process.</summary>
    Threads,

    /// <summary>Several worker processes (this program's hidden <c>worker</c> command), fed by this process.</summary>
    Processes,
}

/// <summary>How files are handed to workers.</summary>
internal enum PartitionerKind
{
    /// <summary>One contiguous block of files per worker, fixed up front, each worked through in order by its worker.</summary>
    Static,

    /// <summary>A free worker takes the next file not yet taken.</summary>
    Dynamic,
}

/// <summary>A mode, a worker count and a partitioner: everything that decides who converts which file.</summary>
internal sealed record ConversionPlan(ExecutionMode Mode, int Workers, PartitionerKind Partitioner)
{
    public static ConversionPlan Single { get; } = new(ExecutionMode.Single, 1, PartitionerKind.Static);

    /// <summary>
    /// Gets the name of how files are shared, such as <c>static-blocks(2)</c> or <c>dynamic(2)</c>. Files are indexed in the
    /// order given (name order by default), not sorted by size: static blocks then get whatever sizes fall into them.
    /// </summary>
    public string PartitionerName => Mode == ExecutionMode.Single
        ? "static-blocks(1)"
        : Partitioner == PartitionerKind.Static ? $"static-blocks({Workers})" : $"dynamic({Workers})";

    /// <summary>Gets a short label such as <c>single</c>, <c>threads-dynamic(2)</c>.</summary>
    public string Label => Mode == ExecutionMode.Single
        ? "single"
        : $"{(Mode == ExecutionMode.Threads ? "threads" : "processes")}-{(Partitioner == PartitionerKind.Static ? "static" : "dynamic")}({Workers})";

    /// <summary>Parses a label as <see cref="Label"/> prints it, or with <c>:N</c> for <c>(N)</c>; without a count, <paramref name="defaultWorkers"/>.</summary>
    public static bool TryParse(string text, int defaultWorkers, out ConversionPlan plan)
    {
        plan = Single;
        // "threads-static(4)" as printed, or "threads-static:4", which needs no quoting in a shell.
        string body = text.Trim().Replace(':', '(');
        int workers = defaultWorkers;
        int open = body.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0)
        {
            string number = body[(open + 1)..].TrimEnd(')');
            if (!int.TryParse(number, out workers) || workers is < 1 or > 256)
            {
                return false;
            }

            body = body[..open];
        }

        switch (body)
        {
            case "single" when open < 0 || workers == 1:
                return true;
            case "threads-static": plan = new(ExecutionMode.Threads, workers, PartitionerKind.Static); return true;
            case "threads-dynamic": plan = new(ExecutionMode.Threads, workers, PartitionerKind.Dynamic); return true;
            case "processes-static": plan = new(ExecutionMode.Processes, workers, PartitionerKind.Static); return true;
            case "processes-dynamic": plan = new(ExecutionMode.Processes, workers, PartitionerKind.Dynamic); return true;
            default: return false;
        }
    }
}
