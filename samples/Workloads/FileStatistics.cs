using ParallelSum.Execution;

namespace Workloads;

/// <summary>Per-item work: counts the lines and bytes of every file in a folder, one file per grain, so a big file does not hold
/// up a whole block of small ones when the partitioner deals chunks dynamically.</summary>
internal static class FileStatistics
{
    public static FileTotals Run(IReadOnlyList<string> files, int maxDegreeOfParallelism, CancellationToken cancellationToken) =>
        ParallelReduction.Reduce(
            files.Count,
            grainSize: 1,
            default(FileTotals),
            range =>
            {
                var totals = default(FileTotals);
                for (long i = range.Start; i < range.End; i++)
                {
                    totals += Measure(files[(int)i]);
                }

                return totals;
            },
            (left, right) => left + right,
            new ParallelRunOptions { Partitioner = IndexRangePartitioners.DynamicChunks(1), MaxDegreeOfParallelism = maxDegreeOfParallelism },
            cancellationToken: cancellationToken);

    /// <summary>Writes <paramref name="count"/> text files of uneven sizes into <paramref name="folder"/> and returns their paths.</summary>
    public static string[] MakeFiles(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var paths = new string[count];
        for (int i = 0; i < count; i++)
        {
            paths[i] = Path.Combine(folder, $"file-{i:D4}.txt");
            File.WriteAllLines(paths[i], Enumerable.Range(0, 1 + (i * 37 % 500)).Select(line => $"line {line} of file {i}"));
        }

        return paths;
    }

    private static FileTotals Measure(string path)
    {
        long lines = 0;
        foreach (string _ in File.ReadLines(path))
        {
            lines++;
        }

        return new FileTotals(1, lines, new FileInfo(path).Length);
    }
}

/// <summary>How many files, lines and bytes.</summary>
internal readonly record struct FileTotals(long Files, long Lines, long Bytes)
{
    public static FileTotals operator +(FileTotals left, FileTotals right) =>
        new(left.Files + right.Files, left.Lines + right.Lines, left.Bytes + right.Bytes);
}
