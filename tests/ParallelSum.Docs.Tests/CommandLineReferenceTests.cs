using System.Text.RegularExpressions;

namespace ParallelSum.Docs.Tests;

/// <summary>Every command-line option, command and default a page names belongs to a program that has it.</summary>
public sealed partial class CommandLineReferenceTests
{
    // Options of the other tools the pages show (dotnet, BenchmarkDotNet, Stryker, redis-server, xargs …): not ours to check.
    private static readonly HashSet<string> OtherToolsOptions = new(StringComparer.Ordinal)
    {
        "--project", "--no-build", "--no-restore", "--filter", "--configuration", "--framework", "--packages", "--version", "--help",
        "--self-contained", "--runtime", "--output", "--source", "--logger", "--nologo", "--verbosity", "--list-tests", "--settings",
        "--job", "--inProcess", "--exporters", "--artifacts", "--runtimes", "--list", "--memory", "--anyCategories", "--join",
        "--warmupCount", "--iterationCount", "--launchCount", // BenchmarkDotNet's, for runs shorter than its default job
        "--since", "--mutate", "--test-project", "--reporter", "--config-file", "--break-at", "--concurrency", "--open-report",
        "--port", "--save", "--appendonly", "--daemonize", "--bind", "--protected-mode", "--dir", "--oneline", "--stat",
        "--ff-only", "--no-ff", "--depth", "--exclusive", "--shared", "--global", "--tool-path", "--local", "--add-source",
        "--smoke", // the benchmark program's own switch (benchmarks/ParallelSum.Benchmarks), beside BenchmarkDotNet's options
        "--kernel", "--threads", "--calls", // the native reference kernel's (benchmarks/native/psum-native)
        "--prefix", "--show-error", "--fail", "--max-procs", "--null", "--cpu-list", "--physcpubind", "--format", "--quiet",
        "--warningsAsErrors", "--serve", "--logLevel", // docfx's (docs/reference)
    };

    public static TheoryData<string> Pages() => RepositoryFiles.PageData();

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryOptionAPageNames_Exists(string page)
    {
        var known = new HashSet<string>(ProgramHelp.All.SelectMany(p => p.Commands.Values).SelectMany(o => o.Keys), StringComparer.Ordinal);
        string[] unknown = [.. OptionToken().Matches(StripCSharp(page)).Select(m => m.Groups["option"].Value)
            .Where(o => !known.Contains(o) && !OtherToolsOptions.Contains(o)).Distinct()];
        Assert.True(unknown.Length == 0, $"{page} names options no sample program has: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryDefaultAPageStates_IsTheProgramsDefault(string page)
    {
        var wrong = new List<string>();
        foreach ((string option, string stated) in StatedDefaults(RepositoryFiles.Read(page)))
        {
            string?[] shown = [.. ProgramHelp.All.SelectMany(p => p.Commands.Values)
                .Where(o => o.ContainsKey(option)).Select(o => o[option]).Where(d => d is not null)];
            if (shown.Length > 0 && !shown.Any(d => Normalise(d!) == Normalise(stated)))
            {
                wrong.Add($"{option}: the page says {stated}, the program says {string.Join(" or ", shown.Distinct())}");
            }
        }

        Assert.True(wrong.Count == 0, $"{page}: {string.Join("; ", wrong)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryCommandAPageRuns_Exists(string page)
    {
        var missing = new List<string>();
        foreach (Match run in SampleRun().Matches(RepositoryFiles.Read(page)))
        {
            ProgramHelp? program = ProgramHelp.All.SingleOrDefault(p => p.Name == run.Groups["program"].Value);
            string command = run.Groups["command"].Value;
            if (program is not null && command.Length > 0 && !command.StartsWith('-') && !program.Commands.ContainsKey(command))
            {
                missing.Add($"{program.Name} {command}");
            }
        }

        Assert.True(missing.Count == 0, $"{page} runs commands that do not exist: {string.Join(", ", missing.Distinct())}");
    }

    [Fact]
    public void ProgramsHelp_IsReadable()
    {
        // Guards the tests above against passing because nothing was read.
        Assert.All(ProgramHelp.All, p => Assert.True(p.Commands.Count >= 2 && p.Commands.Values.Sum(o => o.Count) >= 5, p.Name));
    }

    // Table rows "| `--option` | default | …" under a header whose second column is "default", and "`--option` (default X)".
    private static IEnumerable<(string Option, string Default)> StatedDefaults(string text)
    {
        bool defaultColumn = false;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (!line.StartsWith('|'))
            {
                defaultColumn = false;
            }
            else
            {
                string[] cells = [.. line.Trim('|').Split('|').Select(c => c.Trim())];
                if (cells.Length >= 2 && cells[1].Equals("default", StringComparison.OrdinalIgnoreCase))
                {
                    defaultColumn = true;
                }
                else if (defaultColumn && cells.Length >= 2)
                {
                    Match option = OptionToken().Match(cells[0]);
                    if (option.Success && IsLiteral(cells[1]))
                    {
                        yield return (option.Groups["option"].Value, cells[1]);
                    }
                }
            }

            foreach (Match inline in InlineDefault().Matches(raw))
            {
                if (IsLiteral(inline.Groups["value"].Value))
                {
                    yield return (inline.Groups["option"].Value, inline.Groups["value"].Value);
                }
            }
        }
    }

    // A number or a single word in backticks is a checkable default; prose ("one per core", "all") is not.
    private static bool IsLiteral(string cell) => LiteralValue().IsMatch(cell.Trim());

    private static string Normalise(string value) => value.Trim().Trim('`').Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);

    // C# blocks can hold "--" operators and are checked by compiling them.
    private static string StripCSharp(string page)
    {
        string text = RepositoryFiles.Read(page);
        foreach (MarkdownCodeBlock block in MarkdownCodeBlock.Read(page).Where(b => b.IsCSharp))
        {
            text = text.Replace(block.Code, string.Empty, StringComparison.Ordinal);
        }

        return text;
    }

    [GeneratedRegex(@"(?<![\w-])(?<option>--[a-zA-Z][a-zA-Z0-9-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex OptionToken();

    [GeneratedRegex(@"`(?<option>--[a-z][a-z0-9-]*)[^`]*`\s*\(default:?\s*(?<value>[^),;]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex InlineDefault();

    [GeneratedRegex(@"^`?-?[0-9][0-9_,]*(\.[0-9]+)?(e[0-9]+)?`?$|^`[a-z][a-z0-9-]*`$", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralValue();

    [GeneratedRegex(@"(?:--project (?:samples|tools)/|(?:samples|tools)/[^/\s]+/bin/\S*/)(?<program>ParallelSum\.[A-Za-z]+)(?:\.dll)?(?:\s+--\s+|\s+)(?<command>[a-z-]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex SampleRun();
}
