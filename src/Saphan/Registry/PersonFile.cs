using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Linkage.Normalisation;
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

    /// <summary>The agency records behind a person the viewer has opened (scope applies to them too).</summary>
    public async Task<Provenance> ProvenanceAsync(Guid personId, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync($"/people/{personId}", "provenance");
        var provenance = await LoadProvenanceAsync(db, personId, ct);
        var entries = provenance.Records.OrderByDescending(e => e.Versions.FirstOrDefault()?.ImportedAt).ToList();
        var history = provenance.History.OrderByDescending(c => c.Id).Take(100).ToList();
        await data.AuditAsync(Audit.AuditAction.Read, "SourceRecord", entries.SelectMany(e => e.Versions).Select(v => v.Id.ToString()), $"/people/{personId}", "provenance");
        return new Provenance(entries, history);
    }

    /// <summary>
    /// Every agency record behind a person (all versions, newest first within a record, grouped by source record) and the
    /// whole link history, as the scope of <paramref name="db"/> allows. Shared by the person page and the PDPA export.
    /// </summary>
    internal static async Task<Provenance> LoadProvenanceAsync(SaphanDb db, Guid personId, CancellationToken ct)
    {
        var links = await db.RecordLinks.AsNoTracking().Where(l => l.PersonId == personId).OrderBy(l => l.SourceId).ThenBy(l => l.RecordKey).ToListAsync(ct);
        var sourceIds = links.Select(l => l.SourceId).Distinct().ToList();
        var sources = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var keys = links.Select(l => l.RecordKey).Distinct().ToList();
        var versions = await db.SourceRecords.AsNoTracking().Where(r => sourceIds.Contains(r.SourceId) && keys.Contains(r.RecordKey)).ToListAsync(ct);
        var entries = links
            .Select(l => new Provenance.Entry(sources[l.SourceId],
                versions.Where(v => v.SourceId == l.SourceId && v.RecordKey == l.RecordKey).OrderByDescending(v => v.Version).ToList()))
            .ToList();
        var history = await db.LinkChanges.AsNoTracking().Where(c => c.ToPersonId == personId || c.FromPersonId == personId)
            .OrderBy(c => c.Id).ToListAsync(ct);
        return new Provenance(entries, history);
    }

    /// <summary>
    /// Records another name a person in the viewer's scope is known by (a former or maiden name, a name used on the
    /// street); found by search from then on. The change is audited with the viewer's name. Returns the problem in Thai and
    /// English when the name is empty or the person has too many, or when the person is not in scope.
    /// </summary>
    public async Task<FieldProblem?> AddAliasAsync(Guid personId, string alias, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(alias)) return new FieldProblem("alias", "required", "กรุณากรอกชื่ออื่นที่ใช้เรียก", "Type the other name");
        await using var db = await data.OpenAsync($"/people/{personId}", "add another name");
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return new FieldProblem("alias", "outOfScope", "ไม่พบบุคคลนี้ในขอบเขตที่ท่านเข้าถึงได้", "This person is not in your scope");
        try
        {
            person.AddAlias(alias, data.Now);
        }
        catch (ArgumentException)
        {
            return new FieldProblem("alias", "tooMany", $"ชื่ออื่นยาวเกินไปหรือมีมากเกินไป (รวมกันไม่เกิน {Person.AliasesLength} ตัวอักษร)",
                $"Too many other names ({Person.AliasesLength} characters in all)");
        }
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<Opened<Household>> OpenHouseholdAsync(Guid id, string where, string purpose, CancellationToken ct = default)
    {
        List<(Person, HouseholdMembership)> history = [];
        Dictionary<Guid, DateTimeOffset> since = [];
        await using var db = await data.OpenAsync(where, purpose);
        var household = await db.Households.AsNoTracking().Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is not null)
        {
            // Former members (moved out, or moved in and out again) are part of the household's history.
            var stays = await db.Set<HouseholdMembership>().AsNoTracking().Where(m => m.HouseholdId == id).OrderBy(m => m.Id).ToListAsync(ct);
            var formerIds = stays.Where(m => m.EndedAt is not null).Select(m => m.PersonId).Distinct().ToList();
            var former = await db.People.AsNoTracking().Where(p => formerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            history = stays.Where(m => m.EndedAt is not null && former.ContainsKey(m.PersonId)).Select(m => (former[m.PersonId], m)).ToList();
            since = stays.Where(m => m.EndedAt is null).GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.Max(m => m.StartedAt));
        }
        var opened = await ConcludeAsync(db, household, "Household", id, where, purpose, ct);
        if (household is not null)
            await data.AuditAsync(AuditAction.Read, "Person", household.Members.Select(m => m.Id.ToString()).Concat(history.Select(h => h.Item1.Id.ToString())).Distinct(), where, purpose + " (household member)");
        return opened with { FormerMembers = history, MembersSince = since };
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
        if (type == "Person" && await db.People.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => p.MergedIntoId).FirstOrDefaultAsync(ct) is { } survivor)
            return new Opened<T>(null, OpenOutcome.Merged) { MergedInto = survivor };
        await data.AuditAsync(AuditAction.Denied, type, id.ToString(), where, purpose);
        return new Opened<T>(null, OpenOutcome.Refused);
    }
}

/// <summary>Where a person's data came from: each agency record (all versions) and the history of its links.</summary>
public sealed record Provenance(IReadOnlyList<Provenance.Entry> Records, IReadOnlyList<Sources.LinkChange> History)
{
    public sealed record Entry(Sources.Source Source, IReadOnlyList<Sources.SourceRecord> Versions);
}

public enum OpenOutcome
{
    Opened,
    NotFound,
    Refused,

    /// <summary>The person was merged into another by linkage; <see cref="Opened{T}.MergedInto"/> says who.</summary>
    Merged,
}

public sealed record Opened<T>(T? Record, OpenOutcome Outcome) where T : class
{
    public Guid? MergedInto { get; init; }

    /// <summary>For a household: people who lived there before, with their stay.</summary>
    public IReadOnlyList<(Person Person, HouseholdMembership Stay)> FormerMembers { get; init; } = [];

    /// <summary>For a household: when each current member's stay (in their present role) began.</summary>
    public IReadOnlyDictionary<Guid, DateTimeOffset> MembersSince { get; init; } = new Dictionary<Guid, DateTimeOffset>();
}
