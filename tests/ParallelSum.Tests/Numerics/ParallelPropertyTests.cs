using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ParallelSum.Numerics;

namespace ParallelSum.Tests.Numerics;

/// <summary>The parallel forms as properties: adversarial values (with NaN, infinities and signed zeros mixed in sometimes),
/// summed on a generated number of workers from 1 to 64, with a generated grain and partitioner, give the oracle's bits.</summary>
public class ParallelPropertyTests
{
    /// <summary>One generated run: the values, the workers, the grain and the partitioner's kind.</summary>
    public sealed record Run(double[] Values, int Workers, long Grain, int PartitionerKind)
    {
        public ParallelRunOptions Options => new()
        {
            MaxDegreeOfParallelism = Workers,
            Partitioner = (PartitionerKind % 3) switch
            {
                0 => IndexRangePartitioners.StaticBlocks(),
                1 => IndexRangePartitioners.DynamicChunks(1 + (Grain / 3)),
                _ => IndexRangePartitioners.FromRanges(System.Collections.Concurrent.Partitioner.Create(0L, Math.Max(1L, Values.LongLength), 1 + (Values.LongLength / 7))),
            },
        };

        // FsCheck prints the counterexample: the shape, not every value.
        public override string ToString() => $"Run({Values.Length} values, {Workers} workers, grain {Grain}, partitioner {PartitionerKind % 3})";
    }

    public static Arbitrary<Run> Runs() =>
        (from values in Gen.Frequency((4, AdversarialDoubles.Arrays()), (1, WithSpecials()))
         from workers in Gen.Choose(1, 64)
         from grain in Gen.Frequency((2, Gen.Choose(1, 64)), (2, Gen.Choose(65, 5_000)), (1, Gen.Choose(5_001, 70_000)))
         from kind in Gen.Choose(0, 2)
         select new Run(values, workers, grain, kind)).ToArbitrary();

    [Property(Arbitrary = [typeof(ParallelPropertyTests)], MaxTest = 120, Replay = "(20261207,1207)")]
    public bool Sum_IsTheOraclesBits_OnAnyWorkersGrainAndPartitioner(Run run)
    {
        if (run.PartitionerKind % 3 == 2 && run.Values.Length == 0)
        {
            return true; // A BCL range partitioner is made for a count of at least 1 here; an empty input is covered elsewhere.
        }

        return ExactSumOracleTests.Bits(ExactSum.Of(run.Values, run.Grain, run.Options, null, default))
            == ExactSumOracleTests.Bits(BigIntegerOracle.Sum(run.Values));
    }

    [Property(Arbitrary = [typeof(ParallelPropertyTests)], MaxTest = 60, Replay = "(1207,20261207)")]
    public bool RangeForm_IsTheOraclesBits_OnAnyWorkersGrainAndPartitioner(Run run)
    {
        if (run.PartitionerKind % 3 == 2 && run.Values.Length == 0)
        {
            return true;
        }

        double[] values = run.Values;
        return ExactSumOracleTests.Bits(ExactSum.OfRange(values.LongLength, i => values[i], run.Grain, run.Options, null, default))
            == ExactSumOracleTests.Bits(BigIntegerOracle.Sum(values));
    }

    /// <summary>Adversarial arrays with a few special values (NaN, ±∞, ±0.0, ±MaxValue) put at generated places.</summary>
    private static Gen<double[]> WithSpecials() =>
        from values in AdversarialDoubles.Arrays().Where(v => v.Length > 0)
        from count in Gen.Choose(1, 3)
        from specials in Gen.ArrayOf(Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, double.MaxValue, -double.MaxValue), count)
        from places in Gen.ArrayOf(Gen.Choose(0, values.Length - 1), count)
        select Place(values, specials, places);

    private static double[] Place(double[] values, double[] specials, int[] places)
    {
        double[] copy = [.. values];
        for (int i = 0; i < specials.Length; i++)
        {
            copy[places[i]] = specials[i];
        }

        return copy;
    }
}
