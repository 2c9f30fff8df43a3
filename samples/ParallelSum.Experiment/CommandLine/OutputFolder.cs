namespace ParallelSum.Experiment.CommandLine;

/// <summary>Output folders given on the command line.</summary>
internal static class OutputFolder
{
    /// <summary>Creates <paramref name="path"/> (and its parents) unless it exists.</summary>
    /// <exception cref="UsageException">It cannot be created, or it names something that is not a folder.</exception>
    public static void Create(string path, string option)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string reason = File.Exists(path) ? "it is a file" : ExitCodes.OneLine(e.Message);
            throw new UsageException($"{option}: cannot use '{path}' as a folder ({reason}); expected a folder that exists or can be created.", e);
        }
    }
}
