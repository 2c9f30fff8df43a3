using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace ParallelSum.Geo.Shapefiles;

/// <summary>
/// Groups a polygon record's rings into polygons as GDAL's shapefile driver does: clockwise rings are shells; with one shell,
/// every other ring is its hole; with several, each counter-clockwise ring is a hole of the smallest shell that contains it, and
/// one that no shell contains becomes a shell of its own. Rings GDAL accepts (unclosed, self-touching, overlapping) are kept as they are, never repaired.
/// </summary>
internal static class RingOrganizer
{
    /// <summary>The polygons, each as ring indices (shell first) into <paramref name="rings"/>.</summary>
    public static int[][] Organize(double[] x, double[] y, (int Start, int Count)[] rings)
    {
        if (rings.Length == 1)
        {
            return [[0]];
        }

        double[] area = [.. rings.Select(r => SignedArea(x, y, r))];
        var shells = new List<int>();
        var holes = new List<int>();
        for (int r = 0; r < rings.Length; r++)
        {
            (area[r] > 0 ? holes : shells).Add(r);
        }

        if (shells.Count == 1)
        {
            // One shell: every other ring is its hole, wherever it lies (GDAL tests containment only between several shells).
            return [[shells[0], .. holes]];
        }

        var members = shells.ToDictionary(s => s, s => new List<int> { s });
        var order = new List<int>(shells);

        // Shells found through an envelope index: a record of many shells and many holes stays near linear.
        var index = new STRtree<int>();
        foreach (int shell in shells)
        {
            Box box = Envelope(x, y, rings[shell]);
            index.Insert(new Envelope(box.MinX, box.MaxX, box.MinY, box.MaxY), shell);
        }

        foreach (int hole in holes)
        {
            int owner = -1;
            Box holeBox = Envelope(x, y, rings[hole]);
            foreach (int shell in index.Query(new Envelope(holeBox.MinX, holeBox.MaxX, holeBox.MinY, holeBox.MaxY)).Order())
            {
                if ((owner < 0 || Math.Abs(area[shell]) < Math.Abs(area[owner])) && Contains(x, y, rings[shell], rings[hole]))
                {
                    owner = shell;
                }
            }

            if (owner >= 0)
            {
                members[owner].Add(hole);
            }
            else
            {
                members[hole] = [hole];
                order.Add(hole);
            }
        }

        return [.. order.Select(s => members[s].ToArray())];
    }

    /// <summary>Twice the signed area in the plane: negative for a clockwise ring, as shapefiles wind shells.</summary>
    public static double SignedArea(double[] x, double[] y, (int Start, int Count) ring)
    {
        double sum = 0;
        int end = ring.Start + ring.Count;
        for (int i = ring.Start; i < end; i++)
        {
            int next = i + 1 < end ? i + 1 : ring.Start;
            sum += (x[i] * y[next]) - (x[next] * y[i]);
        }

        return sum;
    }

    // Whether the shell contains the hole: the hole's envelope lies in the shell's, and the hole's first vertex that is not on
    // the shell's boundary lies inside it (a hole entirely on the boundary counts as inside).
    private static bool Contains(double[] x, double[] y, (int Start, int Count) shell, (int Start, int Count) hole)
    {
        if (!Envelope(x, y, shell).Covers(Envelope(x, y, hole)))
        {
            return false;
        }

        for (int i = hole.Start; i < hole.Start + hole.Count; i++)
        {
            switch (Locate(x, y, shell, x[i], y[i]))
            {
                case > 0: return true;
                case < 0: return false;
            }
        }

        return true;
    }

    // +1 inside, -1 outside, 0 on the boundary (crossing number, with an exact on-segment test).
    private static int Locate(double[] x, double[] y, (int Start, int Count) ring, double px, double py)
    {
        bool inside = false;
        int end = ring.Start + ring.Count;
        for (int i = ring.Start, j = end - 1; i < end; j = i++)
        {
            double xi = x[i], yi = y[i], xj = x[j], yj = y[j];
            double cross = ((xj - xi) * (py - yi)) - ((px - xi) * (yj - yi));
            if (cross == 0 && Math.Min(xi, xj) <= px && px <= Math.Max(xi, xj) && Math.Min(yi, yj) <= py && py <= Math.Max(yi, yj))
            {
                return 0;
            }

            if ((yi > py) != (yj > py) && px < ((xj - xi) * (py - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside ? 1 : -1;
    }

    private static Box Envelope(double[] x, double[] y, (int Start, int Count) ring)
    {
        var box = new Box(double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity);
        for (int i = ring.Start; i < ring.Start + ring.Count; i++)
        {
            box = new Box(Math.Min(box.MinX, x[i]), Math.Min(box.MinY, y[i]), Math.Max(box.MaxX, x[i]), Math.Max(box.MaxY, y[i]));
        }

        return box;
    }

    private readonly record struct Box(double MinX, double MinY, double MaxX, double MaxY)
    {
        public bool Covers(Box other) => MinX <= other.MinX && MinY <= other.MinY && other.MaxX <= MaxX && other.MaxY <= MaxY;
    }
}
