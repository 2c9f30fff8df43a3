using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using ParallelSum.Orleans;

namespace Orleans.Hosting;

/// <summary>Adds ParallelSum's <see cref="DistributedStrategy"/> to an Orleans client.</summary>
public static class ParallelSumClientBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="DistributedStrategy"/> as a singleton, with <see cref="DistributedStrategyOptions"/> validated when
    /// the client starts (the message names the option and its value), and turns on
    /// <see cref="MessagingOptions.CancelRequestOnTimeout"/> so that a grain call that times out also stops its grain.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Sets options; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IClientBuilder AddParallelSum(this IClientBuilder builder, Action<DistributedStrategyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        OptionsBuilder<DistributedStrategyOptions> options = builder.Services.AddOptions<DistributedStrategyOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DistributedStrategyOptions>, DistributedStrategyOptionsValidator>());
        builder.Services.Configure<ClientMessagingOptions>(o => o.CancelRequestOnTimeout = true);
        builder.Services.TryAddSingleton(services => new DistributedStrategy(
            services.GetRequiredService<IClusterClient>(),
            services.GetRequiredService<IOptions<DistributedStrategyOptions>>().Value,
            services.GetService<ILogger<DistributedStrategy>>()));
        return builder;
    }
}
