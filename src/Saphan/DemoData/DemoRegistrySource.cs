using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Saphan.Linkage;
using Saphan.Linkage.Normalisation;
using Saphan.Registry;
using Saphan.Registry.Sources;
using Saphan.Storage;

namespace Saphan.DemoData;

/// <summary>
/// Gives every demo person the agency record they would have come from (a synthetic combined district register), so that
/// demo people have provenance like imported ones and later imports link against them.
/// </summary>
internal static class DemoRegistrySource
{
    public const string Code = "demo-district-registers";

    public static async Task AttachAsync(SaphanDb db, IReadOnlyList<Person> people, DateTimeOffset now, CancellationToken ct)
    {
        var source = Source.Register(Code, "ทะเบียนกลุ่มเปราะบางของสำนักงานเขต (ข้อมูลสังเคราะห์)", "District vulnerable-group registers (synthetic)",
            "สำนักงานเขต 50 เขต (ตัวอย่าง)", "บุคคลและครัวเรือนกลุ่มเปราะบางที่สำนักงานเขตขึ้นทะเบียน", "จัดบริการสวัสดิการและติดตามกรณี (ข้อมูลสาธิต)",
            LegalBasis.PublicTask, "ข้อมูลสังเคราะห์เพื่อการสาธิต ไม่ใช่ข้อมูลของบุคคลจริง", "steward", now);
        db.Sources.Add(source);
        await db.SaveChangesAsync(ct);
        var run = ImportRun.Start(source.Id, "demo-data", "synthetic", "utf-8", "{}", "system:demo", now);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);

        var records = new List<SourceRecord>(people.Count);
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            var key = $"D{i + 1:000000}";
            var raw = JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["เลขประจำตัวประชาชน"] = p.CitizenId?.Digits, ["คำนำหน้า"] = p.Title, ["ชื่อ"] = p.GivenName, ["นามสกุล"] = p.FamilyName,
                ["วันเกิด"] = p.BirthDate is { } b ? ThaiDates.FormatThai(b) : null, ["เขต"] = p.DistrictCode, ["แขวง"] = p.SubdistrictCode, ["โทรศัพท์"] = p.Phone,
            });
            var read = new LinkRecord
            {
                Source = Code, RecordId = key, CitizenId = p.CitizenId, Title = p.Title, GivenName = p.GivenName, FamilyName = p.FamilyName, Sex = p.Sex,
                BirthDate = p.BirthDate is { } d ? (p.BirthDatePrecision == DatePrecision.Year ? new PartialDate(d.Year) : PartialDate.From(d)) : null,
                Address = new AddressParts
                {
                    HouseNumber = p.Household?.Address.HouseNumber, Soi = p.Household?.Address.Soi, SubdistrictCode = p.SubdistrictCode,
                    DistrictCode = p.DistrictCode, Postcode = p.Household?.Address.Postcode,
                },
                Phone = p.Phone,
            };
            records.Add(SourceRecord.Create(source.Id, key, 1, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw))), raw, read,
                null, p.HasDisabilityCard, [], run.Id, "demo-data", i + 1, now, "system:demo"));
        }
        db.SourceRecords.AddRange(records);
        await db.SaveChangesAsync(ct);
        db.RecordLinks.AddRange(records.Select((r, i) => RecordLink.Create(r, people[i].Id, now)));
        run.Commit(people.Count, people.Count, people.Count, 0, 0, 0);
        run.Complete(now);
        await db.SaveChangesAsync(ct);
    }
}
