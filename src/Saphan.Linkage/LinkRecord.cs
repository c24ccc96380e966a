using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage;

/// <summary>
/// One source record after normalisation: what the linkage model compares.
/// Names are normalised Thai (NFC, no zero-width characters, ASCII digits) with the title split off.
/// </summary>
public sealed class LinkRecord
{
    /// <summary>The source (agency dataset) the record came from.</summary>
    public required string Source { get; init; }

    /// <summary>The record's key within its source.</summary>
    public required string RecordId { get; init; }

    public CitizenId? CitizenId { get; init; }

    /// <summary>Other identifiers (passport, alien or migrant card numbers), kept apart from the Thai ID.</summary>
    public string? OtherId { get; init; }

    public string? Title { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public Sex Sex { get; init; }
    public PartialDate? BirthDate { get; init; }
    public AddressParts? Address { get; init; }
    public string? Phone { get; init; }
}

public enum Sex
{
    Unknown,
    Male,
    Female,
}

/// <summary>A Thai address split into its parts, with the gazetteer codes when they were matched.</summary>
public sealed record AddressParts
{
    public string? HouseNumber { get; init; }

    /// <summary>หมู่ (village number).</summary>
    public string? Moo { get; init; }

    /// <summary>ซอย (lane).</summary>
    public string? Soi { get; init; }

    /// <summary>ถนน (road).</summary>
    public string? Road { get; init; }

    /// <summary>DOPA subdistrict (แขวง) code, 6 digits, when matched.</summary>
    public string? SubdistrictCode { get; init; }

    /// <summary>DOPA district (เขต) code, 4 digits, when matched.</summary>
    public string? DistrictCode { get; init; }

    /// <summary>แขวง as written (normalised, without its prefix). Compared as text only when there is no code.</summary>
    public string? SubdistrictName { get; init; }

    /// <summary>เขต as written (normalised, without its prefix). Compared as text only when there is no code.</summary>
    public string? DistrictName { get; init; }

    public string? Postcode { get; init; }
}
