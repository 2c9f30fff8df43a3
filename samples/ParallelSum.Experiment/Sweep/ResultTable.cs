using Spectre.Console;

namespace ParallelSum.Experiment.Sweep;

/// <summary>
/// One of the tables a sweep ends with, as text cells: printed to the terminal (<see cref="ToSpectre"/>) and written into the
/// sweep's HTML report from the same cells, so the two never differ.
/// </summary>
/// <param name="Title">What the table shows.</param>
/// <param name="Columns">The column headings.</param>
/// <param name="Rows">The cells, one list per row, as many as <paramref name="Columns"/>.</param>
/// <param name="Note">What the columns mean, printed under the table; <see langword="null"/> for none.</param>
/// <param name="FirstColumnIsName">Whether the first column names the row (left-aligned) rather than holding a number.</param>
internal sealed record ResultTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null, bool FirstColumnIsName = false)
{
    /// <summary>The table as Spectre.Console prints it: rounded borders, numbers right-aligned, the note as its caption.</summary>
    public Table ToSpectre()
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(Title));
        if (Note is not null)
        {
            table.Caption(Markup.Escape(Note));
        }

        for (int i = 0; i < Columns.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(Columns[i]));
            table.AddColumn(i == 0 && FirstColumnIsName ? column : column.RightAligned());
        }

        foreach (IReadOnlyList<string> row in Rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        return table;
    }
}
