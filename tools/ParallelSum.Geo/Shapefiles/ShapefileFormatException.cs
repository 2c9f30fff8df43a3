namespace ParallelSum.Geo.Shapefiles;

/// <summary>A shapefile part that cannot be read: truncated, corrupt, or of a kind this reader does not convert. The message names what and where.</summary>
internal sealed class ShapefileFormatException(string message) : Exception(message)
{
}
