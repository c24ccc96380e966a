using System.Security.Claims;

namespace Saphan.Access;

/// <summary>
/// What one viewer may see of people and households, fixed when a database context is opened.
/// Age limits are dates so that the database can compare birth dates directly.
/// </summary>
public sealed record AccessScope
{
    /// <summary>Sees no person; the default of every context.</summary>
    public static readonly AccessScope Nobody = new();

    public string? UserId { get; init; }
    public string UserName { get; init; } = "";

    /// <summary>Data stewards, administrators and system work (import, demo data).</summary>
    public bool SeesEveryone { get; init; }

    /// <summary>Executives and the public: counts only, with small numbers suppressed.</summary>
    public bool AggregatesOnly { get; init; }

    public string? DistrictCode { get; init; }
    public Department? Department { get; init; }
    public string? VolunteerUserId { get; init; }

    /// <summary>Older persons (ผู้สูงอายุ) are 60 or over.</summary>
    public DateOnly OlderPersonBornOnOrBefore { get; init; }

    /// <summary>Children and youth (เด็กและเยาวชน) are under 25 (Child and Youth Development Promotion Act).</summary>
    public DateOnly YouthBornAfter { get; init; }

    public bool SeesPeople => SeesEveryone || DistrictCode != null || Department != null || VolunteerUserId != null;

    /// <summary>
    /// District and department officers, data stewards and administrators: they keep people's records (households, PDPA
    /// corrections). Volunteers see only the households assigned to them and executives only figures.
    /// </summary>
    public bool KeepsRecords => SeesPeople && !AggregatesOnly && VolunteerUserId is null;

    /// <summary>The agency key referrals to the viewer's department are addressed to ("dep:OlderPersons"); null for others.</summary>
    public string? DepartmentAgency => Department is { } d ? DepartmentAgencyOf(d) : null;

    public static string DepartmentAgencyOf(Department department) => $"dep:{department}";

    public static AccessScope System(string purpose, DateOnly today) => WithAges(new AccessScope { SeesEveryone = true, UserName = "system:" + purpose }, today);

    /// <summary>Scope for aggregate figures: may count everyone, never list anyone.</summary>
    public static AccessScope Aggregates(DateOnly today) => WithAges(new AccessScope { SeesEveryone = true, AggregatesOnly = true, UserName = "system:aggregates" }, today);

    public static AccessScope For(ClaimsPrincipal user, DateOnly today)
    {
        if (user.Identity?.IsAuthenticated != true) return Nobody;
        var scope = new AccessScope
        {
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user.Identity.Name ?? "",
        };
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.DataSteward))
            scope = scope with { SeesEveryone = true };
        else if (user.IsInRole(Roles.Executive))
            scope = scope with { AggregatesOnly = true };
        else if (user.IsInRole(Roles.DistrictOfficer))
            scope = scope with { DistrictCode = user.FindFirstValue(SaphanClaims.District) };
        else if (user.IsInRole(Roles.DepartmentOfficer) && Enum.TryParse<Department>(user.FindFirstValue(SaphanClaims.Department), out var department))
            scope = scope with { Department = department };
        else if (user.IsInRole(Roles.Volunteer))
            scope = scope with { VolunteerUserId = scope.UserId };
        return WithAges(scope, today);
    }

    private static AccessScope WithAges(AccessScope scope, DateOnly today) => scope with
    {
        OlderPersonBornOnOrBefore = today.AddYears(-60),
        YouthBornAfter = today.AddYears(-25),
    };
}

public static class SaphanClaims
{
    public const string District = "saphan:district";
    public const string Department = "saphan:department";
    public const string DisplayName = "saphan:name";
}
