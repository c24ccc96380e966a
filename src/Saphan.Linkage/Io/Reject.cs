using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Io;

/// <summary>What happened to a bad row or field.</summary>
public enum RejectAction
{
    /// <summary>The row was not linked (it is counted as rejected).</summary>
    RowRejected,

    /// <summary>The row was linked without this field (the field was unreadable or impossible).</summary>
    FieldIgnored,

    /// <summary>A problem with the whole file (a missing optional column); the rows are still read.</summary>
    FileWarning,
}

/// <summary>One line of rejects.csv: where, what, and why in Thai and English.</summary>
public sealed record Reject(string File, long Line, string? RecordId, RejectAction Action, string? Field, string ReasonTh, string ReasonEn, string? Value = null);

/// <summary>The reasons, in one place so that Thai and English stay in step.</summary>
internal static class Reasons
{
    public static Reject EmptyFile(string file) => new(file, 0, null, RejectAction.FileWarning, null, "ไฟล์ว่าง ไม่มีหัวตารางหรือข้อมูล", "empty file: no header and no rows");

    public static Reject MissingColumn(string file, string field, string column, bool fatal) => new(file, 1, null, RejectAction.FileWarning, field,
        fatal ? $"ไม่พบคอลัมน์ \"{column}\" ที่จำเป็น ทุกแถวของไฟล์นี้ถูกปฏิเสธ" : $"ไม่พบคอลัมน์ \"{column}\" จะอ่านข้อมูลโดยไม่มีช่องนี้",
        fatal ? $"required column \"{column}\" ({field}) not in the header: every row of this file is rejected" : $"column \"{column}\" ({field}) not in the header: read without it");

    public static Reject NoMapping(string file) => new(file, 0, null, RejectAction.FileWarning, null, "ไม่มีการจับคู่คอลัมน์สำหรับไฟล์นี้ในไฟล์ mapping", "no source in the mapping file describes this file");

    public static Reject WrongEncodingFile(string file, string declared, string looksLike) => new(file, 0, null, RejectAction.FileWarning, null,
        $"การเข้ารหัสไม่ตรง: ประกาศเป็น {declared} แต่ไฟล์ดูเหมือน {looksLike}", $"encoding mismatch: declared {declared} but the file looks like {looksLike}");

    public static Reject MissingRequiredColumnRow(string file, long line, string column) => new(file, line, null, RejectAction.RowRejected, null,
        $"ไฟล์ไม่มีคอลัมน์ \"{column}\" ที่จำเป็น", $"the file has no required column \"{column}\"");

    public static Reject BadEncoding(string file, long line, string? id) => new(file, line, id, RejectAction.RowRejected, null,
        "อ่านตัวอักษรไม่ได้ (การเข้ารหัสไฟล์ผิด เช่น TIS-620 กับ UTF-8)", "unreadable characters: wrong encoding (e.g. TIS-620 read as UTF-8)");

    public static Reject StrayQuote(string file, long line, string? id, long lastLine) => new(file, line, id, RejectAction.RowRejected, null,
        Io.StrayQuote.Th(line, lastLine), Io.StrayQuote.En(line, lastLine));

    public static Reject NeverClosedQuote(string file, long lastRowLine) => new(file, lastRowLine + 1, null, RejectAction.FileWarning, null,
        Io.StrayQuote.NeverClosedTh(lastRowLine), Io.StrayQuote.NeverClosedEn(lastRowLine));

    public static Reject ColumnCount(string file, long line, string? id, int expected, int actual) => new(file, line, id, RejectAction.RowRejected, null,
        $"จำนวนคอลัมน์ไม่ตรงกับหัวตาราง (คาด {expected} พบ {actual})", $"column count {actual} does not match the header's {expected}");

    public static Reject NoRecordId(string file, long line) => new(file, line, null, RejectAction.RowRejected, "recordId",
        "ไม่มีรหัสระเบียน", "no record id");

    public static Reject DuplicateRecordId(string file, long line, string id) => new(file, line, id, RejectAction.RowRejected, "recordId",
        "รหัสระเบียนซ้ำกับแถวก่อนหน้าในแหล่งเดียวกัน", "record id already used by an earlier row of this source");

    /// <summary>A row or field problem found by the <see cref="Normaliser"/>, with its Thai and English messages.</summary>
    public static Reject Problem(string file, long line, string recordId, RejectAction action, FieldProblem problem) =>
        new(file, line, recordId, action, problem.Field, problem.MessageTh, problem.MessageEn, problem.Value);
}
