using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Linkage.Normalisation;
using Saphan.Localization;
using Saphan.Storage;

namespace Saphan.Registry.Search;

/// <summary>What the search box and filters hold. <paramref name="Born"/> is read in the Buddhist era when <paramref name="ThaiEra"/> and a two-digit year is given.</summary>
public sealed record SearchRequest(string? Text, string? Born = null, string? DistrictCode = null, bool ThaiEra = true);

/// <summary>
/// Search-first access to the registry: there is no list of everyone, only answers to a query of at least two
/// characters, within the viewer's scope (the context from <see cref="DataAccess.OpenAsync"/> carries the scope
/// filter; this class never lifts it). Every person listed is audited.
/// </summary>
/// <remarks>
/// Names are found by index lookups, one query in the common case: (1) comparison keys (tone marks, silent letters and
/// vowel variants already folded) that are equal to or start with the query's, or phonetic keys that agree (any of LK82,
/// Udom83 and MetaSound; for a query in Latin letters, the key a Thai name shares with its romanisation), ranked here; (2) on PostgreSQL only, when nothing was found, trigram similarity of the keys
/// (pg_trgm's % operator).
/// The best <see cref="MaxResults"/> are kept by <see cref="MatchReason"/> and then shown in Thai order within each reason.
/// </remarks>
public sealed class PeopleSearch(DataAccess data)
{
    public const int MaxResults = 50;

    /// <summary>How many prefix and sound-alike candidates are ranked at most; two-part names have far fewer.</summary>
    private const int SoundCandidates = 500;

    private const int SimilarCandidates = 200;

    /// <summary>Trigram similarity a name needs to count as a similar spelling (one wrong letter in eight: 0.5).</summary>
    private const double SimilarEnough = 0.4;

    public sealed record DistrictName(string Code, string Name);

    /// <summary>District names in the user's language, in Thai order, for the filter and the result list.</summary>
    public async Task<IReadOnlyList<DistrictName>> DistrictsAsync(bool thai, CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync("/people", "district names");
        var districts = await db.Districts.AsNoTracking().Select(d => new DistrictName(d.Code, thai ? d.NameTh : d.NameEn)).ToListAsync(ct);
        return districts.OrderBy(d => d.Name, SaphanCultures.ThaiSort).ToList();
    }

    /// <summary>The district filter is offered to viewers whose remit spans districts (stewards, department officers).</summary>
    public async Task<bool> OffersDistrictFilterAsync() => await data.ScopeAsync() is { SeesPeople: true, DistrictCode: null };

    public Task<SearchResult> FindAsync(string text, string where, CancellationToken ct = default) =>
        FindAsync(new SearchRequest(text), where, ct);

    public async Task<SearchResult> FindAsync(SearchRequest request, string where, CancellationToken ct = default)
    {
        var query = SearchQuery.Parse(request.Text);
        if (query.IsTooShort) return SearchResult.Refused(SearchOutcome.TooShort);
        PartialDate? bornFilter = null;
        if (!string.IsNullOrWhiteSpace(request.Born))
        {
            if (!ThaiDateParser.TryParse(request.Born, request.ThaiEra ? DateConvention.Thai : DateConvention.DayMonthYearCe, out var b, out _))
                return SearchResult.Refused(SearchOutcome.UnreadableBirthDate);
            bornFilter = b;
        }

        await using var db = await data.OpenAsync(where, "search");
        IQueryable<Person> people = db.People.AsNoTracking();
        if (!string.IsNullOrEmpty(request.DistrictCode))
        {
            var district = request.DistrictCode;
            people = people.Where(p => p.DistrictCode == district);
        }
        foreach (var born in new[] { query.BirthDate, bornFilter })
            if (born is { } b) people = people.Where(BornIn(b));

        var found = new Found();
        if (query.CitizenId is { } id)
        {
            // EF compares the converted column value, so pass the value object.
            CitizenId? wanted = id;
            found.Add(await FetchAsync(people.Where(p => p.CitizenId == wanted), MaxResults + 1, ct), _ => (MatchReason.CitizenId, 0));
        }

        var words = query.Words.ToList();
        var searchedAddress = false;
        if (query.HouseNumber is { } house)
        {
            var place = await ResolvePlacesAsync(db, query.Places, words, ct);
            if (place.Subdistricts.Count + place.Districts.Count > 0)
            {
                searchedAddress = true;
                words.RemoveAll(place.Words.Contains);
                var (subdistricts, districts) = (place.Subdistricts, place.Districts);
                var households = db.Households.Where(h => h.Address.HouseNumber == house
                    && (subdistricts.Contains(h.Address.SubdistrictCode) || districts.Contains(h.DistrictCode)));
                found.Add(await FetchAsync(people.Where(p => households.Any(h => h.Id == p.HouseholdId)), MaxResults + 1, ct),
                    _ => (MatchReason.Address, 0));
            }
            else if (words.Count == 0 && query.CitizenId is null && query.BirthDate is null)
            {
                return SearchResult.Refused(SearchOutcome.HouseNumberNeedsPlace);
            }
        }

        var name = query.NameIn(words);
        if (name.GivenName is not null)
            await FindByNameAsync(db, people, NameKeys.Of(name.GivenName), name.FamilyName is null ? null : NameKeys.Of(name.FamilyName), found, ct);
        else if (query.CitizenId is null && !searchedAddress && query.BirthDate is not null)
            found.Add(await FetchAsync(people, MaxResults + 1, ct), _ => (MatchReason.BirthDate, 0));

        var ranked = found.Ranked();
        var hits = ranked.Take(MaxResults)
            .OrderBy(h => h.Reason)
            .ThenBy(h => h.SortName, SaphanCultures.ThaiSort)
            .Select(h => h.Hit)
            .ToList();
        await data.AuditAsync(AuditAction.List, "Person", hits.Select(h => h.Id.ToString()), where, $"search: {query.Text}");
        var outcome = hits.Count == 0 ? SearchOutcome.Nothing : ranked.Count > MaxResults ? SearchOutcome.Capped : SearchOutcome.Found;
        return new SearchResult(outcome, hits);
    }

    private static async Task FindByNameAsync(SaphanDb db, IQueryable<Person> people, NameKeys given, NameKeys? family, Found found, CancellationToken ct)
    {
        var rank = (Candidate c) => Rank(c, given, family);

        // (1) Equal keys, keys that start with the query, or keys that sound alike, in one query: equal keys are a case of
        // "starts with", and the ranking sorts them out. A query for a very common name fills the candidate list with
        // whatever the index gives first, so then the equal keys are asked for on their own, and come first.
        // A full name is first looked up as a pair: both parts agree in the same way, each pair one lookup in a two-column
        // index. Only when no pair agrees are the parts matched each by any of its ways (say the given name by one sound
        // key and the family name by another): that query intersects thousands of index entries per part at millions of
        // people, ten times the cost of the pairs (docs/benchmarks.md, registry search).
        var close = family is { } f
            ? And(Any(Close(given, first: true), InOtherNames(given, wholeWord: false)), Close(f, first: false))
            : Any(Close(given, first: true), Close(given, first: false), InOtherNames(given, wholeWord: false));
        if (close is null) return;
        var exact = family is { } f2
            ? Any(And(Equal(given, first: true), Equal(f2, first: false)), And(InOtherNames(given, wholeWord: true), Equal(f2, first: false)))
            : Any(Equal(given, first: true), Equal(given, first: false), InOtherNames(given, wholeWord: true));
        if (family is null && exact is not null)
        {
            // One word: the people who have it as a name come first whatever else matches, so when they alone fill the list
            // (a common name: สมชาย is the given or family name of thousands at millions of people) the sound-alikes would
            // never be shown, and are not fetched — 500 candidates ranked for nothing cost eight times a full name's search.
            var named = await FetchAsync(people.Where(exact), MaxResults + 1, ct);
            found.Add(named, rank);
            if (named.Count > MaxResults) return;
        }
        var candidates = family is { } paired && Paired(given, paired) is { } pairs ? await FetchAsync(people.Where(pairs), SoundCandidates, ct) : [];
        if (candidates.Count == 0) candidates = await FetchAsync(people.Where(close), SoundCandidates, ct);
        found.Add(candidates, rank);
        if (candidates.Count == SoundCandidates && family is not null && exact is not null) found.Add(await FetchAsync(people.Where(exact), MaxResults + 1, ct), rank);

        // (2) Similar spelling (pg_trgm), the slow path: only when nothing closer was found. A full name is first tried with one
        // part as typed (or its start) and the other spelt similarly, compared on that part's namesakes only; the trigram
        // indexes of both parts, thirty times slower at millions of people, only when that finds nobody either.
        if (found.Count == 0 && db.IsPostgreSql && family is { } f4
            && Any(And(StartsWith(given, first: true), SpeltSimilarly(f4, first: false)), And(SpeltSimilarly(given, first: true), StartsWith(f4, first: false))) is { } onePart)
            found.Add(await FetchAsync(people.Where(onePart), SimilarCandidates, ct), rank);
        if (found.Count == 0 && db.IsPostgreSql)
        {
            var similar = family is { } f3
                ? And(Any(Similar(given, first: true), Close(given, first: true)), Any(Similar(f3, first: false), Close(f3, first: false)))
                : Any(Similar(given, first: true), Similar(given, first: false));
            if (similar is not null) found.Add(await FetchAsync(people.Where(similar), SimilarCandidates, ct), rank);
        }
    }

    /// <summary>How a candidate found by name matches: the weaker of its given- and family-name matches decides the reason.</summary>
    internal static (MatchReason Reason, int Strength) Rank(Candidate c, NameKeys given, NameKeys? family)
    {
        var givenLevel = Level(c.Given, given);
        var viaNickname = false;
        var nickname = NicknameLevel(c.OtherNamesKey, given.Key);
        if (nickname > givenLevel)
        {
            givenLevel = nickname;
            viaNickname = true;
        }
        int level;
        int strength;
        if (family is { } f)
        {
            var familyLevel = Level(c.Family, f);
            level = Math.Min(givenLevel, familyLevel);
            strength = givenLevel + familyLevel + c.Given.SoundsAgree(given) + c.Family.SoundsAgree(f);
        }
        else
        {
            var asFamily = Level(c.Family, given);
            if (asFamily > givenLevel) viaNickname = false;
            level = Math.Max(givenLevel, asFamily);
            strength = level + Math.Max(c.Given.SoundsAgree(given), c.Family.SoundsAgree(given));
        }
        var reason = level switch
        {
            Exact => viaNickname ? MatchReason.Nickname : MatchReason.Name,
            Start => viaNickname ? MatchReason.Nickname : MatchReason.NameStart,
            Sound => MatchReason.SoundsLike,
            _ => MatchReason.SimilarSpelling,
        };
        return (reason, strength);
    }

    private const int Exact = 4, Start = 3, Sound = 2, Other = 1;

    private static int Level(NameKeys candidate, NameKeys query)
    {
        if (query.Key is null || candidate.Key is null) return Other;
        if (candidate.Key == query.Key) return Exact;
        if (query.Key.Length >= SearchQuery.MinimumLength && candidate.Key.StartsWith(query.Key, StringComparison.Ordinal)) return Start;
        return candidate.SoundsAgree(query) > 0 || candidate.SoundsAcrossScripts(query) ? Sound : Other;
    }

    private static int NicknameLevel(string? otherNames, string? key)
    {
        if (otherNames is null || key is null) return 0;
        if (otherNames.Contains($" {key} ", StringComparison.Ordinal)) return Exact;
        return otherNames.Contains($" {key}", StringComparison.Ordinal) ? Start : 0;
    }

    private static Expression<Func<Person, bool>>? Equal(NameKeys q, bool first)
    {
        if (q.Key is not { } k) return null;
        return first ? p => p.GivenKey == k : p => p.FamilyKey == k;
    }

    /// <summary>
    /// The ways a full name is found in one b-tree lookup each (indexes in <see cref="PersonSearchConfiguration"/>): both parts
    /// agree by the same sound key, one part is as typed and the other starts with what was typed, or the family name is as
    /// typed and the given part is a nickname or alias. Every person found this way is also found by <see cref="Close"/> of
    /// both parts; the other way round, only these ways are quick. The nickname way names the people who have other names
    /// (a partial index holds only them): looking the family name up in all of <c>people</c> made PostgreSQL's one plan for
    /// the query use a trigram index for it, or read every namesake's row, ten times as slow.
    /// </summary>
    private static Expression<Func<Person, bool>>? Paired(NameKeys given, NameKeys family)
    {
        var parts = new List<Expression<Func<Person, bool>>?>();
        if (given.Lk82 is { } gl && family.Lk82 is { } fl) parts.Add(p => p.GivenLk82 == gl && p.FamilyLk82 == fl);
        if (given.Udom83 is { } gu && family.Udom83 is { } fu) parts.Add(p => p.GivenUdom83 == gu && p.FamilyUdom83 == fu);
        if (given.MetaSound is { } gm && family.MetaSound is { } fm) parts.Add(p => p.GivenMetaSound == gm && p.FamilyMetaSound == fm);
        if (given.Key is not null && family.Key is not null)
        {
            parts.Add(And(Equal(family, first: false), StartsWith(given, first: true)));
            parts.Add(And(Equal(given, first: true), StartsWith(family, first: false)));
            // A nickname or street name with the family name (ดำ ทองคำ), through the small index of the family names of people
            // known by other names: homeless people and beggars are often known by nothing else.
            parts.Add(And(Equal(family, first: false), KnownByOtherNames, InOtherNames(given, wholeWord: false)));
        }
        if (given.IsRomanised && family.IsRomanised && given.CrossScript is { } gc && family.CrossScript is { } fc)
            parts.Add(p => p.GivenCrossScript == gc && p.FamilyCrossScript == fc && p.GivenLk82 != null && p.FamilyLk82 != null);
        return Any([.. parts]);
    }

    /// <summary>
    /// The key starts with the query's (a query of one letter must be the whole key), written as a range of keys — from the
    /// query's key up to the key with its last letter one higher — rather than LIKE 'key%'. PostgreSQL can use an index for
    /// a prefix LIKE only when it sees the pattern, so it planned every search afresh, which cost twice the search itself;
    /// a range on a column compared letter by letter (collation "C", see <see cref="PeopleSearchModel"/>) keeps one plan.
    /// </summary>
    private static Expression<Func<Person, bool>>? StartsWith(NameKeys q, bool first)
    {
        if (q.Key is not { Length: >= SearchQuery.MinimumLength } from || from[^1] == char.MaxValue) return Equal(q, first);
        var to = string.Concat(from.AsSpan(0, from.Length - 1), [(char)(from[^1] + 1)]);
        return first
            ? p => string.Compare(p.GivenKey, from) >= 0 && string.Compare(p.GivenKey, to) < 0
            : p => string.Compare(p.FamilyKey, from) >= 0 && string.Compare(p.FamilyKey, to) < 0;
    }

    private static Expression<Func<Person, bool>>? Close(NameKeys q, bool first)
    {
        var parts = new List<Expression<Func<Person, bool>>?> { StartsWith(q, first) };
        if (q.Lk82 is { } lk) parts.Add(first ? p => p.GivenLk82 == lk : p => p.FamilyLk82 == lk);
        if (q.Udom83 is { } ud) parts.Add(first ? p => p.GivenUdom83 == ud : p => p.FamilyUdom83 == ud);
        if (q.MetaSound is { } ms) parts.Add(first ? p => p.GivenMetaSound == ms : p => p.FamilyMetaSound == ms);
        // A romanised query ("Sompong") meets Thai names through the key they share; a Thai query does not use it, as
        // that key (consonants only) is far coarser than the Thai phonetic keys.
        // Only Thai names are met this way (they have Thai phonetic keys): two Latin spellings are compared as they are.
        if (q.IsRomanised && q.CrossScript is { } cs)
            parts.Add(first ? p => p.GivenCrossScript == cs && p.GivenLk82 != null : p => p.FamilyCrossScript == cs && p.FamilyLk82 != null);
        return Any([.. parts]);
    }

    private static Expression<Func<Person, bool>>? Similar(NameKeys q, bool first)
    {
        if (q.Key is not { Length: >= 3 } k) return null;
        // % finds candidates through the GIN index at pg_trgm's default threshold (0.3); short Thai names share three
        // trigrams by their first syllable alone (ทองคำ, ทองแดง: 0.3), so the similarity itself must reach SimilarEnough.
        return first
            ? p => EF.Functions.TrigramsAreSimilar(p.GivenKey!, k) && EF.Functions.TrigramsSimilarity(p.GivenKey!, k) >= SimilarEnough
            : p => EF.Functions.TrigramsAreSimilar(p.FamilyKey!, k) && EF.Functions.TrigramsSimilarity(p.FamilyKey!, k) >= SimilarEnough;
    }

    private static readonly Expression<Func<Person, bool>> KnownByOtherNames = p => p.OtherNamesKey != null;

    /// <summary>Trigram similarity as a condition on rows found otherwise (no trigram index lookup).</summary>
    private static Expression<Func<Person, bool>>? SpeltSimilarly(NameKeys q, bool first)
    {
        if (q.Key is not { Length: >= 3 } k) return null;
        return first
            ? p => EF.Functions.TrigramsSimilarity(p.GivenKey!, k) >= SimilarEnough
            : p => EF.Functions.TrigramsSimilarity(p.FamilyKey!, k) >= SimilarEnough;
    }

    private static Expression<Func<Person, bool>>? InOtherNames(NameKeys q, bool wholeWord)
    {
        if (q.Key is not { } k) return null;
        var pattern = wholeWord ? $"% {k} %" : $"% {k}%";
        return p => EF.Functions.Like(p.OtherNamesKey, pattern);
    }

    /// <summary>Born on the date as precisely as it was typed; a person whose date is known less precisely is kept when it fits.</summary>
    internal static Expression<Func<Person, bool>> BornIn(PartialDate born)
    {
        var yearStart = new DateOnly(born.Year, 1, 1);
        switch (born.Precision)
        {
            case DatePrecision.Year:
                var nextYear = yearStart.AddYears(1);
                return p => p.BirthDate >= yearStart && p.BirthDate < nextYear;
            case DatePrecision.Month:
                var monthStart = new DateOnly(born.Year, born.Month!.Value, 1);
                var nextMonth = monthStart.AddMonths(1);
                return p => (p.BirthDate >= monthStart && p.BirthDate < nextMonth)
                    || (p.BirthDatePrecision == DatePrecision.Year && p.BirthDate == yearStart);
            default:
                var day = born.ToDateOnly()!.Value;
                var ofMonth = new DateOnly(day.Year, day.Month, 1);
                return p => p.BirthDate == day
                    || (p.BirthDatePrecision == DatePrecision.Month && p.BirthDate == ofMonth)
                    || (p.BirthDatePrecision == DatePrecision.Year && p.BirthDate == yearStart);
        }
    }

    private sealed record Place(IReadOnlyList<string> Subdistricts, IReadOnlyList<string> Districts, IReadOnlyList<string> Words);

    /// <summary>Which of the words name a subdistrict (แขวง) or district (เขต), in Thai or English.</summary>
    private static async Task<Place> ResolvePlacesAsync(SaphanDb db, IReadOnlyList<string> places, IReadOnlyList<string> words, CancellationToken ct)
    {
        var subdistricts = await db.Subdistricts.AsNoTracking().Select(s => new { s.Code, s.NameTh, s.NameEn }).ToListAsync(ct);
        var districts = await db.Districts.AsNoTracking().Select(d => new { d.Code, d.NameTh, d.NameEn }).ToListAsync(ct);
        var subdistrictCodes = new List<string>();
        var districtCodes = new List<string>();
        var placeWords = new List<string>();
        // English names are often two words ("Chom Phon"), so adjacent pairs are tried too; keys ignore the space.
        var tried = places.Concat(words).Concat(words.Zip(words.Skip(1), (a, b) => $"{a} {b}")).ToList();
        foreach (var word in tried)
        {
            var key = ThaiText.ComparisonKey(word);
            var s = subdistricts.Where(x => ThaiText.ComparisonKey(x.NameTh) == key || ThaiText.ComparisonKey(x.NameEn) == key).Select(x => x.Code).ToList();
            var d = districts.Where(x => ThaiText.ComparisonKey(x.NameTh) == key || ThaiText.ComparisonKey(x.NameEn) == key).Select(x => x.Code).ToList();
            if (s.Count + d.Count == 0) continue;
            subdistrictCodes.AddRange(s);
            districtCodes.AddRange(d);
            placeWords.AddRange(word.Split(' '));
        }
        return new Place(subdistrictCodes, districtCodes, placeWords);
    }

    private static Task<List<Candidate>> FetchAsync(IQueryable<Person> people, int limit, CancellationToken ct) =>
        people.Take(limit)
            .Select(p => new Candidate(p.Id, p.Title, p.GivenName, p.FamilyName, p.Nickname, p.CitizenId, p.BirthDate, p.BirthDatePrecision,
                p.DistrictCode, p.HouseholdId, p.IsHomeless,
                new NameKeys(p.GivenKey, p.GivenLk82, p.GivenUdom83, p.GivenMetaSound, p.GivenCrossScript),
                new NameKeys(p.FamilyKey, p.FamilyLk82, p.FamilyUdom83, p.FamilyMetaSound, p.FamilyCrossScript),
                p.OtherNamesKey))
            .ToListAsync(ct);

    private static Expression<Func<Person, bool>>? Any(params Expression<Func<Person, bool>>?[] parts) => Combine(parts, Expression.OrElse);

    private static Expression<Func<Person, bool>>? And(params Expression<Func<Person, bool>>?[] parts) =>
        parts.Any(p => p is null) ? null : Combine(parts, Expression.AndAlso);

    private static Expression<Func<Person, bool>>? Combine(Expression<Func<Person, bool>>?[] parts, Func<Expression, Expression, BinaryExpression> join)
    {
        var present = parts.Where(p => p is not null).Cast<Expression<Func<Person, bool>>>().ToList();
        if (present.Count == 0) return null;
        var parameter = present[0].Parameters[0];
        var body = present[0].Body;
        foreach (var next in present.Skip(1))
            body = join(body, new Rebind(next.Parameters[0], parameter).Visit(next.Body));
        return Expression.Lambda<Func<Person, bool>>(body, parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    internal sealed record Candidate(Guid Id, string? Title, string GivenName, string FamilyName, string? Nickname, CitizenId? CitizenId,
        DateOnly? BirthDate, DatePrecision BirthDatePrecision, string DistrictCode, Guid? HouseholdId, bool IsHomeless,
        NameKeys Given, NameKeys Family, string? OtherNamesKey)
    {
        public SearchHit ToHit(MatchReason reason) => new(Id, $"{Title}{GivenName} {FamilyName}".Trim(), Nickname, CitizenId?.Masked,
            BirthDate, BirthDatePrecision, DistrictCode, HouseholdId, IsHomeless, reason);
    }

    private sealed record Ranked(SearchHit Hit, MatchReason Reason, int Strength, string SortName);

    /// <summary>The people found so far, each with the best reason any stage gave them.</summary>
    private sealed class Found
    {
        private readonly Dictionary<Guid, Ranked> best = [];

        public int Count => best.Count;

        public void Add(IEnumerable<Candidate> candidates, Func<Candidate, (MatchReason Reason, int Strength)> rank)
        {
            foreach (var c in candidates)
            {
                var (reason, strength) = rank(c);
                if (best.TryGetValue(c.Id, out var known) && (known.Reason < reason || (known.Reason == reason && known.Strength >= strength))) continue;
                best[c.Id] = new Ranked(c.ToHit(reason), reason, strength, $"{c.GivenName} {c.FamilyName}");
            }
        }

        public List<Ranked> Ranked() => best.Values
            .OrderBy(r => r.Reason)
            .ThenByDescending(r => r.Strength)
            .ThenBy(r => r.SortName, StringComparer.Ordinal)
            .ThenBy(r => r.Hit.Id)
            .ToList();
    }
}
