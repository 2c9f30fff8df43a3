namespace ParallelSum.Tests.Support;

/// <summary>The test project is built for net8.0 and net10.0; each build must really run on its own runtime, or the
/// net8.0 run would prove nothing about the net8.0 build of the library.</summary>
public sealed class TargetRuntimeTests
{
    [Fact]
    public void TestsRunOnTheRuntimeTheyWereBuiltFor()
    {
#if NET10_0
        const int expected = 10;
#elif NET8_0
        const int expected = 8;
#else
#error The test project targets net8.0 and net10.0 only.
#endif
        Assert.Equal(expected, Environment.Version.Major);
    }

    [Fact]
    public void TestsUseTheLibraryBuiltForTheSameFramework()
    {
        var attribute = (System.Runtime.Versioning.TargetFrameworkAttribute?)Attribute.GetCustomAttribute(
            typeof(IGenerateAndSum).Assembly, typeof(System.Runtime.Versioning.TargetFrameworkAttribute));
        Assert.NotNull(attribute);
        Assert.Equal($".NETCoreApp,Version=v{Environment.Version.Major}.0", attribute.FrameworkName);
    }
}
