namespace ParallelSum.Geo.Conversion;

/// <summary>How to start a worker process: a program, the arguments before the <c>worker</c> command, extra environment.</summary>
/// <param name="FileName">The program: this tool's own executable, or the dotnet host.</param>
/// <param name="Arguments">Arguments before <c>worker …</c>: the assembly path when the program is the dotnet host.</param>
/// <param name="Environment">Variables set for the child on top of this process's own.</param>
internal sealed record WorkerLauncher(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>
    /// Starts children of this very program: the executable this process runs as (the Native AOT binary, the apphost, or the
    /// <c>shp2geojson</c> command of the installed tool); under the dotnet host or a test host,
    /// <c>dotnet ParallelSum.Geo.dll</c>.
    /// </summary>
    public static WorkerLauncher ForThisProgram()
    {
        string? process = System.Environment.ProcessPath;
        var none = new Dictionary<string, string>();
        string name = process is null ? "" : Path.GetFileNameWithoutExtension(process);
        if (process is not null && name != "dotnet" && !name.StartsWith("testhost", StringComparison.OrdinalIgnoreCase))
        {
            return new WorkerLauncher(process, [], none);
        }

        // Under `dotnet ParallelSum.Geo.dll` or a test host the process is the dotnet host; the assembly is beside this code.
        string assembly = Path.Combine(AppContext.BaseDirectory, typeof(WorkerLauncher).Assembly.GetName().Name + ".dll");
        string dotnet = process is not null && name == "dotnet"
            ? process
            : System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return new WorkerLauncher(dotnet, [assembly], none);
    }

    /// <summary>This launcher with <paramref name="name"/>=<paramref name="value"/> added to the children's environment.</summary>
    public WorkerLauncher WithEnvironment(string name, string value) =>
        this with { Environment = new Dictionary<string, string>(Environment) { [name] = value } };
}
