using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Saphan.Access;
using Saphan.DemoData;
using Saphan.Geography;

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
        db.WithScope(AccessScope.System("prepare", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))).For("startup", "prepare database");
        if (storage.MigrateOnStart) await db.Database.MigrateAsync(ct);
        await ReferenceGeography.EnsureLoadedAsync(db, ct);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var demo = sp.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        if (demo.Enabled)
            await sp.GetRequiredService<DemoDataSeeder>().SeedAsync(db.AsBulkLoad(), demo, ct);
    }
}
