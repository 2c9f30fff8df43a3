using System.Diagnostics;
using Spectre.Console;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// Shows a sweep as it runs, with the time elapsed and an estimate of the time left (<see cref="SweepEstimate"/>): a live
/// Spectre.Console progress display on a terminal, or one plain line per trial when output is redirected (Spectre's
/// live display prints nothing then, and logs need the lines).
/// </summary>
internal static class SweepProgress
{
    /// <summary>Runs <paramref name="trials"/> one at a time through <paramref name="run"/>, showing each as it starts and ends.</summary>
    /// <param name="trials">The trials, in order.</param>
    /// <param name="timeout">The longest one trial may take, for the estimate.</param>
    /// <param name="stopped">The series that will not run again (the caller adds to it as trials end), for the estimate.</param>
    /// <param name="run">Runs one trial; returns <see langword="null"/> when it was skipped.</param>
    /// <returns>The time the trials took.</returns>
    public static async Task<TimeSpan> RunAsync(IReadOnlyList<TrialSpec> trials, TimeSpan timeout, IReadOnlySet<string> stopped, Func<TrialSpec, Task<TrialResult?>> run)
    {
        var estimate = new SweepEstimate(timeout);
        long started = Stopwatch.GetTimestamp();
        string Progress(int done) => SweepEstimate.Text(Stopwatch.GetElapsedTime(started), estimate.Remaining(trials.Skip(done), stopped));

        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            for (int i = 0; i < trials.Count; i++)
            {
                TrialResult? result = await run(trials[i]).ConfigureAwait(false);
                if (result is not null)
                {
                    estimate.Record(trials[i], result);
                    Console.Out.WriteLine($"[{i + 1}/{trials.Count}] {TrialLine.Format(result)} ({Progress(i + 1)})");
                }
            }

            return Stopwatch.GetElapsedTime(started);
        }

        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask overall = context.AddTask("sweep", maxValue: trials.Count);
                for (int i = 0; i < trials.Count; i++)
                {
                    TrialSpec trial = trials[i];
                    overall.Description = Markup.Escape($"{trial.Series} {CountList.Format(trial.Count)} ({Progress(i)})");
                    TrialResult? result = await run(trial).ConfigureAwait(false);
                    if (result is not null)
                    {
                        estimate.Record(trial, result);
                        AnsiConsole.MarkupLine(Markup.Escape(TrialLine.Format(result)));
                    }

                    overall.Increment(1);
                }

                overall.Description = "sweep";
            }).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started);
    }
}
