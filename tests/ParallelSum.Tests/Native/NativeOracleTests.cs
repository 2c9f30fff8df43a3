using ParallelSum.Tests.Support;

namespace ParallelSum.Tests.Native;

/// <summary>The C reference kernel, written separately from the C# kernels, agrees with them and with the spec's vectors.</summary>
public class NativeOracleTests
{
    [NativeKernelFact]
    public void KnownAnswerSums_MatchTheSpecification()
    {
        Assert.Equal(48, NativeKernel.Sum(10, 0, 0, 10));
        Assert.Equal(4894, NativeKernel.Sum(1000, 42, 0, 10));
        Assert.Equal(5002298, NativeKernel.Sum(1_000_000, 42, 0, 10, threads: 2));
        Assert.Equal(499999629, NativeKernel.Sum(100_000_000, 42, 0, 10, threads: 2));
        Assert.Equal(5002298, NativeKernel.Sum(1_000_000, 42, 0, 10, kernel: "scalar"));
        Assert.Equal(499999629, NativeKernel.Sum(100_000_000, 42, 0, 10, threads: 2, kernel: "fast"));
    }

    [NativeKernelFact]
    public async Task ManyRequests_NativeEqualsEveryStrategy()
    {
        var random = new Random(20261124);
        (int Min, int Max)[] ranges = [(0, 10), (-5, 5), (int.MinValue, int.MaxValue), (int.MinValue, 1073741823), (3, 3), (0, 1 << 20)];
        for (int k = 0; k < 24; k++)
        {
            var (min, max) = ranges[k % ranges.Length];
            long count = random.Next(0, 3_000_000);
            long start = k % 3 == 0 ? 0 : random.NextInt64(0, 1L << 40);
            ulong seed = (ulong)random.NextInt64();
            var request = new GenerateAndSumRequest(count, seed, min, max, start);
            Int128 native = NativeKernel.Sum(count, seed, min, max, start, threads: 1 + (k % 3));
            Assert.Equal(native, NativeKernel.Sum(count, seed, min, max, start, threads: 1 + (k % 3), kernel: "fast"));
            foreach (string name in GenerateAndSumStrategies.Names)
            {
                Assert.Equal(native, (await GenerateAndSumStrategies.Create(name).GenerateAndSumAsync(request)).Sum);
            }
        }
    }

    [NativeKernelFact]
    public void RejectionSlice_NativeVectorAndScalarPathsEqualTheLibrary()
    {
        var stream = new RandomStream(42, int.MinValue, 1073741823);
        for (long before = 0; before < 40; before += 3)
        {
            long start = 10435888575 - before;
            Assert.Equal(stream.ReferenceSum(start, 100), NativeKernel.Sum(100, 42, int.MinValue, 1073741823, start));
            Assert.Equal(stream.ReferenceSum(start, 100), NativeKernel.Sum(100, 42, int.MinValue, 1073741823, start, kernel: "scalar"));
        }
    }

    /// <summary>The C one-multiply kernel, written apart from the C# one, agrees with the library where the one multiply is
    /// wrong or the word is rejected: seeds are chosen so the word at one index sits on the flag edge.</summary>
    [NativeKernelFact]
    public void FastKernel_EdgeWords_EqualTheLibrary()
    {
        const long edgeIndex = 5_000_000_003;
        int checkedCases = 0;
        foreach (ulong r in new ulong[] { 3, 11, 1000, 65535 })
        {
            foreach (uint x in Kernels.OneMultiplyTests.EdgeLows(r))
            {
                ulong word = ((ulong)Kernels.OneMultiplyTests.HighHalfFor(x, r) << 32) | uint.MaxValue;
                var stream = new RandomStream(Kernels.WordInverse.SeedFor(word, edgeIndex), 0, (int)r - 1);
                foreach (long before in new long[] { 0, 13, 4095, 5000 })
                {
                    long start = edgeIndex - before;
                    Assert.Equal(SpecReference.Sum(stream.Seed, start, 9000, stream.Min, stream.Max), NativeKernel.Sum(9000, stream.Seed, stream.Min, stream.Max, start, kernel: "fast"));
                    checkedCases++;
                }
            }
        }

        Assert.True(checkedCases >= 50, $"only {checkedCases} cases");
    }
}
