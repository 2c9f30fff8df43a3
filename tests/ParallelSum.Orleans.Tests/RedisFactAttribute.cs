namespace ParallelSum.Orleans.Tests;

/// <summary>A fact that needs Debian's redis-server on PATH (.ci/run installs it); skipped with the reason otherwise.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServerPath is null)
        {
            Skip = "redis-server is not installed (apt-get install -y redis-server; .ci/run installs it).";
        }
    }

    public static string? RedisServerPath =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "redis-server")).FirstOrDefault(File.Exists);
}
