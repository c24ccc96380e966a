using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Geography;
using Saphan.Linkage;
using Saphan.Registry;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry;

public sealed class HouseholdRegisterTests
{
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    private static HouseholdRegister Officer(TestDatabase database, string district) =>
        new(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DistrictOfficer, district: district, id: $"officer-{district}")));

    /// <summary>The reference places and people of a district who have no household yet.</summary>
    private static async Task<Guid[]> PeopleAsync(TestDatabase database, string district, params string[] names)
    {
        await using var db = database.OpenAsSystem();
        await ReferenceGeography.EnsureLoadedAsync(db);
        var people = names.Select(n => Person.Register(new PersonDetails(n, "ใจดี", Sex.Female, BirthDate: new DateOnly(1970, 5, 1)),
            new Residence { DistrictCode = district }, database.Clock.GetUtcNow())).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        return people.Select(p => p.Id).ToArray();
    }

    /// <summary>A household in Phra Nakhon (1001) started by its district officer: the first person heads it, the others are children.</summary>
    private static async Task<Guid> HouseholdAsync(TestDatabase database, params Guid[] people)
    {
        var register = Officer(database, "1001");
        var started = await register.StartAsync(people[0], new NewHousehold("99", "100101"));
        Assert.True(started.Saved, string.Join("; ", started.Problems.Select(p => p.MessageEn)));
        foreach (var child in people.Skip(1)) Assert.True((await register.AddMemberAsync(started.HouseholdId!.Value, child, HouseholdRole.Child)).Saved);
        return started.HouseholdId!.Value;
    }

    /// <summary>People of Phra Nakhon in one household (the first heads it, the others are children), a month before the change a test makes.</summary>
    private static async Task<(Guid[] People, Guid Household)> FamilyAsync(TestDatabase database, params string[] names)
    {
        var people = await PeopleAsync(database, "1001", names);
        var household = await HouseholdAsync(database, people);
        database.Clock.Advance(Month);
        return (people, household);
    }

    private static async Task<int> ChangesByAsync(TestDatabase database, string userId)
    {
        await using var db = database.OpenAsSystem();
        return await db.AuditLog.CountAsync(a => a.UserId == userId && (a.Action == AuditAction.Create || a.Action == AuditAction.Update || a.Action == AuditAction.Delete));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_starts_a_household_at_an_address_and_the_person_heads_it(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var somsri = await PeopleAsync(database, "1001", "สมศรี");

        var outcome = await Officer(database, "1001").StartAsync(somsri[0], new NewHousehold(" 12/3 ", "100102", Moo: "4", Soi: "ซอยสำราญราษฎร์", Road: null));

        Assert.True(outcome.Saved);
        await using var db = database.OpenAsSystem();
        var household = await db.Households.Include(h => h.Members).SingleAsync(h => h.Id == outcome.HouseholdId);
        Assert.Equal(("12/3", "4", "ซอยสำราญราษฎร์", "100102", "10200", "1001"),
            (household.Address.HouseNumber, household.Address.Moo, household.Address.Soi, household.Address.SubdistrictCode, household.Address.Postcode, household.DistrictCode));
        var head = Assert.Single(household.Members);
        Assert.Equal((somsri[0], HouseholdRole.Head, "100102"), (head.Id, head.RoleInHousehold!.Value, head.SubdistrictCode!));
        var stay = await db.Set<HouseholdMembership>().SingleAsync(m => m.PersonId == somsri[0]);
        Assert.Equal((HouseholdRole.Head, database.Clock.GetUtcNow(), (DateTimeOffset?)null), (stay.Role, stay.StartedAt, stay.EndedAt));
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditAction.Create && a.RecordType == "Household" && a.RecordId == household.Id.ToString() && a.UserId == "officer-1001"));
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditAction.Update && a.RecordType == "Person" && a.RecordId == somsri[0].ToString() && a.UserId == "officer-1001"));

        // A second household for the same person is refused: they move by being added to the other household.
        var again = await Officer(database, "1001").StartAsync(somsri[0], new NewHousehold("1", "100101"));
        Assert.Equal("hasHousehold", Assert.Single(again.Problems).Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_is_added_with_their_relationship_and_a_second_head_is_refused(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var people = await PeopleAsync(database, "1001", "มานะ", "มานี", "ชูใจ");
        var household = await HouseholdAsync(database, people[0]);
        database.Clock.Advance(Month);

        var added = await Officer(database, "1001").AddMemberAsync(household, people[1], HouseholdRole.Spouse);
        var secondHead = await Officer(database, "1001").AddMemberAsync(household, people[2], HouseholdRole.Head);

        Assert.True(added.Saved);
        Assert.False(secondHead.Saved);
        var problem = Assert.Single(secondHead.Problems);
        Assert.Equal(("secondHead", "ครัวเรือนนี้มีหัวหน้าครัวเรือนแล้ว หากต้องการเปลี่ยน ให้ใช้ \"เปลี่ยนหัวหน้าครัวเรือน\""), (problem.Code, problem.MessageTh));
        Assert.Contains("already has a head", problem.MessageEn);
        await using var db = database.OpenAsSystem();
        var members = await db.People.Where(p => p.HouseholdId == household).ToDictionaryAsync(p => p.Id, p => p.RoleInHousehold);
        Assert.Equal(new Dictionary<Guid, HouseholdRole?> { [people[0]] = HouseholdRole.Head, [people[1]] = HouseholdRole.Spouse }, members);
        Assert.Equal(database.Clock.GetUtcNow(), (await db.Set<HouseholdMembership>().SingleAsync(m => m.PersonId == people[1])).StartedAt);
        Assert.False(await db.Set<HouseholdMembership>().AnyAsync(m => m.PersonId == people[2]));
        Assert.Single(await db.AuditLog.Where(a => a.RecordType == "Household" && a.RecordId == household.ToString() && a.Action == AuditAction.Update).ToListAsync(),
            a => a.Purpose.StartsWith("add a member", StringComparison.Ordinal) && a.Purpose.Contains(people[1].ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Moving_to_another_household_ends_the_old_stay_and_starts_the_new_one(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var people = await PeopleAsync(database, "1001", "ก", "ข", "ค");
        var from = await HouseholdAsync(database, people[0], people[1]);
        var joinedAt = database.Clock.GetUtcNow();
        var to = await HouseholdAsync(database, people[2]);
        database.Clock.Advance(Month);
        var movedAt = database.Clock.GetUtcNow();

        var moved = await Officer(database, "1001").AddMemberAsync(to, people[1], HouseholdRole.Relative);

        Assert.True(moved.Saved);
        await using (var db = database.OpenAsSystem())
        {
            var stays = await db.Set<HouseholdMembership>().Where(m => m.PersonId == people[1]).OrderBy(m => m.Id).ToListAsync();
            Assert.Equal(2, stays.Count);
            Assert.Equal((from, HouseholdRole.Child, joinedAt, (DateTimeOffset?)movedAt), (stays[0].HouseholdId, stays[0].Role, stays[0].StartedAt, stays[0].EndedAt));
            Assert.Equal((to, HouseholdRole.Relative, movedAt, (DateTimeOffset?)null), (stays[1].HouseholdId, stays[1].Role, stays[1].StartedAt, stays[1].EndedAt));
            Assert.Equal((Guid?)to, (await db.People.SingleAsync(p => p.Id == people[1])).HouseholdId);
        }
        // The household page shows the mover among the former members of the old household, and in the new one.
        var files = new PersonFile(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DistrictOfficer, district: "1001", id: "reader")));
        var old = await files.OpenHouseholdAsync(from, "/households/x", "case work");
        Assert.DoesNotContain(old.Record!.Members, m => m.Id == people[1]);
        Assert.Equal(people[1], Assert.Single(old.FormerMembers).Person.Id);
        Assert.Contains((await files.OpenHouseholdAsync(to, "/households/y", "case work")).Record!.Members, m => m.Id == people[1]);

        // The head of a household with other members cannot move away: that household would have no head.
        var head = await Officer(database, "1001").AddMemberAsync(from, people[2], HouseholdRole.Relative);
        Assert.Equal("headWithMembers", Assert.Single(head.Problems).Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_head_changes_and_the_former_head_keeps_the_chosen_role(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (people, household) = await FamilyAsync(database, "แม่", "ลูก");

        var changed = await Officer(database, "1001").ChangeHeadAsync(household, people[1], HouseholdRole.Parent);
        var formerAsHead = await Officer(database, "1001").ChangeHeadAsync(household, people[0], HouseholdRole.Head);
        var notMember = await Officer(database, "1001").ChangeHeadAsync(household, Guid.NewGuid(), HouseholdRole.Parent);

        Assert.True(changed.Saved);
        Assert.Equal("former_head_role", Assert.Single(formerAsHead.Problems).Field);
        Assert.Equal("notMember", Assert.Single(notMember.Problems).Code);
        await using var db = database.OpenAsSystem();
        var roles = await db.People.Where(p => p.HouseholdId == household).ToDictionaryAsync(p => p.Id, p => p.RoleInHousehold);
        Assert.Equal((HouseholdRole?)HouseholdRole.Head, roles[people[1]]);
        Assert.Equal((HouseholdRole?)HouseholdRole.Parent, roles[people[0]]);
        var formerHeadStays = await db.Set<HouseholdMembership>().Where(m => m.PersonId == people[0]).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(new[] { (HouseholdRole.Head, (DateTimeOffset?)database.Clock.GetUtcNow()), (HouseholdRole.Parent, null) }, formerHeadStays.Select(m => (m.Role, m.EndedAt)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_moves_out_to_no_household_and_the_stay_is_kept(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (people, household) = await FamilyAsync(database, "พ่อ", "ลูก");

        var headOut = await Officer(database, "1001").MoveOutAsync(household, people[0]);
        var childOut = await Officer(database, "1001").MoveOutAsync(household, people[1]);
        var again = await Officer(database, "1001").MoveOutAsync(household, people[1]);

        Assert.Equal("headWithMembers", Assert.Single(headOut.Problems).Code);
        Assert.True(childOut.Saved);
        Assert.Equal("notMember", Assert.Single(again.Problems).Code);
        await using var db = database.OpenAsSystem();
        var child = await db.People.SingleAsync(p => p.Id == people[1]);
        Assert.Equal(((Guid?)null, (HouseholdRole?)null, "1001"), (child.HouseholdId, child.RoleInHousehold, child.DistrictCode));
        var stay = await db.Set<HouseholdMembership>().SingleAsync(m => m.PersonId == people[1]);
        Assert.Equal((household, (DateTimeOffset?)database.Clock.GetUtcNow()), (stay.HouseholdId, stay.EndedAt));
        Assert.False(await db.Set<HouseholdMembership>().AnyAsync(m => m.PersonId == people[0] && m.EndedAt != null));

        // Now alone, the head may move out too; the household stays, empty, with its history.
        Assert.True((await Officer(database, "1001").MoveOutAsync(household, people[0])).Saved);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_of_another_district_a_volunteer_and_an_executive_cannot_change_the_household(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var people = await PeopleAsync(database, "1001", "หนึ่ง", "สอง", "สาม");
        var household = await HouseholdAsync(database, people[0], people[1]);
        await using (var db = database.OpenAsSystem())
        {
            db.VolunteerAssignments.Add(new VolunteerAssignment("volunteer-1", household, database.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var outsider = Officer(database, "1002");
        var volunteer = new HouseholdRegister(TestViewers.DataAccessFor(database, TestViewers.User(Roles.Volunteer, id: "volunteer-1")));
        var executive = new HouseholdRegister(TestViewers.DataAccessFor(database, TestViewers.User(Roles.Executive, id: "executive-1")));

        var seen = await new PersonFile(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DistrictOfficer, district: "1002", id: "officer-1002")))
            .OpenHouseholdAsync(household, "/households/x", "case work");
        Assert.Equal(OpenOutcome.Refused, seen.Outcome);
        Assert.Equal("outOfScope", Assert.Single((await outsider.AddMemberAsync(household, people[2], HouseholdRole.Child)).Problems).Code);
        Assert.Equal("outOfScope", Assert.Single((await outsider.MoveOutAsync(household, people[1])).Problems).Code);
        Assert.Equal("outOfScope", Assert.Single((await outsider.ChangeHeadAsync(household, people[1], HouseholdRole.Spouse)).Problems).Code);
        Assert.Equal("outOfScope", Assert.Single((await outsider.StartAsync(people[2], new NewHousehold("1", "100201"))).Problems).Code);
        foreach (var readerOnly in new[] { volunteer, executive })
        {
            Assert.Equal("mayNotChange", Assert.Single((await readerOnly.MoveOutAsync(household, people[1])).Problems).Code);
            Assert.Equal("mayNotChange", Assert.Single((await readerOnly.AddMemberAsync(household, people[2], HouseholdRole.Child)).Problems).Code);
        }

        Assert.Equal(0, await ChangesByAsync(database, "officer-1002") + await ChangesByAsync(database, "volunteer-1") + await ChangesByAsync(database, "executive-1"));
        await using var check = database.OpenAsSystem();
        Assert.Equal(2, await check.People.CountAsync(p => p.HouseholdId == household));
        Assert.Null((await check.People.SingleAsync(p => p.Id == people[2])).HouseholdId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_department_officer_or_a_data_steward_may_move_someone_across_districts(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var here = await PeopleAsync(database, "1001", "ยาย");
        var there = await PeopleAsync(database, "1002", "หลาน");
        var household = await HouseholdAsync(database, here[0]);
        var steward = new HouseholdRegister(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DataSteward, id: "steward-1")));

        Assert.True((await steward.AddMemberAsync(household, there[0], HouseholdRole.Grandchild)).Saved);

        await using var db = database.OpenAsSystem();
        var grandchild = await db.People.SingleAsync(p => p.Id == there[0]);
        Assert.Equal(((Guid?)household, "1001", "100101"), (grandchild.HouseholdId, grandchild.DistrictCode, grandchild.SubdistrictCode!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bad_address_is_refused_in_thai_and_english_and_nothing_is_written(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var person = (await PeopleAsync(database, "1001", "สมใจ"))[0];
        var register = Officer(database, "1001");

        var noHouseNumber = await register.StartAsync(person, new NewHousehold("  ", "100101"));
        var otherDistrict = await register.StartAsync(person, new NewHousehold("5", "100201"));
        var unknown = await register.StartAsync(person, new NewHousehold("5", "109999"));
        var noSubdistrict = await register.StartAsync(person, new NewHousehold("5", null));
        var badPostcode = await register.StartAsync(person, new NewHousehold("5", "100101", Postcode: "1020"));

        Assert.Equal(("house_number", "กรุณากรอกบ้านเลขที่", "Give the house number"), Only(noHouseNumber));
        Assert.Equal(("subdistrict", "ท่านบันทึกครัวเรือนได้เฉพาะในเขตที่รับผิดชอบ", "You can record households in your own district only"), Only(otherDistrict));
        Assert.Equal(("subdistrict", "ไม่พบแขวงนี้ในกรุงเทพมหานคร", "This is not a Bangkok subdistrict"), Only(unknown));
        Assert.Equal(("subdistrict", "กรุณาเลือกแขวง", "Choose the subdistrict"), Only(noSubdistrict));
        Assert.Equal(("postcode", "รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลัก", "A postcode has 5 digits"), Only(badPostcode));
        Assert.Equal(0, await ChangesByAsync(database, "officer-1001"));
        await using var db = database.OpenAsSystem();
        Assert.False(await db.Households.AnyAsync());
        Assert.False(await db.Set<HouseholdMembership>().AnyAsync());

        static (string, string, string) Only(HouseholdRegister.Outcome outcome)
        {
            Assert.False(outcome.Saved);
            var problem = Assert.Single(outcome.Problems);
            return (problem.Field, problem.MessageTh, problem.MessageEn);
        }
    }
}
