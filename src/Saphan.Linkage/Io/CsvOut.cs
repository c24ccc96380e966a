using System.Globalization;
using System.Text;

namespace Saphan.Linkage.Io;

/// <summary>
/// A small RFC 4180 writer: quotes only where needed, the writer's own line ends. Files for people to open (the link
/// run's rejects, clusters and pairs; Saphan's exports) are <paramref name="forPeople"/>: their cells go through
/// <see cref="SpreadsheetSafety"/>, so agency data is never run as a formula. Files that stand for agency input (the
/// synthetic generator's) are written as they are.
/// </summary>
public sealed class CsvOut(TextWriter writer, bool forPeople = false) : IDisposable, IAsyncDisposable
{
    private bool firstInLine = true;

    /// <summary>A file in UTF-8 without BOM (unless <paramref name="encoding"/> says otherwise), "\n" line ends.</summary>
    public CsvOut(string path, Encoding? encoding = null, bool forPeople = false)
        : this(new StreamWriter(path, append: false, encoding ?? new UTF8Encoding(false), 1 << 16) { NewLine = "\n" }, forPeople)
    {
    }

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
        writer.Write(writer.NewLine);
        firstInLine = true;
    }

    public void Line(params IEnumerable<string?> fields)
    {
        foreach (var f in fields) Field(f);
        EndLine();
    }

    public Task FlushAsync() => writer.FlushAsync();

    public void Dispose() => writer.Dispose();

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
