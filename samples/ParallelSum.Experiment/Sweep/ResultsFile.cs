using System.Text;
using System.Text.Json;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// A sweep's results in JSON Lines: one <see cref="TrialResult"/> per line, appended and flushed as each trial ends, so a
/// sweep that is stopped or crashes keeps every finished trial. Every sweep has a file of its own, created exclusively.
/// </summary>
internal static class ResultsFile
{
    /// <summary>How many sweeps that started in the same second may share one folder (each gets its own numbered file).</summary>
    public const int MaxSweepsPerSecond = 1000;

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>
    /// Creates the results file of a new sweep in <paramref name="folder"/>: <c>sweep-&lt;startedAt&gt;.jsonl</c>, or
    /// <c>sweep-&lt;startedAt&gt;-2.jsonl</c>, <c>-3</c>… when another sweep has already taken that name. The file is created
    /// with create-new semantics (O_EXCL), so two sweeps, in one process or many, never share a file.
    /// </summary>
    /// <returns>The file's path and the sweep's id (the file name without <c>sweep-</c> and <c>.jsonl</c>).</returns>
    /// <exception cref="IOException">Every name for this second is taken, or the folder cannot be written.</exception>
    public static (string Path, string SweepId) CreateNew(string folder, string startedAt)
    {
        for (int n = 1; n <= MaxSweepsPerSecond; n++)
        {
            string id = n == 1 ? startedAt : $"{startedAt}-{n}";
            string path = Path.Combine(folder, $"sweep-{id}.jsonl");
            try
            {
                using var created = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
                return (path, id);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another sweep started in the same second: try the next number.
            }
        }

        throw new IOException($"{folder}: {MaxSweepsPerSecond} sweeps already started at {startedAt}; no results file name is left for that second.");
    }

    /// <summary>Appends one line, in one write, and flushes it to disk before returning.</summary>
    public static void Append(string path, TrialResult result)
    {
        string line = JsonSerializer.Serialize(result, Compact) + "\n";
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Reads every result of the current schema from <paramref name="path"/>, one line at a time. Blank lines, lines of
    /// another schema and a last line cut short (no newline at its end: a sweep stopped mid-write) are skipped and counted in
    /// <paramref name="skipped"/>; any other line that is not a results line within <see cref="ResultLimits"/> is an error
    /// naming the file and line.
    /// </summary>
    /// <param name="path">The results file.</param>
    /// <param name="skipped">How many non-blank lines were skipped.</param>
    /// <param name="admit">Called with each result before it is kept; returns why it cannot be taken (a limit over several
    /// files, say), or <see langword="null"/> to keep it.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A complete line is not a results line, a line is too long, a value
    /// is out of range, or <paramref name="admit"/> refused a result; the message starts with <c>path:line:</c>.</exception>
    public static IReadOnlyList<TrialResult> Read(string path, out int skipped, Func<TrialResult, string?>? admit = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Results file '{path}' does not exist.", path);
        }

        var results = new List<TrialResult>();
        skipped = 0;
        using var reader = new ResultsLineReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), path);
        while (reader.TryReadLine(out ReadOnlyMemory<byte> bytes, out bool terminated))
        {
            ReadOnlySpan<byte> line = bytes.Span.Trim(" \t\r"u8);
            if (line.IsEmpty)
            {
                continue;
            }

            TrialResult? result;
            try
            {
                result = JsonSerializer.Deserialize<TrialResult>(line);
            }
            catch (JsonException) when (!terminated)
            {
                // A last line with no newline is a write cut short (a sweep stopped or killed in mid-line).
                skipped++;
                continue;
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{reader.LineNumber}: not a results line ({e.Message})", e);
            }

            if (result is null || result.Schema != TrialResult.CurrentSchema)
            {
                skipped++;
                continue;
            }

            string? problem = ResultLimits.Problem(result) ?? admit?.Invoke(result);
            if (problem is not null)
            {
                throw new InvalidDataException($"{path}:{reader.LineNumber}: {problem}");
            }

            results.Add(result);
        }

        return results;
    }
}
