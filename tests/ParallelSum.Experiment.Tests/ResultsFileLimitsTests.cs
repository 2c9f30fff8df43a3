using System.Globalization;
using System.Text;
using System.Text.Json;
using ParallelSum.Experiment.CommandLine;
using ParallelSum.Experiment.Plotting;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>
/// A results file is read in bounded memory, and only what the charts can draw gets through: an over-long line, a value
/// out of range, too many trials or series are each refused with the file and line, wherever they appear.
/// </summary>
public sealed class ResultsFileLimitsTests
{
    private static TrialResult Trial(string strategy = "streaming", long count = 1_000) => new()
    {
        Sweep = "s", Host = "h", Cores = 2, Strategy = strategy, Count = count, Repetitions = 1, Seconds = 0.001, WallSeconds = 0.2,
        ValuesPerSecond = count / 0.001, PeakWorkingSetBytes = 40L << 20, Sum = "1", AllSeconds = [0.001],
    };

    [Fact]
    public void Read_AnOverLongLine_IsRefusedAtTheLimit_WithoutReadingTheRest()
    {
        using var folder = new TempFolder();
        string path = folder.File("long.jsonl");
        ResultsFile.Append(path, Trial());
        using (var stream = new FileStream(path, FileMode.Append))
        {
            // 64 MiB on one line, the reader's limit being 64 KiB: it must stop at the limit, not hold the line.
            byte[] block = new byte[1 << 20];
            block.AsSpan().Fill((byte)'x');
            for (int i = 0; i < 64; i++)
            {
                stream.Write(block);
            }
        }

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => ResultsFile.Read(path, out _));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.StartsWith($"{path}:2: the line is longer than {ResultLimits.MaxLineBytes} bytes", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 2L << 20, $"reading the file allocated {allocated} bytes");
    }

    [Fact]
    public void Read_ALineAtTheLimit_IsRead()
    {
        using var folder = new TempFolder();
        string path = folder.File("at-limit.jsonl");
        string line = JsonSerializer.Serialize(Trial() with { Reason = "" });
        string padded = line[..^1] + new string(' ', ResultLimits.MaxLineBytes - line.Length) + "}";
        File.WriteAllText(path, padded + "\n", new UTF8Encoding(false));

        Assert.Single(ResultsFile.Read(path, out _));
    }

    [Theory]
    [InlineData("\"seconds\":0.001", "\"seconds\":1e308", "seconds: 1E+308; accepted: a number from 0 to 1E+09")]
    [InlineData("\"seconds\":0.001", "\"seconds\":-1", "seconds: -1; accepted")]
    [InlineData("\"count\":1000", "\"count\":0", "count: 0; accepted: a whole number from 1 to")]
    [InlineData("\"count\":1000", "\"count\":-5", "count: -5; accepted")]
    [InlineData("\"cores\":2", "\"cores\":100000000", "cores: 100000000; accepted")]
    [InlineData("\"peakWorkingSetBytes\":41943040", "\"peakWorkingSetBytes\":9000000000000000000", "peakWorkingSetBytes: 9000000000000000000; accepted")]
    [InlineData("\"valuesPerSecond\":1000000", "\"valuesPerSecond\":1e300", "valuesPerSecond: 1E+300; accepted")]
    [InlineData("\"strategy\":\"streaming\"", "\"strategy\":\"{long}\"", "strategy: a name of 5000 characters; accepted: 1 to 100")]
    [InlineData("\"host\":\"h\"", "\"host\":\"\"", "host: a name of 0 characters")]
    [InlineData("\"count\":1000", "\"count\":1e308", "not a results line")]
    public void Read_AValueOutOfRange_IsAnErrorNamingFileLineAndField(string field, string hostile, string message)
    {
        using var folder = new TempFolder();
        string path = folder.File("hostile.jsonl");
        ResultsFile.Append(path, Trial());
        string line = JsonSerializer.Serialize(Trial(count: 1_000));
        Assert.Contains(field, line, StringComparison.Ordinal);
        File.AppendAllText(path, line.Replace(field, hostile.Replace("{long}", new string('n', 5000), StringComparison.Ordinal), StringComparison.Ordinal) + "\n");

        var error = Assert.Throws<InvalidDataException>(() => ResultsFile.Read(path, out _));

        Assert.StartsWith($"{path}:2: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AMalformedCompleteLastLine_IsAnError_ACutShortOneIsSkipped()
    {
        using var folder = new TempFolder();
        string cut = folder.File("cut.jsonl"), broken = folder.File("broken.jsonl");
        ResultsFile.Append(cut, Trial());
        File.AppendAllText(cut, "{\"schema\":\"parallelsum.sweep/1\",\"ki");
        ResultsFile.Append(broken, Trial());
        File.AppendAllText(broken, "{\"schema\":\"parallelsum.sweep/1\",\"ki\n");

        Assert.Single(ResultsFile.Read(cut, out int skipped));
        Assert.Equal(1, skipped);
        Assert.StartsWith($"{broken}:2: not a results line", Assert.Throws<InvalidDataException>(() => ResultsFile.Read(broken, out _)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_MoreSeriesThanAChartDraws_IsRefusedAtTheFirstLineBeyond()
    {
        using var folder = new TempFolder();
        string path = folder.File("series.jsonl");
        for (int i = 0; i < 3000; i++)
        {
            ResultsFile.Append(path, Trial(strategy: $"s{i}"));
        }

        var error = Assert.Throws<UsageException>(() => PlotCommand.Execute([path], folder.File("charts")));

        Assert.StartsWith($"files: {path}:{ResultLimits.MaxSeries + 1}: a series beyond the {ResultLimits.MaxSeries}", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("charts")), "nothing is written for refused input");
    }

    [Fact]
    public void Plot_MoreTrialsThanItReads_IsRefusedAtTheFirstLineBeyond_OverAllFiles()
    {
        using var folder = new TempFolder();
        string a = folder.File("a.jsonl"), b = folder.File("b.jsonl");
        string line = JsonSerializer.Serialize(Trial()) + "\n";
        File.WriteAllText(a, string.Concat(Enumerable.Repeat(line, ResultLimits.MaxTrials - 10)));
        File.WriteAllText(b, string.Concat(Enumerable.Repeat(line, 20)));

        var error = Assert.Throws<UsageException>(() => PlotCommand.Execute([a, b], folder.Path));

        Assert.StartsWith($"files: {b}:11: more than {ResultLimits.MaxTrials} trials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_HostileButAcceptedExtremes_AreDrawn()
    {
        using var folder = new TempFolder();
        string path = folder.File("extremes.jsonl");
        ResultsFile.Append(path, Trial(count: 1) with { Seconds = 0, ValuesPerSecond = 0, PeakWorkingSetBytes = 0, WallSeconds = 0 });
        ResultsFile.Append(path, Trial(count: long.MaxValue) with { Seconds = ResultLimits.MaxSeconds, ValuesPerSecond = ResultLimits.MaxValuesPerSecond, PeakWorkingSetBytes = ResultLimits.MaxBytes });
        ResultsFile.Append(path, Trial(strategy: new string('n', ResultLimits.MaxNameLength), count: 2) with { Outcome = "memory-error", MemoryLimitBytes = ResultLimits.MaxBytes, Seconds = null, Sum = null });

        Assert.Equal(0, PlotCommand.Execute([path], folder.File("charts")));

        Assert.All(ChartSet.Names, name => Assert.True(new FileInfo(Path.Combine(folder.File("charts"), name + ".png")).Length > 1000));
    }

    /// <summary>
    /// Random corruptions of valid lines (bytes flipped, cut, duplicated, numbers swapped for extremes), with a fixed seed and
    /// a time budget: the reader either returns results within the limits or refuses with the file and line; nothing else.
    /// </summary>
    [Fact]
    public void Read_Fuzzed_EitherReadsWithinLimitsOrRefusesNamingFileAndLine()
    {
        using var folder = new TempFolder();
        string path = folder.File("fuzz.jsonl");
        string[] seeds =
        [
            JsonSerializer.Serialize(Trial()),
            JsonSerializer.Serialize(Trial("naive-list", 1_000_000_000) with { Outcome = "memory-error", Reason = "OutOfMemoryException", MemoryLimitBytes = 4L << 30, Sum = null }),
            JsonSerializer.Serialize(new TrialResult { Sweep = "s", Host = "h", Kind = TrialResult.IdleKind, Machine = new MachineDescription { Cpu = "c", Cores = 2, Command = "x" } }),
        ];
        string[] extremes = ["1e308", "-1", "0", "9223372036854775807", "9223372036854775808", "1e-320", "null", "\"\"", "[]", "{}", "true", "NaN"];
        var random = new Random(20261210);
        DateTime until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        int runs = 0, read = 0, refused = 0;
        while (runs < 3000 && DateTime.UtcNow < until)
        {
            runs++;
            var text = new StringBuilder();
            int lines = random.Next(1, 6);
            for (int i = 0; i < lines; i++)
            {
                text.Append(Mutate(seeds[random.Next(seeds.Length)], extremes, random)).Append('\n');
            }

            File.WriteAllText(path, random.Next(4) == 0 ? text.ToString()[..random.Next(text.Length + 1)] : text.ToString());
            try
            {
                IReadOnlyList<TrialResult> results = ResultsFile.Read(path, out _);
                Assert.All(results, r => Assert.Null(ResultLimits.Problem(r)));
                read++;
            }
            catch (InvalidDataException e)
            {
                Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(path)}:[1-9][0-9]*: ", e.Message);
                refused++;
            }
        }

        Assert.True(read > 0 && refused > 0, $"{runs} runs: {read} read, {refused} refused; the fuzzer should reach both");
    }

    private static string Mutate(string line, string[] extremes, Random random)
    {
        var chars = new StringBuilder(line);
        switch (random.Next(5))
        {
            case 0:
                for (int i = random.Next(1, 4); i > 0; i--)
                {
                    chars[random.Next(chars.Length)] = (char)random.Next(32, 127);
                }

                break;
            case 1:
                // A number field's value swapped for an extreme.
                System.Text.RegularExpressions.MatchCollection numbers = System.Text.RegularExpressions.Regex.Matches(line, ":(-?[0-9.eE+]+)");
                if (numbers.Count > 0)
                {
                    System.Text.RegularExpressions.Group number = numbers[random.Next(numbers.Count)].Groups[1];
                    return line[..number.Index] + extremes[random.Next(extremes.Length)] + line[(number.Index + number.Length)..];
                }

                break;
            case 2:
                int from = random.Next(chars.Length);
                chars.Remove(from, Math.Min(chars.Length - from, random.Next(1, 20)));
                break;
            case 3:
                int at = random.Next(chars.Length);
                chars.Insert(at, line[random.Next(line.Length / 2)..]);
                break;
            default:
                break;
        }

        return chars.ToString();
    }
}
