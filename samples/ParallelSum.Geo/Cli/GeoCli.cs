using System.CommandLine;
using Spectre.Console;

namespace ParallelSum.Geo.Cli;

/// <summary>The command line: generate, convert, verify, bench, profile, and the hidden worker command that convert starts.</summary>
internal static class GeoCli
{
    public static RootCommand CreateRoot() => new("Convert every shapefile in a folder to GeoJSON with one worker, several threads or several processes, and measure which pays off.")
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
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("(see --help)");
            return 2;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine("(see --help)");
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
            throw new UsageException(string.Join(Environment.NewLine + "error: ", all));
        }
    }

    /// <summary>The error for option <paramref name="option"/> unless <paramref name="folder"/> is an existing folder.</summary>
    public static IEnumerable<string> RequireFolder(string option, string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield return $"{option}: folder '{folder}' does not exist.";
        }
    }
}

/// <summary>A bad option or combination of options, found before any work; the CLI prints it and exits 2.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
}
