using System.Diagnostics;
using System.Text.Json;

namespace ParallelSum.Tests.Native;

/// <summary>Builds (once, with make and gcc) and runs benchmarks/native/bin/psum-native, the C reference kernel.</summary>
public static class NativeKernel
{
    private static readonly Lazy<string?> Executable = new(Build);

    /// <summary>Gets why the kernel cannot be used here, or null when it can.</summary>
    public static string? Unavailable => Executable.Value is null ? BuildFailure : null;

    private static string BuildFailure { get; set; } = "";

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParallelSum.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ParallelSum.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs a kernel of the C program (two-multiply, fast or scalar) and returns its exact sum.</summary>
    public static Int128 Sum(long count, ulong seed, int min, int max, long start = 0, int threads = 1, string kernel = "two-multiply")
    {
        string exe = Executable.Value ?? throw new InvalidOperationException(BuildFailure);
        var args = new List<string>
        {
            "--count", $"{count}", "--seed", $"{seed}", "--min", $"{min}", "--max", $"{max}", "--start", $"{start}", "--threads", $"{threads}", "--kernel", kernel,
        };

        (int code, string output) = Run(exe, args);
        Assert.True(code == 0, $"psum-native exited with {code}: {output}");
        using var json = JsonDocument.Parse(output);
        return Int128.Parse(json.RootElement.GetProperty("sum").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Build()
    {
        string root = RepositoryRoot();
        try
        {
            (int code, string output) = Run("make", ["-s", "-C", Path.Combine(root, "benchmarks", "native")]);
            if (code != 0)
            {
                BuildFailure = $"make -C benchmarks/native failed ({code}): {output}";
                return null;
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            BuildFailure = $"make or gcc is not installed ({e.Message}); install build-essential to check the library against the native kernel.";
            return null;
        }

        return Path.Combine(root, "benchmarks", "native", "bin", "psum-native");
    }

    private static (int Code, string Output) Run(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}

/// <summary>A fact that is skipped, saying why, where the native kernel cannot be built.</summary>
public sealed class NativeKernelFactAttribute : FactAttribute
{
    public NativeKernelFactAttribute()
    {
        if (NativeKernel.Unavailable is string reason)
        {
            Skip = reason;
        }
    }
}
