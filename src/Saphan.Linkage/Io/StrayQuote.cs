namespace Saphan.Linkage.Io;

/// <summary>
/// A quote opened in a CSV cell and not closed at its end makes any reader take the following lines into that cell, up to
/// the next quote or the end of the file, and the rows inside are never read. Such a row runs over several lines and
/// either has the wrong number of cells or holds, after a line break, a whole line with a row's worth of separators; a
/// quoted cell with an ordinary line break (an address on two lines) does neither. It is rejected with the lines it took,
/// so that no row vanishes unseen behind counts that add up.
/// </summary>
public static class StrayQuote
{
    /// <summary>
    /// The row's last line from the reader's exclusive end: a cell ending in a line break ends on the line before (the
    /// file's final line break, taken into a quote that never closed, is not a line of data).
    /// </summary>
    public static long LastLine(long lineNumberToExclusive, ReadOnlySpan<char> lastCell) =>
        lineNumberToExclusive - 1 - (lastCell.EndsWith('\n') ? 1 : 0);

    /// <summary>
    /// Whether a row that runs over several lines was made of several rows by a stray quote: it has the wrong number of
    /// cells, or one of them holds a whole row. Asked only of rows that run over more than one line.
    /// </summary>
    public static bool TookOtherRows(IReadOnlyList<string> cells, int columnCount, char separator)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != columnCount) return true;
        foreach (var cell in cells)
            if (HoldsARow(cell, columnCount, separator)) return true;
        return false;
    }

    /// <summary>Whether a line after a line break in <paramref name="cell"/> holds a row's worth of separators.</summary>
    public static bool HoldsARow(ReadOnlySpan<char> cell, int columnCount, char separator)
    {
        var separators = Math.Max(2, columnCount - 1);
        for (var at = cell.IndexOfAny('\r', '\n'); at >= 0; at = cell.IndexOfAny('\r', '\n'))
        {
            cell = cell[(at + 1)..];
            var end = cell.IndexOfAny('\r', '\n');
            if ((end < 0 ? cell : cell[..end]).Count(separator) >= separators) return true;
        }
        return false;
    }

    /// <summary>
    /// A quote that never closes in a large file: the reader gives up once a row passes its limit (16 million characters),
    /// and nothing after <paramref name="lastRowLine"/> can be read as rows.
    /// </summary>
    public static string NeverClosedTh(long lastRowLine) =>
        $"เครื่องหมายคำพูด (\") ที่เปิดหลังบรรทัด {lastRowLine} ไม่ได้ปิดเลย ส่วนที่เหลือของไฟล์ (เกิน 16 ล้านตัวอักษร) จึงอ่านเป็นช่องเดียว " +
        $"การอ่านหยุดที่บรรทัด {lastRowLine} แถวก่อนหน้านั้นอ่านแล้ว แก้เครื่องหมายคำพูดแล้วนำเข้าใหม่ (แถวที่นำเข้าแล้วจะไม่ซ้ำ)";

    public static string NeverClosedEn(long lastRowLine) =>
        $"a quote (\") opened after line {lastRowLine} is never closed, so the rest of the file (over 16 million characters) reads as one cell; " +
        $"reading stopped after line {lastRowLine} and the rows before it were read; fix the quote and import the file again (rows already imported are not doubled)";

    public static string Th(long firstLine, long lastLine) =>
        $"เครื่องหมายคำพูด (\") ที่เปิดในบรรทัด {firstLine} ทำให้บรรทัด {firstLine}–{lastLine} ({lastLine - firstLine + 1} บรรทัด) ถูกอ่านรวมเป็นแถวเดียวและไม่ได้นำเข้า " +
        "แก้เครื่องหมายคำพูดในไฟล์แล้วนำเข้าใหม่ (แถวที่นำเข้าแล้วจะไม่ซ้ำ)";

    public static string En(long firstLine, long lastLine) =>
        $"a quote (\") opened on line {firstLine} made lines {firstLine}–{lastLine} ({lastLine - firstLine + 1} lines) read as one row, which was not imported; " +
        "fix the quote and import the file again (rows already imported are not doubled)";
}
