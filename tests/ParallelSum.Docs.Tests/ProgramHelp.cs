using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ParallelSum.Docs.Tests;

/// <summary>What one sample program says about itself in its <c>--help</c> text: its commands, and each command's options
/// with the defaults it shows.</summary>
internal sealed partial class ProgramHelp
{
    private static readonly Lazy<IReadOnlyList<ProgramHelp>> AllPrograms = new(() =>
        [.. new[] { "ParallelSum.Experiment", "ParallelSum.Geo", "ParallelSum.Silo" }.Select(Read)]);

    // Sample programs live under samples/, command-line tools under tools/.
    private static readonly string[] ProgramFolders = ["samples", "tools"];

    private ProgramHelp(string name, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> commands)
    {
        Name = name;
        Commands = commands;
    }

    /// <summary>Gets the sample programs' help, read once per test run.</summary>
    public static IReadOnlyList<ProgramHelp> All => AllPrograms.Value;

    /// <summary>Gets the program's name, which is also its project folder under samples/ or tools/.</summary>
    public string Name { get; }

    /// <summary>Gets each command (the root command as the empty string) with its options and their shown defaults (null when none is shown).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> Commands { get; }

    private static ProgramHelp Read(string name)
    {
        string dll = ProgramFolders
            .Select(top => Path.Combine(RepositoryFiles.Root, top, name, "bin", RepositoryFiles.Configuration, "net10.0", name + ".dll"))
            .FirstOrDefault(File.Exists) ?? Path.Combine(RepositoryFiles.Root, "samples", name, "bin", RepositoryFiles.Configuration, "net10.0", name + ".dll");
        Assert.True(File.Exists(dll), $"{dll} was not built");
        string rootHelp = Run(dll, "--help");
        var commands = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal) { [""] = Options(rootHelp) };
        foreach (string command in Section(rootHelp, "Commands:").Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]))
        {
            commands[command] = Options(Run(dll, command, "--help"));
        }

        return new ProgramHelp(name, commands);
    }

    private static Dictionary<string, string?> Options(string help)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string line in Section(help, "Options:"))
        {
            Match names = OptionNames().Match(line);
            Match shownDefault = DefaultValue().Match(line);
            foreach (Capture alias in names.Groups["name"].Captures)
            {
                options[alias.Value] = shownDefault.Success ? shownDefault.Groups["value"].Value : null;
            }
        }

        return options;
    }

    // The lines of one section of the help text ("Options:", "Commands:"), each an entry (continuation lines are skipped).
    private static IEnumerable<string> Section(string help, string heading)
    {
        bool inside = false;
        foreach (string raw in help.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inside = line == heading;
                continue;
            }

            if (inside && line.StartsWith("  ", StringComparison.Ordinal) && line.Length > 2 && !char.IsWhiteSpace(line[2]))
            {
                yield return line.Trim();
            }
        }
    }

    private static string Run(string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["COLUMNS"] = "400";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(dll)} {string.Join(' ', arguments)} did not end within 60 s");
        }

        return output.Result;
    }

    [GeneratedRegex(@"^(?:(?<name>--?[A-Za-z0-9?][A-Za-z0-9-]*),?\s)+", RegexOptions.CultureInvariant)]
    private static partial Regex OptionNames();

    [GeneratedRegex(@"\[default: (?<value>[^\]]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex DefaultValue();
}
