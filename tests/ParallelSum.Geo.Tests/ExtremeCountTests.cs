using System.Buffers.Binary;
using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Tests;

/// <summary>
/// Counts that promise more than the file holds fail at once with a reason, before anything is allocated for them: the attacks
/// that once drove a worker to 11 GB and a hang (NumParts = 0x10000000) or to 4 GB and 25 s (NumPoints = 1e8).
/// </summary>
public sealed class ExtremeCountTests(SmallDataSet data) : IClassFixture<SmallDataSet>
{
    public static TheoryData<int, int, string> Attacks => new()
    {
        { 36, 0x10000000, "268435456 parts and" },
        { 40, 100_000_000, "100000000 points need" },
        { 36, int.MaxValue, "2147483647 parts and" },
        { 40, -5, "negative counts" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task FirstRecordCount_FailsFastWithAReason_InThreadsMode_TheOthersConvert(int fieldOffset, int value, string reason)
    {
        using var folder = new TempFolder();
        string input = folder.Sub("in");
        data.CopyTo(input);
        string shp = Path.Combine(input, "parcels_000.shp");
        byte[] bytes = File.ReadAllBytes(shp);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(100 + 8 + fieldOffset), value);
        File.WriteAllBytes(shp, bytes);
        long before = GC.GetTotalAllocatedBytes(precise: true);

        ConversionReport report = await Task.Run(() => ConversionRunner.Run(ShapefileFiles.Find(input), folder.Sub("out"), overwrite: false, new ConversionPlan(ExecutionMode.Threads, 2, PartitionerKind.Dynamic)))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(FileOutcome.Error, report.Files[0].Outcome);
        Assert.Contains("record 1: ", report.Files[0].Reason, StringComparison.Ordinal);
        Assert.Contains(reason, report.Files[0].Reason, StringComparison.Ordinal);
        Assert.Equal(5, report.Converted);
        Assert.Empty(Directory.GetFiles(folder.Sub("out"), "*.tmp"));
        // Process-wide, so other tests running meanwhile count too: a bound far below the 4-11 GB of the original attacks.
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 2L << 30, "the run allocated 2 GiB or more");
    }
}
