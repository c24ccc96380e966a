using Microsoft.EntityFrameworkCore;
using Saphan.Registry.SubjectRights;
using Saphan.Storage;

namespace Saphan.Rights;

/// <summary>Rights and welfare in a PDPA access answer: the facts recorded, enrolments, the current verdicts and referrals.</summary>
internal sealed class RightsPersonData : IPersonDataHolder
{
    public string Section => "rightsAndWelfare";

    public async Task<object> ExportAsync(SaphanDb db, IReadOnlyCollection<Guid> people, IReadOnlyList<HouseholdStay> stays, CancellationToken ct)
    {
        var facts = await db.PersonFacts.AsNoTracking().Where(f => people.Contains(f.PersonId)).OrderBy(f => f.Id).ToListAsync(ct);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => people.Contains(e.PersonId)).OrderBy(e => e.Id).ToListAsync(ct);
        var verdicts = await db.RightsEvaluations.AsNoTracking().Where(e => people.Contains(e.PersonId)).OrderBy(e => e.SchemeCode).ToListAsync(ct);
        // Ordered here: SQLite cannot order by a DateTimeOffset.
        var referrals = (await db.Referrals.AsNoTracking().Where(r => people.Contains(r.PersonId)).ToListAsync(ct)).OrderBy(r => r.CreatedAt);
        return new
        {
            facts = facts.Select(f => new { kind = f.Kind.ToString(), f.Flag, f.Amount, f.Source, f.AsOf, f.RecordedBy, f.RecordedAt }),
            enrolments = enrolments.Select(e => new { scheme = e.SchemeCode, e.StartDate, e.EndDate, e.Source, e.Line, e.RecordedBy, e.RecordedAt }),
            verdicts = verdicts.Select(v => new
            {
                scheme = v.SchemeCode, v.EvaluatedOn, status = v.Status.ToString(), v.MonthlyAmount,
                met = v.Met.ToString(), failed = v.Failed.ToString(), unknown = v.Unknown.ToString(),
            }),
            referrals = referrals.Select(r => new
            {
                scheme = r.SchemeCode, from = r.FromAgency, to = r.ToAgency, r.Reason, status = r.Status.ToString(), r.StatusNote, r.DueDate,
                by = r.CreatedByName, r.CreatedAt, r.UpdatedAt,
            }),
        };
    }
}
