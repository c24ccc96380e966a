using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Saphan.Linkage;
using Saphan.Linkage.Normalisation;
using Saphan.Registry;
using Saphan.Registry.Linking;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Linking;

public sealed class RegistryLinkerTests
{
    private static readonly string[] Given = ["สมชาย", "สมศรี", "วิชัย", "มาลี", "ประยุทธ", "สุดา", "อนันต์", "บุญมี", "กมล", "ขวัญใจ", "ปรีชา", "วันเพ็ญ"];
    private static readonly string[] Family = ["ใจดี", "ศรีสุข", "บุญเรือง", "แก้วมณี", "ทองดี", "สุขสวัสดิ์", "พรหมมา", "จันทร์เพ็ญ", "วงศ์ใหญ่", "มีสุข"];

    private static string Id(int seed)
    {
        var digits = (1_100_000_000_000L + seed * 7919L).ToString(System.Globalization.CultureInfo.InvariantCulture)[..12];
        return digits + CitizenId.CheckDigit(digits);
    }

    /// <summary>120 different people in agency A; 60 of them again in agency B (B writes IDs with dashes and Buddhist years elsewhere, here already read).</summary>
    private static async Task<(Source A, Source B)> SeedAsync(TestDatabase database, int people = 120, int overlap = 60)
    {
        await using var db = database.OpenAsSystem();
        var now = database.Clock.GetUtcNow();
        var a = Source.Register("bma-1002-welfare", "ทะเบียนสวัสดิการเขตดุสิต", "Dusit welfare register", "สำนักงานเขตดุสิต", "welfare", "case work", LegalBasis.PublicTask, "", "steward", now);
        var b = Source.Register("dep-disability", "ทะเบียนคนพิการ", "Disability register", "พก.", "disability cards", "allowance", LegalBasis.LegalObligation, "", "steward", now);
        db.Sources.AddRange(a, b);
        await db.SaveChangesAsync();
        for (var i = 0; i < people; i++)
        {
            db.SourceRecords.Add(Record(a.Id, $"A{i}", i, now));
            if (i < overlap) db.SourceRecords.Add(Record(b.Id, $"B{i}", i, now));
        }
        await db.SaveChangesAsync();
        return (a, b);
    }

    internal static SourceRecord Record(int source, string key, int person, DateTimeOffset now, string? givenOverride = null, string? idOverride = null) =>
        SourceRecord.Create(source, key, 1, $"hash-{key}", "{}", new LinkRecord
        {
            Source = source.ToString(), RecordId = key,
            CitizenId = CitizenId.Parse(idOverride ?? Id(person)),
            GivenName = givenOverride ?? Given[person % Given.Length], FamilyName = Family[person / Given.Length % Family.Length] + (person / (Given.Length * Family.Length)),
            Sex = person % 2 == 0 ? Sex.Male : Sex.Female,
            BirthDate = new PartialDate(1950 + person % 50, 1 + person % 12, 1 + person % 28),
            Address = new AddressParts { HouseNumber = $"{person}", SubdistrictCode = "100201", DistrictCode = "1002" },
        }, null, null, [], 1, "test.csv", 1, now, "test");

    private static RegistryLinker Linker(TestDatabase database) => new(database, database.Clock, NullLogger<RegistryLinker>.Instance);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Records_of_one_person_in_two_agencies_become_one_person_and_no_record_is_lost(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        var summary = await Linker(database).RelinkAsync("test");

        Assert.Equal(180, summary.Records);
        Assert.Equal(120, summary.People);
        await using var db = database.OpenAsSystem();
        Assert.Equal(180, await db.RecordLinks.CountAsync());
        Assert.Equal(120, await db.People.CountAsync());
        var links = await db.RecordLinks.ToListAsync();
        var byKey = links.ToDictionary(l => l.RecordKey, l => l.PersonId);
        for (var i = 0; i < 60; i++) Assert.Equal(byKey[$"A{i}"], byKey[$"B{i}"]);
        Assert.Equal(120, links.Select(l => l.PersonId).Distinct().Count());
        var person = await db.People.SingleAsync(p => p.Id == byKey["A5"]);
        Assert.Equal(Given[5], person.GivenName);
        Assert.Equal("1002", person.DistrictCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_run_changes_nothing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await Linker(database).RelinkAsync("first");
        await using var before = database.OpenAsSystem();
        var first = (await before.RecordLinks.ToListAsync()).ToDictionary(l => l.RecordKey, l => l.PersonId);

        var again = await Linker(database).RelinkAsync("second");

        Assert.Equal((0, 0, 0, 0), (again.NewPeople, again.Moved, again.Merged, again.NewReviewPairs));
        await using var after = database.OpenAsSystem();
        Assert.Equal(first, (await after.RecordLinks.ToListAsync()).ToDictionary(l => l.RecordKey, l => l.PersonId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_not_the_same_decision_is_never_linked_again_automatically(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (a, b) = await SeedAsync(database);
        await Linker(database).RelinkAsync("first");
        await using (var db = database.OpenAsSystem())
        {
            var pair = ReviewPair.Create(a.Id, "A7", b.Id, "B7", 30, "test", "1002", database.Clock.GetUtcNow());
            pair.Decide(ReviewStatus.NotSame, "steward", database.Clock.GetUtcNow());
            db.ReviewPairs.Add(pair);
            await db.SaveChangesAsync();
        }

        var summary = await Linker(database).RelinkAsync("after decision");
        await Linker(database).RelinkAsync("and again");

        Assert.Equal((1, 1), (summary.NewPeople, summary.Moved));
        await using var check = database.OpenAsSystem();
        var links = (await check.RecordLinks.ToListAsync()).ToDictionary(l => l.RecordKey, l => l.PersonId);
        Assert.NotEqual(links["A7"], links["B7"]);
        Assert.Equal(links["A8"], links["B8"]);
        Assert.Equal(121, await check.People.CountAsync());
        // The move is in the history, as the linkage's own: the decision was not made through the review queue's run.
        var moved = await check.LinkChanges.SingleAsync(c => (c.RecordKey == "A7" || c.RecordKey == "B7") && c.FromPersonId != null);
        Assert.Equal((LinkReason.Automatic, LinkageCause.ByLinkage, "after decision"), (moved.Reason, moved.By, moved.Note));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_same_person_decision_joins_records_the_engine_kept_apart_and_the_other_person_is_merged(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (a, b) = await SeedAsync(database);
        await using (var db = database.OpenAsSystem())
        {
            // B-only record of person 100 with a different name and no ID: the engine cannot be sure.
            db.SourceRecords.Add(Record(b.Id, "B100x", 100, database.Clock.GetUtcNow(), givenOverride: "ต่างชื่อ", idOverride: ""));
            await db.SaveChangesAsync();
        }
        await Linker(database).RelinkAsync("first");
        await using (var db = database.OpenAsSystem())
        {
            var links = (await db.RecordLinks.ToListAsync()).ToDictionary(l => l.RecordKey, l => l.PersonId);
            Assert.NotEqual(links["A100"], links["B100x"]);
            // The engine may already have queued the pair for review; the steward decides it either way.
            var pair = await db.ReviewPairs.SingleOrDefaultAsync(p => p.RecordKeyA == "A100" && p.RecordKeyB == "B100x");
            if (pair is null) db.ReviewPairs.Add(pair = ReviewPair.Create(a.Id, "A100", b.Id, "B100x", 9, "test", "1002", database.Clock.GetUtcNow()));
            pair.Decide(ReviewStatus.Same, "steward", database.Clock.GetUtcNow());
            // Each of the two people was told another name by an officer.
            (await db.People.SingleAsync(p => p.Id == links["A100"])).AddAlias("ลุงดำ", database.Clock.GetUtcNow());
            (await db.People.SingleAsync(p => p.Id == links["B100x"])).AddAlias("ดำ ท่าน้ำ", database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var summary = await Linker(database).RelinkAsync("after decision");

        Assert.Equal(1, summary.Merged);
        await using var check = database.OpenAsSystem();
        var after = (await check.RecordLinks.ToListAsync()).ToDictionary(l => l.RecordKey, l => l.PersonId);
        Assert.Equal(after["A100"], after["B100x"]);
        // The survivor is known by both other names.
        var aliases = (await check.People.SingleAsync(p => p.Id == after["A100"])).Aliases!.Split("; ");
        Assert.Equal(["ดำ ท่าน้ำ", "ลุงดำ"], aliases.Order(StringComparer.Ordinal));
        Assert.Equal(120, await check.People.CountAsync());
        Assert.Equal(121, await check.People.IgnoreQueryFilters().CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_linkers_at_once_as_in_two_processes_run_one_after_the_other_and_link_every_record_once(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        // Two linkers share no semaphore, like the web app and `saphan import`: only the database keeps them apart.
        var runs = await Task.WhenAll(Linker(database).RelinkAsync("web"), Linker(database).RelinkAsync("cli"));

        // The second run saw what the first committed: it made nobody new and moved nothing.
        Assert.Equal([(0, 0), (120, 0)], runs.Select(r => (r.NewPeople, r.Moved)).Order());
        await using var db = database.OpenAsSystem();
        var links = await db.RecordLinks.ToListAsync();
        Assert.Equal(180, links.Count);
        Assert.Equal(180, links.Select(l => (l.SourceId, l.RecordKey)).Distinct().Count());
        Assert.Equal(120, await db.People.IgnoreQueryFilters().CountAsync());
        Assert.Equal(120, links.Select(l => l.PersonId).Distinct().Count());
    }

    /// <summary>Writes down what the linker tells it; optionally fails inside the run.</summary>
    private sealed class RecordingFollower(bool failInsideRun = false) : ILinkageFollower
    {
        public List<LinkageChanges> Inside { get; } = [];
        public List<LinkageChanges> After { get; } = [];

        public async Task FollowMergesAsync(SaphanDb db, LinkageChanges changes, CancellationToken ct)
        {
            Inside.Add(changes);
            // What a follower writes here commits or rolls back with the run.
            db.AuditLog.Add(new Saphan.Audit.AuditEntry(changes.At, null, "test", Saphan.Audit.AuditAction.Update, "Follower", "inside", "test", changes.Reason));
            if (failInsideRun) throw new InvalidOperationException("follower failed");
            await Task.CompletedTask;
        }

        public Task AfterLinkageAsync(LinkageChanges changes, CancellationToken ct)
        {
            After.Add(changes);
            return Task.CompletedTask;
        }
    }

    private static async Task DecideSameAsync(TestDatabase database, Source a, Source b, string keyA, string keyB)
    {
        await using var db = database.OpenAsSystem();
        var pair = await db.ReviewPairs.SingleOrDefaultAsync(p => p.RecordKeyA == keyA && p.RecordKeyB == keyB);
        if (pair is null) db.ReviewPairs.Add(pair = ReviewPair.Create(a.Id, keyA, b.Id, keyB, 9, "test", "1002", database.Clock.GetUtcNow()));
        pair.Decide(ReviewStatus.Same, "steward", database.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Followers_learn_whom_a_run_touched_and_who_was_merged_into_whom(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (a, b) = await SeedAsync(database, people: 30, overlap: 10);
        await using (var db = database.OpenAsSystem())
        {
            // Person 5 is in both agencies; B5x is person 5 again under another name without an ID, kept apart until a steward decides.
            db.SourceRecords.Add(Record(b.Id, "B5x", 5, database.Clock.GetUtcNow(), givenOverride: "ต่างชื่อ", idOverride: ""));
            await db.SaveChangesAsync();
        }
        var follower = new RecordingFollower();
        var linker = new RegistryLinker(database, database.Clock, NullLogger<RegistryLinker>.Instance, [follower]);

        await linker.RelinkAsync("first");
        // Everyone is new; nobody was merged, so nothing ran inside the transaction.
        Assert.Empty(follower.Inside);
        var first = Assert.Single(follower.After);
        await using (var db = database.OpenAsSystem()) Assert.Equal((await db.People.Select(p => p.Id).ToListAsync()).Order(), first.Touched.Order());

        await linker.RelinkAsync("nothing new");
        // A run that changes nobody tells nobody.
        Assert.Single(follower.After);

        // A5 and B5 are one person with two records, B5x another with one: the first survives the merge.
        var (survivor, gone) = await PeopleOfAsync(database, "A5", "B5x");
        Assert.NotEqual(survivor, gone);
        await DecideSameAsync(database, a, b, "A5", "B5x");
        await linker.RelinkAsync("decision");

        var inside = Assert.Single(follower.Inside);
        Assert.Equal(new PersonMerge(gone, survivor), Assert.Single(inside.Merges));
        var after = follower.After[^1];
        Assert.Same(inside, after);
        Assert.Equal(new[] { survivor, gone }.Order(), after.Touched.Order());
        Assert.Equal("decision", after.Reason);
        await using var check = database.OpenAsSystem();
        Assert.True(await check.AuditLog.AnyAsync(e => e.RecordType == "Follower" && e.Purpose == "decision"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_follower_failing_inside_the_run_undoes_the_whole_run(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (a, b) = await SeedAsync(database, people: 30, overlap: 10);
        await using (var db = database.OpenAsSystem())
        {
            // Person 5 is in both agencies; B5x is person 5 again under another name without an ID, kept apart until a steward decides.
            db.SourceRecords.Add(Record(b.Id, "B5x", 5, database.Clock.GetUtcNow(), givenOverride: "ต่างชื่อ", idOverride: ""));
            await db.SaveChangesAsync();
        }
        await Linker(database).RelinkAsync("first");
        var (survivor, gone) = await PeopleOfAsync(database, "A5", "B5x");
        await DecideSameAsync(database, a, b, "A5", "B5x");
        var failing = new RecordingFollower(failInsideRun: true);

        var auditRows = await CountAuditAsync(database);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new RegistryLinker(database, database.Clock, NullLogger<RegistryLinker>.Instance, [failing]).RelinkAsync("decision"));

        // Nothing of the run was committed: the records stay apart, nobody is merged, and no one was told it happened.
        Assert.Empty(failing.After);
        Assert.Equal((survivor, gone), await PeopleOfAsync(database, "A5", "B5x"));
        await using (var db = database.OpenAsSystem())
        {
            Assert.False(await db.People.IgnoreQueryFilters().AnyAsync(p => p.MergedIntoId != null));
            Assert.Equal(auditRows, await CountAuditAsync(database));
        }
        // Once the follower works, the same decision goes through.
        Assert.Equal(1, (await Linker(database).RelinkAsync("decision again")).Merged);
    }

    private static async Task<int> CountAuditAsync(TestDatabase database)
    {
        await using var db = database.OpenAsSystem();
        return await db.AuditLog.CountAsync();
    }

    private static async Task<(Guid, Guid)> PeopleOfAsync(TestDatabase database, string keyA, string keyB)
    {
        await using var db = database.OpenAsSystem();
        var links = await db.RecordLinks.Where(l => l.RecordKey == keyA || l.RecordKey == keyB).ToDictionaryAsync(l => l.RecordKey, l => l.PersonId);
        return (links[keyA], links[keyB]);
    }
}
