namespace Saphan.Rights.Eligibility;

/// <summary>
/// What the evaluator needs to know about one person, packed small so that a million fit in a flat array
/// (about 48 bytes each). Dates are yyyymmdd integers; money is baht with -1 for "not known".
/// </summary>
public struct PersonCase
{
    public const long NotKnown = -1;

    /// <summary>Date of birth as yyyymmdd; 0 when not known. A year-only date is 1 January and a month-only date the 1st
    /// (Civil and Commercial Code s.16), as the registry stores them.</summary>
    public int BirthDate;

    public bool HasValidCitizenId;
    public bool HasDisabilityCard;
    public bool IsHomeless;
    public bool IsBedridden;
    public Known ThaiNationality;
    public Known StatePension;
    public Known DisabilityRecorded;

    public long OwnIncome;
    public long HouseholdIncomePerPerson;
    public long FinancialAssets;

    /// <summary>Bit <c>i</c> set: an enrolment in scheme <c>i</c> of the catalogue is active on the evaluation day.</summary>
    public uint Enrolled;

    /// <summary>DOPA district code (1001–1050) as a number, for figures.</summary>
    public short District;

    public static PersonCase Empty => new() { OwnIncome = NotKnown, HouseholdIncomePerPerson = NotKnown, FinancialAssets = NotKnown };

    public static int Pack(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static DateOnly Unpack(int date) => new(date / 10000, date / 100 % 100, date % 100);
}
