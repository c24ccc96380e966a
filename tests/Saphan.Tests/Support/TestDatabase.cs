using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Saphan.Access;
using Saphan.Storage;

namespace Saphan.Tests.Support;

/// <summary>
/// A fresh, migrated database on one provider: a temporary SQLite file, or a new database on the PostgreSQL server
/// that the test command started (SAPHAN_TEST_POSTGRES). Dropped when disposed.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<SaphanDb>, IAsyncDisposable
{
    public static readonly TheoryData<StorageProvider> Providers = new() { StorageProvider.Sqlite, StorageProvider.PostgreSql };

    private readonly string? sqliteFile;
    private readonly string? postgresDatabase;

    private TestDatabase(StorageOptions options, string? sqliteFile, string? postgresDatabase)
    {
        Options = options;
        this.sqliteFile = sqliteFile;
        this.postgresDatabase = postgresDatabase;
    }

    public StorageOptions Options { get; }

    /// <summary>2026-11-24 10:00 UTC, fixed so that ages and audit times are reproducible.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("SAPHAN_TEST_POSTGRES")
        ?? throw new InvalidOperationException("SAPHAN_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        TestDatabase db;
        if (provider == StorageProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"saphan-test-{Guid.NewGuid():N}.db");
            db = new TestDatabase(new StorageOptions { Provider = provider, ConnectionString = $"Data Source={file};Pooling=False" }, file, null);
        }
        else
        {
            var name = $"saphan_test_{Guid.NewGuid():N}";
            var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
            db = new TestDatabase(new StorageOptions { Provider = provider, ConnectionString = cs }, null, name);
        }
        await using var context = db.CreateDbContext();
        await context.Database.MigrateAsync();
        return db;
    }

    public SaphanDb CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<SaphanDb>();
        StorageSetup.Configure(options, Options);
        return new SaphanDb(options.Options, Clock);
    }

    public SaphanDb Open(AccessScope scope) => CreateDbContext().WithScope(scope).For("test", "test");

    public SaphanDb OpenAsSystem() => Open(AccessScope.System("test", Today));

    public async ValueTask DisposeAsync()
    {
        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
