using System.CommandLine;
using ParallelSum.Experiment.CommandLine;
using ParallelSum.Experiment.Sweep;

namespace ParallelSum.Experiment.Plotting;

/// <summary>The <c>plot</c> command: charts from one or more results files, partial or from other machines.</summary>
internal static class PlotCommand
{
    private static readonly Argument<string[]> Files = new("files")
    {
        Description = "Results files (sweep-*.jsonl) to plot together.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string?> Output = new("--out", "-o")
    {
        Description = "Folder for the charts; default: the folder of the first file.",
    };

    private static readonly Option<string?> CaptionText = new("--caption")
    {
        Description = "The caption line under each chart, for results files that did not record their machine, runtime and command (by default the recorded ones).",
    };

    public static Command Create()
    {
        var command = new Command("plot", "Render time, peak memory and throughput against count (PNG and SVG) from sweep results files.")
        {
            Files, Output, CaptionText,
        };
        command.Validators.Add(result =>
        {
            foreach (string file in result.GetValue(Files) ?? [])
            {
                if (!File.Exists(file))
                {
                    result.AddError($"files: '{file}' does not exist; give one or more sweep results files (.jsonl).");
                }
            }
        });
        command.SetAction(parse => Execute(parse.GetValue(Files)!, parse.GetValue(Output), parse.GetValue(CaptionText)));
        return command;
    }

    public static int Execute(IReadOnlyList<string> files, string? output, string? caption = null)
    {
        var results = new List<TrialResult>();
        foreach (string file in files)
        {
            int skipped;
            try
            {
                results.AddRange(ResultsFile.Read(file, out skipped));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                // A file that is not a results file (InvalidDataException names its file and line) is bad input, as a missing one is.
                throw new UsageException($"files: {ExitCodes.OneLine(e.Message)}", e);
            }

            if (skipped > 0)
            {
                Console.Error.WriteLine($"{file}: skipped {skipped} line(s) that are not complete results of format {TrialResult.CurrentSchema}.");
            }
        }

        if (!results.Any(r => r.Kind == TrialResult.TrialKind))
        {
            Console.Error.WriteLine($"error: no trials in {string.Join(", ", files)}; nothing to plot.");
            return ExitCodes.WorkFailed;
        }

        string folder = output ?? Path.GetDirectoryName(Path.GetFullPath(files[0]))!;
        OutputFolder.Create(folder, Output.Name);
        foreach (string chart in ChartSet.Render(results, folder, caption))
        {
            Console.Out.WriteLine($"chart: {chart}");
        }

        return 0;
    }
}
