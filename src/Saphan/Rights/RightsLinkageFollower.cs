using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Registry.Linking;
using Saphan.Storage;

namespace Saphan.Rights;

/// <summary>
/// Keeps rights in step with the registry's linkage. When linkage merges a person into a survivor, the merged person's facts,
/// enrolments and referrals move to the survivor in the same transaction as the merge, and their stored verdicts go (a merged
/// person is listed nowhere). After every run the verdicts of everyone the run touched are evaluated again, so a person whose
/// records now say 60 or over is on the work lists the same day, not after the daily refresh.
/// </summary>
internal sealed class RightsLinkageFollower(RightsRefresh refresh) : ILinkageFollower
{
    /// <summary>Above this many touched people one refresh of everyone is cheaper than lists of ids in every query.</summary>
    internal const int RefreshEveryoneAbove = 20_000;

    /// <summary>Written on a referral withdrawn because the survivor already had the same one open.</summary>
    internal const string DuplicateNote = "ถอนโดยระบบ: รวมทะเบียนแล้วพบว่าเป็นบุคคลเดียวกัน และมีการส่งต่อเรื่องเดียวกันที่ยังดำเนินการอยู่แล้ว";

    public async Task FollowMergesAsync(SaphanDb db, LinkageChanges changes, CancellationToken ct)
    {
        var merged = changes.Merges.Select(m => m.Merged).ToList();
        var involved = merged.Concat(changes.Merges.Select(m => m.Survivor)).Distinct().ToList();
        // System work on the people being merged: read their rows whatever the scope filters would say.
        var facts = await db.PersonFacts.IgnoreQueryFilters().Where(f => involved.Contains(f.PersonId)).ToListAsync(ct);
        var enrolments = await db.Enrolments.IgnoreQueryFilters().Where(e => involved.Contains(e.PersonId)).ToListAsync(ct);
        var referrals = await db.Referrals.IgnoreQueryFilters().Where(r => involved.Contains(r.PersonId)).ToListAsync(ct);

        foreach (var (gone, survivor) in changes.Merges)
        {
            var note = $"merged into {survivor} by linkage";

            // Facts are history (the newest by as-of date counts), so every fact moves; only the very same statement
            // (kind, value, source, as-of) already held by the survivor is not kept twice.
            var known = facts.Where(f => f.PersonId == survivor).Select(FactKey).ToHashSet();
            var (factsMoved, factsDropped) = (0, new List<long>());
            foreach (var fact in facts.Where(f => f.PersonId == gone).OrderBy(f => f.Id).ToList())
            {
                if (known.Add(FactKey(fact)))
                {
                    fact.FollowMerge(survivor);
                    factsMoved++;
                }
                else
                {
                    db.PersonFacts.Remove(fact);
                    facts.Remove(fact);
                    factsDropped.Add(fact.Id);
                }
            }
            if (factsMoved + factsDropped.Count > 0)
                db.AuditLog.Add(Entry(db, changes, "PersonFact", gone, $"{note}: {factsMoved} facts moved{Dropped(factsDropped, "already held by the survivor")}"));

            // An enrolment is identified by its scheme and start day (as the enrolment import does). The same enrolment known
            // twice is kept once — the one recorded later, which may carry an end the other does not know of; enrolments with
            // other start days are history (each row is what a list or an officer said) and all move. Verdicts only ask
            // whether one is active, so overlapping rows never count a person twice.
            var (enrolmentsMoved, enrolmentsDropped) = (0, new List<long>());
            foreach (var enrolment in enrolments.Where(e => e.PersonId == gone).OrderBy(e => e.Id).ToList())
            {
                var twin = enrolments.FirstOrDefault(e => e.PersonId == survivor && e.SchemeCode == enrolment.SchemeCode && e.StartDate == enrolment.StartDate);
                var keepMine = twin is null || (enrolment.RecordedAt, enrolment.Id).CompareTo((twin.RecordedAt, twin.Id)) > 0;
                var drop = keepMine ? twin : enrolment;
                if (drop is not null)
                {
                    db.Enrolments.Remove(drop);
                    enrolments.Remove(drop);
                    enrolmentsDropped.Add(drop.Id);
                }
                if (keepMine)
                {
                    enrolment.FollowMerge(survivor);
                    enrolmentsMoved++;
                }
            }
            if (enrolmentsMoved + enrolmentsDropped.Count > 0)
                db.AuditLog.Add(Entry(db, changes, "Enrolment", gone,
                    $"{note}: {enrolmentsMoved} enrolments moved{Dropped(enrolmentsDropped, "the same enrolment known twice, the earlier record")}"));

            // Every referral moves, open or closed: a merged person is shown nowhere, and a declined or completed referral is
            // part of the survivor's history. Two open referrals for the same scheme would have the agency act twice for one
            // person: the one further along (accepted before sent), else the older, stays; the other is withdrawn with a note.
            var mine = referrals.Where(r => r.PersonId == gone).ToList();
            foreach (var referral in mine) referral.FollowMerge(survivor, changes.At);
            var withdrawn = new List<Guid>();
            foreach (var scheme in mine.Where(r => r.IsOpen && r.SchemeCode is not null).Select(r => r.SchemeCode).Distinct().ToList())
            {
                var open = referrals.Where(r => r.PersonId == survivor && r.SchemeCode == scheme && r.IsOpen)
                    .OrderBy(r => r.Status == ReferralStatus.Accepted ? 0 : 1).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
                foreach (var duplicate in open.Skip(1))
                {
                    duplicate.MoveTo(ReferralStatus.Withdrawn, $"{DuplicateNote} ({open[0].Id})", changes.At);
                    withdrawn.Add(duplicate.Id);
                }
            }
            // At most one open referral per person and scheme is a unique index: the duplicates are closed in the database
            // now, so that the moves saved with the run can never meet an open twin, whichever row is written first.
            if (withdrawn.Count > 0)
            {
                await db.Referrals.IgnoreQueryFilters().Where(r => withdrawn.Contains(r.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ReferralStatus.Withdrawn), ct);
                // The status is a concurrency token: the tracked rows must know it is stored already, or their save finds no row.
                foreach (var duplicate in referrals.Where(r => withdrawn.Contains(r.Id)))
                    db.Entry(duplicate).Property(r => r.Status).OriginalValue = ReferralStatus.Withdrawn;
            }
            if (mine.Count > 0)
                db.AuditLog.Add(Entry(db, changes, "Referral", gone,
                    $"{note}: {mine.Count} referrals moved{(withdrawn.Count == 0 ? "" : $"; withdrawn as duplicates of open ones: {string.Join(",", withdrawn)}")}"));
        }

        // Their verdicts: nobody lists a merged person, and the survivor is evaluated again after the run.
        await db.RightsEvaluations.IgnoreQueryFilters().Where(e => merged.Contains(e.PersonId)).ExecuteDeleteAsync(ct);
    }

    public Task AfterLinkageAsync(LinkageChanges changes, CancellationToken ct) =>
        changes.Touched.Count > RefreshEveryoneAbove ? refresh.RefreshAllAsync(ct) : refresh.RefreshPeopleAsync(changes.Touched.ToList(), ct);

    private static (FactKind, bool?, long?, string, DateOnly) FactKey(PersonFact f) => (f.Kind, f.Flag, f.Amount, f.Source, f.AsOf);

    private static string Dropped(List<long> ids, string why) => ids.Count == 0 ? "" : $"; not kept twice ({why}): #{string.Join(",#", ids)}";

    private static AuditEntry Entry(SaphanDb db, LinkageChanges changes, string type, Guid person, string what) =>
        new(changes.At, db.Scope.UserId, db.Scope.UserName, AuditAction.Update, type, person.ToString(), db.AuditWhere, what);
}
