using Saphan.Linkage;
using Saphan.Linkage.Normalisation;

namespace Saphan.Registry;

/// <summary>
/// A person known to Saphan (บุคคล). Identity data is kept as given: a person may have no Thai ID card
/// (common among homeless people), or only an approximate date of birth.
/// </summary>
public sealed partial class Person
{
    private Person() { }

    public Guid Id { get; private set; }
    public CitizenId? CitizenId { get; private set; }
    public string? Title { get; private set; }
    public string GivenName { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    /// <summary>ชื่อเล่น or another name the person is known by (common among homeless people).</summary>
    public string? Nickname { get; private set; }

    public Sex Sex { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public DatePrecision BirthDatePrecision { get; private set; }
    public string? Phone { get; private set; }

    /// <summary>District (เขต) where the person lives or, for a homeless person, where they were met. Scope follows it.</summary>
    public string DistrictCode { get; private set; } = "";
    public string? SubdistrictCode { get; private set; }
    public int? CommunityId { get; private set; }

    public Residence Residence => new() { DistrictCode = DistrictCode, SubdistrictCode = SubdistrictCode, CommunityId = CommunityId };

    public Guid? HouseholdId { get; private set; }
    public Household? Household { get; private set; }
    public HouseholdRole? RoleInHousehold { get; private set; }

    /// <summary>Holds a disability ID card (บัตรประจำตัวคนพิการ).</summary>
    public bool HasDisabilityCard { get; private set; }

    /// <summary>ผู้ป่วยติดเตียง</summary>
    public bool IsBedridden { get; private set; }

    /// <summary>คนไร้บ้าน</summary>
    public bool IsHomeless { get; private set; }

    /// <summary>Made by the synthetic data generator: not a real person.</summary>
    public bool IsSynthetic { get; private set; }

    /// <summary>When linkage found this person to be someone already known, the person they live on as.</summary>
    public Guid? MergedIntoId { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public string FullName => string.IsNullOrEmpty(Title) ? $"{GivenName} {FamilyName}".Trim() : $"{Title}{GivenName} {FamilyName}".TrimEnd();

    public static Person Register(PersonDetails details, Residence residence, DateTimeOffset now, bool synthetic = false)
    {
        var person = new Person { Id = Guid.CreateVersion7(now), RegisteredAt = now, IsSynthetic = synthetic };
        person.Correct(details, now);
        person.MoveTo(residence);
        return person;
    }

    /// <summary>A person first known from agency records.</summary>
    public static Person FromRecords(IReadOnlyCollection<Sources.SourceRecord> records, DateTimeOffset now, bool synthetic = false)
    {
        var person = new Person { Id = Guid.CreateVersion7(now), RegisteredAt = now, IsSynthetic = synthetic };
        person.RefreshFrom(records, now);
        return person;
    }

    /// <summary>
    /// Re-derives what Saphan shows about the person from all their agency records: the newest record's name, sex, phone
    /// and address; the newest valid national ID (else the newest given); the most precise date of birth; a disability
    /// card if any agency says so. What a PDPA correction states (s.35) stands over every agency record, older or newer,
    /// until the person asks for another correction: an agency file that still carries the old spelling must not undo it.
    /// Every record stays visible on the person's page with its source.
    /// </summary>
    public void RefreshFrom(IReadOnlyCollection<Sources.SourceRecord> records, DateTimeOffset now)
    {
        if (records.Count == 0) return;
        var newest = records.OrderByDescending(r => r.ImportedAt).ThenByDescending(r => r.Id).ToList();
        Sources.SourceRecord? Corrected(string field) => newest.FirstOrDefault(r => r.Corrects(field));
        var named = Corrected(FieldNames.Name) ?? newest.FirstOrDefault(r => !string.IsNullOrEmpty(r.GivenName)) ?? newest[0];
        Title = named.Title;
        GivenName = named.GivenName ?? GivenName;
        FamilyName = named.FamilyName ?? FamilyName;
        Sex = newest.Select(r => r.Sex).FirstOrDefault(s => s != Sex.Unknown);
        CitizenId = Corrected(FieldNames.CitizenId)?.CitizenId
            ?? newest.Select(r => r.CitizenId).FirstOrDefault(id => id is { IsValid: true }) ?? newest.Select(r => r.CitizenId).FirstOrDefault(id => id is not null);
        var born = Corrected(FieldNames.BirthDate) ?? newest.Where(r => r.BirthDate is not null).OrderByDescending(r => r.BirthDatePrecision).FirstOrDefault();
        BirthDate = born?.BirthDate;
        BirthDatePrecision = born?.BirthDatePrecision ?? DatePrecision.Day;
        Phone = Corrected(FieldNames.Phone)?.Phone ?? newest.Select(r => r.Phone).FirstOrDefault(p => !string.IsNullOrEmpty(p)) ?? Phone;
        Nickname = newest.Select(r => r.Nickname).FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? Nickname;
        if (newest.Any(r => r.HasDisabilityCard == true)) HasDisabilityCard = true;
        if (HouseholdId is null && newest.FirstOrDefault(r => !string.IsNullOrEmpty(r.DistrictCode)) is { } placed)
        {
            DistrictCode = placed.DistrictCode!;
            SubdistrictCode = placed.SubdistrictCode;
        }
        MergedIntoId = null;
        UpdatedAt = now;
    }

    /// <summary>All of this person's records were found to belong to someone else.</summary>
    public void MergeInto(Guid survivor, DateTimeOffset now)
    {
        if (survivor == Id) throw new ArgumentException("A person is not merged into themselves.", nameof(survivor));
        MergedIntoId = survivor;
        UpdatedAt = now;
    }

    public void Correct(PersonDetails details, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(details.GivenName)) throw new ArgumentException("A person needs a given name.", nameof(details));
        CitizenId = details.CitizenId;
        Title = details.Title;
        GivenName = details.GivenName.Trim();
        FamilyName = details.FamilyName?.Trim() ?? "";
        Sex = details.Sex;
        BirthDate = details.BirthDate;
        BirthDatePrecision = details.BirthDatePrecision;
        Phone = details.Phone;
        Nickname = details.Nickname ?? Nickname;
        UpdatedAt = now;
    }

    public void RecordConditions(bool disabilityCard, bool bedridden, DateTimeOffset now)
    {
        HasDisabilityCard = disabilityCard;
        IsBedridden = bedridden;
        UpdatedAt = now;
    }

    public void RecordHomeless(Residence whereMet, DateTimeOffset now)
    {
        IsHomeless = true;
        LeaveHousehold(now);
        MoveTo(whereMet);
        UpdatedAt = now;
    }

    private readonly List<HouseholdMembership> memberships = [];

    /// <summary>Every household the person has lived in, with their role and dates: moving keeps the history.</summary>
    public IReadOnlyCollection<HouseholdMembership> Memberships => memberships;

    public void JoinHousehold(Household household, HouseholdRole role, DateTimeOffset now)
    {
        if (HouseholdId == household.Id && RoleInHousehold == role) return;
        EndMembership(now);
        memberships.Add(new HouseholdMembership(Id, household.Id, role, now));
        HouseholdId = household.Id;
        Household = household;
        RoleInHousehold = role;
        MoveTo(household.Residence);
        IsHomeless = false;
        UpdatedAt = now;
    }

    public void LeaveHousehold(DateTimeOffset now)
    {
        EndMembership(now);
        HouseholdId = null;
        Household = null;
        RoleInHousehold = null;
        UpdatedAt = now;
    }

    private void EndMembership(DateTimeOffset now)
    {
        foreach (var open in memberships.Where(m => m.EndedAt is null)) open.End(now);
    }

    private void MoveTo(Residence residence)
    {
        if (string.IsNullOrWhiteSpace(residence.DistrictCode)) throw new ArgumentException("A residence needs a district.", nameof(residence));
        DistrictCode = residence.DistrictCode;
        SubdistrictCode = residence.SubdistrictCode;
        CommunityId = residence.CommunityId;
    }

    public int? AgeOn(DateOnly day)
    {
        if (BirthDate is not { } born) return null;
        var age = day.Year - born.Year;
        if (day < born.AddYears(age)) age--;
        return age;
    }

    /// <summary>The vulnerable groups (กลุ่มเปราะบาง) the person belongs to on a given day.</summary>
    public VulnerableGroups GroupsOn(DateOnly day)
    {
        var groups = VulnerableGroups.None;
        var age = AgeOn(day);
        if (age >= 60) groups |= VulnerableGroups.OlderPerson;
        if (age < 18) groups |= VulnerableGroups.Child;
        if (HasDisabilityCard) groups |= VulnerableGroups.PersonWithDisability;
        if (IsBedridden) groups |= VulnerableGroups.Bedridden;
        if (IsHomeless) groups |= VulnerableGroups.Homeless;
        return groups;
    }
}

/// <summary>The identity data of a person as entered or imported.</summary>
public sealed record PersonDetails(
    string GivenName,
    string? FamilyName,
    Sex Sex,
    CitizenId? CitizenId = null,
    string? Title = null,
    DateOnly? BirthDate = null,
    DatePrecision BirthDatePrecision = DatePrecision.Day,
    string? Phone = null,
    string? Nickname = null);

/// <summary>Where a person lives or stays, down to the community when known.</summary>
public sealed record Residence
{
    public string DistrictCode { get; init; } = "";
    public string? SubdistrictCode { get; init; }
    public int? CommunityId { get; init; }
}

[Flags]
public enum VulnerableGroups
{
    None = 0,
    OlderPerson = 1,
    PersonWithDisability = 2,
    Child = 4,
    Bedridden = 8,
    Homeless = 16,
}

/// <summary>ความสัมพันธ์กับหัวหน้าครัวเรือน</summary>
public enum HouseholdRole
{
    Head = 1,
    Spouse = 2,
    Child = 3,
    Parent = 4,
    Grandchild = 5,
    Relative = 6,
    Other = 7,
}

/// <summary>A person's stay in a household (สมาชิกครัวเรือน), from when to when, in which role.</summary>
public sealed class HouseholdMembership
{
    private HouseholdMembership() { }

    internal HouseholdMembership(Guid personId, Guid householdId, HouseholdRole role, DateTimeOffset startedAt)
    {
        PersonId = personId;
        HouseholdId = householdId;
        Role = role;
        StartedAt = startedAt;
    }

    public long Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public HouseholdRole Role { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    internal void End(DateTimeOffset at) => EndedAt ??= at;
}
