using System.Text;
using ParallelSum.Geo.Shapefiles;

namespace ParallelSum.Geo.Tests;

/// <summary>
/// A generated set of shapefiles with one of each thing real files contain: every shape type (with Z and M), null shapes,
/// null attributes of every dBASE type, deleted records, polygons with holes, several shells, lone counter-clockwise rings,
/// unclosed rings, multipatch strips, fans and rings, and text in code pages named by a .cpg, by the LDID byte, or by nothing.
/// </summary>
internal static class ShapefileZoo
{
    private static readonly (string, char, int, int)[] AllTypes = [("NAME", 'C', 30, 0), ("COUNT", 'N', 9, 0), ("BIG", 'N', 15, 0), ("RATIO", 'N', 19, 6), ("SHARE", 'F', 12, 4), ("OPEN", 'L', 1, 0), ("SINCE", 'D', 8, 0)];

    /// <summary>Writes the set into <paramref name="folder"/>; returns the .shp paths.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var written = new List<string>();
        (double, double, double)[] Square(double x, double y, double size, bool clockwise)
        {
            (double, double, double)[] ring = [(x, y, 1), (x, y + size, 2), (x + size, y + size, 3), (x + size, y, 4), (x, y, 1)];
            return clockwise ? ring : [.. ring.Reverse()];
        }

        // Points with every attribute type, blanks (nulls) in each, a null shape, a deleted record; LDID 0x57, no .cpg.
        var points = new ShapefileBuilder(ShapeType.Point, AllTypes) { LanguageDriver = 0x57 };
        points.Add(ShapefileBuilder.Point(ShapeType.Point, 8.5417, 47.3769), "Zürich Hauptbahnhof", "42", "12345678901234", "0.123456", "1.5000", "T", "20240229");
        points.Add(ShapefileBuilder.NullShape(), "sans géométrie", "-7", null, "-3.25", null, "F", null);
        points.Add(ShapefileBuilder.Point(ShapeType.Point, -0.1, 51.5), null, null, null, null, null, "?", "00000000");
        points.Add(ShapefileBuilder.Point(ShapeType.Point, 2.35, 48.85), deleted: true, "supprimé", "1", "1", "1", "1", "Y", "19991231");
        points.Add(ShapefileBuilder.Point(ShapeType.Point, 1e-7, -123456.789), "  padded both sides  ", "0", "-99999999999999", "1234567890.123456", "-0.0001", "n", "18991231");
        written.Add(points.Write(folder, "zoo_points_ldid87"));

        // Text in Windows-1252 named by a .cpg (€ and curly quotes are 0x80, 0x93, 0x94 there).
        var cp1252 = new ShapefileBuilder(ShapeType.Point, ("LABEL", 'C', 40, 0)) { Cpg = "1252", TextEncoding = Encoding.GetEncoding(1252) };
        cp1252.Add(ShapefileBuilder.Point(ShapeType.Point, 1, 2), "Prix: 5 € “net”");
        cp1252.Add(ShapefileBuilder.Point(ShapeType.Point, 3, 4), "Œuvre — Straße");
        written.Add(cp1252.Write(folder, "zoo_cp1252_cpg"));

        // Text in code page 850 named only by the LDID byte (0x02), no .cpg.
        var cp850 = new ShapefileBuilder(ShapeType.Point, ("LABEL", 'C', 40, 0)) { LanguageDriver = 0x02, TextEncoding = Encoding.GetEncoding(850) };
        cp850.Add(ShapefileBuilder.Point(ShapeType.Point, 5, 6), "Café crème, Ærø, Ñandú");
        written.Add(cp850.Write(folder, "zoo_cp850_ldid"));

        // Text in Windows-1251 named by an ANSI .cpg, and no encoding at all (LDID 0, no .cpg): ISO-8859-1 by default.
        var cyrillic = new ShapefileBuilder(ShapeType.Point, ("LABEL", 'C', 40, 0)) { Cpg = "ANSI 1251", TextEncoding = Encoding.GetEncoding(1251) };
        cyrillic.Add(ShapefileBuilder.Point(ShapeType.Point, 37.6, 55.75), "Москва");
        written.Add(cyrillic.Write(folder, "zoo_cp1251_cpg"));
        var unnamed = new ShapefileBuilder(ShapeType.Point, ("LABEL", 'C', 40, 0));
        unnamed.Add(ShapefileBuilder.Point(ShapeType.Point, 5, 6), "Genève, Ångström");
        written.Add(unnamed.Write(folder, "zoo_no_encoding"));

        // Field names that repeat (GDAL appends the first free number: NAME, NAME2, NAME3, NAME22), and names differing in case.
        var repeated = new ShapefileBuilder(ShapeType.Point, ("NAME", 'C', 10, 0), ("NAME2", 'C', 10, 0), ("NAME", 'C', 10, 0), ("NAME2", 'C', 10, 0), ("name", 'C', 10, 0));
        repeated.Add(ShapefileBuilder.Point(ShapeType.Point, 3, 4), "one", "two", "three", "four", "five");
        written.Add(repeated.Write(folder, "zoo_repeated_names"));

        // Text that nothing declares (no .cpg, LDID 0): UTF-8 that GDAL passes through and that must come out right, and
        // Windows-1250 that comes out as ISO-8859-1 with control characters (and a warning).
        var utf8 = new ShapefileBuilder(ShapeType.Point, ("LABEL", 'C', 40, 0)) { TextEncoding = Encoding.UTF8 };
        utf8.Add(ShapefileBuilder.Point(ShapeType.Point, 16.6, 49.2), "Hněvošický háj");
        utf8.Add(ShapefileBuilder.Point(ShapeType.Point, 16.7, 49.3), "💩 and ✓");
        utf8.Add(ShapefileBuilder.Point(ShapeType.Point, 16.8, 49.4), "plain ASCII");
        written.Add(utf8.Write(folder, "zoo_undeclared_utf8"));
        var cp1250 = new ShapefileBuilder(ShapeType.Point, ("LABEL", 'C', 40, 0)) { TextEncoding = Encoding.GetEncoding(1250) };
        cp1250.Add(ShapefileBuilder.Point(ShapeType.Point, 14.4, 50.1), "Žluťoučký kůň úpěl ďábelské ódy");
        cp1250.Add(ShapefileBuilder.Point(ShapeType.Point, 17.1, 48.1), "Šaľa");
        written.Add(cp1250.Write(folder, "zoo_undeclared_cp1250"));

        // No .dbf at all: GDAL converts the geometry with empty properties.
        var bare = new ShapefileBuilder(ShapeType.PolyLine);
        bare.Add(ShapefileBuilder.Parts(ShapeType.PolyLine, [[(0, 0, 0), (1, 1, 0)]]));
        bare.Add(ShapefileBuilder.NullShape());
        string bareShp = bare.Write(folder, "zoo_no_dbf");
        File.Delete(Path.ChangeExtension(bareShp, ".dbf"));
        written.Add(bareShp);

        // Polygons: shell with two holes, two shells (one with a hole), a lone counter-clockwise ring, a hole outside every
        // shell, an unclosed ring, a null shape; UTF-8 .cpg.
        var polygons = new ShapefileBuilder(ShapeType.Polygon, ("KIND", 'C', 40, 0)) { Cpg = "UTF-8", TextEncoding = Encoding.UTF8 };
        polygons.Add(Polygon(ShapeType.Polygon, Square(0, 0, 10, true), Square(1, 1, 2, false), Square(5, 5, 2, false)), "shell with two holes");
        polygons.Add(Polygon(ShapeType.Polygon, Square(0, 0, 10, true), Square(20, 0, 10, true), Square(21, 1, 3, false)), "two shells, one hole");
        polygons.Add(Polygon(ShapeType.Polygon, Square(0, 0, 10, false)), "one counter-clockwise ring");
        polygons.Add(Polygon(ShapeType.Polygon, Square(0, 0, 10, true), Square(30, 30, 2, false)), "hole outside its shell");
        polygons.Add(Polygon(ShapeType.Polygon, Square(0, 0, 10, true), Square(1, 1, 8, true), Square(2, 2, 1, false)), "nested shells");
        polygons.Add(Polygon(ShapeType.Polygon, [(0, 0, 0), (0, 1, 0), (1, 1, 0), (1, 0, 0)]), "unclosed ring");
        polygons.Add(ShapefileBuilder.NullShape(), "null shape");
        written.Add(polygons.Write(folder, "zoo_polygons"));

        // Z and M: polygon Z with two shells, polyline Z and M with two parts, multipoint M and Z, point Z and M.
        var polygonZ = new ShapefileBuilder(ShapeType.PolygonZ, ("ID", 'N', 5, 0));
        polygonZ.Add(Polygon(ShapeType.PolygonZ, Square(0, 0, 1, true), Square(5, 5, 1, true)), "1");
        written.Add(polygonZ.Write(folder, "zoo_polygonz"));
        foreach (ShapeType lineType in new[] { ShapeType.PolyLine, ShapeType.PolyLineZ, ShapeType.PolyLineM })
        {
            var lines = new ShapefileBuilder(lineType, ("ID", 'N', 5, 0));
            lines.Add(ShapefileBuilder.Parts(lineType, [[(0, 0, 5), (1, 1, 6), (2, 0, 7)]]), "1");
            lines.Add(ShapefileBuilder.Parts(lineType, [[(0, 0, 5), (1, 1, 6)], [(3, 3, 8), (4, 4, 9), (5, 3, 10)]]), "2");
            lines.Add(ShapefileBuilder.NullShape(), "3");
            written.Add(lines.Write(folder, $"zoo_{lineType.ToString().ToLowerInvariant()}"));
        }

        foreach (ShapeType pointType in new[] { ShapeType.MultiPoint, ShapeType.MultiPointM, ShapeType.MultiPointZ })
        {
            var multipoints = new ShapefileBuilder(pointType, ("ID", 'N', 5, 0));
            multipoints.Add(ShapefileBuilder.Parts(pointType, [[(0.5, 0.25, 3), (-1, 2, 4), (7, 7, 5)]]), "1");
            multipoints.Add(ShapefileBuilder.NullShape(), "2");
            written.Add(multipoints.Write(folder, $"zoo_{pointType.ToString().ToLowerInvariant()}"));
        }

        foreach (ShapeType pointType in new[] { ShapeType.PointZ, ShapeType.PointM })
        {
            var single = new ShapefileBuilder(pointType, ("ID", 'N', 5, 0));
            single.Add(ShapefileBuilder.Point(pointType, 1.25, -2.5, 100.5, 7), "1");
            single.Add(ShapefileBuilder.NullShape(), "2");
            written.Add(single.Write(folder, $"zoo_{pointType.ToString().ToLowerInvariant()}"));
        }

        // Multipatch of rings: an outer ring with an inner ring, a first ring with a ring, and a lone outer ring.
        var patches = new ShapefileBuilder(ShapeType.MultiPatch, ("ID", 'N', 5, 0));
        patches.Add(
            ShapefileBuilder.Parts(ShapeType.MultiPatch, [Square(10, 10, 10, true), Square(12, 12, 2, false), Square(30, 30, 3, true), Square(31, 31, 1, false), Square(50, 50, 1, true)], [2, 3, 4, 5, 2]),
            "1");
        written.Add(patches.Write(folder, "zoo_multipatch"));
        return written;
    }

    /// <summary>A multipatch of a triangle strip and a triangle fan, which ogr2ogr (GDAL 3.6) cannot write to GeoJSON at all.</summary>
    public static string WriteTriangles(string folder)
    {
        Directory.CreateDirectory(folder);
        var patches = new ShapefileBuilder(ShapeType.MultiPatch, ("ID", 'N', 5, 0));
        patches.Add(
            ShapefileBuilder.Parts(ShapeType.MultiPatch, [[(0, 0, 0), (1, 0, 0), (0, 1, 1), (1, 1, 1)], [(5, 5, 0), (6, 5, 0), (6, 6, 1), (5, 6, 1)]], [0, 1]),
            "1");
        return patches.Write(folder, "triangles");
    }

    private static byte[] Polygon(ShapeType type, params (double, double, double)[][] rings) => ShapefileBuilder.Parts(type, rings);
}
