using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

public sealed class ResultsFileTests
{
    private static TrialResult Trial(string strategy, long count, string outcome = TrialOutcome.Ok) => new()
    {
        Sweep = "s1",
        Host = "host-a",
        Cores = 2,
        Strategy = strategy,
        Count = count,
        Partitions = 4,
        Seed = 42,
        Max = 10,
        Repetitions = 3,
        Outcome = outcome,
        Sum = "12345678901234567890123",
        Workers = 4,
        Seconds = 0.5,
        AllSeconds = [0.4, 0.5, 0.6],
        ValuesPerSecond = count / 0.5,
        CpuSeconds = 0.9,
        CpuUtilisation = 0.45,
        PeakWorkingSetBytes = 123_456_789,
        PeakManagedHeapBytes = 98_765_432,
        SystemCpuPeakPercent = 99.5,
        SystemRamPeakPercent = 12.25,
        WallSeconds = 1.75,
        FinishedAt = new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void AppendThenRead_GivesBackEveryFieldInOrder()
    {
        using var folder = new TempFolder();
        string path = folder.File("r.jsonl");
        TrialResult first = Trial("streaming", 1000);
        TrialResult second = Trial("naive-list", 1_000_000_000, TrialOutcome.MemoryError) with { Reason = "OutOfMemoryException: no" };

        ResultsFile.Append(path, first);
        ResultsFile.Append(path, second);
        IReadOnlyList<TrialResult> read = ResultsFile.Read(path, out int skipped);

        Assert.Equal(0, skipped);
        Assert.Equal(2, read.Count);
        Assert.Equal(first with { AllSeconds = read[0].AllSeconds }, read[0]);
        Assert.Equal(first.AllSeconds, read[0].AllSeconds);
        Assert.Equal(second.Reason, read[1].Reason);
        Assert.Equal(TrialOutcome.MemoryError, read[1].Outcome);
        Assert.Equal(2, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void Read_LastLineCutShort_IsSkippedAndCounted()
    {
        using var folder = new TempFolder();
        string path = folder.File("r.jsonl");
        ResultsFile.Append(path, Trial("streaming", 1000));
        File.AppendAllText(path, "{\"schema\":\"parallelsum.sweep/1\",\"kind\":\"tri");

        IReadOnlyList<TrialResult> read = ResultsFile.Read(path, out int skipped);

        Assert.Single(read);
        Assert.Equal(1, skipped);
    }

    [Fact]
    public void Read_MalformedLineBeforeTheLast_IsAnErrorNamingFileAndLine()
    {
        using var folder = new TempFolder();
        string path = folder.File("r.jsonl");
        File.WriteAllText(path, "not json\n");
        ResultsFile.Append(path, Trial("streaming", 1000));

        var error = Assert.Throws<InvalidDataException>(() => ResultsFile.Read(path, out _));

        Assert.Contains($"{path}:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LinesOfAnotherSchema_AreSkipped()
    {
        using var folder = new TempFolder();
        string path = folder.File("r.jsonl");
        File.WriteAllText(path, "{\"schema\":\"someone-else/7\",\"sweep\":\"x\",\"host\":\"y\"}\n\n");
        ResultsFile.Append(path, Trial("auto", 10));

        IReadOnlyList<TrialResult> read = ResultsFile.Read(path, out int skipped);

        Assert.Equal("auto", Assert.Single(read).Strategy);
        Assert.Equal(1, skipped);
    }

    [Fact]
    public void Read_MissingFile_IsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => ResultsFile.Read("/nonexistent/parallelsum/results.jsonl", out _));
}
