using ParallelSum.Geo.Cli;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

/// <summary>A cancelled conversion starts no further file, stops its worker processes, and still gives every file exactly one result.</summary>
public sealed class CancellationTests(SmallDataSet data) : IClassFixture<SmallDataSet>
{
    private const string Cancelled = "cancelled before it was converted";

    [Fact]
    public async Task Threads_OneWorker_CancelledAfterTheFirstFile_TheRestAreReportedCancelled()
    {
        using var output = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var observer = new CallbackObserver(completed: _ => cancellation.Cancel());

        ConversionReport report = await Run(output.Path, new ConversionPlan(ExecutionMode.Threads, 1, PartitionerKind.Dynamic), observer, null, cancellation.Token);

        Assert.Equal(FileOutcome.Ok, report.Files[0].Outcome);
        Assert.All(report.Files.Skip(1), f => Assert.Equal((FileOutcome.Error, Cancelled, -1), (f.Outcome, f.Reason, f.Worker)));
        Assert.Single(Directory.GetFiles(output.Path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Threads_TwoWorkers_CancelledAfterTheFirstFile_OnlyFilesInHandFinish(bool dynamic)
    {
        using var output = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var observer = new CallbackObserver(completed: _ => cancellation.Cancel());

        ConversionReport report = await Run(output.Path, new ConversionPlan(ExecutionMode.Threads, 2, dynamic ? PartitionerKind.Dynamic : PartitionerKind.Static), observer, null, cancellation.Token);

        Assert.Equal(data.Files.Count, report.Files.Count);
        Assert.InRange(report.Converted, 1, 2); // the file that cancelled, and at most the one the other worker had in hand
        Assert.All(report.Files.Where(f => f.Outcome != FileOutcome.Ok), f => Assert.Equal((Cancelled, -1), (f.Reason, f.Worker)));
        Assert.Empty(Directory.GetFiles(output.Path, "*.tmp"));
    }

    [Fact]
    public async Task Processes_CancelledWhileAWorkerHangs_TheHungFileIsReportedCancelled_TheRunEnds()
    {
        using var output = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        WorkerLauncher hanging = WorkerLauncher.ForThisProgram().WithEnvironment(WorkerCommand.HangOnVariable, "parcels_000.shp");
        // The other worker converts the rest meanwhile; the hung child is killed when the token is cancelled.
        var observer = new CallbackObserver(started: name =>
        {
            if (name == "parcels_000.shp")
            {
                cancellation.CancelAfter(TimeSpan.FromSeconds(2));
            }
        });

        ConversionReport report = await Run(output.Path, new ConversionPlan(ExecutionMode.Processes, 2, PartitionerKind.Dynamic), observer, hanging, cancellation.Token);

        Assert.Equal(data.Files.Count, report.Files.Count);
        Assert.Equal((FileOutcome.Error, Cancelled, -1), (report.Files[0].Outcome, report.Files[0].Reason, report.Files[0].Worker));
        Assert.All(report.Files.Skip(1), f => Assert.True(f.Outcome == FileOutcome.Ok || f.Reason == Cancelled, $"{f.Name}: {f.Reason}"));
        Assert.Empty(Directory.GetFiles(output.Path, "*.tmp"));
    }

    private async Task<ConversionReport> Run(string outFolder, ConversionPlan plan, CallbackObserver observer, WorkerLauncher? launcher, CancellationToken cancellationToken) =>
        await Task.Run(() => ConversionRunner.Run(data.Files, outFolder, overwrite: false, plan, observer, launcher, cancellationToken: cancellationToken))
            .WaitAsync(TimeSpan.FromSeconds(120), CancellationToken.None); // the deadline, not the run's token
}
