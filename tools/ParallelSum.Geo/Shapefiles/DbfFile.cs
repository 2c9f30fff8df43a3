using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ParallelSum.Geo.Shapefiles;

/// <summary>
/// A .dbf attribute table read whole into memory. The header's record count, header length and record length are checked
/// against the file's real size before any record is touched; text is decoded with the encoding <see cref="CodePages"/>
/// chooses, and a value that is not valid in it is decoded as ISO-8859-1 (every byte is a character there) and counted in a
/// warning, never turned into U+FFFD in silence.
/// </summary>
internal sealed class DbfFile : IDisposable
{
    private readonly PooledBytes _bytes;
    private readonly int _headerLength;
    private readonly int _recordLength;
    private readonly Encoding _strict;
    private readonly bool _ascii;
    private readonly bool _utf8;
    private readonly bool _undeclared;
    private readonly bool _assumedLatin1;
    private readonly Dictionary<string, int> _controls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _invalid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _notDates = new(StringComparer.Ordinal);

    private DbfFile(PooledBytes bytes, int records, int headerLength, int recordLength, DbfField[] fields, Encoding encoding, string encodingSource)
    {
        _bytes = bytes;
        Count = records;
        _headerLength = headerLength;
        _recordLength = recordLength;
        Fields = fields;
        Encoding = encoding;
        EncodingSource = encodingSource;
        _strict = (Encoding)encoding.Clone();
        _strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        _ascii = encoding.CodePage is 65001 or 28591 or 1252 or 20127;
        _utf8 = encoding.CodePage == 65001;
        _undeclared = encodingSource == CodePages.DefaultSource;
        _assumedLatin1 = encoding.CodePage == 28591 && encodingSource is not "--encoding" and not ".cpg";
    }

    /// <summary>Gets the number of records.</summary>
    public int Count { get; }

    /// <summary>Gets the fields in table order.</summary>
    public IReadOnlyList<DbfField> Fields { get; }

    /// <summary>Gets the encoding text is decoded with.</summary>
    public Encoding Encoding { get; }

    /// <summary>Gets where the encoding came from: <c>--encoding</c>, <c>.cpg</c>, <c>LDID 0x57</c> or <see cref="CodePages.DefaultSource"/>.</summary>
    public string EncodingSource { get; }

    /// <summary>Reads and checks <paramref name="dbfPath"/>.</summary>
    /// <param name="dbfPath">The .dbf.</param>
    /// <param name="cpgPath">Its .cpg, or <see langword="null"/>.</param>
    /// <param name="explicitEncoding">The user's choice, which overrides .cpg and LDID; or <see langword="null"/>.</param>
    /// <param name="warnings">Receives what was odd but readable.</param>
    /// <exception cref="ShapefileFormatException">The header is short or inconsistent, or the file holds fewer records than it declares.</exception>
    public static DbfFile Open(string dbfPath, string? cpgPath, Encoding? explicitEncoding, List<string> warnings)
    {
        PooledBytes pooled = BoundedFile.ReadAll(dbfPath, ".dbf");
        try
        {
            return Open(pooled, dbfPath, cpgPath, explicitEncoding, warnings);
        }
        catch
        {
            pooled.Dispose();
            throw;
        }
    }

    /// <summary>Whether record <paramref name="record"/> is marked deleted (GDAL skips those).</summary>
    public bool IsDeleted(int record) => _bytes.Span[_headerLength + (record * _recordLength)] == (byte)'*';

    /// <summary>Returns the file's bytes to the pool; no record can be read after.</summary>
    public void Dispose() => _bytes.Dispose();

    private static DbfFile Open(PooledBytes pooled, string dbfPath, string? cpgPath, Encoding? explicitEncoding, List<string> warnings)
    {
        ReadOnlySpan<byte> bytes = pooled.Span;
        if (bytes.Length < 32)
        {
            throw new ShapefileFormatException(string.Create(CultureInfo.InvariantCulture, $"truncated .dbf: {bytes.Length} bytes, shorter than its 32-byte header"));
        }

        long records = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        int recordLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[10..]);
        (Encoding encoding, string source) = CodePages.Resolve(dbfPath, cpgPath, bytes[29], explicitEncoding, warnings);
        if (headerLength < 33 || headerLength > bytes.Length || recordLength < 1)
        {
            throw new ShapefileFormatException(string.Create(CultureInfo.InvariantCulture,
                $"corrupt .dbf: header length {headerLength} and record length {recordLength} do not fit a {bytes.Length}-byte file"));
        }

        long room = (bytes.Length - headerLength) / recordLength;
        if (records > room)
        {
            throw new ShapefileFormatException(string.Create(CultureInfo.InvariantCulture,
                $"truncated .dbf: the header declares {records} records of {recordLength} bytes, the file has room for {room}"));
        }

        long slack = bytes.Length - headerLength - (records * recordLength);
        if (slack > 1)
        {
            // One byte is the usual end-of-file mark (0x1A).
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $".dbf has {slack} bytes after its {records} records: ignored"));
        }

        DbfField[] fields = ReadFields(bytes, headerLength, recordLength, encoding, source == CodePages.DefaultSource, warnings);
        return new DbfFile(pooled, (int)records, headerLength, recordLength, fields, encoding, source);
    }

    /// <summary>Writes record <paramref name="record"/>'s values as the members of the current JSON object.</summary>
    public void WriteProperties(Utf8JsonWriter json, int record)
    {
        ReadOnlySpan<byte> row = _bytes.Span.Slice(_headerLength + (record * _recordLength), _recordLength);
        foreach (DbfField field in Fields)
        {
            json.WritePropertyName(field.JsonName);
            WriteValue(json, field, row.Slice(1 + field.Offset, field.Width));
        }
    }

    /// <summary>One line per field whose values were not valid in the table's encoding, or nothing.</summary>
    public IEnumerable<string> DecodingWarnings() =>
        _notDates.Select(kv => string.Create(CultureInfo.InvariantCulture,
            $"{kv.Value} values of date field {TerminalText.Escape(kv.Key)} are not dates (YYYYMMDD): written as text"))
        .Concat(_invalid.Select(kv => string.Create(CultureInfo.InvariantCulture,
            $"{kv.Value} values of field {TerminalText.Escape(kv.Key)} are not valid {Encoding.WebName} ({EncodingSource}): decoded as ISO-8859-1")))
        .Concat(_controls.Select(kv => string.Create(CultureInfo.InvariantCulture,
            $"{kv.Value} values of field {TerminalText.Escape(kv.Key)} hold bytes 0x80-0x9F, control characters in ISO-8859-1 ({EncodingSource}): the text is probably in a Windows code page; name it with --encoding (for example 1250 or 1252)")));

    private static DbfField[] ReadFields(ReadOnlySpan<byte> bytes, int headerLength, int recordLength, Encoding encoding, bool undeclared, List<string> warnings)
    {
        var fields = new List<DbfField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        Encoding strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        int offset = 0;
        for (int at = 32; at + 32 <= headerLength && bytes[at] != 0x0D; at += 32)
        {
            ReadOnlySpan<byte> descriptor = bytes.Slice(at, 32);
            ReadOnlySpan<byte> rawName = descriptor[..11];
            int nul = rawName.IndexOf((byte)0);
            rawName = nul >= 0 ? rawName[..nul] : rawName;
            string name;
            if (undeclared)
            {
                // As values: UTF-8 where the name is valid UTF-8, else ISO-8859-1.
                name = (System.Text.Unicode.Utf8.IsValid(rawName) ? Encoding.UTF8 : Encoding.Latin1).GetString(rawName).Trim();
            }
            else
            {
                try
                {
                    name = strict.GetString(rawName).Trim();
                }
                catch (DecoderFallbackException)
                {
                    name = Encoding.Latin1.GetString(rawName).Trim();
                    warnings.Add($"field name {TerminalText.Escape(name)} is not valid {encoding.WebName}: decoded as ISO-8859-1");
                }
            }

            int width = descriptor[16];
            if (offset + width + 1 > recordLength)
            {
                throw new ShapefileFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"corrupt .dbf: field {TerminalText.Escape(name)} ends at byte {offset + width + 1} of a {recordLength}-byte record"));
            }

            // A name a field before has already taken gets the first free suffix 2, 3, … (GDAL does the same, and JSON readers
            // keep only one of two equal keys).
            string outputName = name;
            for (int suffix = 2; !names.Add(outputName); suffix++)
            {
                outputName = name + suffix.ToString(CultureInfo.InvariantCulture);
            }

            if (outputName != name)
            {
                warnings.Add($"field name {TerminalText.Escape(name)} appears more than once: field {fields.Count + 1} is written as {TerminalText.Escape(outputName)}");
            }

            fields.Add(new DbfField(name, outputName, (char)descriptor[11], offset, width, descriptor[17]));
            offset += width;
        }

        return [.. fields];
    }

    private void WriteValue(Utf8JsonWriter json, DbfField field, ReadOnlySpan<byte> raw)
    {
        ReadOnlySpan<byte> value = raw.Trim((byte)' ').TrimEnd((byte)0);
        switch (field.Kind)
        {
            case DbfValueKind.Integer or DbfValueKind.Real when !value.IsEmpty && value[0] != (byte)'*':
                if (field.Kind == DbfValueKind.Integer && Utf8Parser.TryParse(value, out long integer, out int used) && used == value.Length)
                {
                    json.WriteNumberValue(integer);
                    return;
                }

                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && double.IsFinite(real))
                {
                    json.WriteNumberValue(real);
                    return;
                }

                break;
            case DbfValueKind.Logical when value.Length == 1:
                switch (value[0])
                {
                    case (byte)'T' or (byte)'t' or (byte)'Y' or (byte)'y': json.WriteBooleanValue(true); return;
                    case (byte)'F' or (byte)'f' or (byte)'N' or (byte)'n': json.WriteBooleanValue(false); return;
                }

                break;
            case DbfValueKind.Date when value.Length == 8 && value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0 && !value.SequenceEqual("00000000"u8):
                Span<byte> date = stackalloc byte[10];
                value[..4].CopyTo(date);
                date[4] = (byte)'-';
                value[4..6].CopyTo(date[5..]);
                date[7] = (byte)'-';
                value[6..].CopyTo(date[8..]);
                json.WriteStringValue(date);
                return;
            case DbfValueKind.Date when value.SequenceEqual("00000000"u8):
                break;
            case DbfValueKind.Date when !value.IsEmpty:
                // Not YYYYMMDD: written as the text it is, with a warning (GDAL writes such values as made-up dates).
                Tally(_notDates, field);
                WriteText(json, field, value);
                return;
            case DbfValueKind.Text when !value.IsEmpty:
                WriteText(json, field, value);
                return;
        }

        json.WriteNullValue();
    }

    // Text that is already UTF-8 (ASCII in an ASCII-compatible code page, or valid UTF-8 in a UTF-8 table) goes to the writer as
    // it is: no string is made and decoded back.
    //
    // Where nothing names the encoding, a value that is valid UTF-8 is taken as UTF-8 (what GDAL's pass-through gives), and any
    // other as ISO-8859-1. Bytes 0x80-0x9F are control characters in ISO-8859-1 but letters and signs in the Windows code pages
    // (Š, Ž, €, curly quotes): a value that holds one is counted for a warning that suggests --encoding.
    private void WriteText(Utf8JsonWriter json, DbfField field, ReadOnlySpan<byte> value)
    {
        if ((_ascii && System.Text.Ascii.IsValid(value)) || ((_utf8 || _undeclared) && System.Text.Unicode.Utf8.IsValid(value)))
        {
            json.WriteStringValue(value);
            return;
        }

        string text = Decode(field, value);
        if (_assumedLatin1 && text.AsSpan().ContainsAnyInRange('\u0080', '\u009F'))
        {
            Tally(_controls, field);
        }

        json.WriteStringValue(text);
    }

    private static void Tally(Dictionary<string, int> counts, DbfField field) =>
        counts[field.OutputName] = counts.GetValueOrDefault(field.OutputName) + 1;

    private string Decode(DbfField field, ReadOnlySpan<byte> value)
    {
        try
        {
            return _strict.GetString(value);
        }
        catch (DecoderFallbackException)
        {
            Tally(_invalid, field);
            return Encoding.Latin1.GetString(value);
        }
    }
}
