using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Storage;

namespace Saphan.Registry;

/// <summary>
/// Opens one person's or household's record for the current viewer. Every opening is audited: a read when the
/// record is in scope, a refusal when it exists but is not. The scope check is the database query itself.
/// </summary>
public sealed class PersonFile(DataAccess data)
{
    public async Task<Opened<Person>> OpenPersonAsync(Guid id, string where, string purpose, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync(where, purpose);
        var person = await db.People.AsNoTracking().Include(p => p.Household).FirstOrDefaultAsync(p => p.Id == id, ct);
        return await ConcludeAsync(db, person, "Person", id, where, purpose, ct);
    }

    public async Task<Opened<Household>> OpenHouseholdAsync(Guid id, string where, string purpose, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync(where, purpose);
        var household = await db.Households.AsNoTracking().Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id, ct);
        var opened = await ConcludeAsync(db, household, "Household", id, where, purpose, ct);
        if (household is not null)
            await data.AuditAsync(AuditAction.Read, "Person", household.Members.Select(m => m.Id.ToString()), where, purpose + " (household member)");
        return opened;
    }

    private async Task<Opened<T>> ConcludeAsync<T>(SaphanDb db, T? record, string type, Guid id, string where, string purpose, CancellationToken ct)
        where T : class
    {
        if (record is not null)
        {
            await data.AuditAsync(AuditAction.Read, type, id.ToString(), where, purpose);
            return new Opened<T>(record, OpenOutcome.Opened);
        }
        var exists = type == "Person"
            ? await db.People.IgnoreQueryFilters().AnyAsync(p => p.Id == id, ct)
            : await db.Households.IgnoreQueryFilters().AnyAsync(h => h.Id == id, ct);
        if (!exists) return new Opened<T>(null, OpenOutcome.NotFound);
        await data.AuditAsync(AuditAction.Denied, type, id.ToString(), where, purpose);
        return new Opened<T>(null, OpenOutcome.Refused);
    }
}

public enum OpenOutcome
{
    Opened,
    NotFound,
    Refused,
}

public sealed record Opened<T>(T? Record, OpenOutcome Outcome) where T : class;
