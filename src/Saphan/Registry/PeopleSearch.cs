using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Linkage.Normalisation;
using Saphan.Localization;
using Saphan.Storage;

namespace Saphan.Registry;

/// <summary>
/// Search-first access to the registry: there is no list of everyone, only answers to a query, within the viewer's scope.
/// Every person listed is audited.
/// </summary>
public sealed class PeopleSearch(DataAccess data)
{
    public const int MaxResults = 50;

    public sealed record Hit(Guid Id, string FullName, CitizenId? CitizenId, DateOnly? BirthDate, Linkage.Normalisation.DatePrecision Precision, string DistrictCode, Guid? HouseholdId);

    public async Task<IReadOnlyList<Hit>> FindAsync(string query, string where, CancellationToken ct = default)
    {
        var text = query.Trim();
        if (text.Length < 2) return [];
        await using var db = await data.OpenAsync(where, "search");
        var people = db.People.AsNoTracking();
        var id = CitizenId.Parse(text);
        if (id.Digits.Length == 13 && id.Problem != CitizenIdProblem.NotDigits)
        {
            // EF compares the converted column value, so pass the value object.
            CitizenId? wanted = id;
            people = people.Where(p => p.CitizenId == wanted);
        }
        else
        {
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var part in parts)
                people = people.Where(p => p.GivenName.Contains(part) || p.FamilyName.Contains(part));
        }
        var found = await people.Take(MaxResults)
            .Select(p => new Hit(p.Id, (p.Title ?? "") + p.GivenName + " " + p.FamilyName, p.CitizenId, p.BirthDate, p.BirthDatePrecision, p.DistrictCode, p.HouseholdId))
            .ToListAsync(ct);
        var hits = found
            .OrderBy(h => h.FullName, SaphanCultures.ThaiSort)
            .ToList();
        await data.AuditAsync(AuditAction.List, "Person", hits.Select(h => h.Id.ToString()), where, $"search: {text}");
        return hits;
    }
}
