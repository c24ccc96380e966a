using Microsoft.EntityFrameworkCore;
using Saphan.Registry.SubjectRights;
using Saphan.Storage;

namespace Saphan.Assessment;

/// <summary>
/// The family report card in a PDPA access answer: the assessments of every household the person has lived in (the
/// household's answers are about them too, and the answers given for them by name), and those households' case plans.
/// </summary>
internal sealed class AssessmentPersonData : IPersonDataHolder
{
    public string Section => "familyReportCard";

    public async Task<object> ExportAsync(SaphanDb db, IReadOnlyCollection<Guid> people, IReadOnlyCollection<Guid> households, CancellationToken ct)
    {
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Answers)
            .Where(a => households.Contains(a.HouseholdId) || a.Answers.Any(x => x.PersonId != null && people.Contains(x.PersonId.Value)))
            .ToListAsync(ct);
        var plans = await db.CasePlans.AsNoTracking().Include(p => p.Actions).Where(p => households.Contains(p.HouseholdId)).ToListAsync(ct);
        return new
        {
            assessments = assessments.OrderBy(a => a.AssessedOn).ThenBy(a => a.StartedAt).Select(a => new
            {
                a.HouseholdId, a.AssessedOn, status = a.Status.ToString(), a.AssessorName, a.SubmittedAt, a.IsPoor, a.DeprivedIndicators, a.Note,
                answers = a.Answers.Where(x => x.PersonId is null || people.Contains(x.PersonId.Value))
                    .Select(x => new { indicator = x.IndicatorCode, aboutThisPerson = x.PersonId is not null, x.YesNo, x.Number }),
            }),
            casePlans = plans.Select(p => new
            {
                p.HouseholdId, p.CreatedBy, p.CreatedAt,
                actions = p.Actions.OrderBy(x => x.DueOn).Select(x => new
                {
                    problem = x.ProblemCode, x.Description, agency = x.AgencyKey, x.DueOn, status = x.Status.ToString(), x.Outcome, x.CompletedOn,
                }),
            }),
        };
    }
}
