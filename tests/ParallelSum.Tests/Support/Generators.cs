using FsCheck;
using FsCheck.Fluent;

namespace ParallelSum.Tests.Support;

/// <summary>A stream and a start offset to read it from.</summary>
public sealed record StreamCase(RandomStream Stream, long Offset);

/// <summary>A request and a partition count, for strategy properties.</summary>
public sealed record RequestCase(GenerateAndSumRequest Request, int Partitions)
{
    public override string ToString() => $"{Request}, partitions {Partitions}";
}

/// <summary>The FsCheck generators, in one place. Sizes are bounded so the whole suite stays within a few minutes.</summary>
public static class Generators
{
    /// <summary>Counts that matter: 0, 1, small primes, counts not divisible by common partition counts, and random ones.</summary>
    public static Gen<long> Count() =>
        Gen.Frequency(
            (3, Gen.Elements(0L, 1L, 2L, 3L, 5L, 7L, 11L, 13L, 97L, 101L, 1009L, 65537L, 100003L, 262147L)),
            (4, Gen.Choose(0, 5000).Select(c => (long)c)),
            (2, Gen.Choose(5000, 300_000).Select(c => (long)c)));

    /// <summary>Value ranges: the experiment's default, a single value, small ones, and ones at the edges of int.</summary>
    public static Gen<(int Min, int Max)> Range() =>
        Gen.OneOf(
            Gen.Constant((0, 10)),
            Gen.Choose(-1000, 1000).Select(m => (m, m)),
            Gen.Choose(-1000, 1000).SelectMany(m => Gen.Choose(0, 1000).Select(w => (m, m + w))),
            Gen.Constant((int.MinValue, int.MaxValue)),
            Gen.Constant((int.MinValue, int.MinValue + 3)),
            Gen.Constant((int.MaxValue - 3, int.MaxValue)),
            Gen.Constant((int.MinValue, 1073741823)),
            Gen.Constant((0, (1 << 30) - 1)));

    public static Gen<ulong> Seed() =>
        Gen.OneOf(Gen.Elements(0UL, 42UL, ulong.MaxValue), ArbMap.Default.GeneratorFor<ulong>());

    public static Arbitrary<StreamCase> StreamCases() =>
        (from seed in Seed()
         from range in Range()
         from offset in Gen.OneOf(Gen.Constant(0L), Gen.Choose(0, 1_000_000).Select(o => (long)o), Gen.Constant(10435888570L))
         select new StreamCase(new RandomStream(seed, range.Min, range.Max), offset)).ToArbitrary();

    public static Arbitrary<RequestCase> RequestCases() =>
        (from count in Count()
         from seed in Seed()
         from range in Range()
         from partitions in Gen.Elements(1, 2, 3, 4, 7, 16)
         select new RequestCase(new GenerateAndSumRequest(count, seed, range.Min, range.Max), partitions)).ToArbitrary();
}
