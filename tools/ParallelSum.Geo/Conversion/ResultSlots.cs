namespace ParallelSum.Geo.Conversion;

/// <summary>One result slot per file, each filled exactly once, from any thread.</summary>
internal sealed class ResultSlots(IReadOnlyList<string> files)
{
    private readonly FileResult?[] _results = new FileResult?[files.Count];

    /// <summary>Records the result of file <paramref name="index"/>.</summary>
    /// <exception cref="InvalidOperationException">The file already has a result: the partitioning handed it out twice.</exception>
    public void Set(int index, FileResult result)
    {
        if (Interlocked.CompareExchange(ref _results[index], result, null) is not null)
        {
            throw new InvalidOperationException($"{Path.GetFileName(files[index])} was handed to two workers; a partitioner must cover each index once.");
        }
    }

    /// <summary>Whether file <paramref name="index"/> has its result.</summary>
    public bool IsSet(int index) => Volatile.Read(ref _results[index]) is not null;

    /// <summary>Every file's result; a file no worker finished gets an error saying why (<paramref name="missingReason"/>).</summary>
    public FileResult[] Complete(string missingReason)
    {
        var all = new FileResult[_results.Length];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = _results[i] ?? FileResult.Failed(Path.GetFileName(files[i]), missingReason, worker: -1, ShapefileFiles.InputBytes(files[i]));
        }

        return all;
    }
}
