using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Saphan.Storage;

namespace Saphan.Migrations.Sqlite;

/// <summary>Lets No project was found. Change the current working directory or use the --project option. build the model for this provider; no database is needed.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SaphanDb>
{
    public SaphanDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SaphanDb>();
        StorageSetup.Configure(options, new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = "Data Source=design-time.db" });
        return new SaphanDb(options.Options, TimeProvider.System);
    }
}
