using Microsoft.EntityFrameworkCore;
using Saphan.Geography;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Storage;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_create_the_schema_and_the_reference_geography_loads(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.OpenAsSystem())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            await ReferenceGeography.EnsureLoadedAsync(db);
        }
        await using var check = database.OpenAsSystem();
        Assert.Equal(6, await check.DistrictGroups.CountAsync());
        Assert.Equal(50, await check.Districts.CountAsync());
        Assert.Equal(180, await check.Subdistricts.CountAsync());
        Assert.Equal(644, await check.Communities.CountAsync());
        var dusit = await check.Districts.SingleAsync(d => d.Code == "1002");
        Assert.Equal("ดุสิต", dusit.NameTh);
        Assert.Equal("BKK-CENTRAL", dusit.GroupCode);
        // Every subdistrict code starts with its district code (DOPA 10DDSS).
        Assert.All(await check.Subdistricts.ToListAsync(), s => Assert.StartsWith(s.DistrictCode, s.Code));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Loading_the_reference_geography_twice_changes_nothing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.OpenAsSystem()) await ReferenceGeography.EnsureLoadedAsync(db);
        await using (var db = database.OpenAsSystem()) await ReferenceGeography.EnsureLoadedAsync(db);
        await using var check = database.OpenAsSystem();
        Assert.Equal(50, await check.Districts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Thai_names_and_dates_survive_a_round_trip(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database, people: 120);
        var someone = population.People.First(p => p.BirthDate is not null);
        await using var db = database.OpenAsSystem();
        var loaded = await db.People.SingleAsync(p => p.Id == someone.Id);
        Assert.Equal(someone.GivenName, loaded.GivenName);
        Assert.Equal(someone.FamilyName, loaded.FamilyName);
        Assert.Equal(someone.BirthDate, loaded.BirthDate);
        Assert.Equal(someone.CitizenId, loaded.CitizenId);
    }
}
