using Microsoft.Extensions.Options;

namespace ParallelSum.Orleans;

/// <summary>Checks <see cref="RangeSumSiloOptions"/> against its validation attributes; the checks are written by the options
/// validation source generator, so they need no reflection.</summary>
[OptionsValidator]
internal sealed partial class RangeSumSiloOptionsValidator : IValidateOptions<RangeSumSiloOptions>
{
}
