namespace ParallelSum.Geo.Data;

/// <summary>What <see cref="DatasetGenerator"/> makes: a seeded set of polygon shapefiles of uneven sizes.</summary>
/// <param name="Files">How many shapefiles, 1 or more.</param>
/// <param name="Seed">The seed: the same options give byte-identical files.</param>
/// <param name="MinFeatures">The fewest polygons in a file, 1 or more.</param>
/// <param name="MaxFeatures">The most polygons in a file, at least <paramref name="MinFeatures"/>.</param>
/// <param name="Skew">
/// How strongly sizes lean to the small end, 1 or more: a file's feature count is <c>min · (max/min)^(u^skew)</c> for a
/// uniform <c>u</c>. 1 is log-uniform (as many files of 100–1000 features as of 1000–10000); larger values make most files
/// small and a few large, like real collections of survey tiles.
/// </param>
internal sealed record DatasetOptions(int Files, int Seed, int MinFeatures, int MaxFeatures, double Skew)
{
    public const int DefaultMinFeatures = 600;
    public const int DefaultMaxFeatures = 60_000;
    public const double DefaultSkew = 2.0;

    /// <summary>Returns the problems with these options, each naming its option; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Files < 1)
        {
            errors.Add($"--files must be 1 or more; got {Files}.");
        }

        if (MinFeatures < 1)
        {
            errors.Add($"--min-features must be 1 or more; got {MinFeatures}.");
        }

        if (MaxFeatures < MinFeatures)
        {
            errors.Add($"--max-features ({MaxFeatures}) must be at least --min-features ({MinFeatures}).");
        }

        if (!(Skew >= 1 && Skew <= 100))
        {
            errors.Add($"--skew must be between 1 and 100; got {Skew}.");
        }

        return errors;
    }
}
