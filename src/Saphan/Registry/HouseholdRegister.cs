using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Geography;
using Saphan.Linkage.Normalisation;
using Saphan.Storage;

namespace Saphan.Registry;

/// <summary>
/// The household register (ทะเบียนครัวเรือน) as the district office keeps it: a household is started for a person at
/// their address, members (สมาชิก) are added with their relationship to the head, the head (หัวหน้าครัวเรือน) changes,
/// a member moves out or to another household. Every stay is kept in the history. People and households are found
/// through the viewer's scoped context, so what is outside their scope is simply not found. Each operation is one
/// save, with its audit rows (<see cref="AuditTrail"/> writes one per person or household changed; one more on the
/// household says what happened to it).
/// </summary>
public sealed class HouseholdRegister(DataAccess data)
{
    public sealed record Outcome(bool Saved, IReadOnlyList<FieldProblem> Problems, Guid? HouseholdId = null);

    private static readonly FieldProblem MayNot = new("scope", "mayNotChange",
        "บทบาทของท่านดูข้อมูลครัวเรือนได้ แต่แก้ไขไม่ได้ กรุณาติดต่อสำนักงานเขต", "Your role may see households but not change them; ask the district office");
    private static readonly FieldProblem PersonNotFound = new("person", "outOfScope", "ไม่พบบุคคลนี้ในขอบเขตที่ท่านเข้าถึงได้", "This person is not in your scope");
    private static readonly FieldProblem HouseholdNotFound = new("household", "outOfScope", "ไม่พบครัวเรือนนี้ในขอบเขตที่ท่านเข้าถึงได้", "This household is not in your scope");
    private static readonly FieldProblem NotMember = new("person", "notMember", "บุคคลนี้ไม่ได้เป็นสมาชิกปัจจุบันของครัวเรือนนี้", "This person is not a member of this household now");
    private static readonly FieldProblem NoRole = new("role", "required", "กรุณาเลือกความสัมพันธ์กับหัวหน้าครัวเรือน", "Choose the relationship to the head of household");

    /// <summary>Starts a household at an address for a person who has none; the person becomes its head.</summary>
    public async Task<Outcome> StartAsync(Guid personId, NewHousehold entry, CancellationToken ct = default)
    {
        var viewer = await data.ScopeAsync();
        if (!viewer.KeepsRecords) return Refused(MayNot);
        var problems = entry.Validate(viewer);
        if (problems.Count > 0) return new Outcome(false, problems);
        await using var db = await data.OpenAsync($"/people/{personId}", "start a household");
        var person = await db.People.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return Refused(PersonNotFound);
        if (person.HouseholdId is not null)
            return Refused(new("person", "hasHousehold", "บุคคลนี้มีครัวเรือนอยู่แล้ว หากย้ายครัวเรือน ให้เพิ่มเป็นสมาชิกที่หน้าครัวเรือนใหม่",
                "This person already has a household; to move them, add them on the new household's page"));
        var address = entry.ToAddress();
        // The person's community (ชุมชน) stays with them when the household is in their district: the community is what places them for the housing remit.
        if (person.DistrictCode == address.SubdistrictCode[..4]) address = address with { CommunityId = person.CommunityId };
        var household = Household.Register(address, data.Now);
        household.Add(person, HouseholdRole.Head, data.Now);
        db.Households.Add(household);
        await db.SaveChangesAsync(ct);
        return new Outcome(true, [], household.Id);
    }

    /// <summary>
    /// Adds a person to a household with their relationship to the head. Someone who lives in another household moves:
    /// that stay ends (it stays in both histories) and this one starts. A second head is refused.
    /// </summary>
    public Task<Outcome> AddMemberAsync(Guid householdId, Guid personId, HouseholdRole role, CancellationToken ct = default) =>
        ChangeAsync(householdId, $"add a member: {personId} as {role}", async (db, household, now) =>
        {
            if (!Enum.IsDefined(role)) return NoRole;
            var person = await db.People.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == personId, ct);
            if (person is null) return PersonNotFound;
            if (person.HouseholdId == householdId)
                return new("person", "alreadyMember", "บุคคลนี้เป็นสมาชิกของครัวเรือนนี้อยู่แล้ว", "This person is already a member of this household");
            if (role == HouseholdRole.Head && await HasHeadAsync(db, householdId, ct))
                return new("role", "secondHead", "ครัวเรือนนี้มีหัวหน้าครัวเรือนแล้ว หากต้องการเปลี่ยน ให้ใช้ \"เปลี่ยนหัวหน้าครัวเรือน\"",
                    "This household already has a head; use \"Change the head\" instead");
            if (await LeavesOthersWithoutHeadAsync(db, person, ct) is { } problem) return problem;
            household.Add(person, role, now);
            return null;
        }, ct);

    /// <summary>Makes a member the head; the former head stays a member in the role the officer chooses.</summary>
    public Task<Outcome> ChangeHeadAsync(Guid householdId, Guid newHeadId, HouseholdRole formerHeadBecomes, CancellationToken ct = default) =>
        ChangeAsync(householdId, $"change the head: {newHeadId}, former head as {formerHeadBecomes}", async (db, household, now) =>
        {
            if (!Enum.IsDefined(formerHeadBecomes) || formerHeadBecomes == HouseholdRole.Head)
                return new("former_head_role", "required", "กรุณาเลือกความสัมพันธ์ใหม่ของหัวหน้าครัวเรือนเดิม", "Choose the former head's new relationship");
            if (household.Members.FirstOrDefault(m => m.Id == newHeadId) is not { } newHead) return NotMember;
            if (newHead.RoleInHousehold == HouseholdRole.Head)
                return new("person", "alreadyHead", "บุคคลนี้เป็นหัวหน้าครัวเรือนอยู่แล้ว", "This person is already the head of household");
            // A head the viewer cannot see (outside a department's remit) would be left as a second head.
            if (household.Head is null && await HasHeadAsync(db, householdId, ct))
                return new("person", "headOutOfScope", "หัวหน้าครัวเรือนปัจจุบันอยู่นอกขอบเขตของท่าน กรุณาติดต่อสำนักงานเขต",
                    "The current head is outside your scope; ask the district office");
            household.ChangeHead(newHead, formerHeadBecomes, now);
            return null;
        }, ct);

    /// <summary>A member moves out to no household (yet); the stay ends and stays in the history.</summary>
    public Task<Outcome> MoveOutAsync(Guid householdId, Guid personId, CancellationToken ct = default) =>
        ChangeAsync(householdId, $"a member moves out: {personId}", async (db, household, now) =>
        {
            if (household.Members.FirstOrDefault(m => m.Id == personId) is not { } person) return NotMember;
            if (await LeavesOthersWithoutHeadAsync(db, person, ct) is { } problem) return problem;
            household.Remove(person, now);
            return null;
        }, ct);

    /// <summary>
    /// Opens the household with its members (and their stays) through the viewer's scope, applies one change and saves it
    /// with an audit row on the household naming the change; nothing is saved when the change finds a problem.
    /// </summary>
    private async Task<Outcome> ChangeAsync(Guid householdId, string purpose, Func<SaphanDb, Household, DateTimeOffset, Task<FieldProblem?>> change, CancellationToken ct)
    {
        var viewer = await data.ScopeAsync();
        if (!viewer.KeepsRecords) return Refused(MayNot);
        var where = $"/households/{householdId}";
        await using var db = await data.OpenAsync(where, purpose);
        var household = await db.Households.Include(h => h.Members).ThenInclude(m => m.Memberships).FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return Refused(HouseholdNotFound);
        var now = data.Now;
        if (await change(db, household, now) is { } problem) return Refused(problem);
        db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Update, "Household", householdId.ToString(), where, purpose));
        await db.SaveChangesAsync(ct);
        return new Outcome(true, [], householdId);
    }

    // Existence checks only, across the scope: a head or member the viewer cannot see still counts, and nothing about them is returned.
    private static Task<bool> HasHeadAsync(SaphanDb db, Guid householdId, CancellationToken ct) =>
        db.People.IgnoreQueryFilters().AnyAsync(p => p.HouseholdId == householdId && p.RoleInHousehold == HouseholdRole.Head && p.MergedIntoId == null, ct);

    /// <summary>The head of a household with other members cannot leave it: that household would have no head.</summary>
    private static async Task<FieldProblem?> LeavesOthersWithoutHeadAsync(SaphanDb db, Person person, CancellationToken ct)
    {
        if (person.RoleInHousehold != HouseholdRole.Head || person.HouseholdId is not { } current) return null;
        var others = await db.People.IgnoreQueryFilters().AnyAsync(p => p.HouseholdId == current && p.Id != person.Id && p.MergedIntoId == null, ct);
        return others
            ? new("person", "headWithMembers", "บุคคลนี้เป็นหัวหน้าครัวเรือนที่ยังมีสมาชิกอื่นอยู่ กรุณาเปลี่ยนหัวหน้าครัวเรือนนั้นก่อน",
                "This person heads a household that still has other members; change that household's head first")
            : null;
    }

    private static Outcome Refused(FieldProblem problem) => new(false, [problem]);
}

/// <summary>
/// The address a district officer gives for a new household. House number and subdistrict (แขวง) are required; the
/// postcode, when not given, is the subdistrict's.
/// </summary>
public sealed record NewHousehold(string? HouseNumber, string? SubdistrictCode, string? Moo = null, string? Soi = null, string? Road = null, string? Postcode = null)
{
    public IReadOnlyList<FieldProblem> Validate(AccessScope viewer)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(HouseNumber))
            problems.Add(new("house_number", "required", "กรุณากรอกบ้านเลขที่", "Give the house number"));
        foreach (var (field, value, length, thai, english) in new[]
                 {
                     ("house_number", HouseNumber, 40, "บ้านเลขที่", "The house number"), ("moo", Moo, 10, "หมู่ที่", "The moo"),
                     ("soi", Soi, 120, "ซอย", "The soi"), ("road", Road, 120, "ถนน", "The road"),
                 })
            if (value?.Trim().Length > length)
                problems.Add(new(field, "tooLong", $"{thai}ยาวเกินไป (ไม่เกิน {length} ตัวอักษร)", $"{english} is too long (at most {length} characters)"));
        var subdistrict = PlaceNames.FindSubdistrict(SubdistrictCode?.Trim());
        if (string.IsNullOrWhiteSpace(SubdistrictCode))
            problems.Add(new("subdistrict", "required", "กรุณาเลือกแขวง", "Choose the subdistrict"));
        else if (subdistrict is null)
            problems.Add(new("subdistrict", "unknown", "ไม่พบแขวงนี้ในกรุงเทพมหานคร", "This is not a Bangkok subdistrict"));
        else if (viewer.DistrictCode is { } own && subdistrict.DistrictCode != own)
            problems.Add(new("subdistrict", "scope", "ท่านบันทึกครัวเรือนได้เฉพาะในเขตที่รับผิดชอบ", "You can record households in your own district only"));
        if (!string.IsNullOrWhiteSpace(Postcode) && Postcode.Trim() is var code && (code.Length != 5 || !code.All(char.IsAsciiDigit)))
            problems.Add(new("postcode", "invalid", "รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลัก", "A postcode has 5 digits"));
        return problems;
    }

    internal HouseholdAddress ToAddress()
    {
        var subdistrict = PlaceNames.FindSubdistrict(SubdistrictCode?.Trim()) ?? throw new InvalidOperationException("Validate the address first.");
        return new HouseholdAddress
        {
            HouseNumber = HouseNumber!.Trim(),
            Moo = Clean(Moo),
            Soi = Clean(Soi),
            Road = Clean(Road),
            SubdistrictCode = subdistrict.Code,
            Postcode = Clean(Postcode) ?? Clean(subdistrict.Postcode),
        };
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
