using System.Text;
using Microsoft.EntityFrameworkCore;
using Saphan.Linkage.Normalisation;
using Saphan.Rights;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Rights;

/// <summary>An agency's enrolment list: matched by national ID, Buddhist-era dates, every bad row reported with a reason.</summary>
public sealed class EnrolmentImportTests
{
    private static string Bad(string valid) => valid[..12] + ((valid[12] - '0' + 1) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_are_matched_by_national_ID_and_every_unmatched_row_says_why(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, subject, id) = await MissingOutOfOldAgeAllowanceAsync(database);
        var other = world.Population.People.First(p => p.CitizenId is { IsValid: true } && p.Id != subject).CitizenId!.Value.Digits;
        var nobody = "9999999999" + "99";
        nobody += CitizenId.CheckDigit(nobody).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var file = await WriteAsync(
            "เลขประจำตัวประชาชน,สวัสดิการ,วันที่เริ่มรับ",
            $"{id[0]}-{id[1..5]}-{id[5..10]}-{id[10..12]}-{id[12]},old-age-allowance,1 ต.ค. 2566",   // formatted ID, Thai BE date
            $"{other},บัตรทอง,01/10/2565",                                                            // unknown scheme name
            $"{other},หลักประกันสุขภาพแห่งชาติ (บัตรทอง),01/10/2565",                                  // the Thai name works
            $"{Bad(id)},old-age-allowance,1/10/2566",                                                // wrong check digit
            $"{nobody},old-age-allowance,1/10/2566",                                                 // nobody has it
            $"{id},old-age-allowance,31/02/2566",                                                    // no such day
            $"{id},old-age-allowance,2566",                                                          // year only
            $"{id},old-age-allowance,1 ต.ค. 2566");                                                  // the same row again
        var steward = world.Import(RightsWorld.Steward("s1"));

        var result = await steward.ImportAsync(file, "enrolments.csv");

        Assert.Equal(8, result.Read);
        Assert.Equal(2, result.Recorded);
        Assert.Equal(1, result.Unchanged);
        Assert.True(result.Balances);
        Assert.Equal([3L, 5, 6, 7, 8], result.Rejects.Select(r => r.Line));
        Assert.Contains("ไม่รู้จักสวัสดิการ 'บัตรทอง'", result.Rejects[0].Thai);
        Assert.Contains("เลขตรวจสอบหลักสุดท้ายไม่ถูกต้อง", result.Rejects[1].Thai);
        Assert.Contains("wrong check digit", result.Rejects[1].English);
        Assert.Contains("ไม่พบบุคคล", result.Rejects[2].Thai);
        Assert.Contains("no such day", result.Rejects[3].English);
        Assert.Contains("day, month and year are all needed", result.Rejects[4].English);
        Assert.DoesNotContain(id, string.Join(" ", result.Rejects.Select(r => r.Thai + r.English))); // IDs are masked in reports

        var enrolment = await world.QueryAsync(db => db.Enrolments.SingleAsync(e => e.PersonId == subject && e.SchemeCode == RightsCatalogue.OldAgeAllowance));
        Assert.Equal(new DateOnly(2023, 10, 1), enrolment.StartDate);
        Assert.Equal("enrolments.csv", enrolment.Source);
        Assert.Equal(2, enrolment.Line);
        var verdict = await world.QueryAsync(db => db.RightsEvaluations.SingleAsync(e => e.PersonId == subject && e.SchemeCode == RightsCatalogue.OldAgeAllowance));
        Assert.Equal(Saphan.Rights.Eligibility.RightStatus.Enrolled, verdict.Status);

        // The same list again records nothing new.
        var again = await steward.ImportAsync(file, "enrolments.csv");
        Assert.Equal(0, again.Recorded);
        Assert.Equal(3, again.Unchanged);
        File.Delete(file);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_list_sent_again_with_an_end_date_ends_the_known_enrolment_and_the_verdict_follows(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, subject, id) = await MissingOutOfOldAgeAllowanceAsync(database);
        var steward = world.Import(RightsWorld.Steward("s1"));
        var first = await WriteAsync("เลขประจำตัวประชาชน,สวัสดิการ,วันที่เริ่มรับ", $"{id},old-age-allowance,1 ต.ค. 2566");
        Assert.Equal(1, (await steward.ImportAsync(first, "list-1.csv")).Recorded);

        // The agency sends its list again: the person stopped receiving it on 1 Sep 2569; a second row ends before it starts.
        var again = await WriteAsync(
            "เลขประจำตัวประชาชน,สวัสดิการ,วันที่เริ่มรับ,วันที่สิ้นสุด",
            $"{id},old-age-allowance,1 ต.ค. 2566,1 ก.ย. 2569",
            $"{id},old-age-allowance,1 ต.ค. 2566,1 ก.ย. 2565");
        var result = await steward.ImportAsync(again, "list-2.csv");

        Assert.Equal((2, 0, 1, 0), (result.Read, result.Recorded, result.Ended, result.Unchanged));
        Assert.True(result.Balances);
        Assert.Equal([3L], result.Rejects.Select(r => r.Line));
        Assert.Contains("วันที่สิ้นสุดอยู่ก่อนวันที่เริ่มรับ", result.Rejects[0].Thai);
        Assert.Contains("end date is before the start date", result.Rejects[0].English);
        var enrolment = await world.QueryAsync(db => db.Enrolments.SingleAsync(e => e.PersonId == subject && e.SchemeCode == RightsCatalogue.OldAgeAllowance));
        Assert.Equal(new DateOnly(2026, 9, 1), enrolment.EndDate);
        Assert.True(await world.QueryAsync(db => db.AuditLog.AnyAsync(a => a.RecordType == "Enrolment" && a.RecordId == enrolment.Id.ToString() && a.Purpose.Contains("ended on 2026-09-01"))));
        var verdict = await world.QueryAsync(db => db.RightsEvaluations.SingleAsync(e => e.PersonId == subject && e.SchemeCode == RightsCatalogue.OldAgeAllowance));
        Assert.NotEqual(Saphan.Rights.Eligibility.RightStatus.Enrolled, verdict.Status);

        // The same list once more changes nothing.
        var third = await steward.ImportAsync(again, "list-2.csv");
        Assert.Equal((0, 0, 1), (third.Recorded, third.Ended, third.Unchanged));
        File.Delete(first);
        File.Delete(again);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_a_long_Thai_name_is_imported_and_audited_under_a_shortened_id(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, _, id) = await MissingOutOfOldAgeAllowanceAsync(database);
        var file = await WriteAsync("เลขประจำตัวประชาชน,สวัสดิการ,วันที่เริ่มรับ", $"{id},old-age-allowance,1 ต.ค. 2566");
        var name = string.Concat(Enumerable.Repeat("รายชื่อผู้รับเบี้ย", 5))[..80] + ".csv";

        var result = await world.Import(RightsWorld.Steward("s1")).ImportAsync(file, name);

        Assert.Equal(1, result.Recorded);
        var audited = await world.QueryAsync(db => db.AuditLog.Where(a => a.RecordType == "Enrolment").Select(a => a.RecordId).ToListAsync());
        Assert.Contains(audited, r => r.Length == 64 && r.StartsWith(name[..55], StringComparison.Ordinal));
        File.Delete(file);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_without_the_needed_columns_or_an_officer_importing_is_refused(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var file = await WriteAsync("name,scheme", "สมชาย,old-age-allowance");

        var missing = await Assert.ThrowsAsync<EnrolmentFileException>(() => world.Import(RightsWorld.Steward("s1")).ImportAsync(file, "x.csv"));
        Assert.Contains("เลขประจำตัวประชาชน", missing.Thai);
        Assert.Contains("citizen_id", missing.Message);
        await Assert.ThrowsAsync<EnrolmentFileException>(() => world.Import(RightsWorld.Officer("1001")).ImportAsync(file, "x.csv"));
        Assert.Equal(0, await world.QueryAsync(db => db.Enrolments.CountAsync(e => e.Source == "x.csv")));
        File.Delete(file);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_TIS620_file_with_tabs_and_an_end_date_is_read(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var person = world.Population.People.First(p => p.CitizenId is { IsValid: true } && p.HasDisabilityCard);
        var path = Path.Combine(Path.GetTempPath(), $"saphan-enrol-{Guid.NewGuid():N}.csv");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await File.WriteAllTextAsync(path, $"citizen_id\tscheme\tstart_date\tend_date\n{person.CitizenId!.Value.Digits}\tเบี้ยความพิการ\t1 มกราคม 2567\t1 มกราคม 2568\n",
            Encoding.GetEncoding(874));

        var result = await world.Import(RightsWorld.Steward("s1")).ImportAsync(path, "tis.csv");

        Assert.Equal("tis-620", result.Encoding);
        Assert.Equal(1, result.Recorded);
        var enrolment = await world.QueryAsync(db => db.Enrolments.SingleAsync(e => e.Source == "tis.csv"));
        Assert.Equal(new DateOnly(2024, 1, 1), enrolment.StartDate);
        Assert.Equal(new DateOnly(2025, 1, 1), enrolment.EndDate);
        Assert.False(enrolment.IsActiveOn(database.Today));
        File.Delete(path);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_a_stray_quote_took_are_rejected_and_a_quote_that_never_closes_records_nothing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, subject, id) = await MissingOutOfOldAgeAllowanceAsync(database);
        var file = await WriteAsync(
            "เลขประจำตัวประชาชน,สวัสดิการ,วันที่เริ่มรับ",
            $"{id},\"old-age-allowance,1/10/2566",      // line 2: a quote opens…
            $"{id},old-age-allowance,1/10/2566",          // …takes this row…
            $"{id},old-age-allowance\",1/10/2566",       // …and closes here
            $"{id},old-age-allowance,1 ต.ค. 2566");       // line 5: read
        var steward = world.Import(RightsWorld.Steward("s1"));

        var result = await steward.ImportAsync(file, "enrolments.csv");
        Assert.Equal((2, 1), (result.Read, result.Recorded));
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(2L, reject.Line);
        Assert.Contains("made lines 2–4 (3 lines) read as one row", reject.English);

        // A quote that never closes in a large file: nothing is recorded, and the steward is told why.
        await File.AppendAllTextAsync(file, $"{id},\"old-age-allowance,1/10/2567\n" + string.Concat(Enumerable.Repeat(new string('x', 99) + "\n", 170_000)));
        var refused = await Assert.ThrowsAsync<EnrolmentFileException>(() => steward.ImportAsync(file, "enrolments-2.csv"));
        Assert.Contains("never closed", refused.Message);
        Assert.Contains("ไม่ได้ปิดเลย", refused.Thai);
        Assert.Equal(0, await world.QueryAsync(db => db.Enrolments.CountAsync(e => e.Source == "enrolments-2.csv")));
        File.Delete(file);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_list_saved_from_Excel_with_a_title_block_and_semicolons_is_read_from_its_header(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, subject, id) = await MissingOutOfOldAgeAllowanceAsync(database);
        var file = await WriteAsync(
            "รายชื่อผู้รับเบี้ยยังชีพผู้สูงอายุ เขตพระนคร",      // no separator on the first lines
            "ข้อมูล ณ วันที่ 30 ก.ย. 2569",
            "",
            "เลขประจำตัวประชาชน;สวัสดิการ;วันที่เริ่มรับ",
            $"{id};old-age-allowance;1 ต.ค. 2566",
            $"{Bad(id)};old-age-allowance;1/10/2566");

        var result = await world.Import(RightsWorld.Steward("s1")).ImportAsync(file, "titled.csv");

        Assert.Equal((2, 1), (result.Read, result.Recorded));
        Assert.Equal(6L, Assert.Single(result.Rejects).Line); // the line in the file, title block included
        var enrolment = await world.QueryAsync(db => db.Enrolments.SingleAsync(e => e.PersonId == subject && e.Source == "titled.csv"));
        Assert.Equal((new DateOnly(2023, 10, 1), 5L), (enrolment.StartDate, enrolment.Line));
        File.Delete(file);
    }

    /// <summary>A world with one person in Phra Nakhon missing out on the old-age allowance, and that person's national ID.</summary>
    private static async Task<(RightsWorld World, Guid Subject, string Id)> MissingOutOfOldAgeAllowanceAsync(TestDatabase database)
    {
        var world = await RightsWorld.CreateAsync(database);
        var subject = await world.MissingOutAsync("1001", RightsCatalogue.OldAgeAllowance);
        return (world, subject, world.Population.People.Single(p => p.Id == subject).CitizenId!.Value.Digits);
    }

    private static async Task<string> WriteAsync(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"saphan-enrol-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return path;
    }
}
