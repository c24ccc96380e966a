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
        services.AddSingleton<Audit.AuditWriter>();
        services.AddScoped<DataAccess>();
        services.AddDataProtection().PersistKeysToDbContext<SaphanDb>().SetApplicationName("Saphan");
        return services;
    }

    /// <summary>
    /// Connection settings for a busy registry, unless the connection string says otherwise: prepared statements (the
    /// searches are a few statement shapes run very often, and PostgreSQL otherwise parses each one every time), and no
    /// session reset when a connection goes back to the pool (five statements each time; Saphan keeps no session state:
    /// no SET, LISTEN, temporary tables or session advisory locks — the import's lock is per transaction). Together about a
    /// fifth of the CPU of a search request (docs/benchmarks.md).
    /// </summary>
    internal static string WithPoolSettings(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        bool Says(params string[] names) => names.Any(n => connectionString.Contains(n, StringComparison.OrdinalIgnoreCase));
        if (!Says("Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 3;
        }
        if (!Says("No Reset On Close", "NoResetOnClose")) builder.NoResetOnClose = true;
        // Short registry queries never gain from JIT, and the scope filter's subqueries inflate their cost estimates past
        // jit_above_cost: compiling took longer than running (the report card's district figures, docs/benchmarks.md).
        if (!Says("Options")) builder.Options = "-c jit=off";
        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, StorageOptions storage) => storage.Provider switch
    {
        StorageProvider.PostgreSql => options.UseNpgsql(WithPoolSettings(storage.ConnectionString), o => o.MigrationsAssembly(PostgreSqlMigrations)),
        _ => options.UseSqlite(storage.ConnectionString, o => o.MigrationsAssembly(SqliteMigrations)),
    };
}
