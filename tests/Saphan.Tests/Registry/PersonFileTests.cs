using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Registry;
using Saphan.Registry.Search;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry;

public sealed class PersonFileTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_adds_another_name_which_search_then_finds_and_the_log_records(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database, people: 200);
        var person = population.People.First(p => p.DistrictCode == "1001");
        var officer = TestViewers.DataAccessFor(database, TestViewers.User(Roles.DistrictOfficer, district: "1001", id: "officer-9"));

        Assert.Null(await new PersonFile(officer).AddAliasAsync(person.Id, "  ลุงเสริฐท่าน้ำ "));
        // The same name again is not added twice.
        Assert.Null(await new PersonFile(officer).AddAliasAsync(person.Id, "ลุงเสริฐท่าน้ำ"));

        await using var db = database.OpenAsSystem();
        Assert.Equal("ลุงเสริฐท่าน้ำ", (await db.People.SingleAsync(p => p.Id == person.Id)).Aliases);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditAction.Update && a.RecordType == "Person" && a.RecordId == person.Id.ToString()
            && a.UserId == "officer-9"));
        var found = await new PeopleSearch(officer).FindAsync("ลุงเสริฐท่าน้ำ", "test");
        Assert.Equal(MatchReason.Nickname, Assert.Single(found.Hits, h => h.Id == person.Id).Reason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_empty_name_or_a_person_outside_the_officers_district_is_refused_and_nothing_changes(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database, people: 200);
        var other = population.People.First(p => p.DistrictCode != "1001");
        var mine = population.People.First(p => p.DistrictCode == "1001");
        var files = new PersonFile(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DistrictOfficer, district: "1001", id: "officer-9")));

        Assert.Equal("outOfScope", (await files.AddAliasAsync(other.Id, "ชื่อเล่น"))!.Code);
        var empty = await files.AddAliasAsync(mine.Id, "   ");
        Assert.Equal(("required", "กรุณากรอกชื่ออื่นที่ใช้เรียก"), (empty!.Code, empty.MessageTh));
        Assert.Equal("tooMany", (await files.AddAliasAsync(mine.Id, new string('ก', 401)))!.Code);

        await using var db = database.OpenAsSystem();
        Assert.False(await db.People.AnyAsync(p => p.Aliases != null));
        Assert.False(await db.AuditLog.AnyAsync(a => a.Action == AuditAction.Update && a.UserId == "officer-9"));
    }
}
