using ParallelSum.Geo.Conversion;

namespace ParallelSum.Geo.Verification;

/// <summary>Verifies every input's output, a free worker taking the next file (sizes are uneven).</summary>
internal static class VerifyRunner
{
    public static VerifyResult[] Run(IReadOnlyList<string> shpPaths, string outFolder, int workers) =>
        Run(shpPaths, workers, path => GeoJsonVerifier.Verify(path, outFolder));

    /// <summary>Checks every output against ogr2ogr's conversion of the same input.</summary>
    public static VerifyResult[] RunAgainstOgr2Ogr(IReadOnlyList<string> shpPaths, string outFolder, int workers, string? encoding, bool keepCrs = false) =>
        Run(shpPaths, workers, path => OgrVerifier.Verify(path, outFolder, encoding, keepCrs));

    private static VerifyResult[] Run(IReadOnlyList<string> shpPaths, int workers, Func<string, VerifyResult> verify)
    {
        var results = new VerifyResult[shpPaths.Count];
        FileScheduler.Run(shpPaths.Count, workers, PartitionerKind.Dynamic, (_, file) => results[file] = verify(shpPaths[file]));
        return results;
    }
}
