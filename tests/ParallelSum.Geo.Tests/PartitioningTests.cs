using System.Collections.Concurrent;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

/// <summary>Whatever the plan, the scheduler works on each file once, under a worker number no other file in flight holds, honours static blocks, and runs two workers at once.</summary>
public sealed class PartitioningTests
{
    public static TheoryData<int, int, bool> Cases()
    {
        var cases = new TheoryData<int, int, bool>();
        foreach (int files in new[] { 0, 1, 2, 5, 7, 20, 81 })
        {
            foreach (int workers in new[] { 1, 2, 3, 4 })
            {
                cases.Add(files, workers, false);
                cases.Add(files, workers, true);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FileScheduler_RunEachFileOnce_WithAWorkerNumberNoOtherFileInFlightHolds(int files, int workers, bool dynamic)
    {
        var plan = new ConversionPlan(ExecutionMode.Threads, workers, dynamic ? PartitionerKind.Dynamic : PartitionerKind.Static);
        var taken = new ConcurrentBag<(int Worker, int File)>();
        int[] holders = new int[workers];
        int clashes = 0;

        int handed = FileScheduler.Run(files, workers, plan.Partitioner, (worker, file) =>
        {
            if (Interlocked.Increment(ref holders[worker]) != 1)
            {
                Interlocked.Increment(ref clashes);
            }

            taken.Add((worker, file));
            Thread.SpinWait(100 * (file % 7)); // uneven work, so dynamic chunks actually move between workers
            Interlocked.Decrement(ref holders[worker]);
        });

        Assert.Equal(files, handed);
        Assert.Equal(Enumerable.Range(0, files), taken.Select(t => t.File).Order());
        Assert.All(taken, t => Assert.InRange(t.Worker, 0, workers - 1));
        Assert.Equal(0, clashes);
    }

    [Theory]
    [InlineData(7, 2)]
    [InlineData(20, 3)]
    [InlineData(81, 4)]
    public void FileScheduler_StaticBlocks_EachBlockRunsInOrder_OnOneThread(int files, int workers)
    {
        var plan = new ConversionPlan(ExecutionMode.Threads, workers, PartitionerKind.Static);
        var thread = new int[files];
        var turn = new long[files];
        long turns = 0;

        FileScheduler.Run(files, workers, plan.Partitioner, (_, file) =>
        {
            thread[file] = Environment.CurrentManagedThreadId;
            turn[file] = Interlocked.Increment(ref turns);
            Thread.SpinWait(100 * (file % 7));
        });

        // Static blocks: block w is the contiguous files [floor(n·w/W), floor(n·(w+1)/W)), worked through in order by one thread.
        for (int w = 0; w < workers; w++)
        {
            int[] block = [.. Enumerable.Range(files * w / workers, (files * (w + 1) / workers) - (files * w / workers))];
            Assert.All(block, file => Assert.Equal(thread[block[0]], thread[file]));
            Assert.Equal(block.Select(file => turn[file]).Order(), block.Select(file => turn[file]));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FileScheduler_TwoWorkers_WorkOnTwoFilesAtOnce(bool dynamic)
    {
        var plan = new ConversionPlan(ExecutionMode.Threads, 2, dynamic ? PartitionerKind.Dynamic : PartitionerKind.Static);
        using var bothStarted = new Barrier(2);
        int arrivals = 0;
        bool[] met = new bool[2];

        // The first two files each wait for the other to start: with one file at a time, the first would wait out the deadline.
        FileScheduler.Run(4, 2, plan.Partitioner, (_, _) =>
        {
            int arrival = Interlocked.Increment(ref arrivals) - 1;
            if (arrival < 2)
            {
                met[arrival] = bothStarted.SignalAndWait(TimeSpan.FromSeconds(60));
            }
        });

        Assert.Equal([true, true], met);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FileScheduler_Cancelled_StartsNoFileAfter(bool dynamic)
    {
        using var cancellation = new CancellationTokenSource();
        var worked = new ConcurrentBag<int>();

        int handed = FileScheduler.Run(10, 1, dynamic ? PartitionerKind.Dynamic : PartitionerKind.Static, (_, file) =>
        {
            worked.Add(file);
            if (file == 3)
            {
                cancellation.Cancel();
            }
        }, cancellation.Token);

        Assert.Equal(4, handed);
        Assert.Equal([0, 1, 2, 3], worked.Order());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FileScheduler_AFailingFile_StopsEveryWorker_AndItsExceptionIsRethrown(bool dynamic)
    {
        var worked = new ConcurrentBag<int>();
        using var failed = new ManualResetEventSlim();

        // Every file but the first two waits until file 1 has failed, so the other worker is in hand when it does.
        var e = Assert.Throws<InvalidDataException>(() => FileScheduler.Run(40, 2, dynamic ? PartitionerKind.Dynamic : PartitionerKind.Static, (_, file) =>
        {
            worked.Add(file);
            if (file == 1)
            {
                try
                {
                    throw new InvalidDataException("file 1 failed");
                }
                finally
                {
                    failed.Set(); // runs after the scheduler's exception filter has seen the failure
                }
            }

            if (file > 1)
            {
                Assert.True(failed.Wait(TimeSpan.FromSeconds(60)), "file 1 never failed");
            }
        }));

        Assert.Equal("file 1 failed", e.Message);
        Assert.InRange(worked.Count, 2, 3); // file 0, file 1, and the one file the other worker had in hand
    }

    [Fact]
    public void ResultSlots_RefuseASecondResultForAFile()
    {
        var slots = new ResultSlots(["/x/a.shp", "/x/b.shp"]);
        slots.Set(0, FileResult.Failed("a.shp", "test", 0));

        var e = Assert.Throws<InvalidOperationException>(() => slots.Set(0, FileResult.Failed("a.shp", "test", 1)));

        Assert.Contains("a.shp was handed to two workers", e.Message, StringComparison.Ordinal);
        FileResult missing = slots.Complete("never taken")[1];
        Assert.Equal(("b.shp", FileOutcome.Error, "never taken", -1), (missing.Name, missing.Outcome, missing.Reason, missing.Worker));
    }

    [Theory]
    [InlineData("single", "single", "static-blocks(1)")]
    [InlineData("threads-static", "threads-static(2)", "static-blocks(2)")]
    [InlineData("threads-dynamic:3", "threads-dynamic(3)", "dynamic(3)")]
    [InlineData("processes-static(4)", "processes-static(4)", "static-blocks(4)")]
    [InlineData("processes-dynamic", "processes-dynamic(2)", "dynamic(2)")]
    public void ConversionPlan_LabelsAndPartitionerNames(string text, string label, string partitioner)
    {
        Assert.True(ConversionPlan.TryParse(text, 2, out ConversionPlan plan));
        Assert.Equal(label, plan.Label);
        Assert.Equal(partitioner, plan.PartitionerName);
    }

    [Theory]
    [InlineData("threads")]
    [InlineData("single:2")]
    [InlineData("threads-static:0")]
    [InlineData("processes-dynamic(x)")]
    public void ConversionPlan_RejectsUnknownLabels(string text) => Assert.False(ConversionPlan.TryParse(text, 2, out _));

    [Fact]
    public void InOrder_LargestFirst_SortsByInputSize_NameOrderKeepsTheList()
    {
        using var folder = new TempFolder();
        foreach ((string name, int bytes) in new[] { ("a", 10), ("b", 30), ("c", 20) })
        {
            foreach (string extension in new[] { ".shp", ".shx", ".dbf" })
            {
                File.WriteAllBytes(folder.Sub(name + extension), new byte[bytes]);
            }
        }

        IReadOnlyList<string> files = ShapefileFiles.Find(folder.Path);

        Assert.Equal(["a.shp", "b.shp", "c.shp"], files.Select(Path.GetFileName));
        Assert.Same(files, ShapefileFiles.InOrder(files, FileOrder.Name));
        Assert.Equal(["b.shp", "c.shp", "a.shp"], ShapefileFiles.InOrder(files, FileOrder.LargestFirst).Select(Path.GetFileName));
    }
}
