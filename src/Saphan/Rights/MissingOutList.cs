using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Rights.Eligibility;
using Saphan.Storage;

namespace Saphan.Rights;

/// <summary>What to list: a district, a scheme, people missing out or people whose data is missing.</summary>
public sealed record WorkListQuery(string? DistrictCode = null, string? SchemeCode = null, bool Unknown = false, int Page = 0);

/// <summary>One scheme a listed person misses (or cannot be decided for).</summary>
public sealed record MissedScheme(string SchemeCode, RightStatus Status, int MonthlyAmount, bool Referred);

/// <summary>One person on a work list, with what they miss and why they rank where they do.</summary>
public sealed record WorkListEntry(
    Guid PersonId, string Name, string DistrictCode, int? Age, bool Bedridden, bool Homeless, bool Disabled,
    IReadOnlyList<MissedScheme> Schemes, int MonthlyForgone, int Priority);

public sealed record WorkList(IReadOnlyList<WorkListEntry> Entries, int Total, int Page, int PageSize, DateOnly? EvaluatedOn);

/// <summary>
/// Work lists of people missing out (ตกหล่นสิทธิ), from the stored verdicts, through the viewer's scope: a district officer
/// gets their district, a department officer their remit (by default only the schemes their department answers for).
/// Ranked by priority = baht a month forgone + 300 for each vulnerability (bedridden, homeless, disability, 80 or over,
/// under 6) + 1,000 when the Thai ID card is missing, because without it nothing else can be obtained.
/// </summary>
public sealed class MissingOutList(DataAccess data)
{
    public const int PageSize = 50;

    public async Task<WorkList> ForViewerAsync(WorkListQuery query, string where, CancellationToken ct = default)
    {
        var viewer = await data.ScopeAsync();
        if (!viewer.SeesPeople) return new WorkList([], 0, 0, PageSize, null);
        await using var db = await data.OpenAsync(where, "missing-out work list");
        var statuses = query.Unknown ? new[] { RightStatus.Unknown } : [RightStatus.MissingOut, RightStatus.Eligible];
        var schemes = await db.RightsSchemes.AsNoTracking().ToListAsync(ct);
        var departmentSchemes = viewer.Department is { } dep && query.SchemeCode is null
            ? schemes.Where(s => s.Department == dep).Select(s => s.Code).ToList()
            : null;

        var rows = from e in db.RightsEvaluations.AsNoTracking()
                   join p in db.People on e.PersonId equals p.Id
                   where statuses.Contains(e.Status)
                   select new { e.PersonId, e.SchemeCode, e.Status, e.MonthlyAmount, e.EvaluatedOn, p.Title, p.GivenName, p.FamilyName, p.BirthDate,
                       p.DistrictCode, p.IsBedridden, p.IsHomeless, p.HasDisabilityCard };
        if (query.DistrictCode is { } district) rows = rows.Where(r => r.DistrictCode == district);
        if (query.SchemeCode is { } scheme) rows = rows.Where(r => r.SchemeCode == scheme);
        if (departmentSchemes is not null) rows = rows.Where(r => departmentSchemes.Contains(r.SchemeCode));
        var found = await rows.ToListAsync(ct);

        var personIds = found.Select(r => r.PersonId).Distinct().ToList();
        var open = await db.Referrals.AsNoTracking()
            .Where(r => (r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted) && personIds.Contains(r.PersonId))
            .Select(r => new { r.PersonId, r.SchemeCode }).ToListAsync(ct);
        var referred = open.Select(r => (r.PersonId, r.SchemeCode)).ToHashSet();
        var today = PersonCase.Pack(data.Today);

        var entries = found.GroupBy(r => r.PersonId).Select(g =>
        {
            var p = g.First();
            int? age = p.BirthDate is { } b ? Evaluator.AgeOn(PersonCase.Pack(b), today) : null;
            var missed = g.OrderByDescending(x => x.MonthlyAmount).ThenBy(x => x.SchemeCode, StringComparer.Ordinal)
                .Select(x => new MissedScheme(x.SchemeCode, x.Status, x.MonthlyAmount, referred.Contains((x.PersonId, x.SchemeCode)))).ToList();
            var forgone = missed.Sum(m => m.MonthlyAmount);
            var vulnerabilities = (p.IsBedridden ? 1 : 0) + (p.IsHomeless ? 1 : 0) + (p.HasDisabilityCard ? 1 : 0) + (age >= 80 ? 1 : 0) + (age < 6 ? 1 : 0);
            var priority = forgone + 300 * vulnerabilities + (missed.Any(m => m.SchemeCode == RightsCatalogue.ThaiIdCard) ? 1000 : 0);
            return new WorkListEntry(p.PersonId, $"{p.Title}{p.GivenName} {p.FamilyName}".Trim(), p.DistrictCode, age, p.IsBedridden, p.IsHomeless,
                p.HasDisabilityCard, missed, forgone, priority);
        })
        .OrderByDescending(e => e.Priority).ThenByDescending(e => e.Age ?? 0).ThenBy(e => e.PersonId)
        .ToList();

        var page = entries.Skip(query.Page * PageSize).Take(PageSize).ToList();
        await data.AuditAsync(AuditAction.List, "Person", page.Select(e => e.PersonId.ToString()), where, "missing-out work list");
        return new WorkList(page, entries.Count, query.Page, PageSize, found.Count == 0 ? null : found.Max(r => r.EvaluatedOn));
    }
}
