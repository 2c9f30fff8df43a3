using System.Globalization;

namespace ParallelSum.Geo.Shapefiles;

/// <summary>
/// Turns a multipatch record into polygons with Z, as GDAL does (it writes a MultiPolygon Z): every triangle of a strip or a
/// fan becomes a polygon of its own; an outer or first ring starts a polygon; an inner or plain ring is a hole of the polygon
/// before it (a polygon of its own when none is before it).
/// </summary>
internal static class MultiPatch
{
    private const int TriangleStrip = 0;
    private const int TriangleFan = 1;
    private const int OuterRing = 2;
    private const int InnerRing = 3;
    private const int FirstRing = 4;
    private const int Ring = 5;

    public static ShapeGeometry ToPolygons(double[] x, double[] y, double[] z, (int Start, int Count)[] parts, int[] types, int record)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var zs = new List<double>();
        var rings = new List<(int Start, int Count)>();
        var polygons = new List<List<int>>();

        void AddRing(IEnumerable<int> points, bool hole)
        {
            int start = xs.Count;
            foreach (int p in points)
            {
                xs.Add(x[p]);
                ys.Add(y[p]);
                zs.Add(z[p]);
            }

            rings.Add((start, xs.Count - start));
            if (hole && polygons.Count > 0)
            {
                polygons[^1].Add(rings.Count - 1);
            }
            else
            {
                polygons.Add([rings.Count - 1]);
            }
        }

        for (int p = 0; p < parts.Length; p++)
        {
            (int start, int count) = parts[p];
            switch (types[p])
            {
                case TriangleStrip:
                    for (int i = start; i + 2 < start + count; i++)
                    {
                        AddRing([i, i + 1, i + 2, i], hole: false);
                    }

                    break;
                case TriangleFan:
                    for (int i = start + 1; i + 1 < start + count; i++)
                    {
                        AddRing([start, i, i + 1, start], hole: false);
                    }

                    break;
                case OuterRing or FirstRing:
                    AddRing(Enumerable.Range(start, count), hole: false);
                    break;
                case InnerRing or Ring:
                    AddRing(Enumerable.Range(start, count), hole: true);
                    break;
                default:
                    throw new ShapefileFormatException(string.Create(CultureInfo.InvariantCulture,
                        $"record {record + 1}: multipatch part {p} has part type {types[p]}; 0 to 5 (triangle strip, triangle fan, outer, inner, first and plain ring) are"));
            }
        }

        return polygons.Count == 0
            ? ShapeGeometry.None
            : new ShapeGeometry(GeometryKind.MultiPolygon, [.. xs], [.. ys], [.. zs], [.. rings], [.. polygons.Select(l => l.ToArray())]);
    }
}
