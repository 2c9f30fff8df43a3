using System.CommandLine;
using System.Runtime.InteropServices;
using Spectre.Console;

namespace ParallelSum.Geo.Cli;

/// <summary>The command line: generate, convert, verify, bench, profile, and the hidden worker command that convert starts.</summary>
internal static class GeoCli
{
    public static RootCommand CreateRoot() => new("shp2geojson: convert every shapefile in a folder to GeoJSON (RFC 7946, as ogr2ogr does) with one worker, several threads or several processes; verify outputs against ogr2ogr; measure.")
    {
        GenerateCommand.Create(),
        ConvertCommand.Create(),
        VerifyCommand.Create(),
        BenchCommand.Create(),
        ProfileCommand.Create(),
        WorkerCommand.Create(),
    };

    /// <summary>Parses and runs <paramref name="args"/>. A bad option prints one line to <paramref name="error"/> and returns 2, before any work.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter error)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Redirected output (logs, CI) would be wrapped at 80 columns; tables read better unwrapped.
            AnsiConsole.Profile.Width = 180;
        }

        ParseResult parse = CreateRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            error.WriteLine(UsageLine(parse.Errors.Select(parseError => parseError.Message)));
            return 2;
        }

        // SIGINT (Ctrl+C) and SIGTERM cancel the command's token: a command stops its work, reports what it finished and exits
        // 130. A second signal ends the process at once.
        using var cancellation = new CancellationTokenSource();
        void Cancel(PosixSignalContext context)
        {
            if (!cancellation.IsCancellationRequested)
            {
                context.Cancel = true;
                cancellation.Cancel();
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        try
        {
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(configuration, cancellation.Token).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            error.WriteLine(UsageLine(e.Problems));
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Throws a <see cref="UsageException"/> listing <paramref name="errors"/>, if any. Commands call it first thing, before any
    /// work. (Checks live in the actions rather than in command validators, which in System.CommandLine 2.0 see options the
    /// user left out as default(T), not as their default values.)
    /// </summary>
    public static void Reject(IEnumerable<string> errors)
    {
        string[] all = [.. errors];
        if (all.Length > 0)
        {
            throw new UsageException(all);
        }
    }

    /// <summary>Every problem of one command line as the one line on stderr that docs/exit-codes.md promises: each problem's
    /// line breaks folded into spaces (System.CommandLine lists accepted values one a line), problems joined by "; ".</summary>
    public static string UsageLine(IEnumerable<string> problems) =>
        $"error: {string.Join("; ", problems.Select(p => string.Join(' ', p.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))))} (see --help)";

    /// <summary>The error for option <paramref name="option"/> unless <paramref name="folder"/> is an existing folder.</summary>
    public static IEnumerable<string> RequireFolder(string option, string folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            yield return $"{option}: the folder name is empty; give an existing folder.";
        }
        else if (!Directory.Exists(folder))
        {
            yield return File.Exists(folder) ? $"{option}: '{folder}' is a file; give a folder." : $"{option}: folder '{folder}' does not exist.";
        }
    }

    /// <summary>
    /// The error for option <paramref name="option"/> unless <paramref name="folder"/> can be an output folder: an existing
    /// folder, or a name whose nearest existing parent is a folder (it is created when the work starts).
    /// </summary>
    public static IEnumerable<string> RequireOutputFolder(string option, string folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            yield return $"{option}: the folder name is empty; give a folder to write into (it is created if missing).";
            yield break;
        }

        string? problem = File.Exists(folder) ? $"'{folder}' is a file, not a folder" : BlockedAncestor(folder);
        if (problem is not null)
        {
            yield return $"{option}: cannot write into '{folder}': {problem}; give a folder (it is created if missing).";
        }
    }

    /// <summary>
    /// The error for option <paramref name="option"/> unless <paramref name="file"/> can be written: not empty, not a folder,
    /// and in an existing folder.
    /// </summary>
    public static IEnumerable<string> RequireOutputFile(string option, string file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            yield return $"{option}: the file name is empty; give a file to write, in an existing folder.";
        }
        else if (Directory.Exists(file))
        {
            yield return $"{option}: '{file}' is a folder; give a file to write, in an existing folder.";
        }
        else if (Path.GetDirectoryName(Path.GetFullPath(file)) is string parent && !Directory.Exists(parent))
        {
            yield return $"{option}: cannot write '{file}': folder '{parent}' does not exist; give a file in an existing folder.";
        }
    }

    // Why a folder cannot be created at `path`: the nearest part of it that exists is a file. Null when it can be.
    private static string? BlockedAncestor(string path)
    {
        for (string? dir = Path.GetFullPath(path); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(dir))
            {
                return null;
            }

            if (File.Exists(dir))
            {
                return $"'{dir}' is a file";
            }
        }

        return null;
    }
}

/// <summary>A bad option or combination of options, found before any work; the CLI prints it and exits 2.</summary>
internal sealed class UsageException : Exception
{
    /// <summary>One problem.</summary>
    public UsageException(string problem)
        : this([problem])
    {
    }

    /// <summary>Every problem found, each printed as part of one line.</summary>
    public UsageException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>Gets each problem, as found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
