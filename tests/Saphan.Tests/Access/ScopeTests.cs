using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Linkage;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Access;

/// <summary>Scope is enforced by the database query itself, whatever page or API asks.</summary>
public sealed class ScopeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_officer_never_gets_another_districts_people_or_households(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database);
        var scope = AccessScope.For(TestViewers.User(Roles.DistrictOfficer, district: "1002"), database.Today);
        await using var db = database.Open(scope);

        var people = await db.People.ToListAsync();
        var households = await db.Households.Include(h => h.Members).ToListAsync();

        Assert.NotEmpty(people);
        Assert.All(people, p => Assert.Equal("1002", p.DistrictCode));
        Assert.Equal(population.People.Count(p => p.DistrictCode == "1002"), people.Count);
        Assert.All(households, h => Assert.Equal("1002", h.DistrictCode));
        Assert.All(households.SelectMany(h => h.Members), m => Assert.Equal("1002", m.DistrictCode));
        // Even a query by the id of someone elsewhere comes back empty.
        var elsewhere = population.People.First(p => p.DistrictCode != "1002");
        Assert.Null(await db.People.FirstOrDefaultAsync(p => p.Id == elsewhere.Id));
        Assert.Equal(0, await db.People.CountAsync(p => p.DistrictCode == "1001"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Department_officers_see_their_remit_only(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database);
        var today = database.Today;

        async Task<List<Saphan.Registry.Person>> SeenBy(Department department)
        {
            await using var db = database.Open(AccessScope.For(TestViewers.User(Roles.DepartmentOfficer, department: department), today));
            return await db.People.ToListAsync();
        }

        var disabilities = await SeenBy(Department.PersonsWithDisabilities);
        Assert.Equal(population.People.Count(p => p.HasDisabilityCard), disabilities.Count);
        Assert.All(disabilities, p => Assert.True(p.HasDisabilityCard));

        var older = await SeenBy(Department.OlderPersons);
        Assert.Equal(population.People.Count(p => p.AgeOn(today) >= 60), older.Count);

        var children = await SeenBy(Department.ChildrenAndYouth);
        Assert.All(children, p => Assert.True(p.AgeOn(today) < 25));

        var women = await SeenBy(Department.WomenAndFamily);
        Assert.All(women, p => Assert.Equal(Sex.Female, p.Sex));

        var welfare = await SeenBy(Department.SocialDevelopmentAndWelfare);
        Assert.NotEmpty(welfare);
        Assert.All(welfare, p => Assert.True(p.IsHomeless));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Executives_and_anonymous_viewers_list_nobody(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 200);
        foreach (var scope in new[] { AccessScope.For(TestViewers.User(Roles.Executive), database.Today), AccessScope.Nobody })
        {
            await using var db = database.Open(scope);
            Assert.Equal(0, await db.People.CountAsync());
            Assert.Equal(0, await db.Households.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_volunteer_sees_only_the_households_assigned_to_them(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database, people: 300);
        var assigned = population.Households.Take(3).ToList();
        await using (var db = database.OpenAsSystem())
        {
            db.VolunteerAssignments.AddRange(assigned.Select(h => new VolunteerAssignment("vol-1", h.Id, database.Clock.GetUtcNow())));
            await db.SaveChangesAsync();
        }
        await using var seen = database.Open(AccessScope.For(TestViewers.User(Roles.Volunteer, id: "vol-1"), database.Today));
        var people = await seen.People.ToListAsync();
        Assert.Equal(assigned.Sum(h => h.Members.Count), people.Count);
        Assert.All(people, p => Assert.Contains(p.HouseholdId!.Value, assigned.Select(h => h.Id)));
        Assert.Equal(3, await seen.Households.CountAsync());
    }

    [Fact]
    public void A_context_scope_cannot_be_changed_once_set()
    {
        var district = AccessScope.For(TestViewers.User(Roles.DistrictOfficer, district: "1001"), new DateOnly(2026, 1, 1));
        var other = AccessScope.For(TestViewers.User(Roles.DistrictOfficer, district: "1002"), new DateOnly(2026, 1, 1));
        var options = new DbContextOptionsBuilder<SaphanDb>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SaphanDb(options, TimeProvider.System).WithScope(district);
        Assert.Throws<InvalidOperationException>(() => db.WithScope(other));
    }
}
