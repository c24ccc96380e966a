using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Linkage.Io;
using Saphan.Linkage.Normalisation;
using Saphan.Registry.Import;
using Saphan.Storage;

namespace Saphan.Rights;

/// <summary>A row that was not recorded, with its line and the reason in Thai and English.</summary>
public sealed record EnrolmentReject(long Line, string Thai, string English);

public sealed record EnrolmentImportResult(int Read, int Recorded, int Unchanged, IReadOnlyList<EnrolmentReject> Rejects, string Encoding, int Ended = 0)
{
    /// <summary>
    /// Every row read is recorded (new), ended (a known enrolment now has its end day), unchanged (already known) or rejected.
    /// </summary>
    public bool Balances => Read == Recorded + Ended + Unchanged + Rejects.Count;
}

/// <summary>The whole file cannot be read (no such columns, empty); the message is in Thai and English.</summary>
public sealed class EnrolmentFileException(string thai, string english) : Exception(english)
{
    public string Thai { get; } = thai;
}

/// <summary>
/// Imports an agency's list of who receives what: a CSV (UTF-8 or TIS-620, comma/tab/semicolon) or .xlsx with a
/// national ID, a scheme (code or Thai/English name) and a start date (Buddhist or Common era, Thai month names), and
/// optionally an end date; a title block above the table is passed over. Rows are matched to people by national ID; a row that cannot be matched is reported with a
/// reason and never guessed. Importing the same list again records nothing new. Data stewards only.
/// </summary>
public sealed class EnrolmentImport(DataAccess data, RightsRefresh refresh, TimeProvider clock)
{
    private static readonly string[] IdColumns = ["เลขประจำตัวประชาชน", "เลขบัตรประชาชน", "เลขบัตรประจำตัวประชาชน", "citizen_id", "citizenid", "national_id", "nationalid", "pid", "cid"];
    private static readonly string[] SchemeColumns = ["สวัสดิการ", "รหัสสวัสดิการ", "สิทธิ", "scheme", "scheme_code", "schemecode"];
    private static readonly string[] StartColumns = ["วันที่เริ่ม", "วันเริ่มรับ", "วันที่เริ่มรับ", "วันที่เริ่มรับสิทธิ", "start_date", "startdate", "start"];
    private static readonly string[] EndColumns = ["วันที่สิ้นสุด", "วันสิ้นสุด", "end_date", "enddate", "end"];

    public async Task<EnrolmentImportResult> ImportAsync(string path, string fileName, CancellationToken ct = default)
    {
        var viewer = await data.ScopeAsync();
        if (!viewer.SeesEveryone || viewer.UserId is null || viewer.AggregatesOnly)
            throw new EnrolmentFileException("เฉพาะผู้ดูแลข้อมูลนำเข้ารายชื่อผู้ได้รับสิทธิ์ได้", "only data stewards import enrolment lists");
        var kind = TableFile.KindOf(fileName);
        var encoding = kind == TableKind.Csv ? EncodingSniffer.Detect(path).Name : "utf-8";
        var delimiter = kind == TableKind.Csv ? TableFile.GuessDelimiter(path, encoding) : ",";
        TableFile table;
        try
        {
            // Lists saved from Excel often have a title block above the table ("รายชื่อผู้รับเบี้ยความพิการ ณ ต.ค. 2569"); rows
            // keep their line numbers in the file, so a reject's line is the line the steward finds.
            table = TableFile.Open(path, kind, encoding, delimiter, TableFile.GuessHeaderLine(path, kind, encoding, delimiter));
        }
        catch (ImportRefusedException e)
        {
            throw Unreadable(e);
        }
        using var _ = table;
        var header = table.Header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string[] names) => header.FindIndex(names.Contains);
        int idColumn = Column(IdColumns), schemeColumn = Column(SchemeColumns), startColumn = Column(StartColumns), endColumn = Column(EndColumns);
        if (idColumn < 0 || schemeColumn < 0 || startColumn < 0)
            throw new EnrolmentFileException(
                "ไม่พบคอลัมน์ที่ต้องมี: เลขประจำตัวประชาชน, สวัสดิการ (รหัส), วันที่เริ่มรับ",
                "required columns not found: citizen_id, scheme, start_date");

        await using var db = await data.OpenAsync("/rights/enrolments/import", $"import enrolments {fileName}");
        var schemes = await db.RightsSchemes.AsNoTracking().ToListAsync(ct);
        var schemeByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in schemes)
        {
            schemeByName[s.Code] = s.Code;
            schemeByName[ThaiText.Normalise(s.NameTh)] = s.Code;
            schemeByName[s.NameEn] = s.Code;
        }
        var peopleById = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        await foreach (var p in db.People.AsNoTracking().Where(p => p.CitizenId != null).Select(p => new { p.Id, p.CitizenId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (p.CitizenId is not { IsValid: true } cid) continue;
            if (!peopleById.TryGetValue(cid.Digits, out var list)) peopleById[cid.Digits] = list = [];
            list.Add(p.Id);
        }
        // A known enrolment is its person, scheme and start day; the agency re-sends its list with an end day for those who stopped.
        var known = (await db.Enrolments.AsNoTracking().Select(e => new { e.Id, e.PersonId, e.SchemeCode, e.StartDate, e.EndDate }).ToListAsync(ct))
            .ToDictionary(e => (e.PersonId, e.SchemeCode, e.StartDate), e => (Id: (long?)e.Id, e.EndDate));

        var now = clock.GetUtcNow();
        var rejects = new List<EnrolmentReject>();
        var touched = new HashSet<Guid>();
        int read = 0, recorded = 0, ended = 0, unchanged = 0;
        var ending = new List<(long Id, DateOnly EndsOn, long Line)>(); // known enrolments the file ends, in file order
        var separator = SourceMapping.SeparatorOf(delimiter);
        // Nothing is saved before the end: a file that cannot be read to its end (a quote that never closes, a damaged
        // workbook) records nothing, and says why.
        try
        {
            foreach (var row in table.Rows())
            {
                read++;
                string Cell(int i) => i >= 0 && i < row.Cells.Length ? row.Cells[i].Trim() : "";
                void Reject(string th, string en) => rejects.Add(new EnrolmentReject(row.Line, th, en));

                if (row.TookOtherRows(table.Header.Count, separator))
                {
                    Reject(StrayQuote.Th(row.Line, row.LastLine), StrayQuote.En(row.Line, row.LastLine));
                    continue;
                }

                var idText = Cell(idColumn);
                if (idText.Length == 0) { Reject("ไม่มีเลขประจำตัวประชาชน", "no national ID"); continue; }
                var id = CitizenId.Parse(idText);
                if (!id.IsValid)
                {
                    Reject($"เลขประจำตัวประชาชนไม่ถูกต้อง ({Problem(id.Problem, true)}): {id.Masked}", $"invalid national ID ({Problem(id.Problem, false)}): {id.Masked}");
                    continue;
                }
                var schemeText = Cell(schemeColumn);
                if (!schemeByName.TryGetValue(ThaiText.Normalise(schemeText), out var schemeCode) && !schemeByName.TryGetValue(schemeText, out schemeCode))
                {
                    Reject($"ไม่รู้จักสวัสดิการ '{schemeText}'", $"unknown scheme '{schemeText}'");
                    continue;
                }
                if (!ReadDate(Cell(startColumn), out var start, out var startProblem))
                {
                    Reject($"อ่านวันที่เริ่มรับไม่ได้ '{Cell(startColumn)}' ({startProblem.Th})", $"cannot read the start date '{Cell(startColumn)}' ({startProblem.En})");
                    continue;
                }
                DateOnly? end = null;
                if (Cell(endColumn).Length > 0)
                {
                    if (!ReadDate(Cell(endColumn), out var e, out var endProblem))
                    {
                        Reject($"อ่านวันที่สิ้นสุดไม่ได้ '{Cell(endColumn)}' ({endProblem.Th})", $"cannot read the end date '{Cell(endColumn)}' ({endProblem.En})");
                        continue;
                    }
                    if (e < start) { Reject("วันที่สิ้นสุดอยู่ก่อนวันที่เริ่มรับ", "the end date is before the start date"); continue; }
                    end = e;
                }
                if (!peopleById.TryGetValue(id.Digits, out var matches))
                {
                    Reject($"ไม่พบบุคคลที่มีเลขประจำตัวประชาชน {id.Masked} ในทะเบียน", $"no person with national ID {id.Masked} in the registry");
                    continue;
                }
                if (matches.Count > 1)
                {
                    Reject($"พบ {matches.Count} คนที่มีเลขประจำตัวประชาชน {id.Masked} — รอผู้ดูแลข้อมูลตรวจการเชื่อมโยงก่อน",
                        $"{matches.Count} people have national ID {id.Masked}: a data steward must resolve the linkage first");
                    continue;
                }
                var personId = matches[0];
                if (known.TryGetValue((personId, schemeCode, start), out var before))
                {
                    if (end is not { } endsOn || before.EndDate == endsOn) { unchanged++; continue; }
                    if (before.Id is { } existingId) ending.Add((existingId, endsOn, row.Line));
                    else
                    {
                        // Recorded earlier in this file: saved with its end day.
                        db.Enrolments.Local.Single(e => e.PersonId == personId && e.SchemeCode == schemeCode && e.StartDate == start).End(endsOn);
                    }
                    known[(personId, schemeCode, start)] = before with { EndDate = endsOn };
                    touched.Add(personId);
                    ended++;
                    continue;
                }
                var enrolment = Enrolment.Record(personId, schemeCode, start, fileName, row.Line, viewer.UserName, now);
                if (end is { } until) enrolment.End(until);
                db.Enrolments.Add(enrolment);
                known[(personId, schemeCode, start)] = (null, end);
                touched.Add(personId);
                recorded++;
            }
        }
        catch (ImportRefusedException e)
        {
            throw Unreadable(e);
        }
        // The known enrolments the file ends, read in one query rather than one a row.
        var endingIds = ending.Select(x => x.Id).Distinct().ToList();
        var toEnd = endingIds.Count == 0 ? [] : await db.Enrolments.Where(e => endingIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        foreach (var (existingId, endsOn, line) in ending)
        {
            toEnd[existingId].End(endsOn);
            db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Update, "Enrolment", existingId.ToString(CultureInfo.InvariantCulture),
                "/rights/enrolments/import", $"ended on {endsOn:yyyy-MM-dd} by {fileName} line {line}"));
        }
        db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Create, "Enrolment", fileName, "/rights/enrolments/import",
            $"imported {recorded} enrolments ({read} rows, {ended} ended, {unchanged} unchanged, {rejects.Count} rejected)"));
        await db.SaveChangesAsync(ct);
        if (recorded + ended > 0) await refresh.RefreshAllAsync(ct);
        return new EnrolmentImportResult(read, recorded, unchanged, rejects, encoding, ended);
    }

    /// <summary>The file cannot be read (a refused file, a quote that never closes, a damaged workbook), in Thai and English.</summary>
    private static EnrolmentFileException Unreadable(ImportRefusedException e) =>
        new(string.Join("; ", e.Problems.Select(x => x.Th)), string.Join("; ", e.Problems.Select(x => x.En)));

    private static bool ReadDate(string text, out DateOnly date, out (string Th, string En) problem)
    {
        date = default;
        problem = ("", "");
        if (!ThaiDateParser.TryParse(text, DateConvention.Thai, out var partial, out var why))
        {
            problem = why switch
            {
                DateProblem.Empty => ("ว่าง", "empty"),
                DateProblem.MonthOutOfRange => ("เดือนเกิน 12", "month above 12"),
                DateProblem.DayOutOfRange or DateProblem.DayNotInMonth or DateProblem.NotALeapYear => ("ไม่มีวันที่นี้ในปฏิทิน", "no such day in the calendar"),
                DateProblem.YearOutOfRange => ("ปีไม่อยู่ในช่วงที่เป็นไปได้", "year out of range"),
                _ => ("รูปแบบวันที่ไม่ถูกต้อง", "not a date"),
            };
            return false;
        }
        if (partial.ToDateOnly() is not { } full)
        {
            problem = ("ต้องระบุวัน เดือน ปี ให้ครบ", "day, month and year are all needed");
            return false;
        }
        date = full;
        return true;
    }

    private static string Problem(CitizenIdProblem problem, bool thai) => (problem, thai) switch
    {
        (CitizenIdProblem.WrongLength, true) => "ไม่ครบ 13 หลัก",
        (CitizenIdProblem.WrongLength, false) => "not 13 digits",
        (CitizenIdProblem.BadCheckDigit, true) => "เลขตรวจสอบหลักสุดท้ายไม่ถูกต้อง",
        (CitizenIdProblem.BadCheckDigit, false) => "wrong check digit",
        (CitizenIdProblem.StartsWithZero, true) => "ขึ้นต้นด้วย 0",
        (CitizenIdProblem.StartsWithZero, false) => "starts with 0",
        (_, true) => "มีอักขระที่ไม่ใช่ตัวเลข",
        _ => "not digits",
    };
}
