namespace ParallelSum.Geo.Bench;

/// <summary>One stage of one worker's conversion, timed over a whole set of files.</summary>
/// <param name="Stage">A short name, such as <c>format numbers</c>.</param>
/// <param name="Covers">What the timed code does, in a phrase.</param>
/// <param name="Seconds">The median wall-clock seconds of the timed passes.</param>
/// <param name="StageBytes">The bytes the stage itself reads or writes (input, JSON text or file bytes).</param>
/// <param name="StageBytesOf">What <paramref name="StageBytes"/> counts, such as <c>JSON out</c>.</param>
/// <param name="InputMegabytesPerSecond">The set's input megabytes (10^6 bytes) divided by <paramref name="Seconds"/>: the throughput a worker could not exceed if it did nothing but this stage.</param>
/// <param name="AllocatedBytesPerFeature">Managed bytes this stage allocated per feature.</param>
/// <param name="Gen0Collections">Gen 0 collections during one timed pass.</param>
internal sealed record StageTiming(string Stage, string Covers, double Seconds, long StageBytes, string StageBytesOf, double InputMegabytesPerSecond, double AllocatedBytesPerFeature, int Gen0Collections);

/// <summary>Everything a stage profile saves: where it ran, the set, and one row per stage.</summary>
/// <param name="Date">The UTC date, <c>yyyy-MM-dd</c>.</param>
/// <param name="Machine">The processor model.</param>
/// <param name="Cores">Logical processors.</param>
/// <param name="Runtime">.NET version, OS and garbage collector.</param>
/// <param name="Command">The command line.</param>
/// <param name="Repetitions">Timed passes per stage.</param>
/// <param name="Files">Shapefiles in the set.</param>
/// <param name="Features">Features in the set.</param>
/// <param name="InputBytes">Bytes of every .shp, .shx and .dbf.</param>
/// <param name="OutputBytes">Bytes of GeoJSON the set converts to.</param>
/// <param name="Stages">One row per stage, in pipeline order.</param>
internal sealed record StageProfile(
    string Date,
    string Machine,
    int Cores,
    string Runtime,
    string Command,
    int Repetitions,
    int Files,
    long Features,
    long InputBytes,
    long OutputBytes,
    IReadOnlyList<StageTiming> Stages);
