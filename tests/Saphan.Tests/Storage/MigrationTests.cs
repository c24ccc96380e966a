using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_database_made_by_another_schema_is_rebuilt_only_when_it_is_the_sqlite_demo(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 20);
        int people;
        await using (var db = database.OpenAsSystem())
        {
            people = await db.People.CountAsync();
            Assert.True(people > 0);
            // What a build before the last "Initial" was regenerated leaves behind.
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20200101000000_Initial', '10.0.0')""");
        }

        await using (var db = database.OpenAsSystem())
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                DatabasePreparation.RebuildDemoMadeByAnotherSchemaAsync(db, demoData: false, NullLogger.Instance, default));
            Assert.Contains("20200101000000_Initial", refused.Message);
            Assert.Contains("ฐานข้อมูลนี้สร้างโดย Saphan รุ่นอื่น", refused.Message);
        }
        await using (var db = database.OpenAsSystem()) Assert.Equal(people, await db.People.CountAsync());

        await using (var db = database.OpenAsSystem())
        {
            if (provider == StorageProvider.PostgreSql)
            {
                // Real data: never deleted, even with demo data switched on.
                await Assert.ThrowsAsync<InvalidOperationException>(() =>
                    DatabasePreparation.RebuildDemoMadeByAnotherSchemaAsync(db, demoData: true, NullLogger.Instance, default));
                return;
            }
            await DatabasePreparation.RebuildDemoMadeByAnotherSchemaAsync(db, demoData: true, NullLogger.Instance, default);
            await db.Database.MigrateAsync();
        }
        await using var check = database.OpenAsSystem();
        Assert.Equal(0, await check.People.CountAsync());
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        Assert.DoesNotContain("20200101000000_Initial", await check.Database.GetAppliedMigrationsAsync());
    }
}
