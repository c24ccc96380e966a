using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Saphan.Linkage.Io;
using Saphan.Linkage.Normalisation;
using Saphan.Registry.Import;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Import;

/// <summary>Test files, sources and runners for the import tests.</summary>
internal static class ImportKit
{
    public static readonly string[] Header = ["เลขที่ทะเบียน", "คำนำหน้า", "ชื่อ", "นามสกุล", "เลขประจำตัวประชาชน", "วันเกิด", "เพศ", "โทรศัพท์"];

    /// <summary>The mapping of <see cref="Header"/>: Thai agency headers, Buddhist-era dates.</summary>
    public static SourceMapping Mapping(string source = "welfare") => new()
    {
        Source = source, RecordId = "เลขที่ทะเบียน", DateConvention = "thai",
        Columns = new ColumnMapping { Title = "คำนำหน้า", GivenName = "ชื่อ", FamilyName = "นามสกุล", CitizenId = "เลขประจำตัวประชาชน", BirthDate = "วันเกิด", Sex = "เพศ", Phone = "โทรศัพท์" },
    };

    /// <summary>A valid 13-digit ID starting with 9 (never issued by DOPA), with its check digit.</summary>
    public static string Id(long n)
    {
        var first12 = "9" + n.ToString("00000000000", CultureInfo.InvariantCulture);
        return first12 + CitizenId.CheckDigit(first12).ToString(CultureInfo.InvariantCulture);
    }

    public static string Row(long n, string? given = null, string? birth = null, string? id = null) => string.Join(",",
        $"R{n:000000}", n % 2 == 0 ? "นาย" : "นางสาว", given ?? GivenNames[(int)(n % GivenNames.Length)], FamilyNames[(int)(n / 7 % FamilyNames.Length)],
        id ?? Id(n), birth ?? $"{1 + n % 28}/{1 + n % 12}/{2490 + n % 70}", n % 2 == 0 ? "ชาย" : "หญิง", $"08{n % 100000000:00000000}");

    private static readonly string[] GivenNames = ["สมชาย", "สมหญิง", "ประเสริฐ", "มาลี", "วิชัย", "สุดา", "อนุชา", "จันทร์เพ็ญ", "ธนากร", "ปราณี"];
    private static readonly string[] FamilyNames = ["ใจดี", "ศรีสุข", "มั่นคง", "ทองดี", "บุญมา", "แก้วมณี", "สายทอง"];

    public static string Csv(IEnumerable<string> rows) => string.Join(",", Header) + "\n" + string.Join("\n", rows) + "\n";

    public static string Write(string text, Encoding encoding, string extension = ".csv")
    {
        var path = Path.Combine(Path.GetTempPath(), $"saphan-import-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text, encoding);
        return path;
    }

    public static async Task<Source> SourceAsync(TestDatabase database, string code = "welfare")
    {
        await using var db = database.OpenAsSystem();
        var source = Source.Register(code, "ทะเบียนสวัสดิการ", "Welfare register", "สำนักงานเขตดุสิต", "ผู้ขอรับสวัสดิการ", "ช่วยเหลือผู้ขอรับสวัสดิการ",
            LegalBasis.PublicTask, "พ.ร.บ.ระเบียบบริหารราชการกรุงเทพมหานคร", "steward", database.Clock.GetUtcNow());
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source;
    }

    public static ImportRunner Runner(TestDatabase database, int batch = 5000) =>
        new(database, database.Clock, Options.Create(new ImportOptions { BatchSize = batch }), NullLogger<ImportRunner>.Instance);

    /// <summary>Prepares and runs an import to the end, as the CLI does.</summary>
    public static async Task<ImportRun> ImportAsync(TestDatabase database, string path, SourceMapping? mapping = null, string encoding = "tis-620",
        int batch = 5000, string code = "welfare", string by = "steward")
    {
        var runner = Runner(database, batch);
        var prepared = await runner.PrepareAsync(new ImportRequest(code, path, Path.GetFileName(path), encoding, mapping ?? Mapping(code), by));
        return await runner.ExecuteAsync(prepared.RunId, path, link: false);
    }

    public static Encoding Tis620 => TextEncodings.Tis620;
}
