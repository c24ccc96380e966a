namespace Saphan.Rights.Eligibility;

/// <summary>
/// Applies rule versions to people. Pure and allocation-free per person, so the same code explains one person's rights
/// on their page and evaluates a whole city for the work lists, the figures and the what-if.
/// </summary>
public static class Evaluator
{
    /// <summary>
    /// Age in completed years on <paramref name="on"/> (both yyyymmdd). The age goes up on the birthday; someone born on
    /// 29 February has their birthday on 28 February in a common year — the last day of the month, as the Civil and
    /// Commercial Code s.193/5 ends a period of years whose last month has no corresponding day. Same as <c>Person.AgeOn</c>.
    /// </summary>
    public static int AgeOn(int birth, int on)
    {
        int by = birth / 10000, bm = birth / 100 % 100, bd = birth % 100;
        int oy = on / 10000, om = on / 100 % 100, od = on % 100;
        if (bm == 2 && bd == 29 && !DateTime.IsLeapYear(oy)) bd = 28;
        var age = oy - by;
        if (om < bm || (om == bm && od < bd)) age--;
        return age;
    }

    /// <summary>One rule for one person on one day; a null rule means no version is in force then.</summary>
    public static Verdict Evaluate(in PersonCase person, CompiledRule? rule, int on)
    {
        if (rule is null) return new Verdict(RightStatus.NotEligible, 0, Conditions.None, Conditions.RuleInForce, Conditions.None);
        Conditions met = Conditions.RuleInForce, failed = Conditions.None, unknown = Conditions.None;
        var age = person.BirthDate != 0 && rule.NeedsAge ? AgeOn(person.BirthDate, on) : -1;

        if (rule.MinimumAge >= 0) Check(age < 0 ? Known.Unknown : age >= rule.MinimumAge ? Known.Yes : Known.No, Conditions.MinimumAge);
        if (rule.BelowAge >= 0) Check(age < 0 ? Known.Unknown : age < rule.BelowAge ? Known.Yes : Known.No, Conditions.BelowAge);
        if (rule.Terms.ThaiNationality) Check(person.ThaiNationality, Conditions.ThaiNationality);
        if (rule.Terms.NoStatePension) Check(Not(person.StatePension), Conditions.NoStatePension);
        if (rule.Terms.DisabilityCard) Check(person.HasDisabilityCard ? Known.Yes : Known.No, Conditions.DisabilityCard);
        // A disability nobody recorded is not a missing fact about this person: everyone would be "unknown".
        if (rule.Terms.DisabilityRecorded)
            Check(person.HasDisabilityCard || person.DisabilityRecorded == Known.Yes ? Known.Yes : Known.No, Conditions.DisabilityRecorded);
        if (rule.MaximumOwnIncome >= 0) Check(AtMost(person.OwnIncome, rule.MaximumOwnIncome), Conditions.OwnIncome);
        if (rule.MaximumHouseholdIncome >= 0) Check(AtMost(person.HouseholdIncomePerPerson, rule.MaximumHouseholdIncome), Conditions.HouseholdIncome);
        if (rule.MaximumAssets >= 0) Check(AtMost(person.FinancialAssets, rule.MaximumAssets), Conditions.FinancialAssets);
        if (rule.Terms.ThaiIdCardFirst) Check(person.HasValidCitizenId ? Known.Yes : Known.No, Conditions.ThaiIdCard);

        var enrolled = (person.Enrolled & (1u << rule.SchemeIndex)) != 0 || rule.Evidence switch
        {
            Evidence.ValidCitizenId => person.HasValidCitizenId,
            Evidence.DisabilityCard => person.HasDisabilityCard,
            _ => false,
        };
        var status = enrolled ? RightStatus.Enrolled
            : (failed & ~Conditions.ThaiIdCard) != 0 ? RightStatus.NotEligible
            : unknown != 0 ? RightStatus.Unknown
            : failed != 0 ? RightStatus.Eligible
            : RightStatus.MissingOut;
        var amount = status is RightStatus.NotEligible or RightStatus.Unknown ? 0 : Amount(person, rule, age);
        return new Verdict(status, amount, met, failed, unknown);

        void Check(Known outcome, Conditions condition)
        {
            if (outcome == Known.Yes) met |= condition;
            else if (outcome == Known.No) failed |= condition;
            else unknown |= condition;
        }
    }

    private static Known Not(Known value) => value switch { Known.Yes => Known.No, Known.No => Known.Yes, _ => Known.Unknown };

    private static Known AtMost(long value, long limit) => value < 0 ? Known.Unknown : value <= limit ? Known.Yes : Known.No;

    private static int Amount(in PersonCase person, CompiledRule rule, int age)
    {
        var amount = rule.Terms.MonthlyAmount;
        if (age >= 0)
        {
            for (var i = 0; i < rule.StepAges.Length; i++)
                if (age >= rule.StepAges[i]) amount = rule.StepAmounts[i];
            if (rule.Terms.AmountBelowAge is { } below && age < below.Age) amount = Math.Max(amount, below.Amount);
        }
        if (rule.WithSchemeMask != 0 && (person.Enrolled & rule.WithSchemeMask) != 0) amount = Math.Max(amount, rule.WithSchemeAmount);
        return amount;
    }

    /// <summary>
    /// Every rule for every person: <paramref name="verdicts"/>[i × rules + s] is person i under rule s. Split into one
    /// range per core; each range writes only its own slice, so no locks.
    /// </summary>
    public static void EvaluateAll(PersonCase[] people, IReadOnlyList<CompiledRule?> rules, int on, Verdict[] verdicts)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(verdicts);
        var width = rules.Count;
        if (verdicts.Length < (long)people.Length * width) throw new ArgumentException("Too few verdict slots.", nameof(verdicts));
        var ruleArray = rules.ToArray();
        var parts = Math.Max(1, Environment.ProcessorCount);
        var size = (people.Length + parts - 1) / parts;
        Parallel.For(0, parts, part =>
        {
            var end = Math.Min(people.Length, (part + 1) * size);
            for (var i = part * size; i < end; i++)
            {
                ref readonly var person = ref people[i];
                var row = i * width;
                for (var s = 0; s < ruleArray.Length; s++) verdicts[row + s] = Evaluate(person, ruleArray[s], on);
            }
        });
    }
}
