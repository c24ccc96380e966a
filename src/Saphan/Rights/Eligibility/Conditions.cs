namespace Saphan.Rights.Eligibility;

/// <summary>The conditions a rule can set. A verdict says which were met, which failed and which could not be checked.</summary>
[Flags]
public enum Conditions : ushort
{
    None = 0,

    /// <summary>A rule version is in force on the evaluation day.</summary>
    RuleInForce = 1 << 0,
    MinimumAge = 1 << 1,
    BelowAge = 1 << 2,
    ThaiNationality = 1 << 3,
    ThaiIdCard = 1 << 4,
    NoStatePension = 1 << 5,
    DisabilityCard = 1 << 6,
    DisabilityRecorded = 1 << 7,
    OwnIncome = 1 << 8,
    HouseholdIncome = 1 << 9,
    FinancialAssets = 1 << 10,
}

/// <summary>Where a person stands with one scheme on one day.</summary>
public enum RightStatus : byte
{
    /// <summary>A condition is not met, or no rule version is in force on the day.</summary>
    NotEligible = 0,

    /// <summary>A fact the rule needs is not known (nationality, pension, income, assets, date of birth).</summary>
    Unknown = 1,

    /// <summary>Meets every condition but must first obtain a Thai ID card before applying.</summary>
    Eligible = 2,

    /// <summary>Meets every condition and does not receive it: the people the work lists are for (ตกหล่น).</summary>
    MissingOut = 3,

    /// <summary>Already receives it.</summary>
    Enrolled = 4,
}

/// <summary>Yes, no, or not known: the registry often does not know.</summary>
public enum Known : byte
{
    Unknown = 0,
    No = 1,
    Yes = 2,
}

/// <summary>How Saphan knows that a person already has a right, besides an enrolment record.</summary>
public enum Evidence : byte
{
    /// <summary>Only an enrolment (recorded or imported) shows it.</summary>
    Enrolment = 0,

    /// <summary>A valid 13-digit national ID in the registry shows a Thai ID card (and civil registration).</summary>
    ValidCitizenId = 1,

    /// <summary>The registry's disability card flag shows it.</summary>
    DisabilityCard = 2,
}
