using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Saphan.Access;
using Saphan.DemoData;
using Saphan.Geography;
using Saphan.Localization;

namespace Saphan.Storage;

/// <summary>Brings a database to the current schema with its reference data, roles and (when enabled) the demo data.</summary>
public static class DatabasePreparation
{
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
        var clock = sp.GetRequiredService<TimeProvider>();
        await using var db = await sp.GetRequiredService<IDbContextFactory<SaphanDb>>().CreateDbContextAsync(ct);
        db.WithScope(AccessScope.System("prepare", clock.BangkokToday())).For("startup", "prepare database");
        var demo = sp.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        if (storage.MigrateOnStart)
        {
            await RebuildDemoMadeByAnotherSchemaAsync(db, demo.Enabled, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabasePreparation)), ct);
            await db.Database.MigrateAsync(ct);
        }
        await ReferenceGeography.EnsureLoadedAsync(db, ct);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        if (demo.Enabled)
            await sp.GetRequiredService<DemoDataSeeder>().SeedAsync(db.AsBulkLoad(), demo, ct);
    }

    /// <summary>
    /// Until the first release the schema is one migration, made anew when the model changes (scripts/regen-migrations.sh), so
    /// a database made by an earlier build names a migration this build does not know, and migrating it would fail half-way.
    /// The SQLite demo database holds synthetic people only: it is deleted and made again. Any other database is left as it
    /// is, with a message saying what to do.
    /// </summary>
    internal static async Task RebuildDemoMadeByAnotherSchemaAsync(SaphanDb db, bool demoData, ILogger log, CancellationToken ct)
    {
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count == 0) return;
        if (!db.IsPostgreSql && demoData)
        {
            log.LogWarning("The demo database was made by another build of Saphan (schema {Unknown}); it holds synthetic data only and is made again.",
                string.Join(", ", unknown));
            await db.Database.EnsureDeletedAsync(ct);
            return;
        }
        throw new InvalidOperationException(
            $"ฐานข้อมูลนี้สร้างโดย Saphan รุ่นอื่น (โครงสร้าง {string.Join(", ", unknown)}) จึงปรับโครงสร้างให้ไม่ได้: ใช้ฐานข้อมูลใหม่ หรือรุ่นที่สร้างฐานข้อมูลนี้ / " +
            $"this database was made by another build of Saphan (schema {string.Join(", ", unknown)}) and cannot be migrated: use a new database, or the build that made it.");
    }
}
