namespace ParallelSum.Orleans.Tests;

/// <summary>
/// A test that needs network namespaces and redis-server: skipped with the reason outside CI when they are unavailable;
/// in CI (CI=true) it runs, and fails if they are missing.
/// </summary>
public sealed class NamespaceTheoryAttribute : TheoryAttribute
{
    public NamespaceTheoryAttribute() => Skip = NamespaceRequirements.SkipReason();
}

/// <summary>The <see cref="FactAttribute"/> of <see cref="NamespaceTheoryAttribute"/>.</summary>
public sealed class NamespaceFactAttribute : FactAttribute
{
    public NamespaceFactAttribute() => Skip = NamespaceRequirements.SkipReason();
}

/// <summary>Why a namespace test is skipped here, or null when it runs.</summary>
internal static class NamespaceRequirements
{
    public static string? SkipReason()
    {
        string? missing = NetworkNamespaces.Unavailable ?? (RedisFactAttribute.RedisServerPath is null ? "redis-server is not installed" : null);
        return missing is not null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? missing + "; CI runs these tests as root with redis-server installed."
            : null;
    }
}
