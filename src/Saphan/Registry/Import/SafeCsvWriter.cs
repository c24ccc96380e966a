using System.Text;
using Saphan.Linkage.Io;

namespace Saphan.Registry.Import;

/// <summary>
/// CSV files for people to open in Excel: UTF-8 with a BOM (without it Excel reads Thai as Windows-874 garbage), CRLF line
/// ends, RFC 4180 quoting, and every cell through <see cref="SpreadsheetSafety.Cell"/> (a <see cref="CsvOut"/> for people).
/// </summary>
public static class SafeCsvWriter
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(true);

    public static CsvOut For(Stream stream) =>
        new(new StreamWriter(stream, Utf8WithBom, 1 << 16, leaveOpen: true) { NewLine = "\r\n" }, forPeople: true);
}
