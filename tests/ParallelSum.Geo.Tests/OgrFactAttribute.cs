using ParallelSum.Geo.Verification;

namespace ParallelSum.Geo.Tests;

/// <summary>
/// A fact that needs GDAL's ogr2ogr and the third-party corpus (.ci/install.d/30-geo-corpus.sh installs and fetches both).
/// Outside CI it is skipped, saying why, when either is missing; under CI=true it always runs, so a missing oracle fails.
/// </summary>
public sealed class OgrFactAttribute : FactAttribute
{
    public OgrFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            return;
        }

        if (!Ogr2Ogr.IsAvailable())
        {
            Skip = "ogr2ogr is not installed (apt-get install gdal-bin; .ci/install.d/30-geo-corpus.sh does it).";
        }
        else if (Corpus.Folder is null)
        {
            Skip = "the third-party shapefile corpus is not fetched (run .ci/install.d/30-geo-corpus.sh, or set PARALLELSUM_GEO_CORPUS).";
        }
    }
}

/// <summary>Where the third-party corpus is: $PARALLELSUM_GEO_CORPUS, else artifacts/geo-corpus/files in the repository.</summary>
internal static class Corpus
{
    public static string? Folder
    {
        get
        {
            if (Environment.GetEnvironmentVariable("PARALLELSUM_GEO_CORPUS") is string set && Directory.Exists(set))
            {
                return set;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "artifacts", "geo-corpus", "files");
                if (File.Exists(Path.Combine(dir.FullName, "ParallelSum.sln")))
                {
                    return Directory.Exists(candidate) ? candidate : null;
                }
            }

            return null;
        }
    }
}
