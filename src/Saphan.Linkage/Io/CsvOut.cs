using System.Globalization;
using System.Text;

namespace Saphan.Linkage.Io;

/// <summary>
/// A small RFC 4180 writer: UTF-8 without BOM, "\n" line ends, quotes only where needed. Files for people to open (the
/// link run's rejects, clusters and pairs) are <paramref name="forPeople"/>: their cells go through
/// <see cref="SpreadsheetSafety"/>, so agency data is never run as a formula. Files that stand for agency input (the
/// synthetic generator's) are written as they are.
/// </summary>
public sealed class CsvOut(string path, Encoding? encoding = null, bool forPeople = false) : IDisposable
{
    private readonly StreamWriter writer = new(path, append: false, encoding ?? new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    private bool firstInLine = true;

    public CsvOut Field(string? value)
    {
        if (!firstInLine) writer.Write(',');
        firstInLine = false;
        if (string.IsNullOrEmpty(value)) return this;
        if (forPeople) value = SpreadsheetSafety.Cell(value);
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return this;
        }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
        return this;
    }

    public CsvOut Field(long value) => Field(value.ToString(CultureInfo.InvariantCulture));

    public CsvOut Field(double value, string format) => Field(value.ToString(format, CultureInfo.InvariantCulture));

    public void EndLine()
    {
        writer.Write('\n');
        firstInLine = true;
    }

    public void Line(params string?[] fields)
    {
        foreach (var f in fields) Field(f);
        EndLine();
    }

    public void Dispose() => writer.Dispose();
}
