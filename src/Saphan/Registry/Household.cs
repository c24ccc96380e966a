namespace Saphan.Registry;

/// <summary>A household (ครัวเรือน): people who live together at one address.</summary>
public sealed class Household
{
    private readonly List<Person> members = [];

    private Household() { }

    public Guid Id { get; private set; }
    public HouseholdAddress Address { get; private set; } = new();

    /// <summary>District (เขต) of the address: the first four digits of the subdistrict code. Kept as a column for scope and counts.</summary>
    public string DistrictCode { get; private set; } = "";

    public Residence Residence => new() { DistrictCode = DistrictCode, SubdistrictCode = Address.SubdistrictCode, CommunityId = Address.CommunityId };
    public bool IsSynthetic { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public IReadOnlyCollection<Person> Members => members;

    public Person? Head => members.FirstOrDefault(m => m.RoleInHousehold == HouseholdRole.Head);

    public static Household Register(HouseholdAddress address, DateTimeOffset now, bool synthetic = false)
    {
        if (address.SubdistrictCode is not { Length: 6 } code || !code.All(char.IsAsciiDigit))
            throw new ArgumentException("A household needs a 6-digit subdistrict code.", nameof(address));
        return new Household { Id = Guid.CreateVersion7(now), Address = address, DistrictCode = code[..4], RegisteredAt = now, IsSynthetic = synthetic };
    }

    /// <summary>Makes a member the head of household (หัวหน้าครัวเรือน); the former head becomes a relative unless given another role.</summary>
    public void ChangeHead(Person newHead, HouseholdRole formerHeadBecomes, DateTimeOffset now)
    {
        if (!members.Contains(newHead)) throw new InvalidOperationException("The new head must be a member of the household.");
        if (formerHeadBecomes == HouseholdRole.Head) throw new ArgumentException("The former head needs another role.", nameof(formerHeadBecomes));
        Head?.JoinHousehold(this, formerHeadBecomes, now);
        newHead.JoinHousehold(this, HouseholdRole.Head, now);
    }

    /// <summary>A member moves out (to another household, or none); their membership here ends and stays in the history.</summary>
    public void Remove(Person person, DateTimeOffset now)
    {
        if (!members.Remove(person)) throw new InvalidOperationException("Not a member of this household.");
        person.LeaveHousehold(now);
    }

    public void Add(Person person, HouseholdRole role, DateTimeOffset now)
    {
        if (role == HouseholdRole.Head && Head is { } head && head.Id != person.Id)
            throw new InvalidOperationException("The household already has a head; change the head first.");
        person.JoinHousehold(this, role, now);
        if (!members.Contains(person)) members.Add(person);
    }
}

/// <summary>A Bangkok address: house number, moo, soi, road, subdistrict (แขวง; its code also gives the district).</summary>
public sealed record HouseholdAddress
{
    public string HouseNumber { get; init; } = "";
    public string? Moo { get; init; }
    public string? Soi { get; init; }
    public string? Road { get; init; }
    public string SubdistrictCode { get; init; } = "";
    public string? Postcode { get; init; }
    public int? CommunityId { get; init; }
}
