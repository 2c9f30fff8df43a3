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
        command.SetAction((parse, cancellationToken) => Task.FromResult(Execute(parse.GetValue(Files)!, parse.GetValue(Output), parse.GetValue(CaptionText), cancellationToken)));
        return command;
    }

    /// <summary>
    /// Reads <paramref name="files"/> within <see cref="ResultLimits"/>, then writes the charts one file at a time, printing
    /// each path as it is complete. Returns 0 when done, 1 when there is nothing to plot, 130 when cancelled (with a line
    /// saying so; the files already written are whole, the one being written is not left behind).
    /// </summary>
    /// <exception cref="UsageException">A file cannot be read, is not a results file, or passes a limit; the message names
    /// the file and line.</exception>
    public static int Execute(IReadOnlyList<string> files, string? output, string? caption = null, CancellationToken cancellationToken = default)
    {
        var results = new List<TrialResult>();
        var series = new HashSet<string>(StringComparer.Ordinal);
        int trials = 0;
        string? Admit(TrialResult result)
        {
            if (result.Kind != TrialResult.TrialKind)
            {
                return null;
            }

            if (++trials > ResultLimits.MaxTrials)
            {
                return $"more than {ResultLimits.MaxTrials} trials; plot reads at most {ResultLimits.MaxTrials} over all its files";
            }

            // Counted with the source each series would be named by when several are plotted together: an upper bound.
            string name = ChartSet.SeriesWithSource(result);
            return series.Add(name) && series.Count > ResultLimits.MaxSeries
                ? $"a series beyond the {ResultLimits.MaxSeries} a chart can draw ('{name}'); plot fewer files, or sweeps with fewer strategies"
                : null;
        }

        foreach (string file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int skipped;
            try
            {
                results.AddRange(ResultsFile.Read(file, out skipped, Admit));
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
        int written = 0;
        try
        {
            ChartSet.Render(results, folder, caption, chart =>
            {
                written++;
                Console.Out.WriteLine($"chart: {chart}");
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine($"plot cancelled after {written} of {ChartSet.Names.Count * 2} chart files; each file written is complete, no other was left behind.");
            return ExitCodes.Cancelled;
        }

        return ExitCodes.Ok;
    }
}
