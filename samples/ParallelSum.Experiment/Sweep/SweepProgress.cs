using Spectre.Console;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// Shows a sweep as it runs: a live Spectre.Console progress display on a terminal, or one plain line per trial when
/// output is redirected (Spectre's live display prints nothing then, and logs need the lines).
/// </summary>
internal static class SweepProgress
{
    /// <summary>Runs <paramref name="trials"/> one at a time through <paramref name="run"/>, showing each as it starts and ends.</summary>
    /// <param name="trials">The trials, in order.</param>
    /// <param name="run">Runs one trial; returns <see langword="null"/> when it was skipped.</param>
    public static async Task RunAsync(IReadOnlyList<TrialSpec> trials, Func<TrialSpec, Task<TrialResult?>> run)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            for (int i = 0; i < trials.Count; i++)
            {
                TrialResult? result = await run(trials[i]).ConfigureAwait(false);
                if (result is not null)
                {
                    Console.Out.WriteLine($"[{i + 1}/{trials.Count}] {TrialLine.Format(result)}");
                }
            }

            return;
        }

        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask overall = context.AddTask("sweep", maxValue: trials.Count);
                foreach (TrialSpec trial in trials)
                {
                    overall.Description = Markup.Escape($"{trial.Series} {CountList.Format(trial.Count)}");
                    TrialResult? result = await run(trial).ConfigureAwait(false);
                    if (result is not null)
                    {
                        AnsiConsole.MarkupLine(Markup.Escape(TrialLine.Format(result)));
                    }

                    overall.Increment(1);
                }

                overall.Description = "sweep";
            }).ConfigureAwait(false);
    }
}
