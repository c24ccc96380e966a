using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Geography;
using Saphan.Linkage;
using Saphan.Linkage.Normalisation;
using Saphan.Registry;
using Saphan.Registry.Search;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Search;

/// <summary>The search on a real database (SQLite and PostgreSQL), among a synthetic population of namesakes and strangers.</summary>
public sealed class PeopleSearchTests
{
    /// <summary>The people the tests look for, registered among 300 synthetic others.</summary>
    private sealed record World(TestDatabase Database, Person Somsak, Person Nampheung, Person Smith, Person Prasert, Person Jaidee1002, Person Somsak2)
    {
        public PeopleSearch SearchAs(string role, string? district = null, Department? department = null, string id = "viewer-1") =>
            new(TestViewers.DataAccessFor(Database, TestViewers.User(role, district, department, id)));

        public PeopleSearch Steward => SearchAs(Roles.DataSteward);
    }

    private static string ValidId(string first12) => first12 + CitizenId.CheckDigit(first12);

    private static async Task<World> CreateWorldAsync(StorageProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 300);
        var now = database.Clock.GetUtcNow();
        await using var db = database.OpenAsSystem();

        var home = Household.Register(new HouseholdAddress { HouseNumber = "12/3", SubdistrictCode = "103004", Postcode = "10900" }, now); // จอมพล, จตุจักร
        var somsak = Person.Register(new PersonDetails("สมศักดิ์", "ใจดี", Sex.Male, CitizenId.Parse(ValidId("310050123456")), "นาย",
            new DateOnly(1980, 3, 15)), home.Residence, now);
        home.Add(somsak, HouseholdRole.Head, now);
        var nampheung = Person.Register(new PersonDetails("น้ำผึ้ง", "ศรีสุข", Sex.Female, CitizenId.Parse(ValidId("110050123457")), "ด.ญ.",
            new DateOnly(2024, 2, 29)), new Residence { DistrictCode = "1001", SubdistrictCode = "100101" }, now);
        var smith = Person.Register(new PersonDetails("John", "Smith", Sex.Male, BirthDate: new DateOnly(1975, 7, 1)),
            new Residence { DistrictCode = "1001" }, now);
        // Homeless, no ID card, only the year of birth known, known on the street as ดำ.
        var prasert = Person.Register(new PersonDetails("ประเสริฐ", "ทองคำ", Sex.Male, BirthDate: new DateOnly(1960, 1, 1),
            BirthDatePrecision: DatePrecision.Year, Nickname: "ดำ"), new Residence { DistrictCode = "1001" }, now);
        prasert.AddAlias("ลุงเสริฐ", now);
        prasert.RecordHomeless(prasert.Residence, now);
        var jaidee1002 = Person.Register(new PersonDetails("สมชาย", "ใจดี", Sex.Male, BirthDate: new DateOnly(1981, 5, 5)),
            new Residence { DistrictCode = "1002" }, now);
        var somsak2 = Person.Register(new PersonDetails("สมศักดิ์", "รักไทย", Sex.Male, BirthDate: new DateOnly(1990, 1, 2)),
            new Residence { DistrictCode = "1001" }, now);
        db.Households.Add(home);
        db.People.AddRange(somsak, nampheung, smith, prasert, jaidee1002, somsak2);
        await db.SaveChangesAsync();
        return new World(database, somsak, nampheung, smith, prasert, jaidee1002, somsak2);
    }

    private static async Task<List<Guid>> IdsAsync(PeopleSearch search, string text, string? born = null)
    {
        var result = await search.FindAsync(new SearchRequest(text, born), "test");
        return result.Hits.Select(h => h.Id).ToList();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Finds_a_person_by_national_id_with_dashes_or_thai_digits(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        var id = world.Somsak.CitizenId!.Value;
        var thaiDigits = new string(id.Formatted.Select(c => char.IsAsciiDigit(c) ? (char)('๐' + (c - '0')) : c).ToArray());

        foreach (var typed in new[] { id.Digits, id.Formatted, thaiDigits })
        {
            var result = await world.Steward.FindAsync(typed, "test");
            var hit = Assert.Single(result.Hits);
            Assert.Equal(world.Somsak.Id, hit.Id);
            Assert.Equal(MatchReason.CitizenId, hit.Reason);
            Assert.Equal("xxxxxxxxx" + id.Digits[^4..], hit.MaskedCitizenId);
        }
        Assert.Empty(await IdsAsync(world.Steward, ValidId("310050123499")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Finds_a_misspelt_thai_name(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        foreach (var typed in new[] { "สมศัก ใจดี", "สมสักดิ์ ใจดี", "สมศักดิ ใจดี", "นายสมสัก ไจดี", "สมสักดิ์" })
            Assert.Contains(world.Somsak.Id, await IdsAsync(world.Steward, typed));

        var spelt = await world.Steward.FindAsync("สมสักดิ์ ใจดี", "test");
        var hit = spelt.Hits.Single(h => h.Id == world.Somsak.Id);
        Assert.Equal(MatchReason.SoundsLike, hit.Reason);
        Assert.DoesNotContain(world.Jaidee1002.Id, spelt.Hits.Select(h => h.Id)); // สมชาย does not sound like สมศักดิ์
        Assert.Empty(await IdsAsync(world.Steward, "ประหยัด ใจดี"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Both_parts_misspelt_are_found_when_each_sounds_alike_by_a_different_key(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        // Such a query is not found by the quick pair lookup (no one kind of key agrees on both parts), only by the fallback.
        var (given, family) = (NameKeys.Of("สมศักดิ์"), NameKeys.Of("ใจดี"));
        var typed = (from g in new[] { "สมสัก", "ซมศักดิ์", "สมศักด์", "สมศักดี", "ศมศักดิ์", "สมสักดิ", "ส้มศัก" }
                     from f in new[] { "ไจดี", "ใจดิ", "ใจดี่", "ไจดิ", "ใจที", "ใจฎี", "จัยดี" }
                     let qg = NameKeys.Of(g)
                     let qf = NameKeys.Of(f)
                     let sameKind = (qg.Lk82 == given.Lk82 && qf.Lk82 == family.Lk82) || (qg.Udom83 == given.Udom83 && qf.Udom83 == family.Udom83)
                         || (qg.MetaSound == given.MetaSound && qf.MetaSound == family.MetaSound)
                     where !sameKind && qg.SoundsAgree(given) > 0 && qf.SoundsAgree(family) > 0 && qg.Key != given.Key && qf.Key != family.Key
                     select $"{g} {f}").FirstOrDefault();
        Assert.NotNull(typed);

        var hit = Assert.Single((await world.Steward.FindAsync(typed, "test")).Hits, h => h.Id == world.Somsak.Id);
        Assert.Equal(MatchReason.SoundsLike, hit.Reason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tone_mark_variants_find_the_same_person_as_an_exact_name(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        foreach (var typed in new[] { "น้ำผึ้ง ศรีสุข", "นำผึง ศรีสุข", "น้ำผึ่ง ศรีสุข", "น้ําผึ้ง ศรีสุข" })
        {
            var result = await world.Steward.FindAsync(typed, "test");
            var hit = Assert.Single(result.Hits, h => h.Id == world.Nampheung.Id);
            Assert.Equal(MatchReason.Name, hit.Reason);
        }
        // Nikhahit, tone mark, sara aa (ํ ้ า) is not folded into sara am by the normaliser, but it still sounds the same.
        var spelt = await world.Steward.FindAsync("นํ้าผึ้ง ศรีสุข", "test");
        Assert.Equal(MatchReason.SoundsLike, Assert.Single(spelt.Hits, h => h.Id == world.Nampheung.Id).Reason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Finds_latin_names_whatever_the_case(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        foreach (var typed in new[] { "john smith", "JOHN SMITH", "Smith", "smi", "Smith, John" })
        {
            // Smith comes first by spelling; Thai names that sound like a romanised word may follow, never before.
            var hits = (await world.Steward.FindAsync(typed, "test")).Hits;
            Assert.Equal(world.Smith.Id, hits[0].Id);
            Assert.All(hits.Skip(1), h => Assert.Equal(MatchReason.SoundsLike, h.Reason));
        }
        Assert.Empty(await IdsAsync(world.Steward, "jane smith")); // John's romanised key is Jane's, but Latin names are compared by spelling
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Finds_a_thai_name_typed_in_latin_letters(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        foreach (var typed in new[] { "Somsak Jaidee", "somsak jaidee", "SOMSAK JAIDI" })
        {
            var result = await world.Steward.FindAsync(typed, "test");
            Assert.Equal(MatchReason.SoundsLike, Assert.Single(result.Hits, h => h.Id == world.Somsak.Id).Reason);
            Assert.DoesNotContain(world.Jaidee1002.Id, result.Hits.Select(h => h.Id)); // Somchai is not Somsak
        }
        Assert.Contains(world.Jaidee1002.Id, await IdsAsync(world.Steward, "Somchai Jaidee"));
        Assert.DoesNotContain(world.Somsak.Id, await IdsAsync(world.Steward, "Somchai Jaidee"));
        Assert.Contains(world.Nampheung.Id, await IdsAsync(world.Steward, "Nampheung Srisuk"));
        // One romanised word is looked for as a given or a family name.
        Assert.Contains(world.Somsak2.Id, await IdsAsync(world.Steward, "Somsak"));
        // A Latin name is still found by its own spelling first, and Thai queries never reach it through the romanised key.
        Assert.Equal([world.Smith.Id], await IdsAsync(world.Steward, "John Smith"));
        Assert.DoesNotContain(world.Smith.Id, await IdsAsync(world.Steward, "จอห์น สมิธ"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Finds_by_date_of_birth_in_either_era_and_approximate_dates_fit(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        foreach (var typed in new[] { "29/2/2567", "29/2/2024", "29 ก.พ. 2567" })
        {
            var result = await world.Steward.FindAsync(typed, "test");
            Assert.Contains(world.Nampheung.Id, result.Hits.Select(h => h.Id));
            Assert.All(result.Hits, h => Assert.Equal(new DateOnly(2024, 2, 29), h.BirthDate));
            Assert.All(result.Hits, h => Assert.Equal(MatchReason.BirthDate, h.Reason));
        }

        // A name with a year, and a name with the date in the filter box.
        Assert.Equal([world.Somsak.Id], await IdsAsync(world.Steward, "สมศักดิ์ ใจดี 2523"));
        Assert.Empty(await IdsAsync(world.Steward, "สมศักดิ์ ใจดี 2524"));
        Assert.Equal([world.Somsak.Id], await IdsAsync(world.Steward, "สมศักดิ์ ใจดี", born: "15/3/1980"));
        Assert.Equal([world.Somsak.Id], await IdsAsync(world.Steward, "สมศักดิ์ ใจดี", born: "15/03/23"));

        // Only the year of birth of ประเสริฐ is known: a full date in that year still finds him.
        Assert.Equal([world.Prasert.Id], await IdsAsync(world.Steward, "ประเสริฐ", born: "20/6/2503"));
        Assert.Empty(await IdsAsync(world.Steward, "ประเสริฐ", born: "20/6/2504"));

        var unreadable = await world.Steward.FindAsync(new SearchRequest("สมศักดิ์", "31/2/2567"), "test");
        Assert.Equal(SearchOutcome.UnreadableBirthDate, unreadable.Outcome);
        Assert.Empty(unreadable.Hits);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Finds_by_nickname_and_alias(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        var byNickname = await world.Steward.FindAsync("ดำ", "test");
        var hit = Assert.Single(byNickname.Hits, h => h.Id == world.Prasert.Id);
        Assert.Equal(MatchReason.Nickname, hit.Reason);
        Assert.Equal("ดำ", hit.Nickname);
        Assert.Null(hit.MaskedCitizenId);

        Assert.Contains(world.Prasert.Id, await IdsAsync(world.Steward, "ลุงเสริฐ"));
        Assert.Contains(world.Prasert.Id, await IdsAsync(world.Steward, "ดำ ทองคำ"));

        // Someone whose registered name is ดำ ทองคำ matches the query as a pair; the man known on the street as ดำ is listed too.
        await using (var db = world.Database.OpenAsSystem())
        {
            db.People.Add(Person.Register(new PersonDetails("ดำ", "ทองคำ", Sex.Male), new Residence { DistrictCode = "1002" }, world.Database.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var both = await world.Steward.FindAsync("ดำ ทองคำ", "test");
        Assert.Contains(both.Hits, h => h.FullName == "ดำ ทองคำ" && h.Reason == MatchReason.Name);
        Assert.Equal(MatchReason.Nickname, Assert.Single(both.Hits, h => h.Id == world.Prasert.Id).Reason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Finds_by_house_number_and_subdistrict_or_district(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        foreach (var typed in new[] { "12/3 จอมพล", "12/3 แขวงจอมพล", "12/3 เขตจตุจักร", "12/3 Chom Phon" })
        {
            var result = await world.Steward.FindAsync(typed, "test");
            var hit = Assert.Single(result.Hits);
            Assert.Equal(world.Somsak.Id, hit.Id);
            Assert.Equal(MatchReason.Address, hit.Reason);
        }
        Assert.Empty(await IdsAsync(world.Steward, "12/4 จอมพล"));
        Assert.Empty(await IdsAsync(world.Steward, "12/3 พระบรมมหาราชวัง"));
        Assert.Equal(SearchOutcome.HouseNumberNeedsPlace, (await world.Steward.FindAsync("12/3", "test")).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_officer_never_gets_a_person_outside_their_district(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        var officer = world.SearchAs(Roles.DistrictOfficer, district: "1001");

        // ใจดี lives in 1030 (สมศักดิ์) and 1002 (สมชาย): the steward sees both, the officer of 1001 neither.
        Assert.Contains(world.Somsak.Id, await IdsAsync(world.Steward, "ใจดี"));
        Assert.Contains(world.Jaidee1002.Id, await IdsAsync(world.Steward, "ใจดี"));
        foreach (var typed in new[] { "ใจดี", "สมศักดิ์ ใจดี", "สมสัก ไจดี", world.Somsak.CitizenId!.Value.Formatted, "12/3 จอมพล", "15/3/2523" })
        {
            var result = await officer.FindAsync(typed, "test");
            Assert.DoesNotContain(world.Somsak.Id, result.Hits.Select(h => h.Id));
            Assert.DoesNotContain(world.Jaidee1002.Id, result.Hits.Select(h => h.Id));
            Assert.All(result.Hits, h => Assert.Equal("1001", h.DistrictCode));
        }
        // Nor through the district filter of the search itself.
        var filtered = await officer.FindAsync(new SearchRequest("ใจดี", DistrictCode: "1002"), "test");
        Assert.Empty(filtered.Hits);
        // Their own people are found.
        Assert.Contains(world.Somsak2.Id, await IdsAsync(officer, "สมศักดิ์"));
        // An executive lists nobody at all.
        Assert.Empty(await IdsAsync(world.SearchAs(Roles.Executive), "สมศักดิ์"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_empty_or_one_character_query_returns_nothing_and_reads_nobody(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        foreach (var typed in new[] { "", " ", "ส", "%" })
        {
            var result = await world.Steward.FindAsync(new SearchRequest(typed, "2523", "1001"), "test");
            Assert.Equal(SearchOutcome.TooShort, result.Outcome);
            Assert.Empty(result.Hits);
        }
        await using var db = world.Database.OpenAsSystem();
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.Action == AuditAction.List));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_person_listed_is_audited_for_the_viewer(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        var officer = world.SearchAs(Roles.DistrictOfficer, district: "1001", id: "officer-7");
        var result = await officer.FindAsync("สมศักดิ์", "/people");
        Assert.NotEmpty(result.Hits);

        await using var db = world.Database.OpenAsSystem();
        var rows = await db.AuditLog.Where(a => a.Action == AuditAction.List).ToListAsync();
        Assert.Equal(result.Hits.Select(h => h.Id.ToString()).Order(), rows.Select(r => r.RecordId).Order());
        Assert.All(rows, r =>
        {
            Assert.Equal("officer-7", r.UserId);
            Assert.Equal("Person", r.RecordType);
            Assert.Equal("/people", r.Where);
            Assert.Contains("สมศักดิ์", r.Purpose);
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ranking_puts_the_exact_id_first_then_exact_names_then_sound_alikes(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        // The ID of สมศักดิ์ รักไทย is not known; สมศักดิ์ ใจดี's is typed with a namesake's name.
        var result = await world.Steward.FindAsync($"{world.Somsak.CitizenId!.Value.Formatted} สมศักดิ์", "test");
        Assert.Equal(world.Somsak.Id, result.Hits[0].Id);
        Assert.Equal(MatchReason.CitizenId, result.Hits[0].Reason);
        Assert.Contains(result.Hits, h => h.Id == world.Somsak2.Id && h.Reason == MatchReason.Name);

        var reasons = result.Hits.Select(h => h.Reason).ToList();
        Assert.Equal(reasons.Order(), reasons);
        // Within one reason, names in Thai order.
        foreach (var group in result.Hits.GroupBy(h => h.Reason))
        {
            var names = group.Select(h => h.FullName).ToList();
            Assert.True(names.Count < 2 || names.Zip(names.Skip(1)).All(p =>
                Saphan.Localization.SaphanCultures.ThaiSort.Compare(StripTitle(p.First), StripTitle(p.Second)) <= 0), string.Join(", ", names));
        }
    }

    private static string StripTitle(string fullName)
    {
        var parsed = ThaiName.Parse(fullName);
        return $"{parsed.GivenName} {parsed.FamilyName}";
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Results_are_capped_at_fifty_best_first(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        var now = world.Database.Clock.GetUtcNow();
        await using (var db = world.Database.OpenAsSystem())
        {
            for (var i = 0; i < 55; i++)
                db.People.Add(Person.Register(new PersonDetails("สมสักดิ์", $"ใจดี{i:00}", Sex.Male), new Residence { DistrictCode = "1001" }, now));
            await db.SaveChangesAsync();
        }
        var result = await world.Steward.FindAsync("สมศักดิ์", "test");
        Assert.Equal(SearchOutcome.Capped, result.Outcome);
        Assert.Equal(PeopleSearch.MaxResults, result.Hits.Count);
        // The exact given names come before the 55 that only sound alike.
        Assert.Contains(result.Hits, h => h.Id == world.Somsak.Id && h.Reason == MatchReason.Name);
        Assert.Contains(result.Hits, h => h.Id == world.Somsak2.Id && h.Reason == MatchReason.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_common_word_fills_the_list_with_people_of_that_name(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        var now = world.Database.Clock.GetUtcNow();
        await using (var db = world.Database.OpenAsSystem())
        {
            for (var i = 0; i < 30; i++)
                db.People.Add(Person.Register(new PersonDetails("ประยุทธ", $"มั่นคง{i:00}", Sex.Male), new Residence { DistrictCode = "1001" }, now));
            for (var i = 0; i < 30; i++)
                db.People.Add(Person.Register(new PersonDetails($"สุดา{i:00}", "ประยุทธ", Sex.Female), new Residence { DistrictCode = "1002" }, now));
            db.People.Add(Person.Register(new PersonDetails("ประยุท", "ศรีสุข", Sex.Male), new Residence { DistrictCode = "1001" }, now));
            await db.SaveChangesAsync();
        }

        var result = await world.Steward.FindAsync("ประยุทธ", "test");

        // Sixty people have it as their given or family name: they alone fill the fifty, and a sound-alike is not listed.
        Assert.Equal(SearchOutcome.Capped, result.Outcome);
        Assert.Equal(PeopleSearch.MaxResults, result.Hits.Count);
        Assert.All(result.Hits, h => Assert.Equal(MatchReason.Name, h.Reason));
        Assert.DoesNotContain(result.Hits, h => h.FullName.Contains("ประยุท ศรีสุข", StringComparison.Ordinal));
        // A word with fewer namesakes than the list holds still gets the wider search (its one namesake, then the start-alikes).
        var rare = await world.Steward.FindAsync("ประยุท", "test");
        Assert.Contains(rare.Hits, h => h.FullName.Contains("ประยุท ศรีสุข", StringComparison.Ordinal) && h.Reason == MatchReason.Name);
        Assert.Contains(rare.Hits, h => h.Reason == MatchReason.NameStart);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_corrected_name_is_found_by_its_new_spelling_only(StorageProvider provider)
    {
        var world = await CreateWorldAsync(provider);
        await using var _ = world.Database;
        await using (var db = world.Database.OpenAsSystem())
        {
            var smith = await db.People.SingleAsync(p => p.Id == world.Smith.Id);
            smith.Correct(new PersonDetails("Jonathan", "Smythe", Sex.Male), world.Database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        Assert.Equal([world.Smith.Id], await IdsAsync(world.Steward, "jonathan smythe"));
        Assert.Empty(await IdsAsync(world.Steward, "john smith"));
    }

    [Fact]
    public async Task Similar_spellings_that_neither_start_alike_nor_sound_alike_are_found_on_postgresql()
    {
        var world = await CreateWorldAsync(StorageProvider.PostgreSql);
        await using var _ = world.Database;
        // "ประเกริฐ" (ส typed as ก) has none of the phonetic keys of ประเสริฐ, but half its trigrams.
        var result = await world.Steward.FindAsync("ประเกริฐ ทองคำ", "test");
        var hit = Assert.Single(result.Hits);
        Assert.Equal(world.Prasert.Id, hit.Id);
        Assert.Equal(MatchReason.SimilarSpelling, hit.Reason);
        Assert.Empty((await world.Steward.FindAsync("ประเกริฐ ทองแดง", "test")).Hits);

        // The family name misspelt too, sounding alike but not starting alike: not found with one part as typed, only by the
        // trigram index of the given name and the sound keys of the family name.
        Assert.True(NameKeys.Of("ทองคัม").SoundsAgree(NameKeys.Of("ทองคำ")) > 0);
        var both = await world.Steward.FindAsync("ประเกริฐ ทองคัม", "test");
        Assert.Equal(MatchReason.SimilarSpelling, Assert.Single(both.Hits, h => h.Id == world.Prasert.Id).Reason);
    }
}
