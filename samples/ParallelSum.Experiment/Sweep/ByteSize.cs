using System.Globalization;

namespace ParallelSum.Experiment.Sweep;

/// <summary>Reads and prints sizes such as <c>4G</c>, <c>64MiB</c>, <c>512M</c> or <c>1073741824</c> (binary units: 1G = 2^30 bytes).</summary>
internal static class ByteSize
{
    /// <summary>What <see cref="TryParse"/> accepts, for error messages.</summary>
    public const string Accepted = "a whole number of bytes, or one followed by K, M, G or T (optionally KB/KiB…; binary: 1G = 2^30 bytes)";

    /// <summary>Parses <paramref name="text"/>; false when it is not a positive size.</summary>
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        string s = text.Trim().ToUpperInvariant();
        foreach (string suffix in new[] { "IB", "B" })
        {
            if (s.Length > suffix.Length && s.EndsWith(suffix, StringComparison.Ordinal) && char.IsLetter(s[^(suffix.Length + 1)]))
            {
                s = s[..^suffix.Length];
                break;
            }
        }

        int shift = s.Length == 0 ? 0 : s[^1] switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => 0 };
        if (shift > 0)
        {
            s = s[..^1];
        }

        if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long number) || number <= 0 || number > long.MaxValue >> shift)
        {
            return false;
        }

        bytes = number << shift;
        return true;
    }

    /// <summary>Formats <paramref name="bytes"/> as MiB below 1 GiB and GiB above.</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F2} GiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):F1} MiB"),
    };
}
