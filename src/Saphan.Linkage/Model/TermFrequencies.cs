namespace Saphan.Linkage.Model;

/// <summary>
/// Term-frequency adjustments (ค่าความถี่ของชื่อ) for exact name agreements: log2(u_exact / tf(name)),
/// where tf is the name's share among the records that have one. A very common given name such as สมชาย
/// then adds less than the average exact agreement, and a rare one a little more (capped, to favour precision).
/// </summary>
public sealed class TermFrequencies
{
    private readonly float[] given;
    private readonly float[] family;

    public TermFrequencies(RecordTable table, MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(model);
        var nameCount = 0;
        long givenTotal = 0, familyTotal = 0;
        foreach (ref readonly var f in table.Features)
        {
            nameCount = Math.Max(nameCount, Math.Max(f.GivenId, f.FamilyId) + 1);
            if (f.GivenId >= 0) givenTotal++;
            if (f.FamilyId >= 0) familyTotal++;
        }
        given = new float[nameCount];
        family = new float[nameCount];
        var uGiven = model.U(LinkField.GivenName, ComparisonLevels.NameExact);
        var uFamily = model.U(LinkField.FamilyName, ComparisonLevels.NameExact);
        for (var id = 0; id < nameCount; id++)
        {
            given[id] = Adjustment(uGiven, table.GivenCount(id), givenTotal);
            family[id] = Adjustment(uFamily, table.FamilyCount(id), familyTotal);
        }
    }

    public double GivenAdjustment(int nameId) => nameId >= 0 && nameId < given.Length ? given[nameId] : 0;

    public double FamilyAdjustment(int nameId) => nameId >= 0 && nameId < family.Length ? family[nameId] : 0;

    private static float Adjustment(double uExact, int count, long total)
    {
        if (count <= 0 || total <= 0) return 0;
        var tf = (double)count / total;
        var adjustment = Math.Log2(uExact / tf);
        return (float)Math.Clamp(adjustment, -MatchModel.MaxTermFrequencyPenalty, MatchModel.MaxTermFrequencyBoost);
    }
}
