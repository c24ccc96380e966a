using System.ComponentModel.DataAnnotations;

namespace Saphan.Storage;

/// <summary>Where Saphan keeps its data. SQLite is the embedded default; PostgreSQL is for production.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>An ADO.NET connection string. Defaults to a SQLite file beside the app.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=saphan.db";

    /// <summary>Apply pending migrations at start-up (on by default; turn off where a DBA applies them).</summary>
    public bool MigrateOnStart { get; set; } = true;
}

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
