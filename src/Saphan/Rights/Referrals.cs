using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Storage;

namespace Saphan.Rights;

/// <summary>Refers a person the viewer can see to the agency responsible for a scheme, and moves referrals along.</summary>
public sealed class Referrals(DataAccess data, TimeProvider clock)
{
    /// <summary>Days a receiving agency has by default (shown and changeable before sending).</summary>
    public const int DefaultDueDays = 15;

    public async Task<(ReferralOutcome Outcome, Referral? Referral)> ReferAsync(Guid personId, string schemeCode, string reason, DateOnly due,
        string where, CancellationToken ct = default)
    {
        var viewer = await data.ScopeAsync();
        if (viewer.AggregatesOnly || !viewer.SeesPeople) return (ReferralOutcome.NotVisible, null);
        await using var db = await data.OpenAsync(where, "refer for a right");
        var person = await db.People.Where(p => p.Id == personId).Select(p => new { p.Id, p.DistrictCode }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            await data.AuditAsync(AuditAction.Denied, "Referral", personId.ToString(), where, "refer");
            return (ReferralOutcome.NotVisible, null);
        }
        var scheme = await db.RightsSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Code == schemeCode, ct);
        if (scheme is null) return (ReferralOutcome.UnknownScheme, null);
        if (string.IsNullOrWhiteSpace(reason)) return (ReferralOutcome.NoReason, null);
        if (due < data.Today) return (ReferralOutcome.DueInPast, null);
        if (await HasOpenAsync(db, personId, schemeCode, ct)) return (ReferralOutcome.AlreadyOpen, null);
        var now = clock.GetUtcNow();
        var referral = Referral.Create(personId, schemeCode, Agencies.Of(viewer), Agencies.Resolve(scheme.ReferTo, person.DistrictCode), reason, due,
            data.Today, viewer.UserId ?? "", viewer.UserName, now);
        db.Referrals.Add(referral);
        db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Create, "Referral", personId.ToString(), where,
            $"referral {referral.Id} {schemeCode} to {referral.ToAgency}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another officer's referral for the same person and scheme was saved between the check above and this one (the
            // unique index of open referrals refused this one): nothing of this one was written.
            await using var again = await data.OpenAsync(where, "refer for a right");
            if (await HasOpenAsync(again, personId, schemeCode, ct)) return (ReferralOutcome.AlreadyOpen, null);
            throw;
        }
        return (ReferralOutcome.Sent, referral);
    }

    private static Task<bool> HasOpenAsync(SaphanDb db, Guid personId, string schemeCode, CancellationToken ct) =>
        db.Referrals.AnyAsync(r => r.PersonId == personId && r.SchemeCode == schemeCode
            && (r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted), ct);

    /// <summary>
    /// The receiving agency accepts, completes or declines; the sender may withdraw. A referral someone else has moved
    /// meanwhile (a page left open, a double tap, two officers at once) is not moved again: the result says where it is now.
    /// </summary>
    public async Task<ReferralMove> MoveAsync(Guid referralId, ReferralStatus status, string? note, string where, CancellationToken ct = default)
    {
        var viewer = await data.ScopeAsync();
        await using var db = await data.OpenAsync(where, "referral status");
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null) return ReferralMove.Refused;
        var mine = status == ReferralStatus.Withdrawn ? referral.FromAgency == Agencies.Of(viewer) : Agencies.IsViewers(referral.ToAgency, viewer);
        if (!mine) return ReferralMove.Refused;
        if (!referral.CanMoveTo(status)) return ReferralMove.Already(referral);
        var now = clock.GetUtcNow();
        referral.MoveTo(status, note, now);
        db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Update, "Referral", referral.PersonId.ToString(), where,
            $"referral {referral.Id} {status}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(referral).ReloadAsync(ct);
            return ReferralMove.Already(referral);
        }
        return new ReferralMove(true, referral.Status, referral.UpdatedAt);
    }

    /// <summary>Referrals addressed to the viewer's agency, open first, for people the viewer can see.</summary>
    public async Task<IReadOnlyList<(Referral Referral, string PersonName)>> IncomingAsync(string where, CancellationToken ct = default)
    {
        var viewer = await data.ScopeAsync();
        if (!viewer.SeesPeople) return [];
        await using var db = await data.OpenAsync(where, "incoming referrals");
        var query = from r in db.Referrals.AsNoTracking()
                    join p in db.People on r.PersonId equals p.Id
                    select new { r, p.Title, p.GivenName, p.FamilyName };
        var rows = await query.ToListAsync(ct);
        var mine = rows.Where(x => Agencies.IsViewers(x.r.ToAgency, viewer) || x.r.FromAgency == Agencies.Of(viewer))
            .OrderBy(x => x.r.IsOpen ? 0 : 1).ThenBy(x => x.r.DueDate).Take(500).ToList();
        await data.AuditAsync(AuditAction.List, "Person", mine.Select(x => x.r.PersonId.ToString()).Distinct(), where, "incoming referrals");
        return mine.Select(x => (x.r, $"{x.Title}{x.GivenName} {x.FamilyName}".Trim())).ToList();
    }
}

public enum ReferralOutcome
{
    Sent,
    NotVisible,
    UnknownScheme,
    NoReason,
    DueInPast,
    AlreadyOpen,
}

/// <summary>What became of a request to move a referral: moved, refused (not the viewer's to move), or found moved already.</summary>
public sealed record ReferralMove(bool Moved, ReferralStatus? Status, DateTimeOffset? At)
{
    public static readonly ReferralMove Refused = new(false, null, null);

    public static ReferralMove Already(Referral referral) => new(false, referral.Status, referral.UpdatedAt);

    /// <summary>Someone else moved it first; <see cref="Status"/> and <see cref="At"/> say where it is now.</summary>
    public bool MovedByOthers => !Moved && Status is not null;
}
