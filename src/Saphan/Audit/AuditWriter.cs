using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Saphan.Storage;

namespace Saphan.Audit;

/// <summary>
/// Writes the audit rows of reads (a person opened, a search listing) with group commit: rows that arrive while a write
/// is under way go together in the next one, and each caller waits until its own rows are committed. A read is therefore
/// never shown before its audit rows are stored, but fifty searches at once cost a handful of inserts, not fifty.
/// On PostgreSQL a group is one INSERT of arrays: EF's change tracking and one INSERT per row were a seventh of a search's CPU.
/// </summary>
public sealed class AuditWriter(IDbContextFactory<SaphanDb> contexts)
{
    private readonly Lock gate = new();
    private List<Pending> queue = [];
    private bool writing;

    private sealed record Pending(IReadOnlyCollection<AuditEntry> Entries, TaskCompletionSource Stored);

    /// <summary>Completes when <paramref name="entries"/> are committed; throws what the database threw otherwise.</summary>
    public Task WriteAsync(IReadOnlyCollection<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return Task.CompletedTask;
        var mine = new Pending(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (gate)
        {
            queue.Add(mine);
            start = !writing;
            writing = true;
        }
        // The writing runs on its own, so that no caller's request is kept busy writing everybody else's rows.
        if (start) _ = Task.Run(WriteQueuedAsync);
        return mine.Stored.Task;
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<Pending> group;
            lock (gate)
            {
                if (queue.Count == 0)
                {
                    writing = false;
                    return;
                }
                group = queue;
                queue = [];
            }
            try
            {
                await using var db = await contexts.CreateDbContextAsync();
                if (db.IsPostgreSql)
                {
                    await InsertAsync(db, group.SelectMany(p => p.Entries).ToList());
                }
                else
                {
                    db.ChangeTracker.AutoDetectChangesEnabled = false;
                    db.AuditLog.AddRange(group.SelectMany(p => p.Entries));
                    await db.SaveChangesAsync();
                }
                foreach (var p in group) p.Stored.TrySetResult();
            }
            catch (Exception e)
            {
                // Each waiting read fails with the cause: a read whose audit row could not be stored is not shown.
                foreach (var p in group) p.Stored.TrySetException(e);
            }
        }
    }

    private static readonly string[] CopiedProperties =
    [
        nameof(AuditEntry.At), nameof(AuditEntry.UserId), nameof(AuditEntry.UserName), nameof(AuditEntry.Action),
        nameof(AuditEntry.RecordType), nameof(AuditEntry.RecordId), nameof(AuditEntry.Where), nameof(AuditEntry.Purpose),
    ];

    private string? insert;

    private async Task InsertAsync(SaphanDb db, IReadOnlyList<AuditEntry> entries)
    {
        insert ??= BulkCopy.InsertFromArrays<AuditEntry>(db, CopiedProperties);
        await db.Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(insert, (NpgsqlConnection)db.Database.GetDbConnection());
        void Column<T>(Func<AuditEntry, T> value, NpgsqlDbType type) =>
            command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type });
        Column(e => e.At, NpgsqlDbType.TimestampTz);
        Column(e => e.UserId, NpgsqlDbType.Text);
        Column(e => e.UserName, NpgsqlDbType.Text);
        Column(e => (int)e.Action, NpgsqlDbType.Integer);
        Column(e => e.RecordType, NpgsqlDbType.Text);
        Column(e => e.RecordId, NpgsqlDbType.Text);
        Column(e => e.Where, NpgsqlDbType.Text);
        Column(e => e.Purpose, NpgsqlDbType.Text);
        await command.ExecuteNonQueryAsync();
    }
}
