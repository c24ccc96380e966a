using System.Text.Json.Serialization;
using Saphan.Linkage.Normalisation;

namespace Saphan.Registry.Search;

/// <summary>Why a person was found, strongest first: results are ranked in this order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MatchReason>))]
public enum MatchReason
{
    CitizenId = 0,
    Name = 1,
    Nickname = 2,
    Address = 3,
    BirthDate = 4,
    NameStart = 5,
    SoundsLike = 6,
    SimilarSpelling = 7,
}

/// <summary>
/// One person in a result list: enough to recognise them, never the whole ID number (the person's page shows it,
/// and that opening is audited as a read).
/// </summary>
public sealed record SearchHit(
    Guid Id,
    string FullName,
    string? Nickname,
    string? MaskedCitizenId,
    DateOnly? BirthDate,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DatePrecision>))] DatePrecision BirthDatePrecision,
    string DistrictCode,
    Guid? HouseholdId,
    bool IsHomeless,
    MatchReason Reason);

/// <summary>What a search found, or why it found nothing.</summary>
public sealed record SearchResult(SearchOutcome Outcome, IReadOnlyList<SearchHit> Hits)
{
    public static SearchResult Refused(SearchOutcome why) => new(why, []);
}

public enum SearchOutcome
{
    Found,

    /// <summary>More than <see cref="PeopleSearch.MaxResults"/> matched; the best are shown.</summary>
    Capped,

    Nothing,

    /// <summary>Empty or one character: nothing is listed.</summary>
    TooShort,

    /// <summary>The date-of-birth filter could not be read.</summary>
    UnreadableBirthDate,

    /// <summary>Only a house number: a subdistrict or district name is needed with it.</summary>
    HouseNumberNeedsPlace,
}
