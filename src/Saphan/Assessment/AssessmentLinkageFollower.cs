using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Registry.Linking;
using Saphan.Storage;

namespace Saphan.Assessment;

/// <summary>
/// The family report card follows the registry's linkage: answers given for a member who is merged into a survivor are the
/// survivor's from then on, in the same transaction as the merge, so the report card still names who lacked what. (All other
/// report card rows are keyed by household; stored profiles are as of their submission and need no re-evaluation.)
/// </summary>
internal sealed class AssessmentLinkageFollower : ILinkageFollower
{
    public async Task FollowMergesAsync(SaphanDb db, LinkageChanges changes, CancellationToken ct)
    {
        var merged = changes.Merges.Select(m => (Guid?)m.Merged).ToList();
        var assessments = await db.Assessments.IgnoreQueryFilters()
            .Where(a => a.Answers.Any(x => merged.Contains(x.PersonId)))
            .OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var (gone, survivor) in changes.Merges)
        {
            foreach (var assessment in assessments.Where(a => a.Answers.Any(x => x.PersonId == gone)))
            {
                var moved = assessment.FollowMerge(gone, survivor);
                var left = assessment.Answers.Count(x => x.PersonId == gone);
                db.AuditLog.Add(new AuditEntry(changes.At, db.Scope.UserId, db.Scope.UserName, AuditAction.Update, "Assessment", assessment.Id.ToString(),
                    db.AuditWhere, $"answers of {gone} merged into {survivor} by linkage: {moved} moved" + (left > 0 ? $", {left} kept (the survivor answered the same question)" : "")));
            }
        }
    }

    public Task AfterLinkageAsync(LinkageChanges changes, CancellationToken ct) => Task.CompletedTask;
}
