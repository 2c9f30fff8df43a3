using ParallelSum.Experiment.Plotting;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Tests;

/// <summary>Log axes reach a labelled tick beyond their highest and lowest points, whatever the data.</summary>
public sealed class LogAxisTests
{
    [Fact]
    public void RateAxis_OfTheBestPointsNear3Point5e9_IsLabelledAboveThem()
    {
        // The throughput chart of a sweep whose best points are 3.5e9 values/s and worst 5e3.
        LogAxis axis = LogAxis.For([Math.Log10(5e3), Math.Log10(1e9), Math.Log10(3.5e9)], v => NumberText.Scientific(v));

        Assert.Contains(axis.LabelledPositions, p => p >= Math.Log10(3.5e9));
        Assert.True(axis.High >= axis.LabelledPositions.Max());
        Assert.Contains(axis.LabelledPositions, p => Math.Abs(p - 10) < 1e-9);
    }

    [Fact]
    public void RateAxis_OfFewPowersOfTen_LabelsTwoAndFive()
    {
        LogAxis axis = LogAxis.For([Math.Log10(1e8), Math.Log10(3.5e9)], v => NumberText.Scientific(v));

        Assert.Equal(Math.Log10(5e9), axis.LabelledPositions.Max(), 9);
        Assert.Contains(axis.LabelledPositions, p => Math.Abs(p - Math.Log10(2e9)) < 1e-9);
    }

    [Fact]
    public void Axis_OfLessThanOnePowerOfTen_LabelsEveryMultiple()
    {
        LogAxis axis = LogAxis.For([Math.Log10(4.4e9), Math.Log10(4.6e9)], v => NumberText.Scientific(v));

        Assert.Equal([Math.Round(Math.Log10(4e9), 9), Math.Round(Math.Log10(5e9), 9)], axis.LabelledPositions.Select(p => Math.Round(p, 9)));
    }

    [Fact]
    public void Axis_ReachesALabelAboveAndBelow_ForEveryRange()
    {
        var random = new Random(7);
        for (int i = 0; i < 2_000; i++)
        {
            double low = (random.NextDouble() * 20) - 8, high = low + (random.NextDouble() * random.NextDouble() * 12);
            AssertReaches(LogAxis.For([low, high], v => NumberText.Scientific(v)), low, high);

            // Bytes from 1 KiB to 1 EiB.
            double bytesLow = 3 + (random.NextDouble() * 12), bytesHigh = Math.Min(18, bytesLow + (random.NextDouble() * 6));
            AssertReaches(LogAxis.ForBytes([bytesLow, bytesHigh]), bytesLow, bytesHigh);
        }
    }

    [Fact]
    public void CountAxis_KeepsAMarginOnly()
    {
        LogAxis axis = LogAxis.For([3, 10], v => NumberText.Scientific(v), reachLabels: false);

        Assert.InRange(axis.Low, 2.5, 3);
        Assert.InRange(axis.High, 10, 10.5);
    }

    private static void AssertReaches(LogAxis axis, double low, double high)
    {
        IReadOnlyList<double> labelled = axis.LabelledPositions;
        Assert.True(labelled.Count >= 2, $"[{low}, {high}]: {labelled.Count} labels");
        Assert.True(labelled.Max() >= high - 1e-9, $"[{low}, {high}]: last label at {labelled.Max()}");
        Assert.True(labelled.Min() <= low + 1e-9, $"[{low}, {high}]: first label at {labelled.Min()}");
        Assert.True(axis.Low <= labelled.Min() + 1e-9 && axis.High >= labelled.Max() - 1e-9, "every label within the limits");
        Assert.True(axis.Low < low && axis.High > high, "a margin around the data");
    }
}
