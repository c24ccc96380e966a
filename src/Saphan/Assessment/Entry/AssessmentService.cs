using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Saphan.Access;
using Saphan.Assessment.Indicators;
using Saphan.Audit;
using Saphan.Registry;
using Saphan.Storage;

namespace Saphan.Assessment.Entry;

/// <summary>A household a viewer may assess, with where it stands.</summary>
public sealed record HouseholdToAssess(Guid Id, string HeadName, string Address, string DistrictCode, DateOnly? LastAssessedOn, bool? LastPoor, Guid? DraftId);

/// <summary>Everything the entry form needs: the draft, its indicator set, the household and its members on the day.</summary>
public sealed record AssessmentForm(HouseholdAssessment Assessment, IndicatorSet Set, Guid HouseholdId, string HeadName, string Address,
    IReadOnlyList<MemberFacts> Members, bool HasPhoto);

/// <summary>The outcome of saving or submitting: problems to show, or none.</summary>
public sealed record SaveOutcome(IReadOnlyList<AnswerProblem> Problems, bool Refused = false)
{
    public bool Succeeded => Problems.Count == 0 && !Refused;
    public static readonly SaveOutcome Denied = new([], Refused: true);
}

/// <summary>
/// Entering family report card assessments: start (or continue) a draft, save it, attach a photo, submit it. Only the
/// household's own district officer, its assigned volunteer, or a data steward may assess: they see all its members.
/// </summary>
public sealed class AssessmentService(DataAccess data, IndicatorCatalogue catalogue, IOptions<AssessmentOptions> options, TimeProvider clock)
{
    public static bool MayAssess(AccessScope scope) => !scope.AggregatesOnly && (scope.SeesEveryone || scope.DistrictCode != null || scope.VolunteerUserId != null);

    public async Task<IReadOnlyList<HouseholdToAssess>> HouseholdsAsync(string? text, CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        if (!MayAssess(scope)) return [];
        await using var db = await data.OpenAsync("/report-card", "choose household to assess");
        var query = db.Households.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(h => h.Address.HouseNumber.Contains(t) || h.Members.Any(m => m.GivenName.Contains(t) || m.FamilyName.Contains(t)));
        }
        var rows = await query
            .Select(h => new
            {
                h.Id, h.Address.HouseNumber, h.Address.Soi, h.Address.SubdistrictCode, h.DistrictCode,
                Head = h.Members.Where(m => m.RoleInHousehold == HouseholdRole.Head).Select(m => (m.Title ?? "") + m.GivenName + " " + m.FamilyName).FirstOrDefault(),
                LastOn = db.Assessments.Where(a => a.HouseholdId == h.Id && a.IsLatest).Select(a => (DateOnly?)a.AssessedOn).FirstOrDefault(),
                LastPoor = db.Assessments.Where(a => a.HouseholdId == h.Id && a.IsLatest).Select(a => (bool?)a.IsPoor).FirstOrDefault(),
                Draft = db.Assessments.Where(a => a.HouseholdId == h.Id && a.Status == AssessmentStatus.Draft).Select(a => (Guid?)a.Id).FirstOrDefault(),
            })
            .OrderBy(h => h.LastOn == null ? 0 : 1).ThenBy(h => h.LastOn).ThenBy(h => h.Id)
            .Take(100)
            .ToListAsync(ct);
        await data.AuditAsync(AuditAction.List, "Household", rows.Select(r => r.Id.ToString()), "/report-card", "choose household to assess");
        return rows.Select(r => new HouseholdToAssess(r.Id, r.Head ?? "–", $"{r.HouseNumber} {r.Soi}".Trim(), r.DistrictCode, r.LastOn, r.LastPoor, r.Draft)).ToList();
    }

    /// <summary>Continues the household's open draft or starts one with the indicator set in force today; null when refused.</summary>
    public async Task<Guid?> StartAsync(Guid householdId, CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        if (!MayAssess(scope)) return null;
        await using var db = await data.OpenAsync($"/report-card/households/{householdId}", "start assessment");
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            await data.AuditAsync(AuditAction.Denied, "Household", householdId.ToString(), "/report-card", "start assessment");
            return null;
        }
        var draft = await db.Assessments.Where(a => a.HouseholdId == householdId && a.Status == AssessmentStatus.Draft).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (draft is not null) return draft;
        var set = await catalogue.InForceOnAsync(data.Today, ct);
        var assessment = HouseholdAssessment.Start(householdId, set, scope.UserId, scope.UserName, data.Today, clock.GetUtcNow());
        db.Assessments.Add(assessment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone started a draft for this household a moment ago (the one-draft index): continue theirs.
            await using var again = await data.OpenAsync($"/report-card/households/{householdId}", "start assessment");
            return await again.Assessments.Where(a => a.HouseholdId == householdId && a.Status == AssessmentStatus.Draft).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"Could not start an assessment of household {householdId}.");
        }
        await data.AuditAsync(AuditAction.Create, "Assessment", assessment.Id.ToString(), $"/report-card/households/{householdId}", "start assessment");
        return assessment.Id;
    }

    public async Task<AssessmentForm?> OpenAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        if (!MayAssess(scope)) return null;
        var where = $"/report-card/assess/{assessmentId}";
        await using var db = await data.OpenAsync(where, "assessment entry");
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
        {
            if (await db.Assessments.IgnoreQueryFilters().AnyAsync(a => a.Id == assessmentId, ct))
                await data.AuditAsync(AuditAction.Denied, "Assessment", assessmentId.ToString(), where, "assessment entry");
            return null;
        }
        var set = await catalogue.GetAsync(assessment.IndicatorSetId, ct);
        var (head, address, members) = await HouseholdAsync(db, assessment.HouseholdId, ct);
        var hasPhoto = await db.AssessmentPhotos.AnyAsync(p => p.AssessmentId == assessmentId, ct);
        await data.AuditAsync(AuditAction.Read, "Assessment", assessmentId.ToString(), where, "assessment entry");
        await data.AuditAsync(AuditAction.Read, "Person", members.Select(m => m.PersonId.ToString()), where, "assessment entry (household member)");
        return new AssessmentForm(assessment, set, assessment.HouseholdId, head, address, members, hasPhoto);
    }

    public Task<SaveOutcome> SaveDraftAsync(Guid assessmentId, IReadOnlyDictionary<AnswerKey, AnswerValue> answers, DateOnly assessedOn,
        GeoPoint? location, string? note, CancellationToken ct = default) => SaveAsync(assessmentId, answers, assessedOn, location, note, submit: false, ct);

    public Task<SaveOutcome> SubmitAsync(Guid assessmentId, IReadOnlyDictionary<AnswerKey, AnswerValue> answers, DateOnly assessedOn,
        GeoPoint? location, string? note, CancellationToken ct = default) => SaveAsync(assessmentId, answers, assessedOn, location, note, submit: true, ct);

    private async Task<SaveOutcome> SaveAsync(Guid assessmentId, IReadOnlyDictionary<AnswerKey, AnswerValue> answers, DateOnly assessedOn,
        GeoPoint? location, string? note, bool submit, CancellationToken ct)
    {
        var scope = await data.ScopeAsync();
        if (!MayAssess(scope)) return SaveOutcome.Denied;
        var where = $"/report-card/assess/{assessmentId}";
        await using var db = await data.OpenAsync(where, submit ? "submit assessment" : "save assessment draft");
        var assessment = await db.Assessments.FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
        {
            await data.AuditAsync(AuditAction.Denied, "Assessment", assessmentId.ToString(), where, "save assessment");
            return SaveOutcome.Denied;
        }
        if (assessment.Status != AssessmentStatus.Draft) return new SaveOutcome([new AnswerProblem(null, null, AnswerProblemKind.AlreadySubmitted)]);
        var set = await catalogue.GetAsync(assessment.IndicatorSetId, ct);
        var now = clock.GetUtcNow();
        var problems = assessment.Record(set, answers, assessedOn, location, note, data.Today, now);
        if (problems.Count > 0) return new SaveOutcome(problems);
        if (submit)
        {
            var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == assessment.HouseholdId, ct);
            var (_, _, members) = await HouseholdAsync(db, assessment.HouseholdId, ct);
            problems = assessment.Submit(set, members, new AssessedArea(household.DistrictCode, household.Address.SubdistrictCode, household.Address.CommunityId), now);
            if (problems.Count > 0) return new SaveOutcome(problems);
            await MarkLatestAsync(db, assessment, ct);
        }
        await db.SaveChangesAsync(ct);
        await data.AuditAsync(AuditAction.Update, "Assessment", assessmentId.ToString(), where, submit ? "submit assessment" : "save assessment draft");
        return new SaveOutcome([]);
    }

    /// <summary>The household's latest submitted assessment (by visit date, then submission) is the one that counts.</summary>
    internal static async Task MarkLatestAsync(SaphanDb db, HouseholdAssessment submitted, CancellationToken ct)
    {
        var others = await db.Assessments.Where(a => a.HouseholdId == submitted.HouseholdId && a.Status == AssessmentStatus.Submitted && a.Id != submitted.Id).ToListAsync(ct);
        var latest = others.Append(submitted).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id).First();
        foreach (var a in others.Append(submitted)) a.SetLatest(ReferenceEquals(a, latest));
    }

    /// <summary>Stores the photo of a draft: an image (JPEG, PNG or WebP, checked by its first bytes, not its name) up to the configured size.</summary>
    public async Task<SaveOutcome> SavePhotoAsync(Guid assessmentId, Stream content, long size, CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        if (!MayAssess(scope)) return SaveOutcome.Denied;
        var limit = options.Value.MaxPhotoBytes;
        if (size > limit) return new SaveOutcome([new AnswerProblem(null, null, AnswerProblemKind.PhotoTooLarge, limit)]);
        using var buffer = new MemoryStream();
        await CopyLimitedAsync(content, buffer, limit, ct);
        if (buffer.Length > limit) return new SaveOutcome([new AnswerProblem(null, null, AnswerProblemKind.PhotoTooLarge, limit)]);
        var bytes = buffer.ToArray();
        if (PhotoFormat.Detect(bytes) is not { } contentType) return new SaveOutcome([new AnswerProblem(null, null, AnswerProblemKind.PhotoNotAnImage)]);
        var where = $"/report-card/assess/{assessmentId}";
        await using var db = await data.OpenAsync(where, "assessment photo");
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null) return SaveOutcome.Denied;
        if (assessment.Status != AssessmentStatus.Draft) return new SaveOutcome([new AnswerProblem(null, null, AnswerProblemKind.AlreadySubmitted)]);
        var existing = await db.AssessmentPhotos.FirstOrDefaultAsync(p => p.AssessmentId == assessmentId, ct);
        if (existing is not null) db.AssessmentPhotos.Remove(existing);
        await db.SaveChangesAsync(ct);
        db.AssessmentPhotos.Add(new AssessmentPhoto(assessmentId, contentType, bytes, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await data.AuditAsync(AuditAction.Update, "Assessment", assessmentId.ToString(), where, "assessment photo");
        return new SaveOutcome([]);
    }

    public async Task<AssessmentPhoto?> PhotoAsync(Guid assessmentId, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync($"/report-card/photos/{assessmentId}", "assessment photo");
        var photo = await db.AssessmentPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.AssessmentId == assessmentId, ct);
        if (photo is not null) await data.AuditAsync(AuditAction.Read, "Assessment", assessmentId.ToString(), $"/report-card/photos/{assessmentId}", "assessment photo");
        return photo;
    }

    private static async Task CopyLimitedAsync(Stream from, Stream to, long limit, CancellationToken ct)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(chunk, ct)) > 0)
        {
            await to.WriteAsync(chunk.AsMemory(0, read), ct);
            if (to.Length > limit) return;
        }
    }

    /// <summary>The household's head, address and current members as the rules see them.</summary>
    internal static async Task<(string Head, string Address, IReadOnlyList<MemberFacts> Members)> HouseholdAsync(SaphanDb db, Guid householdId, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == householdId, ct);
        var people = await db.People.AsNoTracking().Where(p => p.HouseholdId == householdId)
            .OrderBy(p => p.RoleInHousehold).ThenBy(p => p.BirthDate).ToListAsync(ct);
        var head = people.FirstOrDefault(p => p.RoleInHousehold == HouseholdRole.Head)?.FullName ?? people.FirstOrDefault()?.FullName ?? "–";
        var address = $"{household.Address.HouseNumber} {household.Address.Soi} {household.Address.Road}".Trim();
        return (head, address, people.Select(p => new MemberFacts(p.Id, p.FullName, p.BirthDate, p.HasDisabilityCard, p.IsBedridden)).ToList());
    }
}

/// <summary>Recognises the image formats a phone camera produces by their signature.</summary>
public static class PhotoFormat
{
    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return "image/jpeg";
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }
}

/// <summary>Settings of the family report card.</summary>
public sealed class AssessmentOptions
{
    public const string Section = "Assessment";

    /// <summary>Largest photo accepted (bytes); phones resize before upload when the form asks them to.</summary>
    [System.ComponentModel.DataAnnotations.Range(10_000, 20_000_000)]
    public int MaxPhotoBytes { get; set; } = 3_000_000;
}
