using System.Text.Encodings.Web;
using System.Text.Json;

namespace ParallelSum.Geo.Shapefiles;

/// <summary>How a .dbf field's values are written to GeoJSON (the mapping is GDAL's, with logical fields as booleans).</summary>
internal enum DbfValueKind
{
    /// <summary>Character (<c>C</c>) and any type without a mapping of its own: a string.</summary>
    Text,

    /// <summary>Numeric (<c>N</c>) without decimals and narrower than 19 digits: an integer.</summary>
    Integer,

    /// <summary>Numeric with decimals, or 19 digits wide or more, and float (<c>F</c>): a number.</summary>
    Real,

    /// <summary>Logical (<c>L</c>): <c>true</c> or <c>false</c>.</summary>
    Logical,

    /// <summary>Date (<c>D</c>, <c>YYYYMMDD</c>): a string <c>YYYY-MM-DD</c>, as GDAL writes it.</summary>
    Date,
}

/// <summary>One field of a .dbf: its name, where its bytes lie in a record, and how its values convert.</summary>
/// <param name="Name">The field name, decoded with the table's encoding.</param>
/// <param name="OutputName">The property name written: <paramref name="Name"/>, or for the second and later fields of the same
/// name, the name with the first of 2, 3, … appended that no field before it has (<c>NAME2</c>), as GDAL names them.</param>
/// <param name="Type">The dBASE type letter.</param>
/// <param name="Offset">Its first byte within a record (after the deletion flag).</param>
/// <param name="Width">Its width in bytes.</param>
/// <param name="Decimals">Its decimal count.</param>
internal sealed record DbfField(string Name, string OutputName, char Type, int Offset, int Width, int Decimals)
{
    /// <summary>Gets the name escaped once for JSON, as the converter's writer escapes it (so each record writes bytes, not a string).</summary>
    public JsonEncodedText JsonName { get; } = JsonEncodedText.Encode(OutputName, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    /// <summary>Gets how values of this field are written.</summary>
    public DbfValueKind Kind { get; } = Type switch
    {
        'N' when Decimals == 0 && Width < 19 => DbfValueKind.Integer,
        'N' or 'F' => DbfValueKind.Real,
        'L' => DbfValueKind.Logical,
        'D' => DbfValueKind.Date,
        _ => DbfValueKind.Text,
    };
}
