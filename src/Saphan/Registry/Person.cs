using Saphan.Linkage;
using Saphan.Linkage.Normalisation;

namespace Saphan.Registry;

/// <summary>
/// A person known to Saphan (บุคคล). Identity data is kept as given: a person may have no Thai ID card
/// (common among homeless people), or only an approximate date of birth.
/// </summary>
public sealed class Person
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

    public void JoinHousehold(Household household, HouseholdRole role, DateTimeOffset now)
    {
        HouseholdId = household.Id;
        Household = household;
        RoleInHousehold = role;
        MoveTo(household.Residence);
        IsHomeless = false;
        UpdatedAt = now;
    }

    public void LeaveHousehold(DateTimeOffset now)
    {
        HouseholdId = null;
        Household = null;
        RoleInHousehold = null;
        UpdatedAt = now;
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
