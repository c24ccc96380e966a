using System.Globalization;
using System.Text;
using MiniExcelLibs;
using nietras.SeparatedValues;
using Saphan.Linkage.Io;

namespace Saphan.Registry.Import;

public enum TableKind
{
    Csv,
    Xlsx,
}

/// <summary>One data row of an agency file: its line (CSV) or row number (Excel), counting the header as 1, and its cells.</summary>
public sealed record TableRow(long Line, string[] Cells)
{
    /// <summary>The line the row ends on: after <see cref="Line"/> when a quoted cell holds line breaks (CSV only).</summary>
    public long LastLine
    {
        get => Math.Max(Line, field);
        init;
    }

    /// <summary>Whether a stray quote made this row of several rows of a file with <paramref name="columnCount"/> columns (see <see cref="StrayQuote"/>).</summary>
    public bool TookOtherRows(int columnCount, char separator) => LastLine > Line && StrayQuote.TookOtherRows(Cells, columnCount, separator);
}

/// <summary>
/// An agency file read as a header and rows, streaming: a CSV through Sep (quotes, line breaks in fields) in the given
/// encoding, or the first sheet of an .xlsx through MiniExcel. Rows with nothing in any cell are skipped (trailing blank
/// lines, spacer rows in Excel) and not counted. Never holds more than the current row.
/// </summary>
public sealed class TableFile : IDisposable
{
    private readonly FileStream stream;
    private readonly SepReader? csv;
    private readonly IEnumerator<IDictionary<string, object?>>? sheet;
    private readonly string[]? sheetColumns;
    private readonly long above;

    private TableFile(FileStream stream, IReadOnlyList<string> header, SepReader? csv, IEnumerator<IDictionary<string, object?>>? sheet, string[]? sheetColumns,
        long above)
    {
        this.stream = stream;
        Header = header;
        this.csv = csv;
        this.sheet = sheet;
        this.sheetColumns = sheetColumns;
        this.above = above;
    }

    /// <summary>
    /// Column names as written in the header row (the first, or <see cref="SourceMapping.HeaderLine"/>), trimmed; blank or
    /// repeated names are made unique ("คอลัมน์ 3", "ชื่อ #2").
    /// </summary>
    public IReadOnlyList<string> Header { get; }

    public long Length => stream.Length;

    /// <summary>How far into the file the reader is, in bytes (for progress bars; approximate for .xlsx).</summary>
    public long Position => stream.CanSeek ? Math.Min(stream.Position, stream.Length) : 0;

    public static TableKind KindOf(string fileName) =>
        Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? TableKind.Xlsx : TableKind.Csv;

    /// <summary>Opens the file with its header on <paramref name="headerLine"/> (1 = the first line); the lines above are skipped.</summary>
    public static TableFile Open(string path, TableKind kind, string encoding, string delimiter, int headerLine = 1)
    {
        if (headerLine is < 1 or > MaxHeaderLine)
            throw new ImportRefusedException(new ImportProblem($"บรรทัดหัวตารางต้องอยู่ระหว่าง 1 ถึง {MaxHeaderLine}", $"the header line must be between 1 and {MaxHeaderLine}"));
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            if (IsBlank(stream)) throw new ImportRefusedException(Empty);
            return kind == TableKind.Xlsx ? OpenSheet(stream, headerLine - 1) : OpenCsv(stream, encoding, delimiter, headerLine - 1);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>No bytes, or only a byte order mark and white space (what Excel saves for an empty sheet).</summary>
    private static bool IsBlank(FileStream stream)
    {
        if (stream.Length > 4096) return false;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        stream.Position = 0;
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        foreach (var b in span)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or (byte)';')) return false;
        return true;
    }

    private static readonly ImportProblem Empty = new("ไฟล์ว่าง ไม่มีหัวตารางหรือข้อมูล", "the file is empty: no header and no rows");

    /// <summary>How far down a header may be looked for: a title block, not a table.</summary>
    public const int MaxHeaderLine = 30;

    private static TableFile OpenCsv(FileStream stream, string encodingName, string delimiter, int above)
    {
        Encoding encoding;
        try
        {
            encoding = TextEncodings.Get(encodingName);
        }
        catch (InvalidDataException)
        {
            throw new ImportRefusedException(new ImportProblem($"ไม่รู้จักการเข้ารหัส '{encodingName}' (ใช้ utf-8, utf-8-bom หรือ tis-620)",
                $"unknown encoding '{encodingName}' (use utf-8, utf-8-bom or tis-620)"));
        }
        var text = Text(stream, encoding);
        // The title lines above the header are skipped as lines (a title is not expected to hold a quoted line break).
        for (var i = 0; i < above && text.ReadLine() is not null; i++) { }
        SepReader reader;
        try
        {
            reader = CsvReader(text, delimiter, hasHeader: true);
        }
        catch (NotSupportedException)
        {
            throw NeverClosed(above);
        }
        if (reader.Header.IsEmpty || reader.Header.ColNames.All(string.IsNullOrWhiteSpace))
        {
            reader.Dispose();
            throw new ImportRefusedException(Empty);
        }
        return new TableFile(stream, UniqueNames(reader.Header.ColNames), reader, null, null, above);
    }

    /// <summary>Text in the file's encoding: a BOM is honoured, except in a Thai single-byte file, where those bytes are text.</summary>
    internal static StreamReader Text(Stream stream, Encoding encoding) =>
        new(stream, encoding, detectEncodingFromByteOrderMarks: !TextEncodings.IsThaiSingleByte(encoding), 1 << 16);

    /// <summary>Sep as agency files need it: quotes unescaped, rows of any length (a wrong column count is the interpreter's to report).</summary>
    private static SepReader CsvReader(TextReader text, string delimiter, bool hasHeader) =>
        Sep.Reader(o => o with { Sep = new Sep(SourceMapping.SeparatorOf(delimiter)), Unescape = true, DisableColCountCheck = true, HasHeader = hasHeader }).From(text);

    /// <summary>What a damaged or unreadable workbook (or text file) throws while it is read.</summary>
    private static bool Unreadable(Exception e) =>
        e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or NotSupportedException;

    private static TableFile OpenSheet(FileStream stream, int above)
    {
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().GetEnumerator();
            var skipped = 0;
            while (skipped < above && rows.MoveNext()) skipped++;
            if (!rows.MoveNext())
            {
                rows.Dispose();
                throw new ImportRefusedException(Empty);
            }
        }
        catch (Exception e) when (Unreadable(e))
        {
            throw new ImportRefusedException(new ImportProblem("เปิดไฟล์ Excel ไม่ได้ (ไฟล์เสียหรือไม่ใช่ .xlsx)", "cannot open the Excel file (damaged, or not .xlsx)"));
        }
        var first = rows.Current;
        // The header ends at its last non-blank cell; columns further right must be empty in every row.
        var columns = first.Keys.ToList();
        var width = columns.Count;
        while (width > 0 && string.IsNullOrWhiteSpace(CellText(first[columns[width - 1]]))) width--;
        if (width == 0)
        {
            rows.Dispose();
            throw new ImportRefusedException(Empty);
        }
        var names = columns.Take(width).Select(c => CellText(first[c]) ?? "").ToList();
        return new TableFile(stream, UniqueNames(names), null, rows, [.. columns], above);
    }

    /// <summary>
    /// The first sheet's name and the later sheets that hold any value. Only the first sheet is imported, and a workbook
    /// with one sheet a district would otherwise lose the others without a word; the wizard and the CLI say which they are.
    /// Null for a file that is not a readable .xlsx.
    /// </summary>
    public static (string First, IReadOnlyList<string> OthersWithData)? Sheets(string path)
    {
        if (KindOf(path) != TableKind.Xlsx) return null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var names = MiniExcel.GetSheetNames(stream);
            if (names.Count == 0) return null;
            var others = new List<string>();
            foreach (var name in names.Skip(1))
            {
                stream.Position = 0;
                var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();
                if (rows.Any(row => row.Values.Any(v => !string.IsNullOrWhiteSpace(CellText(v))))) others.Add(name);
            }
            return (names[0], others);
        }
        catch (Exception e) when (Unreadable(e))
        {
            return null;
        }
    }

    /// <summary>
    /// The separator of a CSV file, counted over its first <see cref="MaxHeaderLine"/> lines, not the first only: a title
    /// line above the table holds none.
    /// </summary>
    public static string GuessDelimiter(string path, string encoding)
    {
        using var reader = Text(File.OpenRead(path), TextEncodings.Get(encoding));
        var lines = new System.Text.StringBuilder();
        for (var i = 0; i < MaxHeaderLine && reader.ReadLine() is { } line; i++) lines.Append(line).Append('\n');
        return EncodingSniffer.DetectDelimiter(lines.ToString());
    }

    /// <summary>
    /// The line the column names are probably on: the first of the first <see cref="MaxHeaderLine"/> lines that fills at
    /// least 60 % as many cells as the fullest of them (and at least two). A title ("รายชื่อผู้สูงอายุ เขตดุสิต"), a date line
    /// and a blank line above a table fill one cell or none. 1 when the file cannot be read that way.
    /// </summary>
    public static int GuessHeaderLine(string path, TableKind kind, string encoding, string delimiter)
    {
        var filled = new List<(long Line, int Cells)>();
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (kind == TableKind.Xlsx)
            {
                var line = 0L;
                foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).Take(MaxHeaderLine))
                    filled.Add((++line, row.Values.Count(v => !string.IsNullOrWhiteSpace(CellText(v)))));
            }
            else
            {
                using var reader = CsvReader(Text(stream, TextEncodings.Get(encoding)), delimiter, hasHeader: false);
                // A row starts where the one before it ended (without a header, Sep numbers the first row's start as 2).
                var start = 1L;
                foreach (var row in reader)
                {
                    if (start > MaxHeaderLine) break;
                    var cells = 0;
                    for (var i = 0; i < row.ColCount; i++) if (!row[i].Span.IsWhiteSpace()) cells++;
                    filled.Add((start, cells));
                    start = row.LineNumberToExcl;
                }
            }
        }
        catch (Exception e) when (Unreadable(e))
        {
            return 1;
        }
        if (filled.Count == 0) return 1;
        var enough = Math.Max(2, (int)Math.Ceiling(filled.Max(f => f.Cells) * 0.6));
        return filled.FirstOrDefault(f => f.Cells >= enough) is { Line: > 0 } header ? (int)header.Line : 1;
    }

    public IEnumerable<TableRow> Rows() => csv is not null ? CsvRows(csv) : SheetRows();

    private static ImportRefusedException NeverClosed(long lastRowLine) =>
        new(new ImportProblem(StrayQuote.NeverClosedTh(lastRowLine), StrayQuote.NeverClosedEn(lastRowLine)));

    private IEnumerable<TableRow> CsvRows(SepReader reader)
    {
        var lastLine = above + 1;
        while (true)
        {
            bool more;
            try
            {
                more = reader.MoveNext();
            }
            catch (NotSupportedException)
            {
                // Sep stops a row at 16 million characters: a quote that never closed has taken the rest of the file.
                throw NeverClosed(lastLine);
            }
            if (!more) yield break;
            var cells = Copy(reader.Current, out var line, out var blank);
            lastLine = above + StrayQuote.LastLine(reader.Current.LineNumberToExcl, cells.Length > 0 ? cells[^1] : "");
            if (!blank) yield return new TableRow(above + line, cells) { LastLine = lastLine };
        }
    }

    private static string[] Copy(SepReader.Row row, out long line, out bool blank)
    {
        line = row.LineNumberFrom;
        var cells = new string[row.ColCount];
        blank = true;
        for (var i = 0; i < cells.Length; i++)
        {
            var span = row[i].Span;
            cells[i] = span.Length == 0 ? "" : span.ToString();
            if (blank && !span.IsWhiteSpace()) blank = false;
        }
        return cells;
    }

    private IEnumerable<TableRow> SheetRows()
    {
        var rowNumber = 1L + above;
        while (true)
        {
            bool more;
            try
            {
                more = sheet!.MoveNext();
            }
            catch (Exception e) when (Unreadable(e))
            {
                // A workbook damaged past its first rows (a cut download, a broken zip): say where, in the steward's words.
                throw new ImportRefusedException(new ImportProblem($"ไฟล์ Excel เสียหลังแถวที่ {rowNumber}: อ่านต่อไม่ได้ แถวก่อนหน้านั้นอ่านแล้ว บันทึกไฟล์จาก Excel ใหม่แล้วนำเข้าอีกครั้ง (แถวที่นำเข้าแล้วจะไม่ซ้ำ)",
                    $"the Excel file is damaged after row {rowNumber}: nothing after it can be read, the rows before it were; save the file from Excel again and import it again (rows already imported are not doubled)"));
            }
            if (!more) yield break;
            rowNumber++;
            var values = sheet.Current;
            var count = 0;
            var blank = true;
            var cells = new string[sheetColumns!.Length];
            foreach (var (key, value) in values)
            {
                var text = CellText(value);
                if (string.IsNullOrEmpty(text)) continue;
                blank = false;
                var index = ColumnIndex(key);
                if (index >= cells.Length) Array.Resize(ref cells, index + 1);
                cells[index] = text;
                count = Math.Max(count, index + 1);
            }
            if (blank) continue;
            var width = Math.Max(count, Header.Count);
            if (cells.Length != width) Array.Resize(ref cells, width);
            for (var i = 0; i < cells.Length; i++) cells[i] ??= "";
            yield return new TableRow(rowNumber, cells);
        }
    }

    /// <summary>"A" → 0, "AB" → 27.</summary>
    private static int ColumnIndex(string letters)
    {
        var n = 0;
        foreach (var c in letters) n = n * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return n - 1;
    }

    /// <summary>
    /// A cell as text. Numbers are written without exponent or grouping (a 13-digit ID typed as a number stays 13 digits);
    /// real Excel dates become ISO dates (CE), which the date reader understands in every convention.
    /// </summary>
    public static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string[] UniqueNames(IReadOnlyList<string> names)
    {
        var result = new string[names.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().Trim('\uFEFF').Trim();
            if (name.Length == 0) name = "คอลัมน์ " + (i + 1).ToString(CultureInfo.InvariantCulture);
            var unique = name;
            for (var k = 2; !seen.Add(unique); k++) unique = $"{name} #{k.ToString(CultureInfo.InvariantCulture)}";
            result[i] = unique;
        }
        return result;
    }

    public void Dispose()
    {
        csv?.Dispose();
        sheet?.Dispose();
        stream.Dispose();
    }
}
