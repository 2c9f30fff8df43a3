using ParallelSum.Experiment.Plotting;

namespace ParallelSum.Experiment.Tests;

/// <summary>Series that lie on one another everywhere get their markers side by side and a note; series that only meet do not move.</summary>
public sealed class MarkerDodgeTests
{
    private static readonly double[] Counts = [3, 4, 5, 6, 7, 8, 9];

    private static readonly int[] Flat = [1, 2, 3];

    [Fact]
    public void FlatSeriesOnOneAnother_AreSetSideBySide_AndNamedAsOneGroup()
    {
        // The memory chart: naive-list grows, simd-chunks, streaming and auto stay flat within a few per cent of 36 MiB.
        (double X, double Y)[][] series =
        [
            [.. Counts.Select(x => (x, 7.4 + Math.Max(0, x - 5)))],
            [.. Counts.Select(x => (x, 7.59))],
            [.. Counts.Select(x => (x, 7.57))],
            [.. Counts.Select(x => (x, 7.571))],
        ];

        MarkerDodge.Result result = MarkerDodge.Spread(series, yTolerance: 0.07, xStep: 0.1);

        Assert.Equal([[1, 2, 3]], result.Coinciding.Select(g => g.ToArray()));
        for (int i = 0; i < Counts.Length; i++)
        {
            // Side by side in the series' order, centred on the count; the values themselves unchanged.
            Assert.Equal([Counts[i] - 0.1, Counts[i], Counts[i] + 0.1], [.. Flat.Select(s => Math.Round(result.Points[s][i].X, 9))]);
            Assert.All(Flat, s => Assert.Equal(series[s][i].Y, result.Points[s][i].Y));
        }

        Assert.Equal(series[0], result.Points[0]);
    }

    [Fact]
    public void SeriesThatOnlyCross_AreNotMoved()
    {
        (double X, double Y)[][] series =
        [
            [.. Counts.Select(x => (x, x))],
            [.. Counts.Select(x => (x, 12 - x))],
        ];

        MarkerDodge.Result result = MarkerDodge.Spread(series, yTolerance: 0.07, xStep: 0.1);

        Assert.Empty(result.Coinciding);
        Assert.Equal(series[0], result.Points[0]);
        Assert.Equal(series[1], result.Points[1]);
    }

    [Fact]
    public void SeriesSharingOneCountOnly_AreNotAGroup()
    {
        (double X, double Y)[][] series = [[(3, 1)], [(3, 1), (4, 2)], []];

        MarkerDodge.Result result = MarkerDodge.Spread(series, yTolerance: 0.07, xStep: 0.1);

        Assert.Empty(result.Coinciding);
        Assert.Empty(result.Points[2]);
    }
}
