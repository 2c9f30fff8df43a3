namespace ParallelSum.Docs.Tests;

/// <summary>Finds the repository and the documentation pages in it.</summary>
internal static class RepositoryFiles
{
    /// <summary>Gets the repository's root folder (the one holding ParallelSum.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets the build configuration of this test assembly (Debug or Release), so sample programs are taken from the same build.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryFiles).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;

    /// <summary>Gets every Markdown page a user reads: README.md, docs/, and the packages' and samples' READMEs, as paths relative to <see cref="Root"/>.</summary>
    public static IReadOnlyList<string> Pages { get; } = FindPages();

    /// <summary>Every page, as theory data (one case per page).</summary>
    public static TheoryData<string> PageData()
    {
        var data = new TheoryData<string>();
        foreach (string page in Pages)
        {
            data.Add(page);
        }

        return data;
    }

    /// <summary>Reads a page given relative to <see cref="Root"/>.</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "ParallelSum.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"No ParallelSum.sln above {AppContext.BaseDirectory}.");
    }

    private static List<string> FindPages()
    {
        var pages = new List<string> { "README.md" };
        foreach (string top in new[] { "docs", "src", "samples", "tools" })
        {
            string folder = Path.Combine(Root, top);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
                bool generated = relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal);
                // Measured result tables written by the programs themselves are data, not prose about the API.
                bool results = relative.StartsWith("docs/experiment/", StringComparison.Ordinal) || relative.EndsWith("/results.md", StringComparison.Ordinal);
                if (!generated && !results)
                {
                    pages.Add(relative);
                }
            }
        }

        pages.Sort(StringComparer.Ordinal);
        return pages;
    }
}
