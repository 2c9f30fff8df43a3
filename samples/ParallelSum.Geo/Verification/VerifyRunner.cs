using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Verification;

/// <summary>Verifies every input's output, one file at a time per core (dynamic chunks of one file: sizes are uneven).</summary>
internal static class VerifyRunner
{
    public static VerifyResult[] Run(IReadOnlyList<string> shpPaths, string outFolder, int workers)
    {
        var results = new VerifyResult[shpPaths.Count];
        WorkDispatch.Run(IndexRangePartitioners.DynamicChunks(1, workers), shpPaths.Count, (_, ranges) =>
        {
            foreach (IndexRange range in ranges)
            {
                foreach (int i in WorkDispatch.Indices(range))
                {
                    results[i] = GeoJsonVerifier.Verify(shpPaths[i], outFolder);
                }
            }
        });
        return results;
    }
}
