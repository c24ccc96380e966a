using Microsoft.EntityFrameworkCore;
using Saphan.Assessment.Indicators;
using Saphan.Audit;
using Saphan.Registry;
using Saphan.Storage;

namespace Saphan.Assessment.Entry;

/// <summary>One submitted assessment on a household's timeline, and what changed since the one before.</summary>
public sealed record TimelineEntry(HouseholdAssessment Assessment, IndicatorSet Set, IReadOnlyList<Indicator> Deprived,
    IReadOnlyDictionary<string, IReadOnlyList<string>> DeprivedMembers,
    IReadOnlyList<Indicator> Solved, IReadOnlyList<Indicator> Remaining, IReadOnlyList<Indicator> New);

/// <summary>A household's family report card: the latest profile, the history, an open draft if any.</summary>
public sealed record ReportCard(Guid HouseholdId, string HeadName, string Address, string DistrictCode, IReadOnlyList<MemberFacts> Members,
    IReadOnlyList<TimelineEntry> Timeline, Guid? DraftId)
{
    public TimelineEntry? Latest => Timeline.Count > 0 ? Timeline[^1] : null;
}

/// <summary>
/// Reads a household's report card. Which indicators each assessment found is what was stored when it was submitted (with its
/// own indicator set); only the names of the members behind a member indicator are worked out again from the stored answers.
/// </summary>
public sealed class ReportCards(DataAccess data, IndicatorCatalogue catalogue)
{
    public async Task<ReportCard?> OpenAsync(Guid householdId, CancellationToken ct = default)
    {
        var where = $"/report-card/households/{householdId}";
        await using var db = await data.OpenAsync(where, "family report card");
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            if (await db.Households.IgnoreQueryFilters().AnyAsync(h => h.Id == householdId, ct))
                await data.AuditAsync(AuditAction.Denied, "Household", householdId.ToString(), where, "family report card");
            return null;
        }
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == householdId, ct);
        var (head, address, members) = await AssessmentService.HouseholdAsync(db, householdId, ct);
        var assessments = (await db.Assessments.AsNoTracking().Where(a => a.HouseholdId == householdId).ToListAsync(ct))
            .OrderBy(a => a.AssessedOn).ThenBy(a => a.SubmittedAt).ToList();
        var submitted = assessments.Where(a => a.Status == AssessmentStatus.Submitted).ToList();

        // Members who have left since still belong to the assessments they were in.
        var answeredFor = submitted.SelectMany(a => a.Answers).Where(a => a.PersonId != null).Select(a => a.PersonId!.Value).ToHashSet();
        var former = answeredFor.Except(members.Select(m => m.PersonId)).ToList();
        var formerFacts = former.Count == 0 ? [] : await db.People.AsNoTracking().Where(p => former.Contains(p.Id))
            .Select(p => new MemberFacts(p.Id, (p.Title ?? "") + p.GivenName + " " + p.FamilyName, p.BirthDate, p.HasDisabilityCard, p.IsBedridden)).ToListAsync(ct);
        var facts = members.Concat(formerFacts).ToDictionary(m => m.PersonId);

        var timeline = new List<TimelineEntry>();
        HashSet<string>? before = null;
        foreach (var a in submitted)
        {
            var set = await catalogue.GetAsync(a.IndicatorSetId, ct);
            var now = a.DeprivedCodes;
            List<Indicator> Of(IEnumerable<string> codes) =>
                codes.Select(c => set.Find(c) ?? timeline.Select(t => t.Set.Find(c)).LastOrDefault(i => i is not null)).OfType<Indicator>().OrderBy(i => i.Order).ToList();
            var whoLacks = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var indicator in Of(now).Where(i => i.Subject == IndicatorSubject.Member))
            {
                var names = a.Answers.Where(x => x.IndicatorCode == indicator.Code && x.PersonId is { } id && facts.ContainsKey(id))
                    .Select(x => (Member: facts[x.PersonId!.Value], Answer: new AnswerValue(x.Number, x.YesNo)))
                    .Where(x => indicator.AskWhenRule.IsTrue(MemberLookup(x.Member, null, a)) && indicator.DeprivedWhenRule.IsTrue(MemberLookup(x.Member, x.Answer, a)))
                    .Select(x => x.Member.Name).ToList();
                whoLacks[indicator.Code] = names;
            }
            timeline.Add(before is null
                ? new TimelineEntry(a, set, Of(now), whoLacks, [], [], Of(now))
                : new TimelineEntry(a, set, Of(now), whoLacks, Of(before.Except(now)), Of(before.Intersect(now)), Of(now.Except(before))));
            before = now.ToHashSet();
        }
        await data.AuditAsync(AuditAction.Read, "Household", householdId.ToString(), where, "family report card");
        if (submitted.Count > 0) await data.AuditAsync(AuditAction.Read, "Assessment", submitted.Select(a => a.Id.ToString()), where, "family report card");
        var draft = assessments.FirstOrDefault(a => a.Status == AssessmentStatus.Draft)?.Id;
        return new ReportCard(householdId, head, address, household.DistrictCode, members, timeline, draft);
    }

    private static Func<string, object?> MemberLookup(MemberFacts member, AnswerValue? answer, HouseholdAssessment a) => name => name switch
    {
        "answer" => answer?.AsRuleValue,
        "members" => (decimal)a.MemberCount,
        "age" => member.AgeOn(a.AssessedOn) is { } age ? (decimal)age : null,
        "disabled" => member.Disabled,
        "bedridden" => member.Bedridden,
        _ => null,
    };
}
