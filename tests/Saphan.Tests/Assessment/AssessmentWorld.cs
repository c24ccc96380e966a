using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Saphan.Assessment;
using Saphan.Assessment.Cases;
using Saphan.Assessment.Entry;
using Saphan.Assessment.Figures;
using Saphan.Assessment.Indicators;
using Saphan.Assessment.Plans;
using Saphan.Registry;
using Saphan.Tests.Support;

namespace Saphan.Tests.Assessment;

/// <summary>The family report card's services acting for one signed-in user on a test database.</summary>
public sealed class AssessmentWorld(TestDatabase database, ClaimsPrincipal user)
{
    private readonly IndicatorCatalogue catalogue = new(database);

    public AssessmentService Entry => new(TestViewers.DataAccessFor(database, user), catalogue, Options.Create(new AssessmentOptions { MaxPhotoBytes = 50_000 }), database.Clock);
    public ReportCards Cards => new(TestViewers.DataAccessFor(database, user), catalogue);
    public PovertyFigures Figures => new(TestViewers.DataAccessFor(database, user));
    public WorkList WorkList => new(TestViewers.DataAccessFor(database, user));
    public CasePlans Plans => new(TestViewers.DataAccessFor(database, user), catalogue, database.Clock);
    public PlanViews PlanViews => new(TestViewers.DataAccessFor(database, user));
    public AssessmentWorld As(ClaimsPrincipal other) => new(database, other);

    public static async Task<IndicatorSet> EnsureIndicatorsAsync(TestDatabase database)
    {
        await using var db = database.OpenAsSystem();
        return await IndicatorCatalogue.EnsureDefaultAsync(db);
    }

    /// <summary>Answers every question for the household: "yes" everywhere and comfortable numbers, except the codes given as problems.</summary>
    public static Dictionary<AnswerKey, AnswerValue> Answers(IndicatorSet set, IReadOnlyList<MemberFacts> members, DateOnly on, params string[] problems)
    {
        var answers = new Dictionary<AnswerKey, AnswerValue>();
        foreach (var indicator in set.Indicators)
        {
            var bad = problems.Contains(indicator.Code);
            IEnumerable<Guid?> subjects = indicator.Subject == IndicatorSubject.Household ? [null] : Deprivations.AskedMembers(indicator, members, on).Select(m => (Guid?)m.PersonId);
            foreach (var person in subjects)
                answers[new AnswerKey(indicator.Code, person)] = indicator.AnswerType == AnswerType.YesNo
                    ? new AnswerValue(null, !bad)
                    : new AnswerValue((bad ? 1m : indicator.Code == "INC-1" ? 500_000m : indicator.Code == "LIV-3" ? 10m : 100m) * members.Count, null);
        }
        return answers;
    }

    public static async Task<List<MemberFacts>> MembersAsync(TestDatabase database, Guid householdId)
    {
        await using var db = database.OpenAsSystem();
        return await db.People.Where(p => p.HouseholdId == householdId)
            .Select(p => new MemberFacts(p.Id, p.GivenName, p.BirthDate, p.HasDisabilityCard, p.IsBedridden)).ToListAsync();
    }

    /// <summary>A household of the district that has members with exact birth dates (so every question can be answered).</summary>
    public static async Task<Household> HouseholdInAsync(TestDatabase database, string district, int skip = 0)
    {
        await using var db = database.OpenAsSystem();
        return await db.Households.Where(h => h.DistrictCode == district && h.Members.Any() && h.Members.All(m => m.BirthDate != null))
            .OrderBy(h => h.Id).Skip(skip).FirstAsync();
    }
}
