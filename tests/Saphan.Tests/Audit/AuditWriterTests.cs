using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Audit;

public sealed class AuditWriterTests
{
    private static AuditEntry Entry(TestDatabase database, int caller, int n) =>
        new(database.Clock.GetUtcNow(), $"user-{caller}", $"user-{caller}", AuditAction.List, "Person", $"{caller}:{n}", "/api/people", "search");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Many_reads_at_once_each_find_their_rows_stored_when_their_write_completes_and_in_fewer_writes(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var counting = new CountingFactory(database);
        var writer = new AuditWriter(counting);

        // 60 callers at once, each with up to 5 rows; as soon as a caller's write completes, its rows must be in the log.
        var missing = 0;
        await Task.WhenAll(Enumerable.Range(1, 60).Select(caller => Task.Run(async () =>
        {
            var rows = Enumerable.Range(1, 1 + caller % 5).Select(n => Entry(database, caller, n)).ToList();
            await writer.WriteAsync(rows);
            await using var db = database.OpenAsSystem();
            var stored = await db.AuditLog.CountAsync(a => a.UserId == $"user-{caller}");
            if (stored != rows.Count) Interlocked.Increment(ref missing);
        })));

        Assert.Equal(0, missing);
        await using var check = database.OpenAsSystem();
        Assert.Equal(Enumerable.Range(1, 60).Sum(c => 1 + c % 5), await check.AuditLog.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_that_arrive_during_a_write_go_together_in_the_next_one(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var counting = new CountingFactory(database) { BeforeFirst = () => { entered.Set(); release.Wait(TimeSpan.FromMinutes(1)); } };
        var writer = new AuditWriter(counting);

        var first = writer.WriteAsync([Entry(database, 0, 1)]);
        Assert.True(entered.Wait(TimeSpan.FromMinutes(1)));
        var waiting = Enumerable.Range(1, 10).Select(caller => writer.WriteAsync([Entry(database, caller, 1), Entry(database, caller, 2)])).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        release.Set();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal(2, counting.Opened);
        await using var db = database.OpenAsSystem();
        Assert.Equal(21, await db.AuditLog.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failed_write_fails_the_reads_waiting_for_it_and_the_next_write_succeeds(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var writer = new AuditWriter(new CountingFactory(database) { FailFirst = true });

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync([Entry(database, 1, 1)]));
        Assert.Equal("database unavailable", failed.Message);
        await writer.WriteAsync([Entry(database, 2, 1), Entry(database, 2, 2)]);
        await writer.WriteAsync([]);

        await using var db = database.OpenAsSystem();
        Assert.Equal(["2:1", "2:2"], await db.AuditLog.OrderBy(a => a.RecordId).Select(a => a.RecordId).ToListAsync());
    }

    /// <summary>Counts the contexts the writer opens; can fail the first, as a database that has gone away would.</summary>
    private sealed class CountingFactory(TestDatabase database) : IDbContextFactory<SaphanDb>
    {
        private int opened;

        public bool FailFirst { get; init; }

        public Action? BeforeFirst { get; init; }

        public int Opened => opened;

        public SaphanDb CreateDbContext()
        {
            var n = Interlocked.Increment(ref opened);
            if (n == 1) BeforeFirst?.Invoke();
            if (n == 1 && FailFirst) throw new InvalidOperationException("database unavailable");
            return database.CreateDbContext();
        }
    }
}
