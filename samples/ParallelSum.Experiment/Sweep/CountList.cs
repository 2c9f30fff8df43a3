using System.Globalization;

namespace ParallelSum.Experiment.Sweep;

/// <summary>Reads lists of counts such as <c>1e3,1e6,1e9</c> or <c>1000,250000</c>, and prints counts as the tables do.</summary>
internal static class CountList
{
    /// <summary>What <see cref="TryParse"/> accepts, for error messages.</summary>
    public const string Accepted = "comma-separated whole numbers of 1 or more, plain (1000, 1_000) or as powers of ten (1e3, 2.5e6)";

    /// <summary>What <see cref="TryParseOne"/> accepts, for error messages.</summary>
    public const string AcceptedOne = "a whole number of 0 or more, plain (1000, 1_000) or as a power of ten (1e3, 2.5e6), at most 2^63 - 1";

    /// <summary>Parses <paramref name="text"/> into distinct counts in ascending order; false with the offending item otherwise.</summary>
    public static bool TryParse(string text, out IReadOnlyList<long> counts, out string? bad)
    {
        var parsed = new SortedSet<long>();
        counts = [];
        bad = null;
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParseOne(item, out long count) || count < 1)
            {
                bad = item;
                return false;
            }

            parsed.Add(count);
        }

        if (parsed.Count == 0)
        {
            bad = text;
            return false;
        }

        counts = [.. parsed];
        return true;
    }

    /// <summary>
    /// Prints <paramref name="count"/> as a power of ten (<c>1e6</c>, <c>2.5e6</c>) when it is 1000 or more with at most three
    /// significant digits, else in full.
    /// </summary>
    public static string Format(long count)
    {
        if (count >= 1000)
        {
            int exponent = 0;
            decimal scale = 1;
            while (scale * 10 <= count)
            {
                scale *= 10;
                exponent++;
            }

            decimal mantissa = count / scale;
            if (decimal.Round(mantissa, 2) == mantissa)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{mantissa.ToString("0.##", CultureInfo.InvariantCulture)}e{exponent}");
            }
        }

        return count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Parses one count of 0 or more: plain (<c>1000</c>), with digit separators (<c>1_000</c>) or as a power of ten
    /// (<c>1e3</c>, <c>2.5e6</c>) that is a whole number.
    /// </summary>
    public static bool TryParseOne(string item, out long count)
    {
        count = 0;

        // Digit separators as C# writes them: only between digits.
        for (int i = 0; i < item.Length; i++)
        {
            if (item[i] == '_' && (i == 0 || i == item.Length - 1 || !char.IsAsciiDigit(item[i - 1]) || !char.IsAsciiDigit(item[i + 1])))
            {
                return false;
            }
        }

        string text = item.Replace("_", "", StringComparison.Ordinal);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return true;
        }

        // 1e9 or 2.5e6: decimal arithmetic keeps it exact, and the result must be a whole number.
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out decimal value)
            && value >= 0 && value <= long.MaxValue && value == decimal.Truncate(value))
        {
            count = (long)value;
            return true;
        }

        count = 0;
        return false;
    }
}
