namespace ParallelSum.Tests.Support;

/// <summary>
/// Random stream v1 written a second time, line by line from the specification, with 128-bit arithmetic and no shortcuts.
/// An oracle independent of the library's kernels.
/// </summary>
public static class SpecReference
{
    public static ulong Mix64(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    public static ulong Word(ulong seed, ulong i, ulong a) =>
        unchecked(Mix64((seed ^ (a * 0xD1B54A32D192ED03UL)) + (i + 1) * 0x9E3779B97F4A7C15UL));

    /// <summary>The value at index i and the attempt on which it was accepted.</summary>
    public static (int Value, ulong Attempt) ValueAndAttempt(ulong seed, ulong i, int min, int max)
    {
        UInt128 r = (UInt128)((long)max - min + 1);
        UInt128 t = (((UInt128)1 << 64) - r) % r;
        for (ulong a = 0; ; a++)
        {
            UInt128 m = (UInt128)Word(seed, i, a) * r;
            if ((ulong)m >= t)
            {
                return ((int)((long)min + (long)(ulong)(m >> 64)), a);
            }
        }
    }

    public static int Value(ulong seed, ulong i, int min, int max) => ValueAndAttempt(seed, i, min, max).Value;

    public static Int128 Sum(ulong seed, long start, long count, int min, int max)
    {
        Int128 sum = 0;
        for (long i = start; i < start + count; i++)
        {
            sum += Value(seed, (ulong)i, min, max);
        }

        return sum;
    }
}
