using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Saphan.Storage;

public static class StorageSetup
{
    public const string SqliteMigrations = "Saphan.Migrations.Sqlite";
    public const string PostgreSqlMigrations = "Saphan.Migrations.PostgreSql";

    /// <summary>
    /// Registers the database. The connection string may come from <c>ConnectionStrings:Saphan</c> (or the environment
    /// variable <c>ConnectionStrings__Saphan</c>); a string that looks like PostgreSQL (Host=…) selects PostgreSQL.
    /// </summary>
    public static IServiceCollection AddSaphanStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure(o =>
            {
                if (configuration.GetConnectionString("Saphan") is { Length: > 0 } cs)
                {
                    o.ConnectionString = cs;
                    if (cs.Contains("Host=", StringComparison.OrdinalIgnoreCase)) o.Provider = StorageProvider.PostgreSql;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<SaphanDb>((sp, options) => Configure(options, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddScoped<DataAccess>();
        services.AddDataProtection().PersistKeysToDbContext<SaphanDb>().SetApplicationName("Saphan");
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, StorageOptions storage) => storage.Provider switch
    {
        StorageProvider.PostgreSql => options.UseNpgsql(storage.ConnectionString, o => o.MigrationsAssembly(PostgreSqlMigrations)),
        _ => options.UseSqlite(storage.ConnectionString, o => o.MigrationsAssembly(SqliteMigrations)),
    };
}
