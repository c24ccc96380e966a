using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Saphan.Audit;
using Saphan.Linkage.Io;
using Saphan.Registry.Import;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Import;

public sealed class ImportRunnerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_tis620_file_is_imported_with_provenance_and_buddhist_era_dates(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await ImportKit.SourceAsync(database);
        var path = ImportKit.Write(ImportKit.Csv(Enumerable.Range(1, 30).Select(n => ImportKit.Row(n, birth: n == 3 ? "15/1/2523" : null))), ImportKit.Tis620);
        try
        {
            var run = await ImportKit.ImportAsync(database, path, by: "steward.dusit");

            Assert.Equal(ImportStatus.Completed, run.Status);
            Assert.Equal((30L, 30L, 0L, 0L, 0L), (run.Read, run.New, run.Updated, run.Unchanged, run.Rejected));
            await using var db = database.OpenAsSystem();
            var third = await db.SourceRecords.SingleAsync(r => r.RecordKey == "R000003");
            Assert.Equal(new DateOnly(1980, 1, 15), third.BirthDate);
            Assert.Equal(("นางสาว", "มาลี"), (third.Title, third.GivenName));
            Assert.Equal((source.Id, 1, 4L, Path.GetFileName(path), "steward.dusit", run.Id), (third.SourceId, third.Version, third.Line, third.FileName, third.ImportedBy, third.ImportRunId));
            Assert.Equal(database.Clock.GetUtcNow(), third.ImportedAt);
            Assert.Contains("\"วันเกิด\":\"15/1/2523\"", third.RawJson, StringComparison.Ordinal);
            // The source remembers the mapping for the next file.
            Assert.Equal("เลขที่ทะเบียน", ImportMapping.FromJson((await db.Sources.SingleAsync()).MappingProfile!).RecordId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Nicknames_and_disability_cards_are_stored_with_the_record_and_an_unreadable_card_is_reported(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var header = string.Join(",", ImportKit.Header) + ",ชื่อเล่น,บัตรคนพิการ\n";
        var rows = new[] { ImportKit.Row(1) + ",ต้อม,มี", ImportKit.Row(2) + ",,ไม่มี", ImportKit.Row(3) + ",แดง,อาจจะ" };
        var path = ImportKit.Write(header + string.Join("\n", rows) + "\n", ImportKit.Tis620);
        try
        {
            var mapping = ImportMapping.WithColumn(ImportMapping.WithColumn(ImportKit.Mapping(), "nickname", "ชื่อเล่น"), "disabilityCard", "บัตรคนพิการ");
            var run = await ImportKit.ImportAsync(database, path, mapping);

            Assert.Equal((3L, 3L, 0L), (run.Read, run.New, run.Rejected));
            await using var db = database.OpenAsSystem();
            var records = await db.SourceRecords.OrderBy(r => r.RecordKey).Select(r => new { r.Nickname, r.HasDisabilityCard, r.Problems }).ToListAsync();
            Assert.Equal([("ต้อม", (bool?)true), (null, false), ("แดง", null)], records.Select(r => (r.Nickname, r.HasDisabilityCard)));
            Assert.Equal("disabilityCard:disabilityCard.unreadable", records[2].Problems);
            var reported = await db.ImportRejects.SingleAsync();
            Assert.Equal((4L, false), (reported.Line, reported.RowRejected));
            Assert.Contains("บัตรคนพิการ", reported.ReasonTh, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_file_twice_is_all_unchanged_and_adds_no_record(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var path = ImportKit.Write(ImportKit.Csv(Enumerable.Range(1, 40).Select(n => ImportKit.Row(n))), ImportKit.Tis620);
        try
        {
            var first = await ImportKit.ImportAsync(database, path, batch: 15);
            var second = await ImportKit.ImportAsync(database, path, batch: 15);

            Assert.Equal(40, first.New);
            Assert.NotEqual(first.Id, second.Id);
            Assert.Equal(first.FileHash, second.FileHash);
            Assert.Equal((40L, 0L, 0L, 40L, 0L), (second.Read, second.New, second.Updated, second.Unchanged, second.Rejected));
            await using var db = database.OpenAsSystem();
            Assert.Equal(40, await db.SourceRecords.CountAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_changed_row_makes_version_2_and_keeps_version_1(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var before = ImportKit.Write(ImportKit.Csv(Enumerable.Range(1, 10).Select(n => ImportKit.Row(n))), ImportKit.Tis620);
        // A later file: row 4 changed its given name, row 11 is new, rows 9 and 10 are missing (kept, not deleted).
        var after = ImportKit.Write(ImportKit.Csv(Enumerable.Range(1, 8).Select(n => ImportKit.Row(n, given: n == 4 ? "วิไลวรรณ" : null)).Append(ImportKit.Row(11))), ImportKit.Tis620);
        try
        {
            await ImportKit.ImportAsync(database, before);
            var run = await ImportKit.ImportAsync(database, after);

            Assert.Equal((9L, 1L, 1L, 7L, 0L), (run.Read, run.New, run.Updated, run.Unchanged, run.Rejected));
            await using var db = database.OpenAsSystem();
            var versions = await db.SourceRecords.Where(r => r.RecordKey == "R000004").OrderBy(r => r.Version).ToListAsync();
            Assert.Equal([1, 2], versions.Select(v => v.Version));
            Assert.Equal(("วิชัย", "วิไลวรรณ"), (versions[0].GivenName, versions[1].GivenName));
            Assert.NotEqual(versions[0].ContentHash, versions[1].ContentHash);
            Assert.Equal(run.Id, versions[1].ImportRunId);
            Assert.NotEqual(run.Id, versions[0].ImportRunId);
            Assert.Equal(12, await db.SourceRecords.CountAsync());
        }
        finally
        {
            File.Delete(before);
            File.Delete(after);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_first_import_overtaken_by_another_file_into_the_same_source_versions_the_rows_that_file_added(StorageProvider provider)
    {
        // The first import of a source does not look up earlier versions (there are none) — until another run writes to the source.
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var first = ImportKit.Write(ImportKit.Csv(Enumerable.Range(1, 40).Select(n => ImportKit.Row(n))), ImportKit.Tis620);
        var other = ImportKit.Write(ImportKit.Csv(Enumerable.Range(21, 10).Select(n => ImportKit.Row(n, given: n == 25 ? "วิไลวรรณ" : null))), ImportKit.Tis620);
        try
        {
            var runner = ImportKit.Runner(database, batch: 10);
            var prepared = await runner.PrepareAsync(new ImportRequest("welfare", first, "first.csv", "tis-620", ImportKit.Mapping(), "steward"));
            ImportRun? overtaking = null;
            var progress = new SyncProgress(p =>
            {
                if (p.Read == 10 && overtaking is null) overtaking = ImportKit.ImportAsync(database, other, batch: 10).GetAwaiter().GetResult();
            });
            var run = await runner.ExecuteAsync(prepared.RunId, first, progress, link: false);

            Assert.Equal((10L, 10L, 0L), (overtaking!.Read, overtaking.New, overtaking.Unchanged));
            // Rows 21–30 met the other file's versions: 25 differs (version 2), the other nine are unchanged.
            Assert.Equal((40L, 30L, 1L, 9L, 0L), (run.Read, run.New, run.Updated, run.Unchanged, run.Rejected));
            await using var db = database.OpenAsSystem();
            Assert.Equal(41, await db.SourceRecords.CountAsync());
            var row25 = await db.SourceRecords.Where(r => r.RecordKey == "R000025").OrderBy(r => r.Version).Select(r => new { r.Version, r.GivenName, r.ImportRunId }).ToListAsync();
            Assert.Equal([(1, "วิไลวรรณ", overtaking.Id), (2, "สุดา", run.Id)], row25.Select(r => (r.Version, r.GivenName, r.ImportRunId)));
        }
        finally
        {
            File.Delete(first);
            File.Delete(other);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Malformed_rows_are_reported_by_line_and_the_import_goes_on_with_counts_that_add_up(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        string[] rows =
        [
            ImportKit.Row(1),                                   // line 2: fine
            ImportKit.Row(2, birth: "15/13/2523"),              // line 3: month 13, imported without a birth date
            ImportKit.Row(3, birth: "64/1/2523"),               // line 4: day 64
            ImportKit.Row(4, id: "12345"),                      // line 5: a 5-digit ID, kept and flagged
            ImportKit.Row(5)[ImportKit.Row(5).IndexOf(',', StringComparison.Ordinal)..], // line 6: no record key
            "R000006,นาย,สมชาย",                               // line 7: wrong column count
            ImportKit.Row(1, given: "ซ้ำ"),                     // line 8: key R000001 again
            "R000009,นาย,,,,1/1/2500,ชาย,",                    // line 9: no name and no ID
            ImportKit.Row(10),                                  // line 10: fine
        ];
        var path = ImportKit.Write(ImportKit.Csv(rows), ImportKit.Tis620);
        try
        {
            var run = await ImportKit.ImportAsync(database, path, batch: 4);

            Assert.Equal((9L, 5L, 0L, 0L, 4L), (run.Read, run.New, run.Updated, run.Unchanged, run.Rejected));
            Assert.True(run.CountsAddUp);
            Assert.Equal(10, run.CommittedLine);
            await using var db = database.OpenAsSystem();
            var rejects = await db.ImportRejects.Where(r => r.ImportRunId == run.Id).OrderBy(r => r.Line).ToListAsync();
            Assert.Equal([6L, 7L, 8L, 9L], rejects.Where(r => r.RowRejected).Select(r => r.Line));
            Assert.Equal([3L, 4L, 5L], rejects.Where(r => !r.RowRejected).Select(r => r.Line));
            Assert.Contains("เดือนเกิน 12", rejects.Single(r => r.Line == 3).ReasonTh, StringComparison.Ordinal);
            Assert.Contains("day above 31", rejects.Single(r => r.Line == 4).ReasonEn, StringComparison.Ordinal);
            Assert.Contains("5 digits", rejects.Single(r => r.Line == 5).ReasonEn, StringComparison.Ordinal);
            Assert.Equal("ไม่มีรหัสระเบียน", rejects.Single(r => r.Line == 6).ReasonTh);
            Assert.Contains("header has 8", rejects.Single(r => r.Line == 7).ReasonEn, StringComparison.Ordinal);
            Assert.Contains("already used by an earlier row", rejects.Single(r => r.Line == 8).ReasonEn, StringComparison.Ordinal);
            Assert.Contains("no name and no identifier", rejects.Single(r => r.Line == 9).ReasonEn, StringComparison.Ordinal);
            var kept = await db.SourceRecords.SingleAsync(r => r.RecordKey == "R000002");
            Assert.Null(kept.BirthDate);
            Assert.Contains("birthDate.monthOutOfRange", kept.Problems, StringComparison.Ordinal);
            Assert.Equal("สมหญิง", (await db.SourceRecords.SingleAsync(r => r.RecordKey == "R000001")).GivenName);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_quote_that_never_closes_in_a_large_file_stops_the_import_with_a_reason_and_keeps_the_rows_before_it(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var path = ImportKit.Write(ImportKit.Csv([ImportKit.Row(1), ImportKit.Row(2), ImportKit.Row(3, given: "\"สมชาย")]), ImportKit.Tis620);
        await using (var rest = new StreamWriter(path, append: true, ImportKit.Tis620))
        {
            // More than the reader's 16 million characters a row, all inside the open quote.
            var line = new string('x', 99) + "\n";
            for (var i = 0; i < 170_000; i++) await rest.WriteAsync(line);
        }
        try
        {
            var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => ImportKit.ImportAsync(database, path, batch: 2));

            Assert.Contains("opened after line 3 is never closed", refused.Problems[0].En, StringComparison.Ordinal);
            await using var db = database.OpenAsSystem();
            var run = await db.ImportRuns.SingleAsync();
            Assert.Equal(ImportStatus.Failed, run.Status);
            Assert.Contains("ไม่ได้ปิดเลย", run.Failure, StringComparison.Ordinal);
            Assert.Equal(["R000001", "R000002"], await db.SourceRecords.Select(r => r.RecordKey).OrderBy(k => k).ToListAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_a_title_above_its_header_is_imported_with_rows_numbered_by_their_lines(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var text = "รายชื่อผู้ขอรับสวัสดิการ เขตดุสิต\n\n" + ImportKit.Csv([ImportKit.Row(1), "R000002,นาย,สมชาย", ImportKit.Row(3)]);
        var path = ImportKit.Write(text, ImportKit.Tis620);
        try
        {
            var run = await ImportKit.ImportAsync(database, path, ImportKit.Mapping() with { HeaderLine = 3 });

            Assert.Equal((3L, 2L, 1L), (run.Read, run.New, run.Rejected));
            await using var db = database.OpenAsSystem();
            Assert.Equal(5, (await db.ImportRejects.SingleAsync(r => r.ImportRunId == run.Id)).Line);
            Assert.Equal([4L, 6L], await db.SourceRecords.OrderBy(r => r.Line).Select(r => r.Line).ToListAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stray_quote_is_reported_with_the_lines_it_took_and_the_rows_after_it_are_imported(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var twoLinePhone = ImportKit.Row(6)[..ImportKit.Row(6).LastIndexOf(',')] + ",\"0812\n3456\"";
        string[] rows =
        [
            ImportKit.Row(1),                                   // line 2: fine
            ImportKit.Row(2, given: "\"สมหญิง"),               // line 3: a quote opens…
            ImportKit.Row(3),                                   // line 4: …takes this row…
            ImportKit.Row(4, given: "มาลี\""),                 // line 5: …and closes here: lines 3–5 are one row
            ImportKit.Row(5),                                   // line 6: fine
            twoLinePhone,                                       // lines 7–8: a quoted cell on two lines, fine
            ImportKit.Row(7),                                   // line 9: fine
            ImportKit.Row(8, given: "\"วิชัย"),                // line 10: a quote that never closes takes lines 10–12
            ImportKit.Row(9),
            ImportKit.Row(10),
        ];
        var path = ImportKit.Write(ImportKit.Csv(rows), ImportKit.Tis620);
        try
        {
            var run = await ImportKit.ImportAsync(database, path, batch: 3);

            Assert.Equal((6L, 4L, 0L, 2L), (run.Read, run.New, run.Unchanged, run.Rejected));
            Assert.True(run.CountsAddUp);
            await using var db = database.OpenAsSystem();
            var rejects = await db.ImportRejects.Where(r => r.ImportRunId == run.Id && r.RowRejected).OrderBy(r => r.Line).ToListAsync();
            Assert.Equal([3L, 10L], rejects.Select(r => r.Line));
            Assert.Contains("opened on line 3 made lines 3–5 (3 lines) read as one row, which was not imported", rejects[0].ReasonEn, StringComparison.Ordinal);
            Assert.Contains("เปิดในบรรทัด 10 ทำให้บรรทัด 10–12 (3 บรรทัด)", rejects[1].ReasonTh, StringComparison.Ordinal);
            Assert.Equal(["R000001", "R000005", "R000006", "R000007"], await db.SourceRecords.Select(r => r.RecordKey).OrderBy(k => k).ToListAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_empty_file_or_a_missing_mapped_column_is_refused_before_anything_is_written(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var empty = ImportKit.Write("", new UTF8Encoding(true));
        var headerOnly = ImportKit.Write(ImportKit.Csv([]), ImportKit.Tis620);
        var noBirth = ImportKit.Write(ImportKit.Csv([ImportKit.Row(1)]).Replace("วันเกิด", "วันที่", StringComparison.Ordinal), ImportKit.Tis620);
        try
        {
            var e1 = await Assert.ThrowsAsync<ImportRefusedException>(() => ImportKit.ImportAsync(database, empty));
            Assert.Equal("ไฟล์ว่าง ไม่มีหัวตารางหรือข้อมูล", e1.Problems[0].Th);
            var e2 = await Assert.ThrowsAsync<ImportRefusedException>(() => ImportKit.ImportAsync(database, headerOnly));
            Assert.Equal("the file has a header but no rows", e2.Problems[0].En);
            var e3 = await Assert.ThrowsAsync<ImportRefusedException>(() => ImportKit.ImportAsync(database, noBirth));
            Assert.Contains("\"วันเกิด\"", e3.Problems[0].Th, StringComparison.Ordinal);
            Assert.Contains("birth date", e3.Problems[0].En, StringComparison.Ordinal);
            var e4 = await Assert.ThrowsAsync<ImportRefusedException>(() => ImportKit.ImportAsync(database, headerOnly, code: "no-such-source"));
            Assert.Contains("no source with code", e4.Problems[0].En, StringComparison.Ordinal);

            await using var db = database.OpenAsSystem();
            Assert.Equal(0, await db.ImportRuns.CountAsync());
            Assert.Equal(0, await db.SourceRecords.CountAsync());
        }
        finally
        {
            File.Delete(empty);
            File.Delete(headerOnly);
            File.Delete(noBirth);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_interrupted_import_resumes_after_its_last_committed_batch_with_nothing_lost_or_doubled(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var rows = Enumerable.Range(1, 100).Select(n => ImportKit.Row(n)).ToList();
        rows[59] = ImportKit.Row(3); // line 61 repeats key R000003 (line 4), which the resumed run has to remember
        var path = ImportKit.Write(ImportKit.Csv(rows), ImportKit.Tis620);
        try
        {
            var runner = ImportKit.Runner(database, batch: 20);
            var prepared = await runner.PrepareAsync(new ImportRequest("welfare", path, "f.csv", "tis-620", ImportKit.Mapping(), "steward"));
            using var stop = new CancellationTokenSource();
            var progress = new SyncProgress(p => { if (p.Read >= 40) stop.Cancel(); });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.ExecuteAsync(prepared.RunId, path, progress, link: false, stop.Token));

            await using (var db = database.OpenAsSystem())
            {
                var cut = await db.ImportRuns.SingleAsync();
                Assert.Equal(ImportStatus.Failed, cut.Status);
                Assert.InRange(cut.Read, 40, 99);
                Assert.Equal(cut.Read + 1, cut.CommittedLine);
                Assert.Equal(cut.New, await db.SourceRecords.CountAsync());
            }

            var again = await runner.PrepareAsync(new ImportRequest("welfare", path, "f.csv", "tis-620", ImportKit.Mapping(), "steward"));
            Assert.True(again.Resumed);
            Assert.Equal(prepared.RunId, again.RunId);
            var done = await runner.ExecuteAsync(again.RunId, path, link: false);

            Assert.Equal((100L, 99L, 0L, 0L, 1L), (done.Read, done.New, done.Updated, done.Unchanged, done.Rejected));
            await using var check = database.OpenAsSystem();
            Assert.Equal(99, await check.SourceRecords.CountAsync());
            Assert.Equal(99, await check.SourceRecords.Select(r => r.RecordKey).Distinct().CountAsync());
            Assert.Equal(61, (await check.ImportRejects.SingleAsync(r => r.RowRejected)).Line);
            // One audit row per committed batch: 5 batches of 20 rows.
            Assert.Equal(5, await check.AuditLog.CountAsync(a => a.RecordType == "ImportBatch" && a.Action == AuditAction.Create));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_xlsx_file_with_real_dates_numbers_and_buddhist_era_text_is_imported(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database, "disability");
        var path = Path.Combine(Path.GetTempPath(), $"saphan-import-{Guid.NewGuid():N}.xlsx");
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["ref"] = "D1", ["คำนำหน้า"] = "นาง", ["ชื่อ"] = "มาลี", ["นามสกุล"] = "ศรีสุข", ["pid"] = double.Parse(ImportKit.Id(5), System.Globalization.CultureInfo.InvariantCulture), ["birth_date"] = new DateTime(1950, 3, 1) },
            new() { ["ref"] = "D2", ["คำนำหน้า"] = "นาย", ["ชื่อ"] = "=1+1", ["นามสกุล"] = "ทองดี", ["pid"] = ImportKit.Id(6), ["birth_date"] = "15 ม.ค. 2523" },
            new() { ["ref"] = null, ["คำนำหน้า"] = null, ["ชื่อ"] = null, ["นามสกุล"] = null, ["pid"] = null, ["birth_date"] = null },
            new() { ["ref"] = "D3", ["คำนำหน้า"] = "นาย", ["ชื่อ"] = "อนุชา", ["นามสกุล"] = "บุญมา", ["pid"] = null, ["birth_date"] = "1/2/2510" },
        };
        await MiniExcel.SaveAsAsync(path, rows);
        var mapping = new SourceMapping
        {
            Source = "disability", RecordId = "ref",
            Columns = new ColumnMapping { Title = "คำนำหน้า", GivenName = "ชื่อ", FamilyName = "นามสกุล", CitizenId = "pid", BirthDate = "birth_date" },
        };
        try
        {
            var run = await ImportKit.ImportAsync(database, path, mapping, encoding: "utf-8", code: "disability");

            Assert.Equal((3L, 3L, 0L), (run.Read, run.New, run.Rejected));
            await using var db = database.OpenAsSystem();
            var records = await db.SourceRecords.OrderBy(r => r.RecordKey).ToListAsync();
            Assert.Equal(ImportKit.Id(5), records[0].CitizenId!.Value.Digits);
            Assert.Equal(new DateOnly(1950, 3, 1), records[0].BirthDate);
            Assert.Equal(new DateOnly(1980, 1, 15), records[1].BirthDate);
            Assert.Equal(new DateOnly(1967, 2, 1), records[2].BirthDate);
            Assert.Equal(5L, records[2].Line); // the blank Excel row 4 is skipped, not renumbered
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and report late).</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
