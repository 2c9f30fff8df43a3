using System.Text;
using System.Text.Json;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// A sweep's results in JSON Lines: one <see cref="TrialResult"/> per line, appended and flushed as each trial ends, so a
/// sweep that is stopped or crashes keeps every finished trial.
/// </summary>
internal static class ResultsFile
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Appends one line and flushes it to disk before returning.</summary>
    public static void Append(string path, TrialResult result)
    {
        string line = JsonSerializer.Serialize(result, Compact) + "\n";
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Reads every result of the current schema from <paramref name="path"/>. Blank lines, lines of another schema and a
    /// last line cut short (a sweep stopped mid-write) are skipped and counted in <paramref name="skipped"/>; a malformed
    /// line elsewhere is an error naming the file and line.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A line other than the last is not a results line.</exception>
    public static IReadOnlyList<TrialResult> Read(string path, out int skipped)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Results file '{path}' does not exist.", path);
        }

        string[] lines = File.ReadAllLines(path);
        int last = Array.FindLastIndex(lines, line => line.Trim().Length > 0);
        var results = new List<TrialResult>();
        skipped = 0;
        for (int i = 0; i <= last; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            TrialResult? result;
            try
            {
                result = JsonSerializer.Deserialize<TrialResult>(line);
            }
            catch (JsonException e) when (i == last)
            {
                _ = e;
                skipped++;
                continue;
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{i + 1}: not a results line ({e.Message})", e);
            }

            if (result is null || result.Schema != TrialResult.CurrentSchema)
            {
                skipped++;
                continue;
            }

            results.Add(result);
        }

        return results;
    }
}
