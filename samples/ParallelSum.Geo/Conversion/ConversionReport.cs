namespace ParallelSum.Geo.Conversion;

/// <summary>The results of one conversion run, in input order.</summary>
internal sealed record ConversionReport(ConversionPlan Plan, string PartitionerName, IReadOnlyList<FileResult> Files, TimeSpan Elapsed)
{
    public int Converted => Files.Count(f => f.Outcome == FileOutcome.Ok);

    public int Failed => Files.Count(f => f.Outcome == FileOutcome.Error);

    public int Skipped => Files.Count(f => f.Outcome == FileOutcome.SkippedExists);
}
