using Microsoft.EntityFrameworkCore;
using Saphan.Registry;
using Saphan.Storage;

namespace Saphan.Audit;

/// <summary>
/// Writes the audit rows for changes as part of the same save, so a change and its audit row commit together,
/// and refuses any edit or deletion of existing audit rows.
/// </summary>
internal static class AuditTrail
{
    public static void RecordChanges(SaphanDb db)
    {
        var tracker = db.ChangeTracker;
        if (db.IsBulkLoad) return;
        tracker.DetectChanges();
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit log is append-only.");

        var now = db.Clock.GetUtcNow();
        var rows = new List<AuditEntry>();
        foreach (var entry in tracker.Entries())
        {
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Create,
                EntityState.Modified => AuditAction.Update,
                EntityState.Deleted => AuditAction.Delete,
                _ => (AuditAction?)null,
            };
            if (action is null) continue;
            var (type, id) = entry.Entity switch
            {
                Person p => ("Person", p.Id.ToString()),
                Household h => ("Household", h.Id.ToString()),
                _ => ((string?)null, ""),
            };
            if (type is null) continue;
            var changed = action == AuditAction.Update
                ? string.Join(",", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
                : "";
            rows.Add(new AuditEntry(now, db.Scope.UserId, db.Scope.UserName, action.Value, type, id, db.AuditWhere,
                changed.Length > 0 ? $"{db.AuditPurpose} [{changed}]" : db.AuditPurpose));
        }
        db.AuditLog.AddRange(rows);
    }
}
