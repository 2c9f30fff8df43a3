namespace ParallelSum.Experiment.Plotting;

/// <summary>
/// Keeps series that lie on top of each other visible. Series whose points are within a marker of each other at every
/// count they share (on the memory chart <c>simd-chunks</c>, <c>streaming</c> and <c>auto</c>, all flat at about 36 MiB)
/// would draw one line: their markers are set side by side along the count axis, centred on the true count, in the series'
/// order, and the chart names them in a note. Series that only cross, or meet at some counts, are drawn where they are:
/// their lines part elsewhere.
/// </summary>
internal static class MarkerDodge
{
    /// <summary>The points of each series (log10 units) after dodging, and the groups of series (indexes into the input)
    /// that coincide at every count they share.</summary>
    /// <param name="Points">Each series' points, in the order given, some moved along the count axis.</param>
    /// <param name="Coinciding">Each group of two or more series that lie within a marker of each other at every shared count.</param>
    internal sealed record Result(IReadOnlyList<(double X, double Y)[]> Points, IReadOnlyList<IReadOnlyList<int>> Coinciding);

    /// <summary>Spreads the markers of <paramref name="series"/> that overlap.</summary>
    /// <param name="series">Each series' points in log10 units; a series may have none.</param>
    /// <param name="yTolerance">Two points at one count closer than this (log10 units) overlap.</param>
    /// <param name="xStep">The distance between the centres of markers set side by side (log10 units).</param>
    public static Result Spread(IReadOnlyList<(double X, double Y)[]> series, double yTolerance, double xStep)
    {
        (double X, double Y)[][] moved = [.. series.Select(points => points.ToArray())];

        // together[a, b]: at how many shared counts series a and b were in one overlapping cluster, and how many they share.
        int n = series.Count;
        int[,] together = new int[n, n], shared = new int[n, n];
        var atCount = series
            .SelectMany((points, s) => points.Select((p, i) => (Series: s, Index: i, p.X, p.Y)))
            .GroupBy(p => p.X);
        foreach (var count in atCount)
        {
            var byY = count.OrderBy(p => p.Y).ToList();
            foreach (var a in byY)
            {
                foreach (var b in byY.Where(b => b.Series != a.Series))
                {
                    shared[a.Series, b.Series]++;
                }
            }

            // Clusters: runs of points, each within the tolerance of the one below it.
            foreach (List<int> cluster in Clusters([.. byY.Select(p => p.Y)], yTolerance))
            {
                foreach (int i in cluster)
                {
                    foreach (int j in cluster.Where(j => byY[j].Series != byY[i].Series))
                    {
                        together[byY[i].Series, byY[j].Series]++;
                    }
                }
            }
        }

        // Groups of series that were together at every count they share (at two counts at least), joined transitively.
        int[] group = [.. Enumerable.Range(0, n)];
        int Find(int s) => group[s] == s ? s : group[s] = Find(group[s]);
        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                if (shared[a, b] >= 2 && together[a, b] == shared[a, b])
                {
                    group[Find(a)] = Find(b);
                }
            }
        }

        IReadOnlyList<int>[] coinciding = [.. Enumerable.Range(0, n)
            .GroupBy(Find)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<int>)[.. g.Order()])
            .OrderBy(g => g[0])];
        // Each group's markers side by side at every count, in the series' order.
        foreach (IReadOnlyList<int> members in coinciding)
        {
            foreach (var count in members.SelectMany(m => series[m].Select((p, i) => (Series: m, Index: i, p.X))).GroupBy(p => p.X))
            {
                var ordered = count.OrderBy(p => p.Series).ToList();
                for (int j = 0; j < ordered.Count; j++)
                {
                    (int member, int index, double x) = ordered[j];
                    moved[member][index] = (x + ((j - ((ordered.Count - 1) / 2.0)) * xStep), series[member][index].Y);
                }
            }
        }

        return new Result(moved, coinciding);
    }

    // Indexes of ascending values, in runs where each is closer than the tolerance to the one before.
    private static IEnumerable<List<int>> Clusters(IReadOnlyList<double> ascending, double tolerance)
    {
        var cluster = new List<int>();
        for (int i = 0; i < ascending.Count; i++)
        {
            if (cluster.Count > 0 && ascending[i] - ascending[cluster[^1]] >= tolerance)
            {
                yield return cluster;
                cluster = [];
            }

            cluster.Add(i);
        }

        if (cluster.Count > 0)
        {
            yield return cluster;
        }
    }
}
