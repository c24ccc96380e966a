using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Registry;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Audit;

public sealed class AuditTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_person_read_writes_an_audit_row(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database, people: 200);
        var user = TestViewers.User(Roles.DistrictOfficer, district: "1001", id: "officer-7");
        var files = new PersonFile(TestViewers.DataAccessFor(database, user));
        var mine = population.People.Where(p => p.DistrictCode == "1001").Take(3).ToList();

        foreach (var person in mine)
            Assert.Equal(OpenOutcome.Opened, (await files.OpenPersonAsync(person.Id, "/people/x", "case work")).Outcome);

        await using var db = database.OpenAsSystem();
        var rows = await db.AuditLog.Where(a => a.Action == AuditAction.Read && a.UserId == "officer-7").ToListAsync();
        Assert.Equal(mine.Select(p => p.Id.ToString()).Order(), rows.Select(r => r.RecordId).Order());
        Assert.All(rows, r => Assert.Equal("Person", r.RecordType));
        Assert.All(rows, r => Assert.Equal(database.Clock.GetUtcNow(), r.At));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Opening_a_person_of_another_district_is_refused_and_audited(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database, people: 200);
        var files = new PersonFile(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DistrictOfficer, district: "1001", id: "officer-8")));
        var other = population.People.First(p => p.DistrictCode != "1001");

        var opened = await files.OpenPersonAsync(other.Id, "/people/y", "case work");

        Assert.Equal(OpenOutcome.Refused, opened.Outcome);
        Assert.Null(opened.Record);
        await using var db = database.OpenAsSystem();
        var row = await db.AuditLog.SingleAsync(a => a.UserId == "officer-8");
        Assert.Equal(AuditAction.Denied, row.Action);
        Assert.Equal(other.Id.ToString(), row.RecordId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_household_read_audits_the_household_and_each_member(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database, people: 200);
        var household = population.Households.First(h => h.Members.Count > 1);
        var files = new PersonFile(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DataSteward, id: "steward-1")));

        var opened = await files.OpenHouseholdAsync(household.Id, "/households/z", "review");

        Assert.Equal(household.Members.Count, opened.Record!.Members.Count);
        await using var db = database.OpenAsSystem();
        var rows = await db.AuditLog.Where(a => a.UserId == "steward-1").ToListAsync();
        Assert.Single(rows, r => r.RecordType == "Household");
        Assert.Equal(household.Members.Select(m => m.Id.ToString()).Order(), rows.Where(r => r.RecordType == "Person").Select(r => r.RecordId).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_change_to_a_person_is_audited_with_the_changed_fields_and_the_log_is_append_only(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database, people: 100);
        var target = population.People[0];
        var scope = AccessScope.For(TestViewers.User(Roles.DataSteward, id: "steward-2"), database.Today);
        await using (var db = database.Open(scope).For("/people/edit", "correction"))
        {
            var person = await db.People.SingleAsync(p => p.Id == target.Id);
            person.RecordConditions(disabilityCard: !person.HasDisabilityCard, bedridden: person.IsBedridden, database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await using (var db = database.OpenAsSystem())
        {
            var row = await db.AuditLog.SingleAsync(a => a.UserId == "steward-2");
            Assert.Equal(AuditAction.Update, row.Action);
            Assert.Contains("HasDisabilityCard", row.Purpose);
            Assert.Equal("/people/edit", row.Where);

            db.AuditLog.Remove(row);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using var check = database.OpenAsSystem();
        Assert.Equal(1, await check.AuditLog.CountAsync(a => a.UserId == "steward-2"));
    }
}
