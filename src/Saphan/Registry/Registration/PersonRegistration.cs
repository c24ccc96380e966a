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

namespace Saphan.Registry.Registration;

/// <summary>
/// Registers a person directly — at the district office, or met in the field — with whatever identity data there is:
/// no ID card, a date of birth known only to the year, a nickname only. The entry is linked like any agency record, so a
/// person registered today is joined to the same person in an agency file imported tomorrow (or sent to review).
/// </summary>
public sealed class PersonRegistration(DataAccess data, RegistryLinker linker, TimeProvider clock)
{
    public const string SourceCode = "saphan-registrations";

    private static readonly SaphanEntries.SourceDefinition Source = new(SourceCode, "การลงทะเบียนโดยเจ้าหน้าที่และอาสาสมัคร",
        "Registered by officers and volunteers", "บุคคลที่ลงทะเบียนโดยตรงที่สำนักงานเขตหรือในพื้นที่", "จัดบริการสวัสดิการและติดตามกรณี",
        LegalBasis.PublicTask, "พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 มาตรา 24(4)");

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>What became of a registration; <see cref="CanOpen"/> is false when the registrant does not see the person (a volunteer).</summary>
    public sealed record Outcome(bool Saved, IReadOnlyList<FieldProblem> Problems, Guid? PersonId = null, bool JoinedKnownPerson = false, int ReviewPairs = 0,
        bool CanOpen = false);

    public async Task<Outcome> RegisterAsync(NewPerson entry, CancellationToken ct = default)
    {
        var problems = entry.Validate();
        if (problems.Count > 0) return new Outcome(false, problems);
        var viewer = await data.ScopeAsync();
        // District officers register in their own district; department officers, volunteers (อพม., who meet people in the
        // field wherever they are) and stewards in any. Executives see figures only.
        if (viewer.AggregatesOnly || !viewer.SeesPeople || (viewer.DistrictCode is { } own && own != entry.DistrictCode))
            return new Outcome(false, [new("district", "scope", "ท่านลงทะเบียนได้เฉพาะบุคคลในเขตที่รับผิดชอบ", "You can register people of your own district only")]);
        var now = clock.GetUtcNow();
        var key = $"R{now:yyyyMMddHHmmssfff}-{Guid.NewGuid().ToString("N")[..6]}";
        await using (var db = await data.OpenAsync("/people/new", "register a person"))
        {
            if (await KnownOutsideScopeAsync(db, entry, ct))
            {
                // Joining would move that person's file into the registrant's view (the newest record places a person): a
                // typed ID number must not open someone else's file. A data steward, who sees everyone, links them instead.
                db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Create, "SourceRecord", key, "/people/new",
                    "registration refused: the national ID belongs to a person outside the registrant's scope"));
                await db.SaveChangesAsync(ct);
                return new Outcome(false, [new("citizen_id", "knownElsewhere",
                    "บุคคลที่มีเลขประจำตัวประชาชนนี้มีข้อมูลอยู่แล้วในความรับผิดชอบของหน่วยงานอื่น ระบบจึงไม่ลงทะเบียนซ้ำ กรุณาแจ้งผู้ดูแลข้อมูลเพื่อเชื่อมโยงหรือย้ายพื้นที่",
                    "A person with this national ID is already known to another office, so they were not registered again; ask a data steward to link or move them")]);
            }
            await SaphanEntries.AddAsync(db, Source, key, JsonSerializer.Serialize(entry, Json), entry.ToLinkRecord(SourceCode, key), entry.Nickname,
                entry.CitizenIdProblem is { } p ? [$"citizen_id:{p}"] : [], viewer.UserName, now, ct);
            db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Create, "SourceRecord", key, "/people/new", "register a person"));
            await db.SaveChangesAsync(ct);
        }
        var summary = await linker.RelinkAsync($"registration {key} by {viewer.UserName}", ct);
        await using var check = await data.OpenAsync("/people/new", "register a person");
        var link = await check.RecordLinks.IgnoreQueryFilters().FirstAsync(l => l.RecordKey == key, ct);
        var sharedWith = await check.RecordLinks.IgnoreQueryFilters().CountAsync(l => l.PersonId == link.PersonId, ct);
        var pairs = await check.ReviewPairs.CountAsync(p => p.Status == ReviewStatus.Open && (p.RecordKeyA == key || p.RecordKeyB == key), ct);
        var canOpen = await check.People.AnyAsync(p => p.Id == link.PersonId, ct);
        return new Outcome(true, [], link.PersonId, sharedWith > 1, pairs, canOpen);
    }

    /// <summary>Whether the entry's (valid) national ID is a person's whom the registrant does not see.</summary>
    private static async Task<bool> KnownOutsideScopeAsync(SaphanDb db, NewPerson entry, CancellationToken ct)
    {
        if (db.Scope.SeesEveryone || string.IsNullOrWhiteSpace(entry.CitizenId)) return false;
        CitizenId? id = Linkage.Normalisation.CitizenId.Parse(entry.CitizenId);
        if (id is not { IsValid: true }) return false;
        var known = await db.People.IgnoreQueryFilters().Where(p => p.MergedIntoId == null && p.CitizenId == id).Select(p => p.Id).ToListAsync(ct);
        return known.Count > 0 && !await db.People.AnyAsync(p => known.Contains(p.Id), ct);
    }
}

/// <summary>What an officer or volunteer knows about a person they register. Only a name (or nickname) and a district are required.</summary>
public sealed record NewPerson(string? Title, string? GivenName, string? FamilyName, string? Nickname, Sex Sex, string? CitizenId,
    DateOnly? BirthDate, int? BirthYear, string DistrictCode, string? SubdistrictCode, string? Phone)
{
    public string? CitizenIdProblem => string.IsNullOrWhiteSpace(CitizenId) ? null : Linkage.Normalisation.CitizenId.Parse(CitizenId) is { IsValid: false } id ? id.Problem.ToString() : null;

    public IReadOnlyList<FieldProblem> Validate()
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(GivenName) && string.IsNullOrWhiteSpace(Nickname))
            problems.Add(new("given_name", "required", "กรุณากรอกชื่อ หรือชื่อเล่นที่ใช้เรียก", "Give a name, or the nickname the person goes by"));
        if (DistrictCode is not { Length: 4 } || !DistrictCode.All(char.IsAsciiDigit))
            problems.Add(new("district", "required", "กรุณาเลือกเขต", "Choose a district"));
        if (BirthYear is { } y && (y < 1900 || y > 2100))
            problems.Add(new("birth_year", "range", "ปีเกิดไม่ถูกต้อง (พิมพ์ พ.ศ. เช่น 2510)", "The year of birth is not valid"));
        return problems;
    }

    internal LinkRecord ToLinkRecord(string source, string key) => new()
    {
        Source = source,
        RecordId = key,
        CitizenId = string.IsNullOrWhiteSpace(CitizenId) ? null : Linkage.Normalisation.CitizenId.Parse(CitizenId),
        Title = Title,
        GivenName = string.IsNullOrWhiteSpace(GivenName) ? Nickname : GivenName.Trim(),
        FamilyName = FamilyName?.Trim(),
        Sex = Sex,
        BirthDate = BirthDate is { } d ? PartialDate.From(d) : BirthYear is { } y ? new PartialDate(y) : null,
        Address = new AddressParts { DistrictCode = DistrictCode, SubdistrictCode = SubdistrictCode },
        Phone = Phone,
    };
}
