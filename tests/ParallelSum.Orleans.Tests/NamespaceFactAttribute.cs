namespace ParallelSum.Orleans.Tests;

/// <summary>
/// A test that needs network namespaces and redis-server: skipped with the reason outside CI when they are unavailable;
/// in CI (CI=true) it runs, and fails if they are missing.
/// </summary>
public sealed class NamespaceTheoryAttribute : TheoryAttribute
{
    public NamespaceTheoryAttribute()
    {
        string? missing = NetworkNamespaces.Unavailable ?? (RedisFactAttribute.RedisServerPath is null ? "redis-server is not installed" : null);
        if (missing is not null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = missing + "; CI runs these tests as root with redis-server installed.";
        }
    }
}
