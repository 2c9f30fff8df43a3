using System.Numerics;
using System.Runtime.CompilerServices;

namespace ParallelSum.Numerics;

/// <summary>
/// The exact value of a sum of finite doubles: a signed fixed-point number whose unit is 2^-1074 (the smallest subnormal
/// double), held as 32-bit digits in 64-bit signed cells, so that a thousand additions need no carry (Neal's "small
/// superaccumulator").
/// </summary>
/// <remarks>
/// <para>Digit <c>i</c> weighs 2^(32·i − 1074). A double <c>m·2^(p − 1074)</c> (53-bit <c>m</c>, position <c>p</c> from 0 to
/// 2045) adds the low 32 bits of <c>m·2^(p mod 32)</c> to digit <c>p/32</c> and the rest (below 2^52) to the next one. A cell
/// can take 2^11 such additions before it could overflow; <see cref="Carry"/> runs every <see cref="AddsBeforeCarry"/>.</para>
/// <para>After <see cref="Carry"/>, digits below the top one are in <c>[0, 2^32)</c> and the top one, which may be negative,
/// carries the sign. Only the digits from <c>_low</c> to <c>_high</c> are ever non-zero, so carrying, merging and clearing
/// cost what the sum's actual span of magnitudes costs, not the whole array.</para>
/// <para>Capacity: <see cref="DigitCount"/> digits hold ±2^(32·70 − 1 − 1074) = ±2^1165, room for 2^141 doubles of the
/// largest magnitude. Beyond that <see cref="Carry"/> throws <see cref="OverflowException"/>.</para>
/// <para>Not thread-safe.</para>
/// </remarks>
internal sealed class FixedPointSum
{
    /// <summary>The number of 32-bit digits.</summary>
    internal const int DigitCount = 70;

    /// <summary>Additions allowed between carries: each adds under 2^52 + 2^32 to a cell holding under 2^32 after a carry,
    /// so 2^10 of them stay far below 2^63.</summary>
    internal const int AddsBeforeCarry = 1 << 10;

    private const long DigitMask = 0xFFFF_FFFFL;

    private Digits _digits;
    private int _low = DigitCount;
    // Stryker disable once Unary : equivalent; with _low at DigitCount the sum is empty either way, and every addition sets _high to at least its top digit.
    private int _high = -1;
    private int _adds;

    /// <summary>Gets whether the value is exactly zero.</summary>
    public bool IsZero
    {
        get
        {
            Carry();
            return _high < _low;
        }
    }

    /// <summary>Adds a finite double exactly. Infinities and NaN must not reach this method.</summary>
    /// <param name="value">A finite double (zeros of either sign add nothing).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddFinite(double value)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        // Stryker disable once Bitwise : equivalent; bits is unsigned, so ">>>" shifts the same.
        ulong biasedExponent = bits >> 52;
        int exponent = (int)biasedExponent & 0x7FF;
        long mantissa = (long)(bits & 0xF_FFFF_FFFF_FFFFUL);
        if (exponent == 0)
        {
            // Stryker disable once Block,Statement : equivalent; going on adds zero to two digits, which the next carry trims.
            if (mantissa == 0)
            {
                return;
            }

            // Subnormal: no implicit bit, and the same weight as exponent 1.
            exponent = 1;
        }
        else
        {
            // Stryker disable once Assignment : equivalent; bit 52 of the masked field is 0, so "^=" sets it the same.
            mantissa |= 1L << 52;
        }

        int position = exponent - 1;
        // Stryker disable once Bitwise : equivalent; position is never negative.
        int index = position >> 5;
        int shift = position & 31;
        long low = (long)(((ulong)mantissa << shift) & DigitMask);
        // Stryker disable once Bitwise : equivalent; the mantissa is never negative.
        long high = mantissa >> (32 - shift);
        // Branch-free negation for negative values: (v ^ -1) - (-1) = -v.
        long sign = (long)bits >> 63;
        Span<long> digits = _digits;
        digits[index] += (low ^ sign) - sign;
        digits[index + 1] += (high ^ sign) - sign;
        // Stryker disable once Equality : equivalent; when index equals _low the assignment leaves it unchanged.
        if (index < _low)
        {
            _low = index;
        }

        // Stryker disable once Equality : equivalent; when index + 1 equals _high the assignment leaves it unchanged.
        if (index + 1 > _high)
        {
            _high = index + 1;
        }

        // Stryker disable once Equality : equivalent; carrying one addition later (every cell stays far below 2^63) or after almost every addition (a carry keeps the value) changes no value.
        if (++_adds >= AddsBeforeCarry)
        {
            Carry();
        }
    }

    /// <summary>Adds <c>value·2^(position − 1074)</c> exactly.</summary>
    /// <param name="value">Any 64-bit integer.</param>
    /// <param name="position">The weight of the value's lowest bit, from 0 (2^-1074) to 2047.</param>
    public void AddInteger(long value, int position)
    {
        // Stryker disable once Block,Statement : equivalent; going on adds zero to three digits, which the next carry trims.
        if (value == 0)
        {
            return;
        }

        // Stryker disable once Bitwise : equivalent; position is never negative.
        int index = position >> 5;
        // |value| < 2^64 shifted by at most 31 bits: three digits, each added with the value's sign.
        long sign = value >> 63;
        // (value ^ sign) - sign is |value| as an unsigned number, long.MinValue included.
        UInt128 shifted = (UInt128)(ulong)((value ^ sign) - sign) << (position & 31);
        Span<long> digits = _digits;
        // Stryker disable once Equality : equivalent; a fourth digit would add zero (the shifted value is below 2^95) to a digit that exists (index + 3 <= 66).
        for (int i = 0; i < 3; i++)
        {
            long digit = (long)(ulong)(shifted & DigitMask);
            digits[index + i] += (digit ^ sign) - sign;
            // Stryker disable once Assignment : equivalent; UInt128 is unsigned, so ">>>=" shifts the same.
            shifted >>= 32;
        }

        _low = Math.Min(_low, index);
        _high = Math.Max(_high, index + 2);
        // Stryker disable once Equality,Boolean : equivalent; carrying one addition later or after every addition changes no value (a carry keeps the value, and no sum of AddInteger calls nears 2^1165).
        if (++_adds >= AddsBeforeCarry)
        {
            Carry();
        }
    }

    /// <summary>Adds another sum to this one exactly; <paramref name="other"/> is left carried but unchanged in value.</summary>
    /// <param name="other">The sum to add; may be this instance.</param>
    public void Add(FixedPointSum other)
    {
        // Stryker disable once Statement : equivalent; uncarried cells of the other hold under 2^62, so adding them to carried cells cannot overflow, and the carry below normalises the result.
        other.Carry();
        // Stryker disable once Block,Statement : equivalent; an empty range adds nothing and leaves both bounds as they are.
        if (other._high < other._low)
        {
            return;
        }

        // Stryker disable once Statement : equivalent; uncarried cells here hold under 2^62 and the other's carried ones under 2^32, so the sums cannot overflow, and the carry below normalises them.
        Carry();
        int low = other._low;
        int high = other._high;
        Span<long> digits = _digits;
        ReadOnlySpan<long> added = other._digits;
        for (int i = low; i <= high; i++)
        {
            digits[i] += added[i];
        }

        _low = Math.Min(_low, low);
        _high = Math.Max(_high, high);
        // Every cell now holds less than 2^33 (the top one may hold anything Carry left there): carry at once.
        Carry();
    }

    /// <summary>Sets the value to zero.</summary>
    public void Clear()
    {
        if (_high >= _low)
        {
            ((Span<long>)_digits)[_low..(_high + 1)].Clear();
        }

        _low = DigitCount;
        // Stryker disable once Unary : equivalent; with _low at DigitCount the sum is empty either way, and every addition sets _high to at least its top digit.
        _high = -1;
        _adds = 0;
    }

    /// <summary>Propagates carries so that every digit below the top one is in <c>[0, 2^32)</c> and the top one carries the
    /// sign, and trims zero digits from both ends.</summary>
    /// <exception cref="OverflowException">The magnitude reached 2^1165, beyond <see cref="DigitCount"/> digits.</exception>
    public void Carry()
    {
        _adds = 0;
        if (_high < _low)
        {
            return;
        }

        Span<long> digits = _digits;
        int high = _high;
        for (int i = _low; i < high; i++)
        {
            long carry = digits[i] >> 32;
            digits[i] &= DigitMask;
            digits[i + 1] += carry;
        }

        // The top digit keeps the sign; push it up while it is outside [-2^31, 2^31), so that it stays small.
        while (digits[high] >= 1L << 31 || digits[high] < -(1L << 31))
        {
            if (high + 1 == DigitCount)
            {
                throw new OverflowException($"The exact sum's magnitude reached 2^{(32 * DigitCount) - 1 - 1074}: more than 2^141 doubles of the largest magnitude were added.");
            }

            long carry = digits[high] >> 32;
            digits[high] &= DigitMask;
            digits[++high] += carry;
        }

        int low = _low;
        while (high >= low && digits[high] == 0)
        {
            high--;
        }

        while (low <= high && digits[low] == 0)
        {
            low++;
        }

        if (high < low)
        {
            _low = DigitCount;
            // Stryker disable once Unary : equivalent; with _low at DigitCount the sum is empty either way, and every addition sets _high to at least its top digit.
            _high = -1;
        }
        else
        {
            _low = low;
            _high = high;
        }
    }

    /// <summary>
    /// Rounds the value once, to nearest with ties to even, into a binary floating-point format, and returns the bits of its
    /// magnitude; the caller adds the sign and turns a result at or above the format's infinity into infinity.
    /// </summary>
    /// <param name="significandBits">The format's precision including the implicit bit: 53 for double, 24 for float.</param>
    /// <param name="lowestPosition">The position (in units of 2^-1074) of the format's smallest subnormal: 0 for double, 925 for
    /// float (2^-149).</param>
    /// <param name="negative">Whether the value is below zero.</param>
    /// <returns>The magnitude's bits in the format, or <see cref="ulong.MaxValue"/> when it is far beyond any format's range.</returns>
    public ulong RoundedMagnitudeBits(int significandBits, int lowestPosition, out bool negative)
    {
        Carry();
        negative = false;
        if (_high < _low)
        {
            return 0;
        }

        // The magnitude, as digits in [0, 2^32) (two's complement negation, then a carry), one spare digit of zeros on top.
        Span<long> magnitude = stackalloc long[DigitCount + 2];
        ReadOnlySpan<long> digits = _digits;
        // Stryker disable once Equality : equivalent; after the carry the top digit is never zero.
        negative = digits[_high] < 0;
        for (int i = _low; i <= _high; i++)
        {
            magnitude[i] = negative ? -digits[i] : digits[i];
        }

        // Stryker disable once Equality : equivalent; a magnitude up to 2^1165 leaves digit DigitCount zero, so carrying it moves nothing.
        for (int i = _low; i < DigitCount; i++)
        {
            long carry = magnitude[i] >> 32;
            magnitude[i] &= DigitMask;
            magnitude[i + 1] += carry;
        }

        // Stryker disable once Arithmetic : equivalent; starting two digits higher only steps over the spare zero digits.
        int top = DigitCount - 1;
        while (magnitude[top] == 0)
        {
            top--;
        }

        int highestBit = (32 * top) + 63 - BitOperations.LeadingZeroCount((ulong)magnitude[top]);
        // The result's last bit: p - 1 bits below the highest, but never below the format's smallest subnormal.
        int last = Math.Max(highestBit - (significandBits - 1), lowestPosition);
        // Stryker disable once Equality,Arithmetic,Block,Statement : unreachable; below 2^1165 the highest bit is under 2240, so last - lowestPosition (even last + lowestPosition) stays under 4096.
        if (last - lowestPosition >= 1 << 12)
        {
            return ulong.MaxValue;
        }

        ulong significand = BitsAt(magnitude, last, significandBits);
        bool roundBit = last > 0 && BitsAt(magnitude, last - 1, 1) != 0;
        if (roundBit && ((significand & 1) != 0 || AnyBitBelow(magnitude, last - 1)))
        {
            significand++;
        }

        // With the implicit bit at position p - 1 of the significand, adding (biased exponent - 1) << (p - 1) gives the
        // format's bits; a significand rounded up to 2^p moves into the next binade by the same addition, and below the
        // normal range (last == lowestPosition, no implicit bit) the significand is the subnormal's bits as they are.
        return ((ulong)(last - lowestPosition) << (significandBits - 1)) + significand;
    }

    /// <summary>Reads <paramref name="count"/> (at most 53) bits of <paramref name="digits"/> from bit <paramref name="position"/> up.</summary>
    private static ulong BitsAt(ReadOnlySpan<long> digits, int position, int count)
    {
        // Stryker disable once Bitwise : equivalent; position is never negative.
        int index = position >> 5;
        // The bits read are at most the magnitude's highest, below 2^2240 (digit 69), and the span has two spare digits on top.
        UInt128 window = (ulong)digits[index] | ((UInt128)(ulong)digits[index + 1] << 32) | ((UInt128)(ulong)digits[index + 2] << 64);
        // Stryker disable once Assignment : equivalent; UInt128 is unsigned, so ">>>=" shifts the same.
        window >>= position % 32;
        return (ulong)window & ((1UL << count) - 1);
    }

    /// <summary>Whether any bit below <paramref name="position"/> is set.</summary>
    private static bool AnyBitBelow(ReadOnlySpan<long> digits, int position)
    {
        // Stryker disable once Bitwise : equivalent; position is never negative.
        int index = position >> 5;
        if ((digits[index] & ((1L << (position & 31)) - 1)) != 0)
        {
            return true;
        }

        for (int i = 0; i < index; i++)
        {
            if (digits[i] != 0)
            {
                return true;
            }
        }

        return false;
    }

    [InlineArray(DigitCount)]
    private struct Digits
    {
        private long _element;
    }
}
