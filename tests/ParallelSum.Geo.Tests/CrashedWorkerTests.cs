using ParallelSum.Geo.Cli;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

/// <summary>A worker process that dies fails only the file it was converting: the files after it go to a fresh process, under either partitioner.</summary>
public sealed class CrashedWorkerTests(SmallDataSet data) : IClassFixture<SmallDataSet>
{
    private readonly WorkerLauncher _crashOnFile1 = WorkerLauncher.ForThisProgram().WithEnvironment(WorkerCommand.CrashOnVariable, "parcels_001.shp");

    [Fact]
    public void StaticBlocks_OnlyTheFileInHandFails_TheRestOfItsBlockGoesToAFreshProcess()
    {
        using var output = new TempFolder();

        ConversionReport report = ConversionRunner.Run(data.Files, output.Path, overwrite: false, new ConversionPlan(ExecutionMode.Processes, 2, PartitionerKind.Static), launcher: _crashOnFile1);

        // Files 0–2 are one block, worked through in order; its worker process dies on file 1, and file 2 goes to a fresh process.
        int worker = report.Files[1].Worker;
        Assert.Equal(FileOutcome.Error, report.Files[1].Outcome);
        Assert.Contains($"worker process {worker} exited with code 70 before converting it: worker {worker}: simulated crash on parcels_001.shp", report.Files[1].Reason, StringComparison.Ordinal);
        Assert.All(report.Files.Where((_, i) => i != 1), f => Assert.Equal(FileOutcome.Ok, f.Outcome));
        Assert.Equal(1, report.Failed);
        Assert.Empty(Directory.GetFiles(output.Path, "*.tmp"));
    }

    [Fact]
    public void DynamicChunks_OnlyTheFileInHandFails_TheSurvivorTakesTheRest()
    {
        using var output = new TempFolder();

        ConversionReport report = ConversionRunner.Run(data.Files, output.Path, overwrite: false, new ConversionPlan(ExecutionMode.Processes, 2, PartitionerKind.Dynamic), launcher: _crashOnFile1);

        Assert.Equal(FileOutcome.Error, report.Files[1].Outcome);
        Assert.Contains("exited with code 70 before converting it", report.Files[1].Reason, StringComparison.Ordinal);
        Assert.All(report.Files.Where((_, i) => i != 1), f => Assert.Equal(FileOutcome.Ok, f.Outcome));
        Assert.Equal(1, report.Failed);
    }

    [Theory]
    [InlineData("/bin/false", "exited with code 1 before converting it$")]
    [InlineData("/nonexistent/parallelsum-geo-worker", "could not be started: ")]
    public async Task EveryWorkerProcessDiesOrCannotStart_EachFileFailsWithTheReason(string program, string reason)
    {
        using var output = new TempFolder();
        WorkerLauncher launcher = WorkerLauncher.ForThisProgram() with { FileName = program, Arguments = [] };

        ConversionReport report = await Run(output.Path, launcher);

        Assert.Equal(data.Files.Count, report.Failed);
        Assert.Equal(data.Files.Count, report.Files.Count);
        Assert.All(report.Files, f => Assert.Matches($"^worker process {f.Worker} {reason}", f.Reason));
        Assert.All(report.Files, f => Assert.InRange(f.Worker, 0, 1));
    }

    private async Task<ConversionReport> Run(string outFolder, WorkerLauncher launcher) =>
        await Task.Run(() => ConversionRunner.Run(data.Files, outFolder, overwrite: false, new ConversionPlan(ExecutionMode.Processes, 2, PartitionerKind.Dynamic), launcher: launcher))
            .WaitAsync(TimeSpan.FromSeconds(120));
}
