using Npgsql;
using Saphan.Storage;

namespace Saphan.Tests.Storage;

public sealed class PoolSettingsTests
{
    [Fact]
    public void A_plain_connection_string_gets_prepared_statements_no_session_reset_and_no_jit()
    {
        var built = new NpgsqlConnectionStringBuilder(StorageSetup.WithPoolSettings("Host=db;Database=saphan;Username=saphan"));
        Assert.Equal((64, 3, true, "-c jit=off"), (built.MaxAutoPrepare, built.AutoPrepareMinUsages, built.NoResetOnClose, built.Options));
        Assert.Equal(("db", "saphan"), (built.Host, built.Database));
    }

    [Fact]
    public void What_the_operator_sets_is_kept()
    {
        var built = new NpgsqlConnectionStringBuilder(StorageSetup.WithPoolSettings(
            "Host=db;Database=saphan;Max Auto Prepare=0;No Reset On Close=false;Options=-c statement_timeout=5000"));
        Assert.Equal((0, false, "-c statement_timeout=5000"), (built.MaxAutoPrepare, built.NoResetOnClose, built.Options));
    }
}
