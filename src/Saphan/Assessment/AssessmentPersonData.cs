using Microsoft.EntityFrameworkCore;
using Saphan.Registry.SubjectRights;
using Saphan.Storage;

namespace Saphan.Assessment;

/// <summary>
/// The family report card in a PDPA access answer: the assessments of the households the person lived in, made while they
/// lived there (with the answers given for them by name, whenever made), and the case-plan actions of those households set
/// while they lived there. What a household recorded after they left is about the others and is not theirs to receive.
/// </summary>
internal sealed class AssessmentPersonData : IPersonDataHolder
{
    public string Section => "familyReportCard";

    public async Task<object> ExportAsync(SaphanDb db, IReadOnlyCollection<Guid> people, IReadOnlyList<HouseholdStay> stays, CancellationToken ct)
    {
        var households = stays.Select(s => s.HouseholdId).Distinct().ToList();
        var assessments = (await db.Assessments.AsNoTracking().Include(a => a.Answers)
                .Where(a => households.Contains(a.HouseholdId) || a.Answers.Any(x => x.PersonId != null && people.Contains(x.PersonId.Value)))
                .ToListAsync(ct))
            .Where(a => stays.Any(s => s.Covers(a.HouseholdId, a.AssessedOn)) || a.Answers.Any(x => x.PersonId is { } p && people.Contains(p)));
        var plans = await db.CasePlans.AsNoTracking().Include(p => p.Actions).Where(p => households.Contains(p.HouseholdId)).ToListAsync(ct);
        return new
        {
            assessments = assessments.OrderBy(a => a.AssessedOn).ThenBy(a => a.StartedAt).Select(a => stays.Any(s => s.Covers(a.HouseholdId, a.AssessedOn))
                ? (object)new
                {
                    a.HouseholdId, a.AssessedOn, status = a.Status.ToString(), a.AssessorName, a.SubmittedAt, a.IsPoor, a.DeprivedIndicators, a.Note,
                    answers = Answers(a, people),
                }
                // Made after they left, in their new household's absence: only the answers given for them by name.
                : new { a.HouseholdId, a.AssessedOn, answers = Answers(a, people, aboutThemOnly: true) }),
            casePlans = plans.Select(p => new
            {
                p.HouseholdId,
                actions = p.Actions.Where(x => stays.Any(s => s.Covers(p.HouseholdId, x.CreatedAt))).OrderBy(x => x.DueOn).Select(x => new
                {
                    problem = x.ProblemCode, x.Description, agency = x.AgencyKey, x.DueOn, status = x.Status.ToString(), x.Outcome, x.CompletedOn,
                }),
            }).Where(p => p.actions.Any()),
        };
    }

    private static IEnumerable<object> Answers(HouseholdAssessment a, IReadOnlyCollection<Guid> people, bool aboutThemOnly = false) =>
        a.Answers.Where(x => x.PersonId is { } p ? people.Contains(p) : !aboutThemOnly)
            .Select(x => new { indicator = x.IndicatorCode, aboutThisPerson = x.PersonId is not null, x.YesNo, x.Number });
}
