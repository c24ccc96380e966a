using System.Globalization;
using static Saphan.Linkage.Model.ComparisonLevels;

namespace Saphan.Linkage.Model;

/// <summary>
/// A Fellegi–Sunter model: for each field and level, m = P(level | same person) and u = P(level | different people).
/// A pair's match weight is Σ log2(m/u) over the fields not missing, plus the term-frequency adjustment of exact
/// name agreements (ค่าความถี่ของชื่อ): agreeing on a common name says less than agreeing on a rare one.
/// </summary>
public sealed class MatchModel
{
    private readonly double[] m;
    private readonly double[] u;
    private readonly double[] weights;

    private MatchModel(double[] m, double[] u, double lambda, int emIterations, bool converged)
    {
        this.m = m;
        this.u = u;
        Lambda = lambda;
        EmIterations = emIterations;
        Converged = converged;
        weights = new double[m.Length];
        for (var i = 0; i < m.Length; i++) weights[i] = m[i] > 0 && u[i] > 0 ? Math.Log2(m[i] / u[i]) : 0;
        for (var f = 0; f < FieldCount; f++) weights[Slot(f, Missing)] = 0;
    }

    /// <summary>The share of candidate pairs that EM judged to be matches.</summary>
    public double Lambda { get; }

    public int EmIterations { get; }

    public bool Converged { get; }

    /// <summary>Names whose frequency is below this share get no positive boost beyond <see cref="MaxTermFrequencyBoost"/>.</summary>
    public const double MaxTermFrequencyBoost = 3.0;

    /// <summary>Common names can pull an exact name agreement down by at most this many bits.</summary>
    public const double MaxTermFrequencyPenalty = 10.0;

    public double M(LinkField field, int level) => m[Slot((int)field, level)];

    public double U(LinkField field, int level) => u[Slot((int)field, level)];

    /// <summary>log2(m/u) for one field at one level; 0 for "missing".</summary>
    public double Weight(LinkField field, int level) => weights[Slot((int)field, level)];

    /// <summary>The pair's weight without term-frequency adjustment.</summary>
    public double Weight(ComparisonVector vector)
    {
        var w = 0.0;
        for (var f = 0; f < FieldCount; f++) w += FieldWeight(vector, f);
        return w;
    }

    /// <summary>
    /// The precision guard on automatic links, applied on top of the weight. A pair may be linked automatically only when
    /// (1) something personal agrees: the given name (at least the lower Jaro–Winkler band) or an identifier (exact,
    /// one digit off, transposed) — family name, address and phone are household evidence that relatives share;
    /// (2) something besides the names corroborates: an identifier, the birth date (exact, 543 years, day/month swap,
    /// same month), the house, or the phone — names alone are shared by namesakes; and
    /// (3) the citizen IDs do not flatly disagree (two different 13-digit IDs with check digits are two people, or a
    /// mistake a person must see), and at most one of given name, birth date and other identifier (passport, card
    /// numbers: no check digit, so more typos) flatly disagrees.
    /// Pairs that fail go to review, however high their weight.
    /// </summary>
    public static bool AllowsAutoLink(ComparisonVector vector)
    {
        var given = vector[LinkField.GivenName];
        var id = vector[LinkField.CitizenId];
        var other = vector[LinkField.OtherId];
        var date = vector[LinkField.BirthDate];
        var idAgrees = id is IdExact or IdOneDigit or IdTransposed || other is IdExact or IdOneDigit or IdTransposed;
        var personal = given is NameExact or NamePhonetic or NameJaroWinklerHigh or NameJaroWinklerMid || idAgrees;
        var corroborated = idAgrees
            || date is DateExact or DateEraShift or DateDayMonthSwap or DateSameYearMonth
            || vector[LinkField.Address] == AddressSubdistrictHouse
            || vector[LinkField.Phone] == PhoneExact;
        if (id == IdOther) return false;
        var contradictions = (given == NameOther ? 1 : 0) + (date == DateOther ? 1 : 0) + (other == IdOther ? 1 : 0);
        return personal && corroborated && contradictions <= 1;
    }

    // A phone shared at the same house is the household's phone: it says nothing the address has not said, so it
    // adds no weight there (the independence assumption of Fellegi–Sunter fails for relatives at one address).
    private double FieldWeight(ComparisonVector vector, int field)
    {
        var level = vector.Level(field);
        if (field == (int)LinkField.Phone && level == PhoneExact && vector[LinkField.Address] == AddressSubdistrictHouse) return 0;
        return weights[Slot(field, level)];
    }

    /// <summary>The full match weight of a pair, including the term-frequency adjustment of exact name agreements.</summary>
    public double Score(RecordTable table, in RecordFeatures a, in RecordFeatures b, ComparisonVector vector, TermFrequencies? tf)
    {
        var w = Weight(vector);
        if (tf is null) return w;
        if (vector[LinkField.GivenName] == NameExact) w += tf.GivenAdjustment(Math.Max(a.GivenId, b.GivenId));
        if (vector[LinkField.FamilyName] == NameExact) w += tf.FamilyAdjustment(Math.Max(a.FamilyId, b.FamilyId));
        return w;
    }

    /// <summary>Which level each field hit and what it added, in field order.</summary>
    public PairExplanation Explain(in RecordFeatures a, in RecordFeatures b, ComparisonVector vector, TermFrequencies? tf)
    {
        var parts = new FieldContribution[FieldCount];
        var total = 0.0;
        for (var f = 0; f < FieldCount; f++)
        {
            var level = vector.Level(f);
            var w = FieldWeight(vector, f);
            if (tf is not null && level == NameExact && f == (int)LinkField.GivenName) w += tf.GivenAdjustment(Math.Max(a.GivenId, b.GivenId));
            if (tf is not null && level == NameExact && f == (int)LinkField.FamilyName) w += tf.FamilyAdjustment(Math.Max(a.FamilyId, b.FamilyId));
            parts[f] = new FieldContribution((LinkField)f, level, ComparisonLevels.Describe((LinkField)f, level), w);
            total += w;
        }
        return new PairExplanation(total, parts);
    }

    /// <summary>Builds a model from given m and u tables (indexed [field][level]); used by tests and saved models.</summary>
    public static MatchModel FromProbabilities(double[][] mByField, double[][] uByField, double lambda = 0.5)
    {
        var m = new double[FieldCount * MaxSlots];
        var u = new double[FieldCount * MaxSlots];
        for (var f = 0; f < FieldCount; f++)
        {
            for (var l = 0; l < mByField[f].Length; l++)
            {
                m[Slot(f, l)] = mByField[f][l];
                u[Slot(f, l)] = uByField[f][l];
            }
        }
        return new MatchModel(m, u, lambda, 0, true);
    }

    /// <summary>
    /// u by random sampling of record pairs: almost every random pair is two different people, so the share of
    /// random pairs at each level estimates u. Laplace smoothing keeps rare levels (exact ID) above zero.
    /// </summary>
    public static double[] EstimateU(RecordTable table, int samples, int seed)
    {
        var counts = new long[FieldCount * MaxSlots];
        var n = table.Count;
        if (n >= 2)
        {
            var rng = new Random(seed);
            var features = table.Features;
            for (var s = 0; s < samples; s++)
            {
                var a = rng.Next(n);
                var b = rng.Next(n - 1);
                if (b >= a) b++;
                var v = Comparer.Compare(features[a], features[b]);
                for (var f = 0; f < FieldCount; f++) counts[Slot(f, v.Level(f))]++;
            }
        }
        return Smooth(counts, pseudo: 0.5);
    }

    /// <summary>
    /// m (and the match share λ) by expectation–maximisation over the comparison patterns of the blocked
    /// candidate pairs, without labels. u from random sampling is kept for scoring: the u that EM sees is biased by
    /// blocking (pairs in a surname block all agree on the surname).
    /// </summary>
    public static MatchModel Train(IReadOnlyDictionary<int, long> patternCounts, double[] uRandom, int maxIterations = 200, double tolerance = 1e-7)
    {
        var patterns = patternCounts.Keys.Order().ToArray();
        var counts = patterns.Select(p => (double)patternCounts[p]).ToArray();
        var total = counts.Sum();
        var m = InitialM();
        var uBlocked = (double[])uRandom.Clone();
        var lambda = 0.1;
        var iterations = 0;
        var converged = false;
        if (total == 0) return new MatchModel(m, uRandom, 0, 0, false);
        var post = new double[patterns.Length];
        while (iterations < maxIterations)
        {
            iterations++;
            // E step: the probability that each pattern is a match.
            for (var p = 0; p < patterns.Length; p++)
            {
                var v = new ComparisonVector(patterns[p]);
                double pm = lambda, pu = 1 - lambda;
                for (var f = 0; f < FieldCount; f++)
                {
                    var level = v.Level(f);
                    if (level == Missing) continue;
                    pm *= m[Slot(f, level)];
                    pu *= uBlocked[Slot(f, level)];
                }
                post[p] = pm + pu > 0 ? pm / (pm + pu) : 0;
            }
            // M step: re-estimate m, blocked u and λ from the weighted pattern counts.
            var mCounts = new double[m.Length];
            var uCounts = new double[m.Length];
            double matches = 0;
            for (var p = 0; p < patterns.Length; p++)
            {
                var v = new ComparisonVector(patterns[p]);
                var wm = counts[p] * post[p];
                var wu = counts[p] - wm;
                matches += wm;
                for (var f = 0; f < FieldCount; f++)
                {
                    var level = v.Level(f);
                    mCounts[Slot(f, level)] += wm;
                    uCounts[Slot(f, level)] += wu;
                }
            }
            var newM = Normalise(mCounts, 1e-3);
            var newU = Normalise(uCounts, 1e-3);
            var newLambda = matches / total;
            var change = Math.Abs(newLambda - lambda);
            for (var i = 0; i < m.Length; i++) change = Math.Max(change, Math.Abs(newM[i] - m[i]));
            m = newM;
            uBlocked = newU;
            lambda = newLambda;
            if (change < tolerance)
            {
                converged = true;
                break;
            }
        }
        return new MatchModel(m, uRandom, lambda, iterations, converged);
    }

    /// <summary>Human-readable m, u and weight table.</summary>
    public string Describe()
    {
        var lines = new List<string> { "field,level,m,u,weight" };
        for (var f = 0; f < FieldCount; f++)
        {
            for (var l = 1; l < LevelCount((LinkField)f); l++)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{(LinkField)f},{ComparisonLevels.Describe((LinkField)f, l)},{m[Slot(f, l)]:0.######},{u[Slot(f, l)]:0.########},{weights[Slot(f, l)]:0.00}"));
            }
        }
        return string.Join('\n', lines);
    }

    private const int MaxSlots = 8;

    private static int Slot(int field, int level) => field * MaxSlots + level;

    private static double[] InitialM()
    {
        // Start from "matches mostly agree": the best level gets most of the mass, the worst little.
        var m = new double[FieldCount * MaxSlots];
        for (var f = 0; f < FieldCount; f++)
        {
            var levels = LevelCount((LinkField)f) - 1;
            var rest = 0.1 / Math.Max(1, levels - 1);
            for (var l = 1; l <= levels; l++) m[Slot(f, l)] = l == 1 ? 0.9 : rest;
            if (levels == 1) m[Slot(f, 1)] = 1;
        }
        return m;
    }

    private static double[] Smooth(long[] counts, double pseudo)
    {
        var result = new double[counts.Length];
        for (var f = 0; f < FieldCount; f++)
        {
            var levels = LevelCount((LinkField)f);
            double sum = 0;
            for (var l = 1; l < levels; l++) sum += counts[Slot(f, l)] + pseudo;
            for (var l = 1; l < levels; l++) result[Slot(f, l)] = (counts[Slot(f, l)] + pseudo) / sum;
        }
        return result;
    }

    // Probabilities per field over the non-missing levels, with a floor so no weight becomes infinite.
    private static double[] Normalise(double[] counts, double floor)
    {
        var result = new double[counts.Length];
        for (var f = 0; f < FieldCount; f++)
        {
            var levels = LevelCount((LinkField)f);
            double sum = 0;
            for (var l = 1; l < levels; l++) sum += counts[Slot(f, l)];
            for (var l = 1; l < levels; l++)
            {
                result[Slot(f, l)] = sum > 0 ? counts[Slot(f, l)] / sum : 1.0 / (levels - 1);
            }
            double renorm = 0;
            for (var l = 1; l < levels; l++) renorm += result[Slot(f, l)] = Math.Max(result[Slot(f, l)], floor);
            for (var l = 1; l < levels; l++) result[Slot(f, l)] /= renorm;
        }
        return result;
    }
}

/// <summary>One field's part in a pair's weight.</summary>
public readonly record struct FieldContribution(LinkField Field, int Level, string LevelName, double Weight)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Field}:{LevelName}:{Weight:+0.00;-0.00;0}");
}

/// <summary>A pair's match weight and the contribution of each field.</summary>
public sealed record PairExplanation(double Weight, IReadOnlyList<FieldContribution> Fields)
{
    /// <summary>A compact one-line form for CSV files: "GivenName:exact:+6.12; FamilyName:phonetic:+3.40; …", missing fields left out.</summary>
    public override string ToString() => string.Join("; ", Fields.Where(f => f.Level != ComparisonLevels.Missing));
}
