using ParallelSum.Experiment.Sweep;
using ScottPlot.TickGenerators;

namespace ParallelSum.Experiment.Plotting;

/// <summary>
/// The ticks and limits of one logarithmic axis (ScottPlot 5 has no log scale: the charts plot log10 of the data). The
/// axis always reaches a labelled tick at or beyond its highest and its lowest point, so no point lies above the last
/// label (a rate chart whose best point is 3.5e9 is labelled up to 5e9, or 1e10, not only to 1e9). A decimal axis spanning
/// few powers of ten labels 1, 2 and 5 of each (one power or less: 1 … 9); more, the powers of ten alone, with 2 … 9 as unlabelled minor ticks. A byte
/// axis labels powers of two (1 MiB, 2 MiB …), or of four (1 MiB, 4 MiB, 16 MiB …) when it spans many.
/// </summary>
internal sealed class LogAxis
{
    /// <summary>Up to this many powers of ten, a decimal axis labels every multiple (1 … 9) of each.</summary>
    public const double MaxDecadesForEveryMultiple = 1;

    /// <summary>Up to this many powers of ten, a decimal axis labels 2× and 5× too.</summary>
    public const double MaxDecadesForTwoAndFive = 3.2;

    /// <summary>Beyond this many powers of ten (twelve powers of two), a byte axis labels powers of four only.</summary>
    public const double MaxDecadesForEveryPowerOfTwo = 3.6;

    private const double Epsilon = 1e-9;

    private LogAxis(NumericManual ticks, IReadOnlyList<double> labelled, double low, double high)
    {
        Ticks = ticks;
        LabelledPositions = labelled;
        Low = low;
        High = high;
    }

    /// <summary>Gets the ticks, positioned at log10 of the values they name.</summary>
    public NumericManual Ticks { get; }

    /// <summary>Gets the labelled tick positions within the limits (log10 units), lowest first.</summary>
    public IReadOnlyList<double> LabelledPositions { get; }

    /// <summary>Gets the lower limit of the axis, in log10 units.</summary>
    public double Low { get; }

    /// <summary>Gets the upper limit of the axis, in log10 units.</summary>
    public double High { get; }

    /// <summary>
    /// A decimal axis for the data whose log10 values are <paramref name="logValues"/>, labelled by <paramref name="label"/>
    /// (told the value, not its logarithm).
    /// </summary>
    /// <param name="logValues">The data, in log10 units.</param>
    /// <param name="label">The label of the tick at a value.</param>
    /// <param name="reachLabels">Whether the limits reach a labelled tick beyond the data (a value axis) or only a margin
    /// around it (the count axis, whose points are at the counts asked for).</param>
    /// <exception cref="ArgumentException"><paramref name="logValues"/> holds no finite value.</exception>
    public static LogAxis For(IEnumerable<double> logValues, Func<double, string> label, bool reachLabels = true)
    {
        (double min, double max) = Range(logValues);
        int[] multiples = (max - min) switch
        {
            <= MaxDecadesForEveryMultiple => [1, 2, 3, 4, 5, 6, 7, 8, 9],
            <= MaxDecadesForTwoAndFive => [1, 2, 5],
            _ => [1],
        };
        int firstDecade = (int)Math.Floor(min) - 1, lastDecade = (int)Math.Ceiling(max) + 1;
        var labelled = new List<(double Position, string Label)>();
        var minor = new List<double>();
        for (int decade = firstDecade; decade <= lastDecade; decade++)
        {
            for (int m = 1; m <= 9; m++)
            {
                double position = decade + Math.Log10(m);
                if (multiples.Contains(m))
                {
                    labelled.Add((position, label(m * Math.Pow(10, decade))));
                }
                else
                {
                    minor.Add(position);
                }
            }
        }

        return Build(min, max, labelled, minor, reachLabels);
    }

    /// <summary>A byte axis for the data whose log10 values (of bytes) are <paramref name="logValues"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="logValues"/> holds no finite value.</exception>
    public static LogAxis ForBytes(IEnumerable<double> logValues)
    {
        (double min, double max) = Range(logValues);
        int step = max - min > MaxDecadesForEveryPowerOfTwo ? 2 : 1;
        int first = Math.Max(0, ((int)Math.Floor(min / Math.Log10(2)) - 2) / step * step);
        int last = Math.Min(62, (int)Math.Ceiling(max / Math.Log10(2)) + 2);
        var labelled = new List<(double Position, string Label)>();
        for (int power = first; power <= last; power += step)
        {
            labelled.Add((power * Math.Log10(2), ByteSize.Format(1L << power).Replace(".00 ", " ", StringComparison.Ordinal).Replace(".0 ", " ", StringComparison.Ordinal)));
        }

        return Build(min, max, labelled, [], reachLabels: true);
    }

    private static (double Min, double Max) Range(IEnumerable<double> logValues)
    {
        double[] finite = [.. logValues.Where(double.IsFinite)];
        if (finite.Length == 0)
        {
            throw new ArgumentException("An axis needs at least one finite value.", nameof(logValues));
        }

        return (finite.Min(), finite.Max());
    }

    private static LogAxis Build(double min, double max, List<(double Position, string Label)> labelled, List<double> minor, bool reachLabels)
    {
        // From the labelled position at or below the lowest point to the one at or above the highest.
        double below = reachLabels ? labelled.Where(t => t.Position <= min + Epsilon).Max(t => t.Position) : min;
        double above = reachLabels ? labelled.Where(t => t.Position >= max - Epsilon).Min(t => t.Position) : max;

        // A margin so that a point on a limit is not cut in half, and a flat series is not drawn on the frame.
        double margin = Math.Max(0.03 * (above - below), 0.05);
        double low = Math.Min(below, min - margin), high = Math.Max(above, max + margin);

        var ticks = new NumericManual();
        var shown = new List<double>();
        foreach ((double position, string label) in labelled.Where(t => t.Position >= low - Epsilon && t.Position <= high + Epsilon))
        {
            ticks.AddMajor(position, label);
            shown.Add(position);
        }

        foreach (double position in minor.Where(p => p >= low - Epsilon && p <= high + Epsilon))
        {
            ticks.AddMinor(position);
        }

        return new LogAxis(ticks, shown, low, high);
    }
}
