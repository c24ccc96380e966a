using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Saphan.Access;
using Saphan.Linkage;
using Saphan.Linkage.Normalisation;
using Saphan.Registry.Import;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Import;

/// <summary>The wizard's services: upload, look (encoding, header), mapping guess, preview, start — for data stewards only.</summary>
public sealed class ImportServiceTests
{
    private static (ImportService Service, ImportQueue Queue) Service(TestDatabase database, string role = Roles.DataSteward, int maxMegabytes = 10)
    {
        var options = Options.Create(new ImportOptions { MaxUploadMegabytes = maxMegabytes, Folder = Path.Combine(Path.GetTempPath(), "saphan-import-tests") });
        var data = TestViewers.DataAccessFor(database, TestViewers.User(role, district: role == Roles.DistrictOfficer ? "1002" : null, id: "user-9"));
        var queue = new ImportQueue();
        var runner = new ImportRunner(database, database.Clock, options, NullLogger<ImportRunner>.Instance);
        return (new ImportService(data, options, runner, queue, new ImportProgressBoard(), database.Clock), queue);
    }

    [Fact]
    public async Task A_title_above_the_header_is_found_and_the_guessed_mapping_starts_below_it()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var source = await ImportKit.SourceAsync(database);
        var (service, _) = Service(database);
        var bytes = ImportKit.Tis620.GetBytes("รายชื่อผู้ขอรับสวัสดิการ เขตดุสิต\nข้อมูล ณ 30 ก.ย. 2569\n" + ImportKit.Csv([ImportKit.Row(1), ImportKit.Row(2)]));
        var upload = await service.StoreUploadAsync(new MemoryStream(bytes), "ทะเบียนดุสิต.csv");
        try
        {
            var look = await service.LookAsync(upload);
            Assert.Equal((3, ",", "R000001"), (look.HeaderLine, look.Delimiter, look.FirstValues[0]));
            Assert.Equal(ImportKit.Header, look.Header);
            var mapping = ImportService.GuessMapping(source, look);
            Assert.Equal((3, "เลขที่ทะเบียน"), (mapping.HeaderLine, mapping.RecordId));
            var preview = await service.PreviewAsync(upload, look.Encoding, mapping);
            Assert.Equal([4L, 5L], preview.Rows.Select(r => r.Line));

            // The steward may say otherwise: the first line as header reads the title as column names.
            Assert.Equal("รายชื่อผู้ขอรับสวัสดิการ เขตดุสิต", (await service.LookAsync(upload, headerLine: 1)).Header[0]);
        }
        finally
        {
            File.Delete(upload.Path);
        }
    }

    [Fact]
    public async Task A_workbook_with_data_on_other_sheets_is_looked_at_with_those_sheets_named()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var (service, _) = Service(database);
        var workbook = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(workbook, new Dictionary<string, object>
        {
            ["เขตดุสิต"] = new List<Dictionary<string, object?>> { new() { ["เลขที่ทะเบียน"] = "D1", ["ชื่อ"] = "มาลี" } },
            ["เขตพระนคร"] = new List<Dictionary<string, object?>> { new() { ["เลขที่ทะเบียน"] = "P1", ["ชื่อ"] = "สมชาย" } },
        }, excelType: MiniExcelLibs.ExcelType.XLSX);
        workbook.Position = 0;

        var upload = await service.StoreUploadAsync(workbook, "ทะเบียนรายเขต.xlsx");
        try
        {
            var look = await service.LookAsync(upload);
            Assert.Equal(["เลขที่ทะเบียน", "ชื่อ"], look.Header);
            Assert.Equal(("เขตดุสิต", "เขตพระนคร"), (look.Sheets!.Value.First, Assert.Single(look.Sheets.Value.OthersWithData)));
        }
        finally
        {
            File.Delete(upload.Path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_steward_uploads_a_tis620_file_sees_it_detected_mapped_and_previewed_and_starts_the_import(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await ImportKit.SourceAsync(database);
        var (service, queue) = Service(database);
        var bytes = ImportKit.Tis620.GetBytes(ImportKit.Csv([ImportKit.Row(1, birth: "15/1/2523"), ImportKit.Row(2, birth: "31/2/2523"), ImportKit.Row(3, id: "1234567890123"), "R000004,นาย,,,,,,"]));

        var upload = await service.StoreUploadAsync(new MemoryStream(bytes), "ทะเบียนดุสิต.csv");
        try
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), upload.Hash);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(upload.Path));

            var look = await service.LookAsync(upload);
            Assert.Equal("tis-620", look.Detected!.Name);
            Assert.Equal(ImportKit.Header, look.Header);
            Assert.Equal("R000001", look.FirstValues[0]);

            var mapping = ImportService.GuessMapping(source, look);
            Assert.Equal(("เลขที่ทะเบียน", "คำนำหน้า", "ชื่อ", "นามสกุล"), (mapping.RecordId, mapping.Columns.Title, mapping.Columns.GivenName, mapping.Columns.FamilyName));
            Assert.Equal(("เลขประจำตัวประชาชน", "วันเกิด", "เพศ", "โทรศัพท์"), (mapping.Columns.CitizenId, mapping.Columns.BirthDate, mapping.Columns.Sex, mapping.Columns.Phone));

            var preview = await service.PreviewAsync(upload, look.Encoding, mapping);
            Assert.Equal([2L, 3L, 4L, 5L], preview.Rows.Select(r => r.Line));
            Assert.Equal(new PartialDate(1980, 1, 15), preview.Rows[0].Record!.BirthDate);
            Assert.Equal(("นางสาว", "สมหญิง", Sex.Female), (preview.Rows[0].Record!.Title, preview.Rows[0].Record!.GivenName, preview.Rows[0].Record!.Sex));
            Assert.Contains(preview.Rows[1].Result.Problems, p => p.Code == "birthDate.dayNotInMonth");
            Assert.Equal(CitizenIdProblem.BadCheckDigit, preview.Rows[2].Record!.CitizenId!.Value.Problem);
            Assert.NotNull(preview.Rows[3].Result.Rejection);

            var started = await service.StartAsync(source.Code, upload, look.Encoding, mapping);
            Assert.False(started.Resumed);
            Assert.True(queue.Reader.TryRead(out var job));
            Assert.Equal((started.RunId, upload.Path), (job.RunId, job.FilePath));
        }
        finally
        {
            File.Delete(upload.Path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_stewards_and_administrators_may_import_and_an_upload_over_the_limit_is_refused(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var (officer, _) = Service(database, Roles.DistrictOfficer);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => officer.SourcesAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => officer.StoreUploadAsync(new MemoryStream([1, 2, 3]), "x.csv"));
        var (executive, _) = Service(database, Roles.Executive);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => executive.SourcesAsync());

        var (admin, _) = Service(database, Roles.Administrator, maxMegabytes: 1);
        Assert.Single(await admin.SourcesAsync());
        var big = new MemoryStream(new byte[(1 << 20) + 1]);
        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => admin.StoreUploadAsync(big, "big.csv"));
        Assert.Contains("1 MB", refused.Problems[0].En, StringComparison.Ordinal);
        var wrongType = await Assert.ThrowsAsync<ImportRefusedException>(() => admin.StoreUploadAsync(new MemoryStream([1]), "people.pdf"));
        Assert.Equal("รับเฉพาะไฟล์ .csv หรือ .xlsx", wrongType.Problems[0].Th);
        Assert.Empty(Directory.GetFiles(admin.Options.Folder, "upload-*.part"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_rejects_file_lists_rows_by_line_in_thai_and_english_with_no_formula_left_unescaped(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var path = ImportKit.Write(ImportKit.Csv([ImportKit.Row(1), ImportKit.Row(2, given: "=HYPERLINK(\"http://x.example\";\"คลิก\")", birth: "15/13/2523"), "@SUM(A1),นาย,,,,,,"]), ImportKit.Tis620);
        try
        {
            var run = await ImportKit.ImportAsync(database, path);
            await using var db = database.OpenAsSystem();
            using var output = new MemoryStream();
            var lines = await RejectsExport.WriteAsync(db, run.Id, output);

            Assert.Equal(2, lines);
            var text = Encoding.UTF8.GetString(output.ToArray().AsSpan(3));
            var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("line,record_key,outcome,reason_th,reason_en,เลขที่ทะเบียน,คำนำหน้า,ชื่อ", rows[0], StringComparison.Ordinal);
            Assert.StartsWith("3,R000002,", rows[1], StringComparison.Ordinal);
            Assert.Contains("เดือนเกิน 12", rows[1], StringComparison.Ordinal);
            Assert.Contains("\"'=HYPERLINK(\"\"http://x.example\"\";\"\"คลิก\"\")\"", rows[1], StringComparison.Ordinal);
            Assert.StartsWith("4,'@SUM(A1),", rows[2], StringComparison.Ordinal);
            foreach (var cell in rows.SelectMany(r => r.Split(',')))
                Assert.False(cell.TrimStart('"').Length > 0 && "=+@".Contains(cell.TrimStart('"')[0], StringComparison.Ordinal), cell);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
