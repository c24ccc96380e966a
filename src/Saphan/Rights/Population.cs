using Microsoft.EntityFrameworkCore;
using Saphan.Linkage.Normalisation;
using Saphan.Rights.Eligibility;
using Saphan.Storage;

namespace Saphan.Rights;

/// <summary>
/// People as the evaluator sees them, loaded through whatever scope the context has: the registry's facts (birth date,
/// national ID, disability card), the newest recorded fact of each kind, and the enrolments active on the day.
/// </summary>
public sealed class Population
{
    private Population(Guid[] ids, string[] districts, PersonCase[] cases)
    {
        Ids = ids;
        Districts = districts;
        Cases = cases;
    }

    public Guid[] Ids { get; }
    public string[] Districts { get; }
    public PersonCase[] Cases { get; }
    public int Count => Ids.Length;

    public int IndexOf(Guid id) => Array.IndexOf(Ids, id);

    /// <summary>
    /// Thai nationality from the national ID's first digit when no fact says otherwise: 1–5 are Thai citizens
    /// (DOPA person types), 6–7 are not; 8 (aliens, some naturalised) and anything else stays unknown.
    /// </summary>
    public static Known NationalityFromCitizenId(CitizenId? id) =>
        id is not { IsValid: true } valid ? Known.Unknown
        : valid.Digits[0] is >= '1' and <= '5' ? Known.Yes
        : valid.Digits[0] is '6' or '7' ? Known.No
        : Known.Unknown;

    /// <summary>
    /// Loads everyone the context shows, or (with <paramref name="only"/>) those people and the other members of their
    /// households — household income per person needs every member's income.
    /// </summary>
    public static async Task<Population> LoadAsync(SaphanDb db, RuleBook book, DateOnly day, IReadOnlyCollection<Guid>? only = null, CancellationToken ct = default)
    {
        var people = db.People.AsNoTracking();
        if (only is not null)
        {
            var ids = only.ToList();
            var households = await people.Where(p => ids.Contains(p.Id) && p.HouseholdId != null).Select(p => p.HouseholdId!.Value).Distinct().ToListAsync(ct);
            people = people.Where(p => ids.Contains(p.Id) || (p.HouseholdId != null && households.Contains(p.HouseholdId.Value)));
        }
        var rows = await people
            .Select(p => new { p.Id, p.BirthDate, p.CitizenId, p.HasDisabilityCard, p.IsHomeless, p.IsBedridden, p.DistrictCode, p.HouseholdId })
            .ToListAsync(ct);
        var index = new Dictionary<Guid, int>(rows.Count);
        var cases = new PersonCase[rows.Count];
        var idArray = new Guid[rows.Count];
        var districts = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            index[r.Id] = i;
            idArray[i] = r.Id;
            districts[i] = r.DistrictCode;
            var c = PersonCase.Empty;
            c.BirthDate = r.BirthDate is { } b ? PersonCase.Pack(b) : 0;
            c.HasValidCitizenId = r.CitizenId is { IsValid: true };
            c.HasDisabilityCard = r.HasDisabilityCard;
            c.IsHomeless = r.IsHomeless;
            c.IsBedridden = r.IsBedridden;
            c.ThaiNationality = NationalityFromCitizenId(r.CitizenId);
            c.District = short.TryParse(r.DistrictCode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : (short)0;
            cases[i] = c;
        }

        var loadedIds = only is null ? null : idArray.ToList();
        var facts = db.PersonFacts.AsNoTracking().Where(f => f.AsOf <= day);
        if (loadedIds is not null) facts = facts.Where(f => loadedIds.Contains(f.PersonId));
        // Newest fact of each kind wins: order so that later rows overwrite earlier ones.
        await foreach (var f in facts.OrderBy(f => f.AsOf).ThenBy(f => f.Id).Select(f => new { f.PersonId, f.Kind, f.Flag, f.Amount }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!index.TryGetValue(f.PersonId, out var i)) continue;
            ref var c = ref cases[i];
            var flag = f.Flag switch { true => Known.Yes, false => Known.No, _ => Known.Unknown };
            switch (f.Kind)
            {
                case FactKind.ThaiNationality: c.ThaiNationality = flag; break;
                case FactKind.StatePension: c.StatePension = flag; break;
                case FactKind.Disability: c.DisabilityRecorded = flag; break;
                case FactKind.OwnIncome: c.OwnIncome = f.Amount ?? PersonCase.NotKnown; break;
                case FactKind.FinancialAssets: c.FinancialAssets = f.Amount ?? PersonCase.NotKnown; break;
            }
        }

        var enrolments = db.Enrolments.AsNoTracking().Where(e => e.StartDate <= day && (e.EndDate == null || e.EndDate > day));
        if (loadedIds is not null) enrolments = enrolments.Where(e => loadedIds.Contains(e.PersonId));
        await foreach (var e in enrolments.Select(e => new { e.PersonId, e.SchemeCode }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!index.TryGetValue(e.PersonId, out var i)) continue;
            var s = book.IndexOf(e.SchemeCode);
            if (s < 0) continue;
            cases[i].Enrolled |= 1u << s;
            if (e.SchemeCode == RightsCatalogue.DisabilityCard) cases[i].HasDisabilityCard = true;
        }

        // Household income per person: every member's own income must be known; a person without a household is their own.
        foreach (var household in rows.Select((r, i) => (r.HouseholdId, i)).GroupBy(x => x.HouseholdId))
        {
            if (household.Key is null)
            {
                foreach (var (_, i) in household) cases[i].HouseholdIncomePerPerson = cases[i].OwnIncome;
                continue;
            }
            long sum = 0;
            var known = true;
            foreach (var (_, i) in household)
            {
                if (cases[i].OwnIncome < 0) { known = false; break; }
                sum += cases[i].OwnIncome;
            }
            var perPerson = known ? sum / household.Count() : PersonCase.NotKnown;
            foreach (var (_, i) in household) cases[i].HouseholdIncomePerPerson = perPerson;
        }
        return new Population(idArray, districts, cases);
    }
}
