using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Saphan.Rights;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Rights;

/// <summary>The stored verdicts: refreshed one refresh at a time, and re-evaluated every day.</summary>
public sealed class RightsRefreshTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_full_refresh_and_a_household_refresh_at_once_leave_one_verdict_per_person_and_scheme(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var person = await world.QueryAsync(db => db.RightsEvaluations.Select(e => e.PersonId).FirstAsync());
        // Two refreshers that share nothing in memory, like the web app's daily refresh and an officer's request elsewhere.
        var full = new RightsRefresh(database, database.Clock);
        var household = new RightsRefresh(database, database.Clock);

        if (provider == StorageProvider.PostgreSql)
        {
            // Make the overlap certain: a row lock on one of the household's verdicts holds the full refresh's DELETE, and the
            // household's refresh starts while it waits; then both go on.
            await using var blocker = new NpgsqlConnection(database.Options.ConnectionString);
            await blocker.OpenAsync();
            await using var hold = await blocker.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("""SELECT 1 FROM rights_evaluations WHERE "PersonId" = @p FOR UPDATE""", blocker, hold))
            {
                lockRow.Parameters.AddWithValue("p", person);
                await lockRow.ExecuteNonQueryAsync();
            }
            // Watched from another session: inside a transaction pg_stat_activity would not change.
            await using var watcher = new NpgsqlConnection(database.Options.ConnectionString);
            await watcher.OpenAsync();
            var all = full.RefreshAllAsync();
            await WaitersAsync(watcher, 1);
            var one = household.RefreshPeopleAsync([person]);
            await WaitersAsync(watcher, 2);
            await hold.CommitAsync();
            await Task.WhenAll(all, one);
        }
        else
        {
            await Task.WhenAll(full.RefreshAllAsync(), household.RefreshPeopleAsync([person]));
        }

        var verdicts = await world.QueryAsync(db => db.RightsEvaluations.IgnoreQueryFilters().Select(e => new { e.PersonId, e.SchemeCode }).ToListAsync());
        Assert.NotEmpty(verdicts);
        Assert.Equal(verdicts.Count, verdicts.Distinct().Count());
        Assert.Contains(verdicts, v => v.PersonId == person);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_household_refreshed_just_after_midnight_leaves_the_days_full_refresh_due(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var person = await world.QueryAsync(db => db.RightsEvaluations.Select(e => e.PersonId).FirstAsync());
        Assert.False(await world.Refresh.IsStaleAsync());

        // Everyone was evaluated yesterday; an officer's change refreshes one household today.
        database.Clock.Advance(TimeSpan.FromDays(1));
        await world.Refresh.RefreshPeopleAsync([person]);

        Assert.True(await world.Refresh.IsStaleAsync());
        await world.Refresh.RefreshAllAsync();
        Assert.False(await world.Refresh.IsStaleAsync());
    }

    [Fact]
    public async Task A_database_error_in_the_background_refresh_is_tried_again_at_the_next_check_and_stopping_still_stops()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var world = await RightsWorld.CreateAsync(database);
        var evaluated = world.Refresh.Today;
        database.Clock.Advance(TimeSpan.FromDays(1));
        // The database is away at the first check (the catalogue load), back at the next.
        var contexts = new FailingFirst(database);
        await using var services = new ServiceCollection().AddSingleton<IDbContextFactory<SaphanDb>>(contexts).BuildServiceProvider();
        using var service = new RightsRefreshService(services, new RightsRefresh(contexts, database.Clock), database.Clock, NullLogger<RightsRefreshService>.Instance);

        await service.StartAsync(CancellationToken.None);
        for (var tries = 0; tries < 200 && await world.QueryAsync(db => db.RightsEvaluations.AnyAsync(e => e.EvaluatedOn == evaluated)); tries++)
        {
            await Task.Delay(50);
            database.Clock.Advance(TimeSpan.FromMinutes(20));
        }

        Assert.True(contexts.Failed);
        Assert.False(await world.QueryAsync(db => db.RightsEvaluations.AnyAsync(e => e.EvaluatedOn == evaluated)));
        Assert.False(service.ExecuteTask!.IsCompleted);
        await service.StopAsync(CancellationToken.None);
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
    }

    private sealed class FailingFirst(TestDatabase database) : IDbContextFactory<SaphanDb>
    {
        public bool Failed { get; private set; }

        public SaphanDb CreateDbContext()
        {
            if (Failed) return database.CreateDbContext();
            Failed = true;
            throw new InvalidOperationException("The database is not there.");
        }
    }

    /// <summary>Waits until <paramref name="count"/> other sessions of the test database wait for a lock.</summary>
    private static async Task WaitersAsync(NpgsqlConnection connection, int count)
    {
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        for (var tries = 0; tries < 600; tries++)
        {
            if ((long)(await query.ExecuteScalarAsync())! >= count) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{count} sessions never waited for a lock.");
    }
}
