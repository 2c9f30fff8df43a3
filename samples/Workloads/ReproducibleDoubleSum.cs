using ParallelSum.Execution;

namespace Workloads;

/// <summary>Sums a user's <see cref="double"/> array so that the bits are the same on one worker and on many.</summary>
internal static class ReproducibleDoubleSum
{
    public static double Run(double[] values, int maxDegreeOfParallelism, CancellationToken cancellationToken) =>
        ParallelReduction.Reduce(
            values.LongLength,
            grainSize: 8192,
            0.0,
            range =>
            {
                double sum = 0;
                foreach (double value in values.AsSpan((int)range.Start, (int)range.Length))
                {
                    sum += value;
                }

                return sum;
            },
            (left, right) => left + right,
            new ParallelRunOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            cancellationToken: cancellationToken);

    /// <summary>Values of very different magnitudes, where the order of additions shows in the result's last bits.</summary>
    public static double[] MakeValues(int count, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9));
        }

        return values;
    }
}
