using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Rights.Eligibility;
using Saphan.Storage;

namespace Saphan.Rights;

/// <summary>One scheme on a person's page: the verdict, the rule version used, and why.</summary>
public sealed record SchemeVerdict(Scheme Scheme, RuleVersion? Version, Verdict Verdict, ReasonLine Headline, IReadOnlyList<ReasonLine> Reasons, string ReferTo);

/// <summary>A person's rights as of a day, with the facts, enrolments and referrals behind them.</summary>
public sealed record PersonRightsView(
    Guid PersonId, string DistrictCode, DateOnly On, IReadOnlyList<SchemeVerdict> Schemes,
    IReadOnlyList<PersonFact> Facts, IReadOnlyList<Enrolment> Enrolments, IReadOnlyList<Referral> Referrals);

/// <summary>
/// Opens a person's rights for the current viewer (a read of personal data: audited), evaluated live on today's date,
/// and records the facts and enrolments an officer learns. The person must be visible to the viewer: every query goes
/// through the scoped context; only the household's average income is computed across all members (the average alone).
/// </summary>
public sealed class PersonRightsFile(DataAccess data, RightsRefresh refresh, TimeProvider clock)
{
    public async Task<PersonRightsView?> OpenAsync(Guid personId, string where, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync(where, "rights");
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Id, p.DistrictCode }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            if (await db.People.IgnoreQueryFilters().AnyAsync(p => p.Id == personId, ct))
                await data.AuditAsync(AuditAction.Denied, "PersonRights", personId.ToString(), where, "rights");
            return null;
        }
        var facts = await db.PersonFacts.AsNoTracking().Where(f => f.PersonId == personId).OrderByDescending(f => f.AsOf).ThenByDescending(f => f.Id).ToListAsync(ct);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.PersonId == personId).OrderByDescending(e => e.StartDate).ToListAsync(ct);
        // SQLite cannot order by a DateTimeOffset; a person has few referrals, so order them here.
        var referrals = (await db.Referrals.AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(ct)).OrderByDescending(r => r.CreatedAt).ToList();
        var book = await RuleBook.LoadAsync(db, ct);
        var day = data.Today;

        PersonCase me;
        await using (var household = await data.OpenForAggregatesAsync())
        {
            var population = await Population.LoadAsync(household, book, day, [personId], ct);
            me = population.Cases[population.IndexOf(personId)];
        }
        var sources = facts.Where(f => f.AsOf <= day).GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => new FactSource(g.First().Source, g.First().AsOf));
        int? age = me.BirthDate == 0 ? null : Evaluator.AgeOn(me.BirthDate, PersonCase.Pack(day));
        var schemes = new List<SchemeVerdict>();
        for (var i = 0; i < book.Schemes.Count; i++)
        {
            var scheme = book.Schemes[i];
            var version = book.InForce(scheme.Code, day);
            var rule = version is null ? null : book.Compile(scheme, i, version);
            var verdict = Evaluator.Evaluate(me, rule, PersonCase.Pack(day));
            var reasons = version is null ? [] : Explanation.ConditionLines(version.Terms, verdict, me, age, sources);
            schemes.Add(new SchemeVerdict(scheme, version, verdict, Explanation.Headline(scheme, verdict), reasons, Agencies.Resolve(scheme.ReferTo, person.DistrictCode)));
        }
        await data.AuditAsync(AuditAction.Read, "PersonRights", personId.ToString(), where, "rights");
        return new PersonRightsView(personId, person.DistrictCode, day, schemes, facts, enrolments, referrals);
    }

    public async Task<bool> RecordFactAsync(Guid personId, FactKind kind, bool? flag, long? amount, string source, DateOnly asOf, string where, CancellationToken ct = default)
    {
        var viewer = await data.ScopeAsync();
        await using var db = await data.OpenAsync(where, "record a fact for rights");
        if (!await db.People.AnyAsync(p => p.Id == personId, ct)) return false;
        var now = clock.GetUtcNow();
        var fact = PersonFact.Record(personId, kind, flag, amount, source, asOf, viewer.UserName, now);
        db.PersonFacts.Add(fact);
        db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Create, "PersonFact", personId.ToString(), where, $"fact {kind}"));
        await db.SaveChangesAsync(ct);
        await refresh.RefreshPeopleAsync([personId], ct);
        return true;
    }

    public async Task<EnrolmentOutcome> RecordEnrolmentAsync(Guid personId, string schemeCode, DateOnly start, string where, CancellationToken ct = default)
    {
        var viewer = await data.ScopeAsync();
        await using var db = await data.OpenAsync(where, "record an enrolment");
        if (!await db.People.AnyAsync(p => p.Id == personId, ct)) return EnrolmentOutcome.NotVisible;
        if (!await db.RightsSchemes.AnyAsync(s => s.Code == schemeCode, ct)) return EnrolmentOutcome.UnknownScheme;
        if (await db.Enrolments.AnyAsync(e => e.PersonId == personId && e.SchemeCode == schemeCode && e.EndDate == null, ct)) return EnrolmentOutcome.AlreadyEnrolled;
        var now = clock.GetUtcNow();
        db.Enrolments.Add(Enrolment.Record(personId, schemeCode, start, "recorded", null, viewer.UserName, now));
        db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Create, "Enrolment", personId.ToString(), where, $"enrolment {schemeCode}"));
        await db.SaveChangesAsync(ct);
        await refresh.RefreshPeopleAsync([personId], ct);
        return EnrolmentOutcome.Recorded;
    }

    public async Task<bool> EndEnrolmentAsync(long enrolmentId, DateOnly on, string where, CancellationToken ct = default)
    {
        var viewer = await data.ScopeAsync();
        await using var db = await data.OpenAsync(where, "end an enrolment");
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Id == enrolmentId, ct);
        if (enrolment is null) return false;
        enrolment.End(on);
        var now = clock.GetUtcNow();
        db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Update, "Enrolment", enrolment.PersonId.ToString(), where, $"enrolment {enrolment.SchemeCode} ended"));
        await db.SaveChangesAsync(ct);
        await refresh.RefreshPeopleAsync([enrolment.PersonId], ct);
        return true;
    }
}

public enum EnrolmentOutcome
{
    Recorded,
    NotVisible,
    UnknownScheme,
    AlreadyEnrolled,
}
