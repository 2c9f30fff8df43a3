namespace ParallelSum.Geo.Conversion;

/// <summary>The results of one conversion run, in input order.</summary>
internal sealed record ConversionReport(ConversionPlan Plan, string PartitionerName, IReadOnlyList<FileResult> Files, TimeSpan Elapsed)
{
    public int Converted => Files.Count(f => f.Outcome == FileOutcome.Ok);

    /// <summary>Gets how many files failed for a reason of their own (not counting those cancellation stopped).</summary>
    public int Failed => Files.Count(f => f.Outcome == FileOutcome.Error && f.Reason != ConversionRunner.Cancelled);

    /// <summary>Gets how many files cancellation stopped before they were converted.</summary>
    public int Cancelled => Files.Count(f => f.Outcome == FileOutcome.Error && f.Reason == ConversionRunner.Cancelled);

    public int Skipped => Files.Count(f => f.Outcome == FileOutcome.SkippedExists);
}
