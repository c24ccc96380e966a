
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Linkage;
using Saphan.Linkage.Normalisation;
using Saphan.Registry.Linking;
using Saphan.Registry.Sources;
using Saphan.Storage;

namespace Saphan.Registry.SubjectRights;

/// <summary>
/// The data subject's rights under the PDPA (s.30 access, s.35 correction): everything Saphan holds about one person,
/// as one document; and corrections, kept as records of their own so that the agency records stay as they were and the
/// correction wins over them in what Saphan shows. Both are audited.
/// </summary>
public sealed class SubjectAccess(DataAccess data, RegistryLinker linker, TimeProvider clock, IEnumerable<IPersonDataHolder>? holders = null)
{
    public const string CorrectionsSourceCode = "saphan-corrections";

    private readonly IPersonDataHolder[] holders = holders?.ToArray() ?? [];

    private static readonly Registration.SaphanEntries.SourceDefinition CorrectionsSource = new(CorrectionsSourceCode,
        "การแก้ไขข้อมูลตามคำขอของเจ้าของข้อมูล", "Corrections at the data subject's request", "ข้อมูลที่เจ้าของข้อมูลขอแก้ไข",
        "ให้ข้อมูลถูกต้องตามสิทธิของเจ้าของข้อมูล", LegalBasis.LegalObligation, "พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 มาตรา 35");

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>
    /// The access request's answer: the person (with other names), their household stays, every agency record with its raw
    /// row, the link history and the stewards' decisions on their records, the people merged into them, what each other
    /// capability holds (<see cref="IPersonDataHolder"/>), and who read or changed any of it. Null when out of scope.
    /// </summary>
    public async Task<string?> ExportAsync(Guid personId, CancellationToken ct = default)
    {
        var where = $"/api/people/{personId}/export";
        await using var db = await data.OpenAsync(where, "PDPA access request");
        var person = await db.People.AsNoTracking().Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return null;
        var provenance = await PersonFile.LoadProvenanceAsync(db, personId, ct);
        var records = provenance.Records.SelectMany(e => e.Versions.OrderBy(v => v.Version).Select(v => (e.Source, Record: v))).ToList();
        var history = provenance.History;
        // The people merged into this one (a duplicate found later, possibly through several merges): their data is theirs too.
        // Other names that did not fit on the survivor stay with the merged row (PersonSearchKeys.TakeAliasesOf).
        var mergedPeople = new List<(Guid Id, Guid? MergedIntoId, string? Aliases)>();
        for (var wave = new List<Guid> { personId }; wave.Count > 0;)
        {
            var next = (await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.MergedIntoId != null && wave.Contains(p.MergedIntoId.Value))
                .Select(p => new { p.Id, p.MergedIntoId, p.Aliases }).ToListAsync(ct))
                .Where(p => mergedPeople.All(m => m.Id != p.Id)).ToList();
            mergedPeople.AddRange(next.Select(p => (p.Id, p.MergedIntoId, p.Aliases)));
            wave = next.Select(p => p.Id).ToList();
        }
        var people = mergedPeople.Select(m => m.Id).Prepend(personId).ToList();
        var households = person.Memberships.Select(m => m.HouseholdId).Distinct().ToList();
        var stays = person.Memberships.Select(m => new HouseholdStay(m.HouseholdId, m.StartedAt, m.EndedAt)).ToList();
        var sourceIds = records.Select(x => x.Record.SourceId).Distinct().ToList();
        var keys = records.Select(x => x.Record.RecordKey).Distinct().ToList();
        var decisions = (await db.ReviewPairs.AsNoTracking()
                .Where(p => (sourceIds.Contains(p.SourceIdA) && keys.Contains(p.RecordKeyA)) || (sourceIds.Contains(p.SourceIdB) && keys.Contains(p.RecordKeyB)))
                .ToListAsync(ct))
            .Where(p => records.Any(x => (x.Record.SourceId, x.Record.RecordKey) == (p.SourceIdA, p.RecordKeyA) || (x.Record.SourceId, x.Record.RecordKey) == (p.SourceIdB, p.RecordKeyB)))
            .OrderBy(p => p.CreatedAt).ToList();
        // Who read or changed the person, their agency records (read in the review queue, on the person's page) or their households.
        var audited = people.Select(p => p.ToString()).Concat(records.Select(x => x.Record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(households.Select(h => h.ToString())).ToList();
        var audit = await db.AuditLog.AsNoTracking().Where(a => audited.Contains(a.RecordId)).OrderBy(a => a.Id).ToListAsync(ct);

        var document = new Dictionary<string, object?>
        {
            ["exportedAt"] = clock.GetUtcNow(),
            ["note"] = "เอกสารนี้รวบรวมข้อมูลส่วนบุคคลทั้งหมดที่ระบบสะพานเก็บไว้เกี่ยวกับเจ้าของข้อมูล (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 30) / Everything Saphan holds about the data subject (PDPA s.30).",
            ["person"] = new
            {
                person.Id, person.Title, person.GivenName, person.FamilyName, person.Nickname, otherNames = person.Aliases, citizenId = person.CitizenId?.Digits,
                sex = person.Sex.ToString(), person.BirthDate, birthDatePrecision = person.BirthDatePrecision.ToString(), person.Phone, person.DistrictCode,
                person.SubdistrictCode, person.HasDisabilityCard, person.IsBedridden, person.IsHomeless, person.IsSynthetic, person.RegisteredAt, person.UpdatedAt,
            },
            ["mergedPeople"] = mergedPeople.Select(m => new { m.Id, m.MergedIntoId, otherNames = m.Aliases }),
            ["households"] = person.Memberships.OrderBy(m => m.StartedAt).Select(m => new { m.HouseholdId, role = m.Role.ToString(), m.StartedAt, m.EndedAt }),
            ["agencyRecords"] = records.Select(x => new
            {
                source = x.Source.Code, sourceName = x.Source.NameTh, owner = x.Source.OwnerAgency,
                purpose = x.Source.Purpose, legalBasis = x.Source.LegalBasis.ToString(),
                x.Record.RecordKey, x.Record.Version, x.Record.FileName, x.Record.Line, x.Record.ImportedAt, x.Record.ImportedBy,
                raw = JsonDocument.Parse(x.Record.RawJson).RootElement,
            }),
            ["linkHistory"] = history.Select(c => new { c.RecordKey, c.FromPersonId, c.ToPersonId, reason = c.Reason.ToString(), c.By, c.At, c.Note }),
            ["reviewDecisions"] = decisions.Select(p => new
            {
                recordA = $"{p.SourceIdA}:{p.RecordKeyA}", recordB = $"{p.SourceIdB}:{p.RecordKeyB}", status = p.Status.ToString(), p.DecidedBy, p.DecidedAt,
            }),
        };
        foreach (var holder in holders) document[holder.Section] = await holder.ExportAsync(db, people, stays, ct);
        document["accessLog"] = audit.Select(a => new { a.At, a.UserName, action = a.Action.ToString(), a.RecordType, a.Where, a.Purpose });
        var text = JsonSerializer.Serialize(document, Json);
        await data.AuditAsync(AuditAction.Export, "Person", personId.ToString(), where, "PDPA access request");
        return text;
    }

    /// <summary>
    /// Corrects what Saphan shows about a person (PDPA s.35). The correction is stored as a record of the "corrections"
    /// source linked to the person — the agency records are not touched — and the person is re-derived: the fields the
    /// correction states stand over every agency record, older or newer (<see cref="SourceRecord.Corrects"/>), until corrected again.
    /// </summary>
    public async Task<CorrectionResult> CorrectAsync(Guid personId, PersonCorrection correction, CancellationToken ct = default)
    {
        var problems = correction.Validate();
        if (problems.Count > 0) return new CorrectionResult(false, problems);
        var viewer = await data.ScopeAsync();
        // Officers take correction requests with evidence at the office; a volunteer who visits the household does not.
        if (!viewer.KeepsRecords)
            return new CorrectionResult(false, [new("scope", "role", "ผู้ที่รับคำขอแก้ไขข้อมูลได้คือเจ้าหน้าที่เขต เจ้าหน้าที่กรม หรือผู้ดูแลข้อมูล", "Corrections are taken by district or department officers or data stewards")]);
        var now = clock.GetUtcNow();
        var where = $"/people/{personId}";
        await using (var db = await data.OpenAsync(where, "PDPA correction"))
        {
            var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
            if (person is null) return new CorrectionResult(false, [new("scope", "denied", "ไม่มีสิทธิ์แก้ไขข้อมูลบุคคลนี้", "You may not correct this person")]);
            var key = $"{personId:N}-{now.ToUnixTimeMilliseconds()}";
            var record = await Registration.SaphanEntries.AddAsync(db, CorrectionsSource, key, JsonSerializer.Serialize(correction, Json),
                correction.ToLinkRecord(key, person), correction.Nickname, correction.Notes(), viewer.UserName, now, ct);
            var source = await db.Sources.FirstAsync(s => s.Code == CorrectionsSourceCode, ct);
            var link = RecordLink.Create(record, personId, now);
            db.RecordLinks.Add(link);
            db.LinkChanges.Add(new LinkChange(0, source.Id, key, null, personId, LinkReason.Registered, null, viewer.UserName, now, correction.Reason));
            // The correction is decided "same person" with the person's other records, so linkage never moves it elsewhere.
            foreach (var other in await db.RecordLinks.Where(l => l.PersonId == personId && l.RecordKey != key).ToListAsync(ct))
            {
                var pair = ReviewPair.Create(source.Id, key, other.SourceId, other.RecordKey, 0, "PDPA correction", person.DistrictCode, now);
                pair.Decide(ReviewStatus.Same, viewer.UserName, now);
                db.ReviewPairs.Add(pair);
            }
            db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Update, "Person", personId.ToString(), where, $"PDPA correction: {correction.Reason}"));
            await db.SaveChangesAsync(ct);
        }
        await linker.RelinkAsync($"correction of {personId} by {viewer.UserName}", ct);
        return new CorrectionResult(true, []);
    }
}

/// <summary>What the data subject asks to be corrected, and why.</summary>
public sealed record PersonCorrection(string? Title, string GivenName, string? FamilyName, string? CitizenId, DateOnly? BirthDate, string? Phone, string? Nickname, string Reason)
{
    public IReadOnlyList<FieldProblem> Validate()
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(GivenName)) problems.Add(new("given_name", "required", "กรุณากรอกชื่อ", "A given name is required"));
        if (string.IsNullOrWhiteSpace(Reason)) problems.Add(new("reason", "required", "กรุณาระบุเหตุผลและหลักฐานของการแก้ไข", "Give the reason and evidence for the correction"));
        if (!string.IsNullOrWhiteSpace(CitizenId) && !Linkage.Normalisation.CitizenId.Parse(CitizenId).IsValid)
            problems.Add(new("citizen_id", "invalid", "เลขประจำตัวประชาชนไม่ถูกต้อง (ตรวจสอบเลขหลักสุดท้าย)", "The national ID is not valid (check digit)"));
        return problems;
    }

    /// <summary>The fields this correction states, as notes on its record: the name always (the form shows it), the rest when given.</summary>
    internal IEnumerable<string> Notes()
    {
        yield return $"reason:{Reason.Replace(';', ',')}";
        yield return SourceRecord.CorrectedNote(FieldNames.Name);
        if (!string.IsNullOrWhiteSpace(CitizenId)) yield return SourceRecord.CorrectedNote(FieldNames.CitizenId);
        if (BirthDate is not null) yield return SourceRecord.CorrectedNote(FieldNames.BirthDate);
        if (!string.IsNullOrWhiteSpace(Phone)) yield return SourceRecord.CorrectedNote(FieldNames.Phone);
    }

    internal LinkRecord ToLinkRecord(string key, Person person) => new()
    {
        Source = SubjectAccess.CorrectionsSourceCode,
        RecordId = key,
        CitizenId = string.IsNullOrWhiteSpace(CitizenId) ? person.CitizenId : Linkage.Normalisation.CitizenId.Parse(CitizenId),
        Title = Title ?? person.Title,
        GivenName = GivenName.Trim(),
        FamilyName = FamilyName?.Trim() ?? person.FamilyName,
        Sex = person.Sex,
        // Fields the subject did not correct are the person's as they stand, with the precision they are known to (a year of
        // birth stays a year): they let the linkage compare this record, and only the corrected ones are pinned (Corrects).
        BirthDate = BirthDate is { } d ? PartialDate.From(d) : person.BirthDate is { } b ? PartialDate.From(b, person.BirthDatePrecision) : null,
        Address = new AddressParts { SubdistrictCode = person.SubdistrictCode, DistrictCode = person.DistrictCode },
        Phone = Phone ?? person.Phone,
    };
}

public sealed record CorrectionResult(bool Saved, IReadOnlyList<FieldProblem> Problems);
