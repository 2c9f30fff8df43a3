using System.Collections.Concurrent;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

/// <summary>Whatever the plan, each file goes to exactly one worker, and static blocks go where they say.</summary>
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
    public void WorkDispatch_GivesEachFileToExactlyOneWorker(int files, int workers, bool dynamic)
    {
        var plan = new ConversionPlan(ExecutionMode.Threads, workers, dynamic ? PartitionerKind.Dynamic : PartitionerKind.Static);
        var taken = new ConcurrentBag<(int Worker, int File)>();

        WorkDispatch.Run(plan.CreatePartitioner(), files, (worker, ranges) =>
        {
            foreach (IndexRange range in ranges)
            {
                foreach (int i in WorkDispatch.Indices(range))
                {
                    taken.Add((worker, i));
                    Thread.SpinWait(100 * (i % 7)); // uneven work, so dynamic chunks actually move between workers
                }
            }
        });

        Assert.Equal(Enumerable.Range(0, files), taken.Select(t => t.File).Order());
        Assert.All(taken, t => Assert.InRange(t.Worker, 0, workers - 1));
        if (!dynamic)
        {
            // Static blocks: worker w has the contiguous block [floor(n·w/W), floor(n·(w+1)/W)).
            foreach ((int worker, int file) in taken)
            {
                Assert.InRange(file, files * worker / workers, (files * (worker + 1) / workers) - 1);
            }
        }
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
    [InlineData("threads-dynamic:3", "threads-dynamic(3)", "dynamic-chunks(1, 3)")]
    [InlineData("processes-static(4)", "processes-static(4)", "static-blocks(4)")]
    [InlineData("processes-dynamic", "processes-dynamic(2)", "dynamic-chunks(1, 2)")]
    public void ConversionPlan_UsesTheLibraryPartitioners(string text, string label, string partitioner)
    {
        Assert.True(ConversionPlan.TryParse(text, 2, out ConversionPlan plan));
        Assert.Equal(label, plan.Label);
        Assert.Equal(partitioner, plan.CreatePartitioner().Name);
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
