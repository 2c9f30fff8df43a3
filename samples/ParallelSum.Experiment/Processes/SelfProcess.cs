using System.Diagnostics;

namespace ParallelSum.Experiment.Processes;

/// <summary>Starts this program again as a child process: each strategy run and each sweep trial gets a process of its own.</summary>
internal static class SelfProcess
{
    /// <summary>A start description that runs this program with <paramref name="arguments"/>, output and error redirected.</summary>
    /// <remarks>
    /// Under <c>dotnet run</c> or the app host the program is its own executable; under <c>dotnet ParallelSum.Experiment.dll</c>
    /// or a test host it is an assembly the <c>dotnet</c> host must be told to run, so the app host beside the assembly is
    /// preferred when it exists.
    /// </remarks>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        string assembly = typeof(SelfProcess).Assembly.Location;
        string appHost = Path.Combine(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly) + (OperatingSystem.IsWindows() ? ".exe" : ""));
        if (File.Exists(appHost))
        {
            start.FileName = appHost;
        }
        else
        {
            start.FileName = DotnetHost();
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(assembly);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static string DotnetHost()
    {
        string? processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return processPath;
        }

        // The SDK sets DOTNET_HOST_PATH for the processes it starts (dotnet run, dotnet test).
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
