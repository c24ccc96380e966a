using System.Collections.Frozen;

namespace Saphan.Assessment.Indicators;

/// <summary>The five dimensions of the family report card (สมุดพกครอบครัว), aligned with TPMAP's five.</summary>
public enum Dimension
{
    /// <summary>รายได้</summary>
    Income = 1,

    /// <summary>สุขภาพ</summary>
    Health = 2,

    /// <summary>การศึกษา</summary>
    Education = 3,

    /// <summary>ความเป็นอยู่ / ที่อยู่อาศัย</summary>
    Living = 4,

    /// <summary>การเข้าถึงบริการรัฐ</summary>
    PublicServices = 5,
}

/// <summary>Whom a question is about: the household as a whole, or each member it applies to.</summary>
public enum IndicatorSubject
{
    Household = 1,
    Member = 2,
}

public enum AnswerType
{
    /// <summary>ใช่ / ไม่ใช่</summary>
    YesNo = 1,

    /// <summary>A whole or decimal number with a unit and bounds (impossible values are refused).</summary>
    Number = 2,
}

/// <summary>
/// A version of the family report card's indicators, in force from a date. An assessment keeps the set it was started
/// with, so a later version (new thresholds, a new question) never changes what an old assessment found.
/// </summary>
public sealed class IndicatorSet
{
    private readonly List<Indicator> indicators = [];
    private FrozenDictionary<string, Indicator>? byCode;

    private IndicatorSet() { }

    public IndicatorSet(string version, DateOnly effectiveFrom, string nameTh, string nameEn, decimal poorCutoff, string note, IEnumerable<Indicator> items)
    {
        if (poorCutoff is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(poorCutoff), "The poverty cutoff is a share of the weighted indicators (0–1].");
        Version = version;
        EffectiveFrom = effectiveFrom;
        NameTh = nameTh;
        NameEn = nameEn;
        PoorCutoff = poorCutoff;
        Note = note;
        indicators.AddRange(items);
        for (var i = 0; i < indicators.Count; i++) indicators[i].Order = i + 1;
        var duplicate = indicators.GroupBy(i => i.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Indicator code {duplicate.Key} appears twice.", nameof(items));
        foreach (var i in indicators) i.Check();
    }

    public int Id { get; private set; }

    /// <summary>e.g. "2567.1": a new version whenever a question, rule, weight or the cutoff changes.</summary>
    public string Version { get; private set; } = "";
    public DateOnly EffectiveFrom { get; private set; }
    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    /// <summary>
    /// A household is poor (ยากจน) when its deprivation score — the weighted share of indicators it is deprived in — is at
    /// least this cutoff (the "k" of the Alkire–Foster method used for the global MPI).
    /// </summary>
    public decimal PoorCutoff { get; private set; }
    public string Note { get; private set; } = "";

    public IReadOnlyList<Indicator> Indicators => indicators;

    public Indicator? Find(string code) => (byCode ??= indicators.ToFrozenDictionary(i => i.Code)).GetValueOrDefault(code);

    /// <summary>
    /// The weight of one indicator in the score: each of the five dimensions weighs one fifth, shared among its indicators
    /// by their relative weights. A dimension without indicators in the set gives its fifth to nobody (the score's maximum is then below 1).
    /// </summary>
    public decimal WeightOf(Indicator indicator)
    {
        var inDimension = indicators.Where(i => i.Dimension == indicator.Dimension).Sum(i => i.Weight);
        return inDimension == 0 ? 0 : indicator.Weight / inDimension / Enum.GetValues<Dimension>().Length;
    }
}

/// <summary>
/// One question of the family report card with the rule that marks a deprivation. For a member question,
/// <see cref="AskWhen"/> says which members are asked (e.g. <c>age in 6..14</c>) and the household is deprived when any
/// member asked is.
/// </summary>
public sealed class Indicator
{
    private Rule? parsedAskWhen;
    private Rule? parsedDeprivedWhen;

    private Indicator() { }

    public Indicator(string code, Dimension dimension, IndicatorSubject subject, AnswerType answerType, string questionTh, string questionEn,
        string deprivedWhen, string sourceTh, string sourceEn, string? askWhen = null, string? unitTh = null, string? unitEn = null,
        decimal? minimum = null, decimal? maximum = null, decimal weight = 1, string? deprivationTh = null, string? deprivationEn = null)
    {
        Code = code;
        Dimension = dimension;
        Subject = subject;
        AnswerType = answerType;
        QuestionTh = questionTh;
        QuestionEn = questionEn;
        DeprivedWhen = deprivedWhen;
        AskWhen = askWhen;
        SourceTh = sourceTh;
        SourceEn = sourceEn;
        UnitTh = unitTh;
        UnitEn = unitEn;
        Minimum = minimum;
        Maximum = maximum;
        Weight = weight;
        DeprivationTh = deprivationTh ?? questionTh;
        DeprivationEn = deprivationEn ?? questionEn;
    }

    /// <summary>Stable across versions (e.g. EDU-2), so that a household's timeline compares like with like.</summary>
    public string Code { get; private set; } = "";
    public Dimension Dimension { get; private set; }
    public IndicatorSubject Subject { get; private set; }
    public AnswerType AnswerType { get; private set; }
    public int Order { get; internal set; }
    public string QuestionTh { get; private set; } = "";
    public string QuestionEn { get; private set; } = "";

    /// <summary>The problem in a few words, as a report card or work list shows it (e.g. "เด็ก 6–14 ปีไม่ได้เรียน").</summary>
    public string DeprivationTh { get; private set; } = "";
    public string DeprivationEn { get; private set; } = "";
    public string? UnitTh { get; private set; }
    public string? UnitEn { get; private set; }

    /// <summary>Bounds of a number answer; a value outside them is refused as impossible.</summary>
    public decimal? Minimum { get; private set; }
    public decimal? Maximum { get; private set; }

    /// <summary>Relative weight within its dimension (1 = equal).</summary>
    public decimal Weight { get; private set; } = 1;

    /// <summary>Rule text (see <see cref="Rule"/>); for a member question only.</summary>
    public string? AskWhen { get; private set; }
    public string DeprivedWhen { get; private set; } = "";

    /// <summary>Where the indicator comes from (จปฐ. indicator, NESDC definition, law).</summary>
    public string SourceTh { get; private set; } = "";
    public string SourceEn { get; private set; } = "";

    public Rule AskWhenRule => parsedAskWhen ??= Rule.Parse(AskWhen ?? "yes", RuleNames.AskWhen);
    public Rule DeprivedWhenRule => parsedDeprivedWhen ??= Rule.Parse(DeprivedWhen, Subject == IndicatorSubject.Household ? RuleNames.Household : RuleNames.Member);

    public string Question(bool thai) => thai ? QuestionTh : QuestionEn;
    public string Deprivation(bool thai) => thai ? DeprivationTh : DeprivationEn;
    public string? Unit(bool thai) => thai ? UnitTh : UnitEn;
    public string Source(bool thai) => thai ? SourceTh : SourceEn;

    /// <summary>Refuses an indicator whose rules do not parse or whose bounds make no sense, before it is saved.</summary>
    internal void Check()
    {
        if (string.IsNullOrWhiteSpace(Code)) throw new ArgumentException("An indicator needs a code.");
        if (Weight <= 0) throw new ArgumentException($"{Code}: the weight must be positive.");
        if (Minimum > Maximum) throw new ArgumentException($"{Code}: the minimum is above the maximum.");
        if (Subject == IndicatorSubject.Household && AskWhen is not null) throw new ArgumentException($"{Code}: only member questions have an 'ask when' condition.");
        _ = AskWhenRule;
        _ = DeprivedWhenRule;
    }
}
