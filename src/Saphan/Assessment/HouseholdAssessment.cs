using Saphan.Assessment.Indicators;

namespace Saphan.Assessment;

public enum AssessmentStatus
{
    /// <summary>ฉบับร่าง: answers are kept, nothing is counted.</summary>
    Draft = 1,

    /// <summary>ส่งแล้ว: the profile is computed and stored, and the assessment counts in the figures.</summary>
    Submitted = 2,
}

/// <summary>
/// One family report card assessment (การประเมินสมุดพกครอบครัว) of a household: the answers, where and when it was made,
/// and — once submitted — its deprivation profile, stored so that area figures are sums over rows, not rules re-run per request.
/// </summary>
public sealed class HouseholdAssessment
{
    private readonly List<AssessmentAnswer> answers = [];

    private HouseholdAssessment() { }

    public static HouseholdAssessment Start(Guid householdId, IndicatorSet set, string? userId, string userName, DateOnly today, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        HouseholdId = householdId,
        IndicatorSetId = set.Id,
        Status = AssessmentStatus.Draft,
        AssessedOn = today,
        StartedAt = now,
        UpdatedAt = now,
        AssessorUserId = userId,
        AssessorName = userName,
    };

    public Guid Id { get; private set; }
    public Guid HouseholdId { get; private set; }

    /// <summary>The indicator set version the assessment was started with; it keeps it for good.</summary>
    public int IndicatorSetId { get; private set; }
    public AssessmentStatus Status { get; private set; }

    /// <summary>The day of the visit; ages are computed on this day.</summary>
    public DateOnly AssessedOn { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? AssessorUserId { get; private set; }
    public string AssessorName { get; private set; } = "";

    /// <summary>Where the visit took place (browser geolocation, WGS84), when the assessor allowed it.</summary>
    public GeoPoint? Location => Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon, AccuracyMetres) : null;
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public double? AccuracyMetres { get; private set; }
    public string? Note { get; private set; }

    public IReadOnlyCollection<AssessmentAnswer> Answers => answers;

    // Stored results, set on submission (see Submit).

    /// <summary>The household's area when the assessment was submitted: figures group by these without a join.</summary>
    public string DistrictCode { get; private set; } = "";
    public string SubdistrictCode { get; private set; } = "";
    public int? CommunityId { get; private set; }

    /// <summary>The household's most recent submitted assessment: the only one that counts in area figures and work lists.</summary>
    public bool IsLatest { get; private set; }

    /// <summary>Weighted share of indicators deprived, in basis points (0–10,000).</summary>
    public int ScoreBasisPoints { get; private set; }
    public bool IsPoor { get; private set; }
    public int DeprivedCount { get; private set; }

    /// <summary>Codes of the indicators deprived, space-separated (e.g. "INC-1 EDU-2").</summary>
    public string DeprivedIndicators { get; private set; } = "";
    public bool IncomeDeprived { get; private set; }
    public bool HealthDeprived { get; private set; }
    public bool EducationDeprived { get; private set; }
    public bool LivingDeprived { get; private set; }
    public bool ServicesDeprived { get; private set; }

    public int MemberCount { get; private set; }
    public bool HasOlderPerson { get; private set; }
    public bool HasPersonWithDisability { get; private set; }
    public bool HasChild { get; private set; }
    public bool HasBedridden { get; private set; }

    public IReadOnlySet<string> DeprivedCodes => DeprivedIndicators.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public bool IsDeprivedIn(Dimension dimension) => dimension switch
    {
        Dimension.Income => IncomeDeprived,
        Dimension.Health => HealthDeprived,
        Dimension.Education => EducationDeprived,
        Dimension.Living => LivingDeprived,
        _ => ServicesDeprived,
    };

    public IReadOnlyDictionary<AnswerKey, AnswerValue> AnswerMap() =>
        answers.ToDictionary(a => new AnswerKey(a.IndicatorCode, a.PersonId), a => new AnswerValue(a.Number, a.YesNo));

    /// <summary>Replaces the draft's answers (empty answers are dropped); checks numbers against the indicator's bounds.</summary>
    public IReadOnlyList<AnswerProblem> Record(IndicatorSet set, IReadOnlyDictionary<AnswerKey, AnswerValue> given, DateOnly assessedOn,
        GeoPoint? location, string? note, DateOnly today, DateTimeOffset now)
    {
        EnsureDraft();
        var problems = AnswerRules.CheckValues(set, given).ToList();
        if (assessedOn > today) problems.Add(new AnswerProblem(null, null, AnswerProblemKind.DateInFuture));
        if (location is { IsValid: false }) problems.Add(new AnswerProblem(null, null, AnswerProblemKind.InvalidLocation));
        if (problems.Count > 0) return problems;
        answers.Clear();
        foreach (var (key, value) in given.Where(a => !a.Value.IsEmpty))
            answers.Add(new AssessmentAnswer(key.Code, key.PersonId, value.Number, value.YesNo));
        AssessedOn = assessedOn;
        (Latitude, Longitude, AccuracyMetres) = (location?.Latitude, location?.Longitude, location?.AccuracyMetres);
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        UpdatedAt = now;
        return [];
    }

    /// <summary>
    /// Submits the draft: every question must be answered for the household and for each member it applies to; the profile is
    /// computed from the indicator set's rules and stored with the household's area and groups.
    /// </summary>
    public IReadOnlyList<AnswerProblem> Submit(IndicatorSet set, IReadOnlyList<MemberFacts> members, AssessedArea area, DateTimeOffset now)
    {
        EnsureDraft();
        if (set.Id != IndicatorSetId) throw new InvalidOperationException("An assessment is submitted with the indicator set it was started with.");
        var map = AnswerMap();
        var problems = AnswerRules.CheckValues(set, map).Concat(AnswerRules.CheckComplete(set, members, map, AssessedOn)).ToList();
        if (members.Count == 0) problems.Add(new AnswerProblem(null, null, AnswerProblemKind.NoMembers));
        if (problems.Count > 0) return problems;

        var profile = Deprivations.Evaluate(set, members, map, AssessedOn);
        Status = AssessmentStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        DistrictCode = area.DistrictCode;
        SubdistrictCode = area.SubdistrictCode;
        CommunityId = area.CommunityId;
        ScoreBasisPoints = profile.ScoreBasisPoints;
        IsPoor = profile.IsPoor;
        DeprivedCount = profile.Deprived.Count();
        DeprivedIndicators = string.Join(' ', profile.Deprived.Select(r => r.Indicator.Code));
        IncomeDeprived = profile.IsDeprivedIn(Dimension.Income);
        HealthDeprived = profile.IsDeprivedIn(Dimension.Health);
        EducationDeprived = profile.IsDeprivedIn(Dimension.Education);
        LivingDeprived = profile.IsDeprivedIn(Dimension.Living);
        ServicesDeprived = profile.IsDeprivedIn(Dimension.PublicServices);
        MemberCount = members.Count;
        HasOlderPerson = members.Any(m => m.AgeOn(AssessedOn) >= 60);
        HasChild = members.Any(m => m.AgeOn(AssessedOn) < 18);
        HasPersonWithDisability = members.Any(m => m.Disabled);
        HasBedridden = members.Any(m => m.Bedridden);
        return [];
    }

    /// <summary>
    /// Linkage found a member to be someone already known: their answers are the survivor's. Drafts and submitted assessments
    /// alike — the answers stay what they were, only whom they are about is named anew. Where the survivor has an answer
    /// to the same question in this assessment, the merged person's answer stays as it is (one answer per question and person).
    /// Returns how many answers now name the survivor.
    /// </summary>
    internal int FollowMerge(Guid merged, Guid survivor)
    {
        var moved = 0;
        foreach (var answer in answers.Where(a => a.PersonId == merged).ToList())
        {
            if (answers.Any(a => a.PersonId == survivor && a.IndicatorCode == answer.IndicatorCode)) continue;
            answer.FollowMerge(survivor);
            moved++;
        }
        return moved;
    }

    /// <summary>Marks whether this is the household's latest submitted assessment (maintained by <see cref="Entry.AssessmentService"/>).</summary>
    internal void SetLatest(bool latest) => IsLatest = latest;

    private void EnsureDraft()
    {
        if (Status != AssessmentStatus.Draft) throw new InvalidOperationException("A submitted assessment is not changed; start a reassessment instead.");
    }
}

/// <summary>One answer: to a household question (<see cref="PersonId"/> null) or for one member.</summary>
public sealed class AssessmentAnswer
{
    private AssessmentAnswer() { }

    public AssessmentAnswer(string indicatorCode, Guid? personId, decimal? number, bool? yesNo)
    {
        IndicatorCode = indicatorCode;
        PersonId = personId;
        Number = number;
        YesNo = yesNo;
    }

    public long Id { get; private set; }
    public string IndicatorCode { get; private set; } = "";
    public Guid? PersonId { get; private set; }
    public decimal? Number { get; private set; }
    public bool? YesNo { get; private set; }

    internal void FollowMerge(Guid survivor) => PersonId = survivor;
}

/// <summary>A WGS84 point with the accuracy the browser reported.</summary>
public sealed record GeoPoint(double Latitude, double Longitude, double? AccuracyMetres)
{
    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180 && !double.IsNaN(Latitude) && !double.IsNaN(Longitude);
}

/// <summary>Where the household lived when assessed.</summary>
public sealed record AssessedArea(string DistrictCode, string SubdistrictCode, int? CommunityId);

/// <summary>A photo of the household's home or situation (optional), kept in the database with its assessment.</summary>
public sealed class AssessmentPhoto
{
    private AssessmentPhoto() { }

    public AssessmentPhoto(Guid assessmentId, string contentType, byte[] content, DateTimeOffset at)
    {
        AssessmentId = assessmentId;
        ContentType = contentType;
        Content = content;
        SizeBytes = content.Length;
        UploadedAt = at;
    }

    public Guid AssessmentId { get; private set; }
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public int SizeBytes { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
