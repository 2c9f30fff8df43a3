using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Shapefiles;

namespace ParallelSum.Geo.Tests;

/// <summary>The reader's file buffers are rented and returned: reuse across files and threads must never show in the output.</summary>
public sealed class PooledBufferTests(SmallDataSet data) : IClassFixture<SmallDataSet>
{
    [Fact]
    public void TwoThreadsReusingBuffers_WriteTheBytesOneWorkerWrites()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Sub("single"));
        foreach (string shp in data.Files)
        {
            Assert.Equal(FileOutcome.Ok, ShapefileConverter.Convert(shp, folder.Sub("single"), overwrite: false, worker: 0).Outcome);
        }

        // Several rounds on two threads, so each thread takes arrays the other returned.
        for (int round = 0; round < 3; round++)
        {
            string threads = folder.Sub($"threads-{round}");
            Directory.CreateDirectory(threads);
            Parallel.ForEach(data.Files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, shp =>
                Assert.Equal(FileOutcome.Ok, ShapefileConverter.Convert(shp, threads, overwrite: false, worker: 0).Outcome));

            foreach (string shp in data.Files)
            {
                Assert.Equal(File.ReadAllBytes(GeoJson.OutputPath(shp, folder.Sub("single"))), File.ReadAllBytes(GeoJson.OutputPath(shp, threads)));
            }
        }
    }

    [Fact]
    public void DisposedSource_RefusesToReadItsBytes()
    {
        ShapefileSource source = ShapefileFiles.Open(data.Files[0], encoding: null);
        source.Shapes.Read(0);

        source.Dispose();
        source.Dispose(); // twice is harmless

        Assert.Throws<ObjectDisposedException>(() => source.Shapes.Read(0));
        Assert.Throws<ObjectDisposedException>(() => source.Table!.IsDeleted(0));
    }

    [Fact]
    public void PooledBytes_HoldExactlyTheFileLength()
    {
        using var folder = new TempFolder();
        string path = folder.Sub("odd.bin");
        byte[] content = [.. Enumerable.Range(0, 1001).Select(i => (byte)i)];
        File.WriteAllBytes(path, content);

        using PooledBytes bytes = BoundedFile.ReadAll(path, ".shp");

        Assert.Equal(content, bytes.Span.ToArray());
    }
}
