using ParallelSum.Geo.Cli;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

/// <summary>A worker process that dies takes no file with it silently: its unanswered files are reported as failed.</summary>
public sealed class CrashedWorkerTests(SmallDataSet data) : IClassFixture<SmallDataSet>
{
    private readonly WorkerLauncher _crashOnFile1 = WorkerLauncher.ForThisProgram().WithEnvironment(WorkerCommand.CrashOnVariable, "parcels_001.shp");

    [Fact]
    public void StaticBlocks_OnlyTheFileInHandFails_TheCrashedWorkersUnstartedFilesGoToTheSurvivor()
    {
        using var output = new TempFolder();

        ConversionReport report = ConversionRunner.Run(data.Files, output.Path, overwrite: false, new ConversionPlan(ExecutionMode.Processes, 2, PartitionerKind.Static), launcher: _crashOnFile1);

        // Worker 0 has files 0–2 and dies on file 1; worker 1 has files 3–5 and survives, so file 2 goes to a fresh worker.
        Assert.Equal(FileOutcome.Error, report.Files[1].Outcome);
        Assert.Contains("worker process 0 exited with code 70 before converting it: worker 0: simulated crash on parcels_001.shp", report.Files[1].Reason, StringComparison.Ordinal);
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

    [Fact]
    public void EveryWorkerDead_FilesNoOneTookAreStillReported()
    {
        using var output = new TempFolder();
        WorkerLauncher crashOnAnything = WorkerLauncher.ForThisProgram() with { FileName = "/bin/false", Arguments = [] };

        ConversionReport report = ConversionRunner.Run(data.Files, output.Path, overwrite: false, new ConversionPlan(ExecutionMode.Processes, 2, PartitionerKind.Dynamic), launcher: crashOnAnything);

        Assert.Equal(data.Files.Count, report.Failed);
        Assert.Equal(data.Files.Count, report.Files.Count);
        Assert.All(report.Files, f => Assert.Matches("worker process [01] exited with code 1 before converting it|no worker converted it", f.Reason));
    }
}
