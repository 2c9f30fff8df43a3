using System.Diagnostics;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>Sweeps started at the same time into one folder never share a results file: each creates its own, exclusively.</summary>
public sealed class ConcurrentSweepTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public void CreateNew_ManyAtOnceWithTheSameStartTime_EachGetsItsOwnFileAndId()
    {
        using var folder = new TempFolder();
        using var start = new Barrier(16);
        var created = new (string Path, string SweepId)[16];

        // Threads of their own, released together: thread-pool threads would be injected one a second.
        Thread[] threads = [.. Enumerable.Range(0, 16).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            created[i] = ResultsFile.CreateNew(folder.Path, "20261210T120000Z");
        }))];
        Array.ForEach(threads, t => t.Start());
        Assert.All(threads, t => Assert.True(t.Join(Deadline), "a thread creating a results file did not finish"));

        Assert.Equal(16, created.Select(c => c.Path).Distinct().Count());
        Assert.Equal(16, created.Select(c => c.SweepId).Distinct().Count());
        Assert.Contains(created, c => c.SweepId == "20261210T120000Z");
        Assert.All(created, c => Assert.Equal(Path.Combine(folder.Path, $"sweep-{c.SweepId}.jsonl"), c.Path));
        Assert.Equal(16, Directory.GetFiles(folder.Path, "sweep-20261210T120000Z*.jsonl").Length);
    }

    [Fact]
    public async Task TwoSweepProcessesIntoOneFolder_WriteTwoFiles_EachWholeAndItsOwn()
    {
        using var folder = new TempFolder();
        string[] arguments = ["sweep", "--strategies", "streaming", "--counts", "1e3", "--large-counts", "none", "--repetitions", "1", "--no-plot", "--out", folder.Path];

        // Started together: on most runs in the same second, which is what used to make them share a file.
        using Process first = ProgramRun.Start(arguments);
        using Process second = ProgramRun.Start(arguments);
        Task<string> firstOutput = first.StandardOutput.ReadToEndAsync(), secondOutput = second.StandardOutput.ReadToEndAsync();
        Task<string> firstError = first.StandardError.ReadToEndAsync(), secondError = second.StandardError.ReadToEndAsync();
        await Task.WhenAll(first.WaitForExitAsync(), second.WaitForExitAsync()).WaitAsync(Deadline);

        Assert.True(first.ExitCode == 0, await firstError);
        Assert.True(second.ExitCode == 0, await secondError);
        string[] printed = [ResultsPath(await firstOutput), ResultsPath(await secondOutput)];
        Assert.NotEqual(printed[0], printed[1]);
        Assert.Equal(printed.Order(), Directory.GetFiles(folder.Path, "sweep-*.jsonl").Order());
        foreach (string file in printed)
        {
            IReadOnlyList<TrialResult> results = ResultsFile.Read(file, out int skipped);
            Assert.Equal(0, skipped);
            Assert.Equal(2, results.Count);
            Assert.Single(results.Select(r => r.Sweep).Distinct());
            Assert.Equal(Path.GetFileNameWithoutExtension(file)["sweep-".Length..], results[0].Sweep);
        }
    }

    private static string ResultsPath(string output) =>
        output.Split('\n').Single(line => line.StartsWith("results: ", StringComparison.Ordinal))["results: ".Length..].Trim();
}
