using System.Text;
using System.Text.Json;
using ParallelSum.Geo.Conversion;
using ParallelSum.Geo.Shapefiles;

namespace ParallelSum.Geo.Tests;

/// <summary>Text decoding: .cpg, LDID, --encoding, and invalid bytes decoded by the documented fallback with a warning, never U+FFFD.</summary>
public sealed class EncodingTests
{
    [Fact]
    public void Convert_InvalidUtf8_IsDecodedAsLatin1_WithAWarningNamingTheField()
    {
        using var folder = new TempFolder();
        var builder = new ShapefileBuilder(ShapeType.Point, ("LABEL", 'C', 20, 0)) { Cpg = "UTF-8" };
        builder.AddRaw(ShapefileBuilder.Point(ShapeType.Point, 1, 2), [(byte)'N', (byte)'a', 0xE7, 0xE3, (byte)'o']);
        builder.AddRaw(ShapefileBuilder.Point(ShapeType.Point, 1, 2), Encoding.UTF8.GetBytes("Nação"));

        (FileResult result, string[] labels) = Convert(builder, folder, encoding: null);

        Assert.Equal(["Nação", "Nação"], labels);
        Assert.Contains("1 values of field LABEL are not valid utf-8 (.cpg): decoded as ISO-8859-1", Assert.Single(result.Warnings!), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_UndeclaredUtf8_ComesOutRight_WithoutAWarning()
    {
        using var folder = new TempFolder();
        var builder = new ShapefileBuilder(ShapeType.Point, ("LABEL", 'C', 30, 0)) { TextEncoding = Encoding.UTF8 };
        builder.Add(ShapefileBuilder.Point(ShapeType.Point, 1, 2), "Hněvošický háj");
        builder.Add(ShapefileBuilder.Point(ShapeType.Point, 1, 2), "💩");
        builder.Add(ShapefileBuilder.Point(ShapeType.Point, 1, 2), "Genève");

        (FileResult result, string[] labels) = Convert(builder, folder, encoding: null);

        Assert.Equal(["Hněvošický háj", "💩", "Genève"], labels);
        Assert.Null(result.Warnings);
    }

    [Fact]
    public void Convert_UndeclaredFieldNameInUtf8_ComesOutRight()
    {
        using var folder = new TempFolder();
        var builder = new ShapefileBuilder(ShapeType.Point, ("NÁZEV", 'C', 30, 0)) { TextEncoding = Encoding.UTF8, FieldNameEncoding = Encoding.UTF8 };
        builder.Add(ShapefileBuilder.Point(ShapeType.Point, 1, 2), "Brno");

        string shp = builder.Write(folder.Path, "names");
        Directory.CreateDirectory(folder.Sub("out"));
        Assert.Equal(FileOutcome.Ok, ShapefileConverter.Convert(shp, folder.Sub("out"), overwrite: false, worker: 0).Outcome);

        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(GeoJson.OutputPath(shp, folder.Sub("out"))));
        Assert.Equal("Brno", document.RootElement.GetProperty("features")[0].GetProperty("properties").GetProperty("NÁZEV").GetString());
    }

    [Fact]
    public void Convert_UndeclaredWindows1250_ComesOutAsIso88591_WithAWarningNamingTheFieldAndSuggestingEncoding()
    {
        using var folder = new TempFolder();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var builder = new ShapefileBuilder(ShapeType.Point, ("LABEL", 'C', 30, 0), ("OTHER", 'C', 10, 0)) { TextEncoding = Encoding.GetEncoding(1250) };
        builder.Add(ShapefileBuilder.Point(ShapeType.Point, 1, 2), "Šaľa", "Brno");
        builder.Add(ShapefileBuilder.Point(ShapeType.Point, 1, 2), "Žluťoučký", "Olomouc");

        (FileResult result, string[] wrong) = Convert(builder, folder, encoding: null);
        (FileResult named, string[] right) = Convert(builder, folder, encoding: "1250");

        // 0x8A (Š) and 0x8E (Ž) are C1 control characters in ISO-8859-1: the warning names LABEL, not OTHER.
        Assert.Equal(["\u008Aa\u00BEa", "\u008Elu\u009Dou\u00E8k\u00FD"], wrong);
        Assert.Equal("2 values of field LABEL hold bytes 0x80-0x9F, control characters in ISO-8859-1 (no .cpg or language driver): the text is probably in a Windows code page; name it with --encoding (for example 1250 or 1252)", Assert.Single(result.Warnings!));
        Assert.Equal(["Šaľa", "Žluťoučký"], right);
        Assert.Null(named.Warnings);
    }

    [Fact]
    public void Convert_Ldid87WithoutCpg_DecodesIso88591_AsGdalDoes()
    {
        using var folder = new TempFolder();
        var builder = new ShapefileBuilder(ShapeType.Point, ("LABEL", 'C', 20, 0)) { LanguageDriver = 0x57 };
        builder.Add(ShapefileBuilder.Point(ShapeType.Point, 1, 2), "Alto da Nação");

        (FileResult result, string[] labels) = Convert(builder, folder, encoding: null);

        Assert.Equal(["Alto da Nação"], labels);
        Assert.Null(result.Warnings);
    }

    [Fact]
    public void Convert_EncodingOption_OverridesCpgAndLdid()
    {
        using var folder = new TempFolder();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var builder = new ShapefileBuilder(ShapeType.Point, ("LABEL", 'C', 20, 0)) { Cpg = "1252", LanguageDriver = 0x57, TextEncoding = Encoding.GetEncoding(850) };
        builder.Add(ShapefileBuilder.Point(ShapeType.Point, 1, 2), "Ærø Ñandú");

        (_, string[] wrong) = Convert(builder, folder, encoding: null);
        (_, string[] right) = Convert(builder, folder, encoding: "850");

        Assert.NotEqual("Ærø Ñandú", wrong[0]);
        Assert.Equal(["Ærø Ñandú"], right);
    }

    [Theory]
    [InlineData("1252", 1252)]
    [InlineData("8859-15", 28605)]
    [InlineData("88591", 28591)]
    [InlineData("UTF-8", 65001)]
    [InlineData("utf8\r\n", 65001)]
    [InlineData("ANSI 1251", 1251)]
    [InlineData("437", 437)]
    public void FromCpg_ReadsTheNamesGdalReads(string cpg, int codePage) => Assert.Equal(codePage, CodePages.FromCpg(cpg)!.CodePage);

    [Theory]
    [InlineData(0x57, 28591)]
    [InlineData(0x03, 1252)]
    [InlineData(0x02, 850)]
    [InlineData(0x26, 866)]
    [InlineData(0xC8, 1250)]
    [InlineData(0x4D, 936)]
    public void FromLanguageDriver_FollowsGdalsTable(int ldid, int codePage) => Assert.Equal(codePage, CodePages.FromLanguageDriver((byte)ldid)!.CodePage);

    [Fact]
    public void FromLanguageDriver_ZeroAndUnlisted_NameNothing()
    {
        Assert.Null(CodePages.FromLanguageDriver(0));
        Assert.Null(CodePages.FromLanguageDriver(0xFF));
    }

    private static (FileResult Result, string[] Labels) Convert(ShapefileBuilder builder, TempFolder folder, string? encoding)
    {
        string input = folder.Sub("in-" + (encoding ?? "auto"));
        string output = folder.Sub("out-" + (encoding ?? "auto"));
        Directory.CreateDirectory(input);
        Directory.CreateDirectory(output);
        string shp = builder.Write(input, "text");
        FileResult result = ShapefileConverter.Convert(shp, output, overwrite: false, worker: 0, encoding is null ? null : CodePages.ByName(encoding));
        Assert.True(result.Outcome == FileOutcome.Ok, result.Reason);
        string json = File.ReadAllText(GeoJson.OutputPath(shp, output));
        Assert.DoesNotContain('\uFFFD', json);
        using JsonDocument document = JsonDocument.Parse(json);
        return (result, [.. document.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("LABEL").GetString()!)]);
    }
}
