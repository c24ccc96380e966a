namespace Saphan.Linkage.Io;

/// <summary>
/// Keeps exported cells from being run as formulas when a CSV or Excel file is opened in a spreadsheet (CSV injection,
/// OWASP): a cell starting with = + - @, a tab or a carriage return gets a leading single quote, so Excel and
/// LibreOffice show it as text. Plain numbers ("-12", "+66812345678", "3.5") are left alone: they cannot be formulas and
/// the quote would spoil them. Every CSV and Excel export of Saphan writes its cells through <see cref="Cell"/>.
/// </summary>
public static class SpreadsheetSafety
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // Spreadsheets skip leading spaces before deciding a cell is a formula in some versions; look past them.
        var first = value.AsSpan().TrimStart(' ');
        if (first.Length == 0) return value;
        if (Array.IndexOf(Triggers, first[0]) < 0 && Array.IndexOf(Triggers, value[0]) < 0) return value;
        return IsPlainNumber(value) ? value : "'" + value;
    }

    /// <summary>True when the cell would be dangerous without <see cref="Cell"/>.</summary>
    public static bool NeedsEscaping(string? value) => !string.IsNullOrEmpty(value) && !ReferenceEquals(Cell(value), value);

    private static bool IsPlainNumber(string value)
    {
        var s = value.AsSpan();
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-')) s = s[1..];
        if (s.Length == 0) return false;
        var digits = 0;
        var dot = false;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (c == '.' && !dot) dot = true;
            else return false;
        }
        return digits > 0;
    }
}
