using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Registry.Linking;
using Saphan.Registry.Sources;
using Saphan.Storage;

namespace Saphan.Registry.Review;

/// <summary>
/// The data stewards' review queue: uncertain pairs side by side, decisions that every later linkage run respects,
/// and splitting a record off a person (which is how any link is undone). Every read and decision is audited.
/// </summary>
public sealed class ReviewQueue(DataAccess data, RegistryLinker linker, TimeProvider clock)
{
    public sealed record Side(Source Source, SourceRecord Record, Guid? PersonId);

    public sealed record PairView(ReviewPair Pair, Side A, Side B);

    public async Task<IReadOnlyList<ReviewPair>> OpenPairsAsync(int take = 50, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync("/registry/review", "review queue");
        if (!db.Scope.SeesEveryone) return [];
        return await db.ReviewPairs.AsNoTracking()
            .Where(p => p.Status == ReviewStatus.Open || p.Status == ReviewStatus.Skipped)
            .OrderBy(p => p.Status).ThenByDescending(p => p.Weight).ThenBy(p => p.Id)
            .Take(take).ToListAsync(ct);
    }

    public async Task<PairView?> OpenPairAsync(long id, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync($"/registry/review/{id}", "review queue");
        if (!db.Scope.SeesEveryone) return null;
        var pair = await db.ReviewPairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pair is null) return null;
        var a = await SideAsync(db, pair.SourceIdA, pair.RecordKeyA, ct);
        var b = await SideAsync(db, pair.SourceIdB, pair.RecordKeyB, ct);
        if (a is null || b is null) return null;
        await data.AuditAsync(AuditAction.Read, "SourceRecord", [a.Record.Id.ToString(), b.Record.Id.ToString()], $"/registry/review/{id}", "review a pair");
        return new PairView(pair, a, b);
    }

    /// <summary>Records the steward's decision and, for "same" or "not the same", re-links the registry so it takes effect now.</summary>
    public async Task<RelinkSummary?> DecideAsync(long id, ReviewStatus decision, CancellationToken ct = default)
    {
        var viewer = await data.ScopeAsync();
        ReviewPair decided;
        await using (var db = await data.OpenAsync($"/registry/review/{id}", "review decision"))
        {
            if (!db.Scope.SeesEveryone) throw new UnauthorizedAccessException("Only data stewards decide review pairs.");
            var pair = await db.ReviewPairs.FirstAsync(p => p.Id == id, ct);
            if (pair.Status is ReviewStatus.Same or ReviewStatus.NotSame) throw new ReviewPairDecidedException(pair);
            pair.Decide(decision, viewer.UserName, clock.GetUtcNow());
            db.AuditLog.Add(new AuditEntry(clock.GetUtcNow(), viewer.UserId, viewer.UserName, AuditAction.Update, "ReviewPair", id.ToString(),
                $"/registry/review/{id}", $"decision: {decision} ({pair.SourceIdA}:{pair.RecordKeyA} / {pair.SourceIdB}:{pair.RecordKeyB})"));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another steward decided the same pair between our reading it and saving: theirs stands, and we say so.
                await db.Entry(pair).ReloadAsync(ct);
                throw new ReviewPairDecidedException(pair);
            }
            decided = pair;
        }
        return decision == ReviewStatus.Skipped ? null : await linker.RelinkAsync(LinkageCause.Decision(id, decided, viewer.UserName), ct);
    }

    /// <summary>
    /// Splits one agency record off its person: it is decided "not the same person" as each of the person's other records,
    /// so no later run joins them again, and the registry is re-linked. Undoes an automatic link or a "same" decision. The person
    /// (household, aliases, rights, assessments) stays with the records that remain; the record split off joins someone else or
    /// becomes a new person.
    /// </summary>
    public async Task<RelinkSummary> SplitAsync(int sourceId, string recordKey, CancellationToken ct = default)
    {
        var viewer = await data.ScopeAsync();
        var now = clock.GetUtcNow();
        await using (var db = await data.OpenAsync("/people", "split a record off a person"))
        {
            if (!db.Scope.SeesEveryone) throw new UnauthorizedAccessException("Only data stewards split people.");
            var link = await db.RecordLinks.FirstAsync(l => l.SourceId == sourceId && l.RecordKey == recordKey, ct);
            var others = await db.RecordLinks.Where(l => l.PersonId == link.PersonId && l.Id != link.Id).ToListAsync(ct);
            foreach (var other in others)
            {
                var wanted = ReviewPair.Create(sourceId, recordKey, other.SourceId, other.RecordKey, 0, "split by a data steward", null, now);
                var pair = await db.ReviewPairs.FirstOrDefaultAsync(p => p.SourceIdA == wanted.SourceIdA && p.RecordKeyA == wanted.RecordKeyA
                    && p.SourceIdB == wanted.SourceIdB && p.RecordKeyB == wanted.RecordKeyB, ct);
                if (pair is null) db.ReviewPairs.Add(pair = wanted);
                if (pair.Status != ReviewStatus.NotSame) pair.Reconsider(ReviewStatus.NotSame, viewer.UserName, now);
            }
            db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Update, "Person", link.PersonId.ToString(),
                "/people", $"split record {sourceId}:{recordKey} off"));
            await db.SaveChangesAsync(ct);
        }
        return await linker.RelinkAsync(LinkageCause.Split(new AgencyRecordKey(sourceId, recordKey), viewer.UserName), ct);
    }

    private static async Task<Side?> SideAsync(SaphanDb db, int sourceId, string key, CancellationToken ct)
    {
        var record = await db.SourceRecords.AsNoTracking().Where(r => r.SourceId == sourceId && r.RecordKey == key)
            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sourceId, ct);
        if (record is null || source is null) return null;
        var person = await db.RecordLinks.AsNoTracking().Where(l => l.SourceId == sourceId && l.RecordKey == key).Select(l => (Guid?)l.PersonId).FirstOrDefaultAsync(ct);
        return new Side(source, record, person);
    }
}

/// <summary>The pair was decided (same / not the same) by another steward before this decision: theirs stands.</summary>
public sealed class ReviewPairDecidedException(ReviewPair pair)
    : InvalidOperationException($"Review pair {pair.Id} was decided already: {pair.Status} by {pair.DecidedBy} at {pair.DecidedAt:O}.")
{
    public ReviewStatus Status { get; } = pair.Status;
    public string? DecidedBy { get; } = pair.DecidedBy;
    public DateTimeOffset? DecidedAt { get; } = pair.DecidedAt;
}
