using System.Text;
using System.Text.Json;
using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Shapefiles;

namespace ParallelSum.Geo.Tests;

/// <summary>Attribute tables built to break the converter: repeated field names, dates that are not dates, a huge or hostile .cpg.</summary>
public sealed class AttributeAttackTests
{
    [Fact]
    public void DuplicateFieldNames_AreMadeUnique_AsGdalNamesThem_WithAWarning()
    {
        using var folder = new TempFolder();
        var builder = new ShapefileBuilder(ShapeType.Point, ("NAME", 'C', 10, 0), ("NAME2", 'C', 10, 0), ("NAME", 'C', 10, 0), ("NAME2", 'C', 10, 0), ("name", 'C', 10, 0));
        builder.Add(ShapefileBuilder.Point(ShapeType.Point, 1, 2), "one", "two", "three", "four", "five");

        (FileResult result, JsonElement properties) = ConvertOne(builder, folder);

        // GDAL 3.6 (ogr2ogr -f GeoJSON) writes exactly these names for this table; names differing in case are distinct.
        Assert.Equal(["NAME", "NAME2", "NAME3", "NAME22", "name"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["one", "two", "three", "four", "five"], properties.EnumerateObject().Select(p => p.Value.GetString()));
        Assert.Contains("field name NAME appears more than once: field 3 is written as NAME3", result.Warnings!);
        Assert.Contains("field name NAME2 appears more than once: field 4 is written as NAME22", result.Warnings!);
    }

    [Fact]
    public void DateThatIsNotADate_IsWrittenAsItsText_DecodedAsIso88591_WithAWarning_NeverAsU_FFFD()
    {
        using var folder = new TempFolder();
        var builder = new ShapefileBuilder(ShapeType.Point, ("SINCE", 'D', 8, 0));
        builder.AddRaw(ShapefileBuilder.Point(ShapeType.Point, 1, 2), [0xE9, 0xE9, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f']);
        builder.AddRaw(ShapefileBuilder.Point(ShapeType.Point, 1, 2), "20240229"u8.ToArray());

        (FileResult result, JsonElement[] rows) = ConvertAll(builder, folder);

        Assert.Equal(["ééabcdef", "2024-02-29"], rows.Select(r => r.GetProperty("SINCE").GetString()));
        Assert.Contains("1 values of date field SINCE are not dates (YYYYMMDD): written as text", result.Warnings!);
    }

    [Fact]
    public void DateOfInvalidUtf8_InAUtf8Table_IsDecodedAsIso88591_WithBothWarnings()
    {
        using var folder = new TempFolder();
        var builder = new ShapefileBuilder(ShapeType.Point, ("SINCE", 'D', 8, 0)) { Cpg = "UTF-8" };
        builder.AddRaw(ShapefileBuilder.Point(ShapeType.Point, 1, 2), [0xFF, 0xFE, (byte)'2', (byte)'0', (byte)'2', (byte)'4', 0xC3, 0x28]);

        (FileResult result, JsonElement[] rows) = ConvertAll(builder, folder);

        Assert.Equal("ÿþ2024Ã(", rows[0].GetProperty("SINCE").GetString());
        Assert.Contains("1 values of date field SINCE are not dates (YYYYMMDD): written as text", result.Warnings!);
        Assert.Contains("1 values of field SINCE are not valid utf-8 (.cpg): decoded as ISO-8859-1", result.Warnings!);
    }

    [Fact]
    public void HugeCpg_OnlyItsFirstBytesAreRead_AndTerminalEscapesAreShownEscaped()
    {
        using var folder = new TempFolder();
        var builder = new ShapefileBuilder(ShapeType.Point, ("LABEL", 'C', 10, 0));
        builder.Add(ShapefileBuilder.Point(ShapeType.Point, 1, 2), "x");
        string shp = builder.Write(folder.Path, "hostile");
        using (FileStream cpg = File.Create(Path.ChangeExtension(shp, ".cpg")))
        {
            cpg.Write("\u001b[31mRED\u001b]0;title\u0007"u8);
            cpg.Write(new byte[20_000_000]); // 20 MB of NUL bytes and no line break
        }

        Directory.CreateDirectory(folder.Sub("out"));
        FileResult result = ShapefileConverter.Convert(shp, folder.Sub("out"), overwrite: false, worker: 0);

        Assert.True(result.Outcome == FileOutcome.Ok, result.Reason);
        string warning = Assert.Single(result.Warnings!);
        Assert.StartsWith(@".cpg names '\x1B[31mRED\x1B]0;title\x07", warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', warning);
        Assert.True(warning.Length < 4 * CodePages.CpgBytesRead + 200, $"a warning of {warning.Length} characters");
    }

    [Fact]
    public void ReadCpg_ReadsTheFirstLine_OfAtMostTheBound_WithoutItsByteOrderMark()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.Sub("a.cpg"), [0xEF, 0xBB, 0xBF, .. "UTF-8\r\nsecond line"u8]);
        File.WriteAllBytes(folder.Sub("b.cpg"), Encoding.ASCII.GetBytes(new string('A', 100_000)));

        Assert.Equal("UTF-8", CodePages.ReadCpg(folder.Sub("a.cpg")));
        Assert.Equal(65001, CodePages.FromCpg(CodePages.ReadCpg(folder.Sub("a.cpg")))!.CodePage);
        Assert.Equal(new string('A', CodePages.CpgBytesRead), CodePages.ReadCpg(folder.Sub("b.cpg")));
    }

    [Theory]
    [InlineData("plain text, ünïcödé", "plain text, ünïcödé")]
    [InlineData("\u001b[2J", @"\x1B[2J")]
    [InlineData("a\u0085b\u009bc\u007fd", @"a\x85b\x9Bc\x7Fd")]
    [InlineData("tab\tnewline\n", @"tab\x09newline\x0A")]
    public void TerminalText_EscapesEveryControlCharacter(string text, string shown)
    {
        Assert.Equal(shown, TerminalText.Escape(text));
        Assert.Equal(shown, TerminalText.Escape(TerminalText.Escape(text)));
    }

    private static (FileResult Result, JsonElement Properties) ConvertOne(ShapefileBuilder builder, TempFolder folder)
    {
        (FileResult result, JsonElement[] rows) = ConvertAll(builder, folder);
        return (result, Assert.Single(rows));
    }

    private static (FileResult Result, JsonElement[] Rows) ConvertAll(ShapefileBuilder builder, TempFolder folder)
    {
        string shp = builder.Write(folder.Path, "table");
        Directory.CreateDirectory(folder.Sub("out"));
        FileResult result = ShapefileConverter.Convert(shp, folder.Sub("out"), overwrite: false, worker: 0);
        Assert.True(result.Outcome == FileOutcome.Ok, result.Reason);
        string json = File.ReadAllText(GeoJson.OutputPath(shp, folder.Sub("out")));
        Assert.DoesNotContain('\uFFFD', json);
        using JsonDocument document = JsonDocument.Parse(json);
        return (result, [.. document.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").Clone())]);
    }
}
