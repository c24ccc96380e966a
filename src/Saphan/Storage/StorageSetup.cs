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
    /// Prepared statements unless the connection string says otherwise: the registry's searches are a few statement
    /// shapes run very often, and PostgreSQL otherwise parses and plans each one every time (a large share of its work).
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase) || connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            return connectionString;
        builder.MaxAutoPrepare = 64;
        builder.AutoPrepareMinUsages = 3;
        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, StorageOptions storage) => storage.Provider switch
    {
        StorageProvider.PostgreSql => options.UseNpgsql(WithPreparedStatements(storage.ConnectionString), o => o.MigrationsAssembly(PostgreSqlMigrations)),
        _ => options.UseSqlite(storage.ConnectionString, o => o.MigrationsAssembly(SqliteMigrations)),
    };
}
