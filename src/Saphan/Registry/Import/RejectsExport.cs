using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Saphan.Linkage.Io;
using Saphan.Storage;

namespace Saphan.Registry.Import;

/// <summary>
/// The rejects file of an import run: every rejected row and every row imported with field problems, by line, with
/// the reason in Thai and English and the row's original columns, so a steward can correct the rows in Excel and import
/// them again. Cells go through <see cref="SpreadsheetSafety"/>: agency data is never run as a formula.
/// </summary>
public static class RejectsExport
{
    public static readonly string[] FixedColumns = ["line", "record_key", "outcome", "reason_th", "reason_en"];

    public static async Task<int> WriteAsync(SaphanDb db, long runId, Stream output, CancellationToken ct = default)
    {
        var rows = db.ImportRejects.AsNoTracking().Where(r => r.ImportRunId == runId).OrderBy(r => r.Line);

        // The original columns, in the order they first appear (every row of a file has the same, bar extra cells).
        var columns = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var raw in rows.Select(r => r.Raw).AsAsyncEnumerable().WithCancellation(ct))
            foreach (var (name, _) in Cells(raw))
                if (known.Add(name)) columns.Add(name);

        var count = 0;
        await using var csv = SafeCsvWriter.For(output);
        csv.Line([.. FixedColumns, .. columns]);
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.Field(r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)).Field(r.RecordKey)
                .Field(r.RowRejected ? "ปฏิเสธ / rejected" : "นำเข้าแล้ว มีปัญหาบางช่อง / imported with problems")
                .Field(r.ReasonTh).Field(r.ReasonEn);
            var cells = Cells(r.Raw).ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);
            foreach (var c in columns) csv.Field(cells.GetValueOrDefault(c));
            csv.EndLine();
            count++;
        }
        await csv.FlushAsync();
        return count;
    }

    private static IEnumerable<(string Name, string? Value)> Cells(string raw)
    {
        List<(string, string?)> cells = [];
        try
        {
            using var doc = JsonDocument.Parse(raw);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [("raw", raw)];
            foreach (var p in doc.RootElement.EnumerateObject())
                cells.Add((p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()));
        }
        catch (JsonException)
        {
            // A very long row is stored cut at 4,000 characters: give it whole as one cell.
            return [("raw", raw)];
        }
        return cells;
    }
}
