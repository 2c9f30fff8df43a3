namespace ParallelSum.Tests.Kernels;

/// <summary>
/// Runs SplitMix64's mixer backwards, so a test can choose the word a kernel will see at an index: mix64 is a bijection
/// (xor-shifts and multiplies by odd constants), and attempt 0's word at index i is <c>mix64(seed + (i + 1) * GAMMA)</c>.
/// </summary>
public static class WordInverse
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The seed whose attempt-0 word at <paramref name="index"/> is <paramref name="word"/>.</summary>
    public static ulong SeedFor(ulong word, ulong index) => unchecked(Unmix64(word) - ((index + 1) * Gamma));

    /// <summary>The inverse of mix64: <c>Unmix64(mix64(z)) == z</c>.</summary>
    public static ulong Unmix64(ulong z)
    {
        unchecked
        {
            z = UndoXorShift(z, 31);
            z *= InverseOf(0x94D049BB133111EBUL);
            z = UndoXorShift(z, 27);
            z *= InverseOf(0xBF58476D1CE4E5B9UL);
            return UndoXorShift(z, 30);
        }
    }

    /// <summary>The x with <c>x ^ (x &gt;&gt; shift) == y</c>: each pass fixes <paramref name="shift"/> more top bits.</summary>
    private static ulong UndoXorShift(ulong y, int shift)
    {
        ulong x = y;
        for (int fixedBits = shift; fixedBits < 64; fixedBits += shift)
        {
            x = y ^ (x >> shift);
        }

        return x;
    }

    /// <summary>The multiplicative inverse of an odd number modulo 2^64, by Newton's iteration (each step doubles the correct bits).</summary>
    private static ulong InverseOf(ulong odd)
    {
        ulong inverse = odd;
        for (int step = 0; step < 6; step++)
        {
            inverse = unchecked(inverse * (2 - (odd * inverse)));
        }

        return inverse;
    }
}
