using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ParallelSum.Orleans;

namespace Orleans.Hosting;

/// <summary>Adds ParallelSum's range-sum grain and its admission limits to an Orleans silo.</summary>
public static class ParallelSumSiloBuilderExtensions
{
    /// <summary>
    /// Hosts ParallelSum on this silo: the range-sum grain and its placement, the admission limit, the membership check, and
    /// <see cref="RangeSumSiloOptions"/> validated when the silo starts (the message names the option and its value). A silo
    /// whose admission limits refuse every request of the default size logs a warning (event 106) when it starts.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets options; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ISiloBuilder AddParallelSum(this ISiloBuilder builder, Action<RangeSumSiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        OptionsBuilder<RangeSumSiloOptions> options = builder.Services.AddOptions<RangeSumSiloOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RangeSumSiloOptions>, RangeSumSiloOptionsValidator>());
        builder.Services.TryAddSingleton<RangeAdmission>();
        builder.Services.TryAddSingleton<RunningRanges>();
        builder.Services.AddHostedService<AdmissionLimitsCheck>();
        builder.Services.AddHostedService<MembershipWatchdog>();
        builder.AddPlacementDirector<SiloKeyedPlacement, SiloKeyedPlacementDirector>();
        return builder;
    }
}
