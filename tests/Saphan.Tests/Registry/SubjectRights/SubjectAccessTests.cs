using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Registry;
using Saphan.Linkage;
using Saphan.Linkage.Normalisation;
using Saphan.Registry.Linking;
using Saphan.Registry.Sources;
using Saphan.Registry.SubjectRights;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.SubjectRights;

public sealed class SubjectAccessTests
{
    private static SubjectAccess For(TestDatabase database, string role, string? district = null) =>
        new(TestViewers.DataAccessFor(database, TestViewers.User(role, district: district, id: role)),
            new RegistryLinker(database, database.Clock, NullLogger<RegistryLinker>.Instance), database.Clock,
            [new Saphan.Rights.RightsPersonData(), new Saphan.Assessment.AssessmentPersonData()]);

    private static async Task<Person> SomeoneAsync(TestDatabase database)
    {
        await DemoWorld.LoadAsync(database, people: 150);
        await using var db = database.OpenAsSystem();
        return await db.People.Where(p => p.DistrictCode == "1001" && p.CitizenId != null && p.HouseholdId != null).OrderBy(p => p.Id).FirstAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_access_request_exports_the_person_their_households_and_who_read_them_and_is_audited(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var person = await SomeoneAsync(database);
        var reader = new PersonFile(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DistrictOfficer, district: "1001", id: "reader")));
        await reader.OpenPersonAsync(person.Id, "/people/x", "case work");
        await reader.ProvenanceAsync(person.Id);
        Assert.Null(await reader.AddAliasAsync(person.Id, "ลุงดำ"));
        await using (var facts = database.OpenAsSystem())
        {
            facts.PersonFacts.Add(Saphan.Rights.PersonFact.Record(person.Id, Saphan.Rights.FactKind.OwnIncome, null, 48_000, "survey", database.Today, "reader", database.Clock.GetUtcNow()));
            await facts.SaveChangesAsync();
        }

        var json = await For(database, Roles.DataSteward).ExportAsync(person.Id);

        using var doc = JsonDocument.Parse(json!);
        Assert.Equal(person.GivenName, doc.RootElement.GetProperty("person").GetProperty("GivenName").GetString());
        Assert.Equal(person.CitizenId!.Value.Digits, doc.RootElement.GetProperty("person").GetProperty("citizenId").GetString());
        Assert.True(doc.RootElement.GetProperty("households").GetArrayLength() >= 1, json);
        Assert.Single(doc.RootElement.GetProperty("agencyRecords").EnumerateArray());
        Assert.Contains(doc.RootElement.GetProperty("accessLog").EnumerateArray(), a => a.GetProperty("UserName").GetString() == "DistrictOfficer-reader");
        Assert.Contains(person.GivenName, json);   // Thai is written as Thai, not escaped
        Assert.Contains("ลุงดำ", doc.RootElement.GetProperty("person").GetProperty("otherNames").GetString());
        var fact = Assert.Single(doc.RootElement.GetProperty("rightsAndWelfare").GetProperty("facts").EnumerateArray());
        Assert.Equal(("OwnIncome", 48_000), (fact.GetProperty("kind").GetString(), fact.GetProperty("Amount").GetInt64()));
        Assert.True(doc.RootElement.GetProperty("rightsAndWelfare").GetProperty("verdicts").ValueKind == JsonValueKind.Array);
        Assert.True(doc.RootElement.GetProperty("familyReportCard").GetProperty("assessments").ValueKind == JsonValueKind.Array);
        // Reading the person's agency records (the page's "sources" list) is in the log too, not only reads of the person.
        Assert.Contains(doc.RootElement.GetProperty("accessLog").EnumerateArray(), a => a.GetProperty("RecordType").GetString() == "SourceRecord");
        await using var db = database.OpenAsSystem();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditAction.Export && a.RecordId == person.Id.ToString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_former_member_receives_the_household_assessments_of_their_stay_but_not_what_was_recorded_after_they_left(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database, people: 150);
        var set = await Saphan.Tests.Assessment.AssessmentWorld.EnsureIndicatorsAsync(database);
        var home = population.Households.First(h => h.Members.Count >= 2 && h.DistrictCode == "1001");
        var leaver = home.Members.First(m => m.RoleInHousehold != HouseholdRole.Head);
        async Task AssessAsync(string note)
        {
            await using var db = database.OpenAsSystem();
            var members = await Saphan.Tests.Assessment.AssessmentWorld.MembersAsync(database, home.Id);
            var a = Saphan.Assessment.HouseholdAssessment.Start(home.Id, set, null, "อพม.", database.Today, database.Clock.GetUtcNow());
            Assert.Empty(a.Record(set, Saphan.Tests.Assessment.AssessmentWorld.Answers(set, members, database.Today), database.Today, null, note, database.Today, database.Clock.GetUtcNow()));
            Assert.Empty(a.Submit(set, members, new Saphan.Assessment.AssessedArea(home.DistrictCode, home.Address.SubdistrictCode, home.Address.CommunityId), database.Clock.GetUtcNow()));
            db.Assessments.Add(a);
            await db.SaveChangesAsync();
        }

        await AssessAsync("ระหว่างที่อยู่ด้วยกัน");
        database.Clock.Advance(TimeSpan.FromDays(40));
        await using (var db = database.OpenAsSystem())
        {
            var household = await db.Households.Include(h => h.Members).SingleAsync(h => h.Id == home.Id);
            household.Remove(await db.People.Include(p => p.Memberships).SingleAsync(p => p.Id == leaver.Id), database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        database.Clock.Advance(TimeSpan.FromDays(40));
        await AssessAsync("หลังจากย้ายออกไปแล้ว");

        var json = await For(database, Roles.DataSteward).ExportAsync(leaver.Id);

        Assert.Contains("ระหว่างที่อยู่ด้วยกัน", json);
        Assert.DoesNotContain("หลังจากย้ายออกไปแล้ว", json);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_correction_wins_over_the_agency_records_survives_relinking_and_keeps_them(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var person = await SomeoneAsync(database);
        var access = For(database, Roles.DistrictOfficer, "1001");

        var result = await access.CorrectAsync(person.Id, new PersonCorrection("นาง", "สมศรีใหม่", "ใจดีมาก", null, new DateOnly(1960, 5, 1), null, null, "สำเนาบัตรประชาชน"));
        await new RegistryLinker(database, database.Clock, NullLogger<RegistryLinker>.Instance).RelinkAsync("later");

        Assert.True(result.Saved);
        await using var db = database.OpenAsSystem();
        var corrected = await db.People.SingleAsync(p => p.Id == person.Id);
        Assert.Equal(("สมศรีใหม่", "ใจดีมาก", new DateOnly(1960, 5, 1)), (corrected.GivenName, corrected.FamilyName, corrected.BirthDate));
        Assert.Equal(person.CitizenId, corrected.CitizenId);
        Assert.Equal(2, await db.RecordLinks.CountAsync(l => l.PersonId == person.Id));
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditAction.Update && a.RecordId == person.Id.ToString() && a.Purpose.Contains("PDPA")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_newer_agency_file_with_the_old_spelling_does_not_undo_a_correction_but_still_brings_its_other_changes(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var person = await SomeoneAsync(database);
        var access = For(database, Roles.DistrictOfficer, "1001");
        await access.CorrectAsync(person.Id, new PersonCorrection(person.Title, "สมศรีใหม่", person.FamilyName, null, null, null, null, "สำเนาบัตรประชาชน"));

        // A month later the agency sends the person's row again: the old name, a new phone.
        database.Clock.Advance(TimeSpan.FromDays(30));
        await using (var db = database.OpenAsSystem())
        {
            var link = await db.RecordLinks.SingleAsync(l => l.PersonId == person.Id && l.SourceId != db.Sources.Single(s => s.Code == SubjectAccess.CorrectionsSourceCode).Id);
            var old = await db.SourceRecords.SingleAsync(r => r.Id == link.CurrentRecordId);
            var was = old.ToLinkRecord("agency");
            var read = new LinkRecord
            {
                Source = was.Source, RecordId = was.RecordId, CitizenId = was.CitizenId, Title = was.Title, GivenName = was.GivenName,
                FamilyName = was.FamilyName, Sex = was.Sex, BirthDate = was.BirthDate, Address = was.Address, Phone = "0899999999",
            };
            db.SourceRecords.Add(SourceRecord.Create(old.SourceId, old.RecordKey, old.Version + 1, "changed", "{}", read, null, null, [],
                old.ImportRunId, "later.csv", 2, database.Clock.GetUtcNow(), "steward"));
            await db.SaveChangesAsync();
        }
        await new RegistryLinker(database, database.Clock, NullLogger<RegistryLinker>.Instance).RelinkAsync("the agency's new file");

        await using var check = database.OpenAsSystem();
        var now = await check.People.SingleAsync(p => p.Id == person.Id);
        Assert.Equal(("สมศรีใหม่", "0899999999"), (now.GivenName, now.Phone));
        Assert.Equal((person.CitizenId, person.BirthDate), (now.CitizenId, now.BirthDate)); // not corrected: still the agency's
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Correcting_only_the_name_keeps_a_birth_year_a_year(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 600);
        Person person;
        await using (var db = database.OpenAsSystem())
            person = await db.People.Where(p => p.BirthDatePrecision == DatePrecision.Year).OrderBy(p => p.Id).FirstAsync();

        var result = await For(database, Roles.DataSteward).CorrectAsync(person.Id, new PersonCorrection(person.Title, "ชื่อใหม่", person.FamilyName, null, null, null, null, "คำร้อง"));

        Assert.True(result.Saved);
        await using var check = database.OpenAsSystem();
        var now = await check.People.SingleAsync(p => p.Id == person.Id);
        Assert.Equal(("ชื่อใหม่", person.BirthDate, DatePrecision.Year), (now.GivenName, now.BirthDate, now.BirthDatePrecision));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_corrections_are_refused_in_thai_and_change_nothing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var person = await SomeoneAsync(database);

        var noReason = await For(database, Roles.DataSteward).CorrectAsync(person.Id, new PersonCorrection(null, "ชื่อ", null, null, null, null, null, " "));
        var badId = await For(database, Roles.DataSteward).CorrectAsync(person.Id, new PersonCorrection(null, "ชื่อ", null, "1-1111-11111-11-1", null, null, null, "x"));
        var outOfScope = await For(database, Roles.DistrictOfficer, "1050").CorrectAsync(person.Id, new PersonCorrection(null, "ชื่อ", null, null, null, null, null, "x"));
        var volunteer = await For(database, Roles.Volunteer).CorrectAsync(person.Id, new PersonCorrection(null, "ชื่อ", null, null, null, null, null, "x"));

        Assert.Contains(noReason.Problems, p => p.MessageTh.Contains("เหตุผล"));
        Assert.Contains(badId.Problems, p => p.MessageTh.Contains("เลขประจำตัวประชาชน"));
        Assert.False(outOfScope.Saved);
        Assert.Contains(volunteer.Problems, p => p.Code == "role");
        await using var db = database.OpenAsSystem();
        Assert.Equal(person.GivenName, (await db.People.SingleAsync(p => p.Id == person.Id)).GivenName);
        Assert.Equal(0, await db.Sources.CountAsync(s => s.Code == SubjectAccess.CorrectionsSourceCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Moving_to_another_household_keeps_the_former_stay_in_the_history(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database, people: 150);
        var from = population.Households.First(h => h.Members.Count >= 2 && h.DistrictCode == "1001");
        var mover = from.Members.First(m => m.RoleInHousehold != HouseholdRole.Head);
        await using (var db = database.OpenAsSystem())
        {
            var household = await db.Households.Include(h => h.Members).SingleAsync(h => h.Id == from.Id);
            var person = await db.People.Include(p => p.Memberships).SingleAsync(p => p.Id == mover.Id);
            var to = await db.Households.Include(h => h.Members).FirstAsync(h => h.Id != from.Id && h.DistrictCode == "1001");
            household.Remove(person, database.Clock.GetUtcNow());
            to.Add(person, HouseholdRole.Relative, database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var opened = await new PersonFile(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DistrictOfficer, district: "1001", id: "o")))
            .OpenHouseholdAsync(from.Id, "/households/x", "case work");

        Assert.DoesNotContain(opened.Record!.Members, m => m.Id == mover.Id);
        var former = Assert.Single(opened.FormerMembers);
        Assert.Equal(mover.Id, former.Person.Id);
        Assert.NotNull(former.Stay.EndedAt);
        await using var check = database.OpenAsSystem();
        Assert.Equal(2, await check.Set<HouseholdMembership>().CountAsync(m => m.PersonId == mover.Id));
    }
}
