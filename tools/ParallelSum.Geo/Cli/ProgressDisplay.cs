using System.Globalization;
using ParallelSum.Geo.Conversion;
using Spectre.Console;

namespace ParallelSum.Geo.Cli;

/// <summary>
/// Shows a conversion as it runs: live bars (overall, then one per worker) on an interactive terminal; one plain line per
/// finished file when output is redirected, since Spectre's live progress prints nothing at all then.
/// </summary>
internal static class ProgressDisplay
{
    public static ConversionReport Run(IReadOnlyList<string> files, int workers, Func<IConversionObserver, ConversionReport> run)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return run(new PlainLines(files.Count));
        }

        ConversionReport? report = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                long totalBytes = files.Sum(ShapefileFiles.InputBytes);
                report = run(new LiveBars(context, files.Count, totalBytes, workers));
            });
        return report!;
    }

    private sealed class PlainLines(int total) : IConversionObserver
    {
        private readonly Lock _lock = new();
        private int _done;

        public void FileStarted(int worker, string name)
        {
        }

        public void FileCompleted(FileResult result)
        {
            lock (_lock)
            {
                _done++;
                string detail = result.Outcome == FileOutcome.Ok
                    ? string.Create(CultureInfo.InvariantCulture, $"{result.Features} features, {result.Seconds:F2} s")
                    : result.Reason ?? "";
                Console.Out.WriteLine(TerminalText.Escape($"[{_done}/{total}] {result.Name}: {result.OutcomeText} (worker {result.Worker}) {detail}"));
            }
        }
    }

    private sealed class LiveBars : IConversionObserver
    {
        private readonly ProgressTask _overall;
        private readonly ProgressTask[] _workers;
        private readonly int[] _workerFiles;
        private readonly int _total;
        private int _done;
        private int _failed;

        public LiveBars(ProgressContext context, int total, long totalBytes, int workers)
        {
            _total = total;
            double max = Math.Max(1, totalBytes);
            _overall = context.AddTask($"0/{total} files", maxValue: max);
            _workers = [.. Enumerable.Range(0, workers).Select(w => context.AddTask($"  worker {w}", maxValue: max))];
            _workerFiles = new int[workers];
        }

        public void FileStarted(int worker, string name)
        {
            lock (_workers)
            {
                _workers[worker].Description = $"  worker {worker}: {_workerFiles[worker]} done, on {Markup.Escape(TerminalText.Escape(name))}";
            }
        }

        public void FileCompleted(FileResult result)
        {
            lock (_workers)
            {
                _done++;
                if (result.Outcome == FileOutcome.Error)
                {
                    _failed++;
                }

                _overall.Increment(result.BytesIn);
                _overall.Description = $"{_done}/{_total} files" + (_failed > 0 ? $" [red]{_failed} failed[/]" : "");
                if (result.Worker >= 0 && result.Worker < _workers.Length)
                {
                    _workerFiles[result.Worker]++;
                    _workers[result.Worker].Increment(result.BytesIn);
                    _workers[result.Worker].Description = $"  worker {result.Worker}: {_workerFiles[result.Worker]} done";
                }
            }
        }
    }
}
