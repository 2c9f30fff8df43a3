using System.Diagnostics;
using Polly.Telemetry;

namespace ParallelSum.Orleans;

/// <summary>
/// Puts the telemetry of the ranges' resilience pipeline on the package's meter, with the tags Polly gives its own
/// instruments: every resilience event (<c>OnRetry</c>, <c>OnTimeout</c>) on <c>parallelsum.orleans.resilience.events</c>, and
/// every attempt's duration on <c>parallelsum.orleans.resilience.attempt.duration</c>.
/// </summary>
internal sealed class ResilienceMeterListener : TelemetryListener
{
    public static readonly ResilienceMeterListener Instance = new();

    private ResilienceMeterListener()
    {
    }

    public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
    {
        if (args.Arguments is ExecutionAttemptArguments attempt)
        {
            if (Instruments.AttemptDuration.Enabled)
            {
                TagList tags = Tags(args);
                tags.Add("attempt.number", attempt.AttemptNumber);
                tags.Add("attempt.handled", attempt.Handled);
                Instruments.AttemptDuration.Record(attempt.Duration.TotalSeconds, tags);
            }
        }
        else if (args.Arguments is not (PipelineExecutingArguments or PipelineExecutedArguments) && Instruments.ResilienceEvents.Enabled)
        {
            Instruments.ResilienceEvents.Add(1, Tags(args));
        }
    }

    private static TagList Tags<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
    {
        var tags = new TagList
        {
            { "event.name", args.Event.EventName },
            { "event.severity", args.Event.Severity.ToString() },
            { "pipeline.name", args.Source.PipelineName },
            { "strategy.name", args.Source.StrategyName },
        };
        if (args.Outcome?.Exception is Exception exception)
        {
            tags.Add("exception.type", exception.GetType().FullName);
        }

        return tags;
    }
}
