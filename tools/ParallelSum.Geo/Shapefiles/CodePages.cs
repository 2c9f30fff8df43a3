using System.Globalization;
using System.Text;

namespace ParallelSum.Geo.Shapefiles;

/// <summary>
/// Which text encoding a .dbf's strings are in, decided as GDAL's shapefile driver decides it: an explicit choice first, then
/// the <c>.cpg</c> file, then the language driver (LDID) byte of the .dbf header, then ISO-8859-1.
/// </summary>
internal static class CodePages
{
    /// <summary>The encoding assumed when neither a <c>.cpg</c> nor the LDID byte names one (GDAL's default too).</summary>
    public static Encoding Default => Encoding.Latin1;

    /// <summary>The source of the encoding when nothing names one: its text is read as UTF-8 where it is valid UTF-8, else as <see cref="Default"/>.</summary>
    public const string DefaultSource = "no .cpg or language driver";

    static CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The encoding named by <paramref name="name"/>: a .NET or IANA name (<c>windows-1252</c>, <c>ISO-8859-15</c>, <c>UTF-8</c>),
    /// a bare Windows code page number (<c>1252</c>) or <c>CP</c> and a number (<c>CP437</c>); <see langword="null"/> if unknown.
    /// </summary>
    public static Encoding? ByName(string name)
    {
        string text = name.Trim();
        if (text.StartsWith("CP", StringComparison.OrdinalIgnoreCase) && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out int cp))
        {
            text = cp.ToString(CultureInfo.InvariantCulture);
        }

        try
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int number)
                ? Encoding.GetEncoding(number)
                : Encoding.GetEncoding(text);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The encoding a <c>.cpg</c> file's first line names, read as GDAL reads it: a Windows code page number (437–950,
    /// 1250–1258), <c>8859-N</c> or <c>8859N</c>, <c>UTF-8</c> or <c>UTF8</c>, <c>ANSI 1251</c>, or any name .NET knows.
    /// </summary>
    public static Encoding? FromCpg(string cpg)
    {
        string text = cpg.Split('\r', '\n')[0].Trim();
        int digits = text.TakeWhile(char.IsAsciiDigit).Count();
        if (digits > 0 && int.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number is (>= 437 and <= 950) or (>= 1250 and <= 1258))
        {
            return ByName(number.ToString(CultureInfo.InvariantCulture));
        }

        if (text.StartsWith("8859", StringComparison.OrdinalIgnoreCase))
        {
            return ByName("ISO-8859-" + text[(text.Length > 4 && text[4] == '-' ? 5 : 4)..]);
        }

        if (text.StartsWith("UTF-8", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UTF8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        return text.StartsWith("ANSI 1251", StringComparison.OrdinalIgnoreCase) ? ByName("1251") : ByName(text);
    }

    /// <summary>
    /// The encoding of a .dbf language driver ID, from the table GDAL's shapefile driver uses (which follows the dBASE
    /// documentation); <see langword="null"/> for 0 and for IDs the table does not list. ID 0x57 ("ANSI"), which ESRI tools
    /// write, means ISO-8859-1 there.
    /// </summary>
    public static Encoding? FromLanguageDriver(byte ldid)
    {
        int codePage = ldid switch
        {
            1 or 11 or 13 or 15 or 17 or 21 or 24 or 25 or 27 => 437,
            2 or 10 or 14 or 16 or 18 or 20 or 22 or 26 or 29 or 37 or 55 => 850,
            3 or 88 or 89 => 1252,
            4 => 10000,
            8 or 23 or 102 => 865,
            19 or 123 => 932,
            28 or 108 => 863,
            31 or 34 or 35 or 64 or 100 or 135 => 852,
            36 => 860,
            38 or 101 => 866,
            77 or 122 => 936,
            78 or 121 => 949,
            79 or 120 => 950,
            80 or 124 => 874,
            87 => 28591, // ISO-8859-1
            103 => 861,
            104 => 895,
            105 => 620,
            106 or 134 => 737,
            107 or 136 => 857,
            150 => 10007,
            151 => 10029,
            200 => 1250,
            201 => 1251,
            202 => 1254,
            203 => 1253,
            204 => 1257,
            _ => 0,
        };
        return codePage == 0 ? null : ByName(codePage.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The most of a .cpg that is read: its first line, which names the encoding, is a few bytes long.</summary>
    public const int CpgBytesRead = 256;

    /// <summary>
    /// The first line of the .cpg at <paramref name="cpgPath"/>, trimmed, from at most its first <see cref="CpgBytesRead"/> bytes
    /// (as ISO-8859-1, which every byte is valid in): a huge or binary file costs no more than a small one.
    /// </summary>
    public static string ReadCpg(string cpgPath)
    {
        Span<byte> head = stackalloc byte[CpgBytesRead];
        int read;
        using (var stream = new FileStream(cpgPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        ReadOnlySpan<byte> bytes = head[..read];
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..]; // a UTF-8 byte order mark
        }

        int end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
        return Encoding.Latin1.GetString(end >= 0 ? bytes[..end] : bytes).Trim();
    }

    /// <summary>Decides the encoding of <paramref name="dbfPath"/>'s text and says where the choice came from.</summary>
    /// <param name="dbfPath">The .dbf.</param>
    /// <param name="cpgPath">Its .cpg, or <see langword="null"/>.</param>
    /// <param name="ldid">The .dbf header's language driver byte.</param>
    /// <param name="explicitEncoding">The user's <c>--encoding</c>, or <see langword="null"/>.</param>
    /// <param name="warnings">Receives a line when a .cpg or LDID names an encoding this reader cannot use.</param>
    public static (Encoding Encoding, string Source) Resolve(string dbfPath, string? cpgPath, byte ldid, Encoding? explicitEncoding, List<string> warnings)
    {
        if (explicitEncoding is not null)
        {
            return (explicitEncoding, "--encoding");
        }

        if (cpgPath is not null)
        {
            string cpg = ReadCpg(cpgPath);
            if (FromCpg(cpg) is Encoding fromCpg)
            {
                return (fromCpg, ".cpg");
            }

            warnings.Add($".cpg names '{TerminalText.Escape(cpg)}', an encoding this reader does not know: used the .dbf's language driver instead");
        }

        if (FromLanguageDriver(ldid) is Encoding fromLdid)
        {
            return (fromLdid, string.Create(CultureInfo.InvariantCulture, $"LDID 0x{ldid:X2}"));
        }

        if (ldid != 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(dbfPath)} language driver 0x{ldid:X2} names no known code page: read as ISO-8859-1"));
        }

        return (Default, DefaultSource);
    }
}
