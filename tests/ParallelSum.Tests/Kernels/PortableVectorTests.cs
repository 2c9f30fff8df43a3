using System.Runtime.Intrinsics;

namespace ParallelSum.Tests.Kernels;

/// <summary>The portable fallbacks of the 128-bit kernel (for CPUs with neither SSE nor Arm64 AdvSimd), against the scalar
/// definition of each operation and against the x64 form this machine runs.</summary>
public class PortableVectorTests
{
    private static IEnumerable<(ulong A, ulong B)> Pairs()
    {
        var random = new Random(128);
        ulong[] edges = [0, 1, uint.MaxValue, (ulong)uint.MaxValue + 1, ulong.MaxValue, 0x8000_0000_0000_0000, 0xFFFF_FFFF_0000_0001];
        foreach (ulong a in edges)
        {
            foreach (ulong b in edges)
            {
                yield return (a, b);
            }
        }

        for (int i = 0; i < 1000; i++)
        {
            yield return ((ulong)random.NextInt64() ^ ((ulong)random.Next() << 40), (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33));
        }
    }

    [Fact]
    public void MultiplyLow32Portable_IsTheProductOfTheLow32Bits()
    {
        foreach ((ulong a, ulong b) in Pairs())
        {
            Vector128<ulong> left = Vector128.Create(a, b), right = Vector128.Create(b ^ 0x1234_5678_9ABC_DEF0, a + 12345);
            Vector128<ulong> product = Vector128Width.MultiplyLow32Portable(left, right);

            Assert.Equal((ulong)(uint)a * (uint)(b ^ 0x1234_5678_9ABC_DEF0), product[0]);
            Assert.Equal((ulong)(uint)b * (uint)(a + 12345), product[1]);
            Assert.Equal(Vector128Width.MultiplyLow32(left, right), product);
        }
    }

    [Fact]
    public void HighHalvesPortable_AreTheHigh32BitsOfEachLaneInOrder()
    {
        foreach ((ulong a, ulong b) in Pairs())
        {
            Vector128<uint> halves = Vector128Width.HighHalvesPortable(Vector128.Create(a, b), Vector128.Create(~a, b >> 7));

            Assert.Equal(Vector128.Create((uint)(a >> 32), (uint)(b >> 32), (uint)(~a >> 32), (uint)((b >> 7) >> 32)), halves);
        }
    }
}
