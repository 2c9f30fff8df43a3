namespace ParallelSum.Geo.Crs;

/// <summary>A .prj that cannot be read, or whose coordinates this tool cannot take to WGS 84; the message says why.</summary>
internal sealed class CrsException(string message) : Exception(message)
{
}
