using System.Text;
using Saphan.Linkage.Io;

namespace Saphan.Registry.Import;

/// <summary>
/// A CSV file for people to open in Excel: UTF-8 with a BOM (without it Excel reads Thai as Windows-874 garbage),
/// CRLF line ends, RFC 4180 quoting, and every cell through <see cref="SpreadsheetSafety.Cell"/>.
/// </summary>
public sealed class SafeCsvWriter(TextWriter writer) : IAsyncDisposable, IDisposable
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(true);

    private bool firstInLine = true;

    public static SafeCsvWriter For(Stream stream) => new(new StreamWriter(stream, Utf8WithBom, 1 << 16, leaveOpen: true) { NewLine = "\r\n" });

    public SafeCsvWriter Cell(string? value)
    {
        if (!firstInLine) writer.Write(',');
        firstInLine = false;
        var safe = SpreadsheetSafety.Cell(value);
        if (safe.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(safe);
            return this;
        }
        writer.Write('"');
        writer.Write(safe.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
        return this;
    }

    public void EndLine()
    {
        writer.Write("\r\n");
        firstInLine = true;
    }

    public void Line(IEnumerable<string?> cells)
    {
        foreach (var c in cells) Cell(c);
        EndLine();
    }

    public Task FlushAsync() => writer.FlushAsync();

    public void Dispose() => writer.Dispose();

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
