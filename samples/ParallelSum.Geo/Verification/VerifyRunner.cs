using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Verification;

/// <summary>Verifies every input's output, on the library's engine, one file at a time per worker (dynamic chunks of one file: sizes are uneven).</summary>
internal static class VerifyRunner
{
    public static VerifyResult[] Run(IReadOnlyList<string> shpPaths, string outFolder, int workers) =>
        Run(shpPaths, workers, path => GeoJsonVerifier.Verify(path, outFolder));

    /// <summary>Checks every output against ogr2ogr's conversion of the same input.</summary>
    public static VerifyResult[] RunAgainstOgr2Ogr(IReadOnlyList<string> shpPaths, string outFolder, int workers, string? encoding) =>
        Run(shpPaths, workers, path => OgrVerifier.Verify(path, outFolder, encoding));

    private static VerifyResult[] Run(IReadOnlyList<string> shpPaths, int workers, Func<string, VerifyResult> verify)
    {
        var results = new VerifyResult[shpPaths.Count];
        FileWorkers.Run(shpPaths.Count, ParallelSum.Execution.IndexRangePartitioners.DynamicChunks(1), workers, (_, file) => results[file] = verify(shpPaths[file]));
        return results;
    }
}
