using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Orleans.Hosting;

/// <summary>Adds ParallelSum's range-sum grains and their admission limits to an Orleans silo.</summary>
public static class ParallelSumSiloBuilderExtensions
{
    /// <summary>
    /// Hosts ParallelSum on this silo: the range-sum and capacity grains, the admission limit, the membership check, and
    /// <see cref="ParallelSum.Orleans.RangeSumSiloOptions"/> validated when the silo starts.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets options; null keeps the defaults.</param>
    /// <returns>The same builder.</returns>
    public static ISiloBuilder AddParallelSum(this ISiloBuilder builder, Action<ParallelSum.Orleans.RangeSumSiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        OptionsBuilder<ParallelSum.Orleans.RangeSumSiloOptions> options = builder.Services.AddOptions<ParallelSum.Orleans.RangeSumSiloOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ParallelSum.Orleans.RangeSumSiloOptions>, ParallelSum.Orleans.RangeSumSiloOptionsValidator>());
        builder.Services.TryAddSingleton<ParallelSum.Orleans.RangeAdmission>();
        builder.Services.TryAddSingleton<ParallelSum.Orleans.RangeSummation>();
        builder.Services.AddHostedService<ParallelSum.Orleans.MembershipWatchdog>();
        builder.AddPlacementDirector<ParallelSum.Orleans.SiloKeyedPlacement, ParallelSum.Orleans.SiloKeyedPlacementDirector>();
        builder.AddPlacementDirector<ParallelSum.Orleans.PreferredSiloPlacement, ParallelSum.Orleans.PreferredSiloPlacementDirector>();
        return builder;
    }
}
