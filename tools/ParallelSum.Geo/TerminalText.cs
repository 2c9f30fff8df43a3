using System.Globalization;
using System.Text;

namespace ParallelSum.Geo;

/// <summary>Makes text taken from input files (names, .cpg contents, field names) safe to print on a terminal.</summary>
internal static class TerminalText
{
    /// <summary>
    /// <paramref name="text"/> with every control character (C0, DEL and C1, such as the ESC that starts a terminal escape
    /// sequence) written as <c>\xNN</c>, so the output cannot drive the terminal. Text without control characters comes back
    /// unchanged, so escaping twice changes nothing.
    /// </summary>
    public static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAny(Special))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i)]);
}
