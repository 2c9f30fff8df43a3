namespace ParallelSum.Geo.Bench;

/// <summary>The timed runs of one plan at one file count.</summary>
/// <param name="Files">How many files were converted.</param>
/// <param name="Mode">The plan's label, such as <c>threads-dynamic(2)</c>.</param>
/// <param name="Partitioner">The library partitioner's name.</param>
/// <param name="Workers">Workers (1 for single).</param>
/// <param name="Features">Features converted per run.</param>
/// <param name="BytesIn">Input bytes (.shp + .shx + .dbf) per run.</param>
/// <param name="Seconds">Wall-clock seconds of each repetition, in order.</param>
/// <param name="MedianSeconds">The median of <paramref name="Seconds"/>.</param>
/// <param name="Speedup">The baseline's median at this count (one worker, or ogr2ogr file by file) divided by this median.</param>
internal sealed record BenchResult(int Files, string Mode, string Partitioner, int Workers, long Features, long BytesIn, IReadOnlyList<double> Seconds, double MedianSeconds, double Speedup);

/// <summary>Everything a bench run saves: where and how it ran, the data set, and the results.</summary>
internal sealed record BenchReport(
    string Date,
    string Machine,
    int Cores,
    string Runtime,
    string Command,
    int Repetitions,
    string DataSet,
    IReadOnlyList<BenchResult> Results)
{
    /// <summary>Gets the mode every speedup is measured against (one worker unless ogr2ogr was timed).</summary>
    public string Baseline { get; init; } = "single";
}
