using System.Reflection;
using System.Text.RegularExpressions;

namespace ParallelSum.Docs.Tests;

/// <summary>Every type and member of the ParallelSum packages that a page names in code (<c>`AutoStrategy.Something`</c>) exists
/// and is public.</summary>
public sealed partial class ApiReferenceTests
{
    private static readonly Assembly[] Packages = [typeof(ParallelSum.IGenerateAndSum).Assembly, LoadOrleansPackage()];

    private static readonly Dictionary<string, Type[]> PublicTypes = Packages
        .SelectMany(a => a.GetExportedTypes())
        .GroupBy(t => SimpleName(t), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    public static TheoryData<string> Pages() => RepositoryFiles.PageData();

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryMemberAPageNames_Exists(string page)
    {
        var missing = new List<string>();
        foreach (Match span in CodeSpan().Matches(WithoutMigrationNotes(RepositoryFiles.Read(page))))
        {
            string[] parts = span.Groups["path"].Value.Split('.');
            if (!PublicTypes.TryGetValue(parts[0], out Type[]? types))
            {
                continue;
            }

            if (!types.Any(t => Resolves(t, parts.AsSpan(1))))
            {
                missing.Add(span.Groups["path"].Value);
            }
        }

        Assert.True(missing.Count == 0, $"{page} names members the packages do not have: {string.Join(", ", missing.Distinct())}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryStrategyOrPartitionerTypeAPageNames_Exists(string page)
    {
        string[] missing = [.. TypeLikeName().Matches(WithoutMigrationNotes(RepositoryFiles.Read(page))).Select(m => m.Groups["name"].Value)
            .Where(name => !PublicTypes.ContainsKey(name) && !IsBclType(name)).Distinct()];
        Assert.True(missing.Length == 0, $"{page} names types the packages do not have: {string.Join(", ", missing)}");
    }

    [Fact]
    public void PackagesExportTypes()
    {
        Assert.Contains("IGenerateAndSum", PublicTypes.Keys);
        Assert.True(PublicTypes.Count > 10);
    }

    // A migration note names what was removed or renamed on purpose: its section (up to the next heading) is not checked.
    private static string WithoutMigrationNotes(string text)
    {
        var kept = new List<string>();
        bool skipping = false;
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith('#'))
            {
                skipping = line.Contains("Migrat", StringComparison.OrdinalIgnoreCase);
            }

            if (!skipping)
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept);
    }

    private static bool Resolves(Type type, ReadOnlySpan<string> members)
    {
        if (members.IsEmpty)
        {
            return true;
        }

        const BindingFlags Public = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.FlattenHierarchy;
        string name = members[0];
        if (type.GetNestedType(name, BindingFlags.Public) is Type nested)
        {
            return Resolves(nested, members[1..]);
        }

        MemberInfo[] found = type.GetMember(name, Public);
        if (found.Length == 0 && type.IsInterface)
        {
            found = [.. type.GetInterfaces().SelectMany(i => i.GetMember(name, Public))];
        }

        // A member of a member (`Result.Sum.ToString`) is beyond what a page needs; one level is checked.
        return found.Length > 0;
    }

    private static bool IsBclType(string name) =>
        Type.GetType($"System.Collections.Concurrent.{name}, System.Collections.Concurrent") is not null ||
        Type.GetType($"System.Threading.Tasks.{name}, System.Threading.Tasks.Parallel") is not null;

    private static string SimpleName(Type type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static Assembly LoadOrleansPackage() =>
        Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "ParallelSum.Orleans.dll"));

    // `Type.Member`, `Type.Member(...)`, `Type.Nested.Member`: the path before any parenthesis or generic argument.
    [GeneratedRegex(@"`(?:new\s+)?(?<path>[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)+)[^`]*`", RegexOptions.CultureInvariant)]
    private static partial Regex CodeSpan();

    // Names shaped like this package's extension points, written in code: `StreamingStrategy`, `GuidedPartitioner`.
    [GeneratedRegex(@"`(?:new\s+)?(?<name>[A-Z][A-Za-z0-9]*(?:Strategy|Partitioner|StrategyOptions))\b[^`.]*`", RegexOptions.CultureInvariant)]
    private static partial Regex TypeLikeName();
}
