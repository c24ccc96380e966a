using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Registry;
using Saphan.Registry.Linking;
using Saphan.Registry.Review;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Tests.Registry.Linking;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Review;

public sealed class ReviewQueueTests
{
    private static async Task<(Source A, Source B)> TwoSourcesAsync(TestDatabase database)
    {
        await using var db = database.OpenAsSystem();
        var now = database.Clock.GetUtcNow();
        var a = Source.Register("src-a", "ก", "A", "เขต", "x", "case work", LegalBasis.PublicTask, "", "steward", now);
        var b = Source.Register("src-b", "ข", "B", "พม.", "x", "case work", LegalBasis.PublicTask, "", "steward", now);
        db.Sources.AddRange(a, b);
        await db.SaveChangesAsync();
        for (var i = 0; i < 80; i++)
        {
            db.SourceRecords.Add(RegistryLinkerTests.Record(a.Id, $"A{i}", i, now));
            if (i < 40) db.SourceRecords.Add(RegistryLinkerTests.Record(b.Id, $"B{i}", i, now));
        }
        // One uncertain record: person 3 again in B, no ID, another given name.
        db.SourceRecords.Add(RegistryLinkerTests.Record(b.Id, "B3x", 3, now, givenOverride: "ชื่อใหม่", idOverride: ""));
        await db.SaveChangesAsync();
        return (a, b);
    }

    private static (ReviewQueue Queue, RegistryLinker Linker) For(TestDatabase database, string role)
    {
        var linker = new RegistryLinker(database, database.Clock, NullLogger<RegistryLinker>.Instance);
        return (new ReviewQueue(TestViewers.DataAccessFor(database, TestViewers.User(role, district: "1002", id: role)), linker, database.Clock), linker);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_steward_decides_a_pair_and_the_decision_takes_effect_and_is_audited(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoSourcesAsync(database);
        var (queue, linker) = For(database, Roles.DataSteward);
        await linker.RelinkAsync("first");
        var open = await queue.OpenPairsAsync();
        // B3x is uncertain against both A3 and B3 (one person); decide the pair with A3.
        var pair = Assert.Single(open, p => new[] { p.RecordKeyA, p.RecordKeyB }.Order().SequenceEqual(["A3", "B3x"]));
        var view = await queue.OpenPairAsync(pair.Id);
        Assert.NotNull(view);
        Assert.NotEqual(view.A.PersonId, view.B.PersonId);
        Assert.Contains("GivenName", view.Pair.Explanation);

        await queue.DecideAsync(pair.Id, ReviewStatus.Same);

        await using var db = database.OpenAsSystem();
        var links = (await db.RecordLinks.ToListAsync()).ToDictionary(l => l.RecordKey, l => l.PersonId);
        Assert.Equal(links["A3"], links["B3x"]);
        // The link history says the steward joined them, not the linkage.
        var joined = await db.LinkChanges.SingleAsync(c => c.RecordKey == "B3x" && c.FromPersonId != null);
        Assert.Equal((LinkReason.ReviewedSame, links["A3"]), (joined.Reason, joined.ToPersonId));
        Assert.Contains("DataSteward", joined.By, StringComparison.Ordinal);
        Assert.StartsWith($"review decision {pair.Id} by ", joined.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(await queue.OpenPairsAsync(), p => p.Id == pair.Id);
        Assert.True(await db.AuditLog.AnyAsync(a => a.RecordType == "ReviewPair" && a.RecordId == pair.Id.ToString() && a.Action == AuditAction.Update));
        Assert.True(await db.AuditLog.AnyAsync(a => a.RecordType == "SourceRecord" && a.Action == AuditAction.Read && a.UserName.Contains("DataSteward")));
        // Decided pairs cannot be decided again: a second steward is told who decided what, and the first decision stands.
        var taken = await Assert.ThrowsAsync<ReviewPairDecidedException>(() => queue.DecideAsync(pair.Id, ReviewStatus.NotSame));
        Assert.Equal((ReviewStatus.Same, database.Clock.GetUtcNow()), (taken.Status, taken.DecidedAt));
        Assert.Contains("DataSteward", taken.DecidedBy, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Same, (await db.ReviewPairs.AsNoTracking().SingleAsync(p => p.Id == pair.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_stewards_deciding_one_pair_at_once_cannot_both_save(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoSourcesAsync(database);
        var (queue, linker) = For(database, Roles.DataSteward);
        await linker.RelinkAsync("first");
        var id = (await queue.OpenPairsAsync()).First().Id;

        await using var first = database.OpenAsSystem();
        await using var second = database.OpenAsSystem();
        var seenByFirst = await first.ReviewPairs.SingleAsync(p => p.Id == id);
        var seenBySecond = await second.ReviewPairs.SingleAsync(p => p.Id == id);
        seenByFirst.Decide(ReviewStatus.Same, "steward.a", database.Clock.GetUtcNow());
        seenBySecond.Decide(ReviewStatus.NotSame, "steward.b", database.Clock.GetUtcNow());
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.OpenAsSystem();
        var kept = await check.ReviewPairs.SingleAsync(p => p.Id == id);
        Assert.Equal(("steward.a", ReviewStatus.Same), (kept.DecidedBy, kept.Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Splitting_a_record_off_undoes_a_link_for_good(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoSourcesAsync(database);
        var (queue, linker) = For(database, Roles.DataSteward);
        await linker.RelinkAsync("first");
        Guid before;
        await using (var db = database.OpenAsSystem())
            before = (await db.RecordLinks.SingleAsync(l => l.RecordKey == "B10")).PersonId;

        await queue.SplitAsync((await SourceIdAsync(database, "src-b")), "B10");
        await linker.RelinkAsync("later run");

        await using var check = database.OpenAsSystem();
        var links = (await check.RecordLinks.ToListAsync()).ToDictionary(l => l.RecordKey, l => l.PersonId);
        Assert.NotEqual(links["A10"], links["B10"]);
        Assert.Contains(before, new[] { links["A10"], links["B10"] });
        Assert.True(await check.LinkChanges.AnyAsync(c => c.RecordKey == "A10" || c.RecordKey == "B10"));
        Assert.Equal(121, await check.RecordLinks.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Splitting_off_the_record_that_sorts_first_leaves_the_person_with_the_record_that_remains(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoSourcesAsync(database);
        var (queue, linker) = For(database, Roles.DataSteward);
        await linker.RelinkAsync("first");

        // The linker orders records by (source, key) and used to give the person to the group that sorted first: split that one off.
        var (person, splitOff, remaining) = await SplitTheFirstAsync(database, queue, "A10", "B10");

        await using var check = database.OpenAsSystem();
        var links = (await check.RecordLinks.ToListAsync()).ToDictionary(l => (l.SourceId, l.RecordKey), l => l.PersonId);
        Assert.Equal(person, links[(remaining[0].SourceId, remaining[0].RecordKey)]);
        Assert.NotEqual(person, links[(splitOff.SourceId, splitOff.RecordKey)]);
        // The link history says the steward split it off; the record that remains did not move.
        var change = await check.LinkChanges.SingleAsync(c => c.FromPersonId != null);
        Assert.Equal((splitOff.RecordKey, LinkReason.Split, person), (change.RecordKey, change.Reason, change.FromPersonId));
        Assert.Contains("DataSteward", change.By, StringComparison.Ordinal);
        Assert.StartsWith($"split {splitOff.SourceId}:{splitOff.RecordKey} by ", change.Note, StringComparison.Ordinal);
        // The person keeps what officers told about it; nobody was merged.
        Assert.Equal("ลุงสิบ", (await check.People.SingleAsync(p => p.Id == person)).Aliases);
        Assert.False(await check.People.IgnoreQueryFilters().AnyAsync(p => p.MergedIntoId != null));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Splitting_one_record_off_three_leaves_the_person_with_the_two_that_remain(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, b) = await TwoSourcesAsync(database);
        await using (var db = database.OpenAsSystem())
        {
            db.SourceRecords.Add(RegistryLinkerTests.Record(b.Id, "B10b", 10, database.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var (queue, linker) = For(database, Roles.DataSteward);
        await linker.RelinkAsync("first");

        var (person, splitOff, remaining) = await SplitTheFirstAsync(database, queue, "A10", "B10", "B10b");

        await using var check = database.OpenAsSystem();
        var links = (await check.RecordLinks.ToListAsync()).ToDictionary(l => (l.SourceId, l.RecordKey), l => l.PersonId);
        Assert.All(remaining, r => Assert.Equal(person, links[(r.SourceId, r.RecordKey)]));
        Assert.NotEqual(person, links[(splitOff.SourceId, splitOff.RecordKey)]);
    }

    /// <summary>
    /// Checks that the records are one person, gives the person another name, and splits off the record that sorts first by
    /// (source, key). Returns the person and the records split off and remaining.
    /// </summary>
    private static async Task<(Guid Person, RecordLink SplitOff, List<RecordLink> Remaining)> SplitTheFirstAsync(TestDatabase database, ReviewQueue queue, params string[] keys)
    {
        List<RecordLink> records;
        Guid person;
        await using (var db = database.OpenAsSystem())
        {
            records = (await db.RecordLinks.AsNoTracking().Where(l => keys.Contains(l.RecordKey)).ToListAsync())
                .OrderBy(l => l.SourceId).ThenBy(l => l.RecordKey, StringComparer.Ordinal).ToList();
            Assert.Equal(keys.Length, records.Count);
            person = Assert.Single(records.Select(l => l.PersonId).Distinct());
            (await db.People.SingleAsync(p => p.Id == person)).AddAlias("ลุงสิบ", database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await queue.SplitAsync(records[0].SourceId, records[0].RecordKey);
        return (person, records[0], records[1..]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Officers_see_no_review_queue_and_cannot_decide(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoSourcesAsync(database);
        var (steward, linker) = For(database, Roles.DataSteward);
        await linker.RelinkAsync("first");
        var pair = (await steward.OpenPairsAsync()).First();
        var (officer, _) = For(database, Roles.DistrictOfficer);

        Assert.Empty(await officer.OpenPairsAsync());
        Assert.Null(await officer.OpenPairAsync(pair.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => officer.DecideAsync(pair.Id, ReviewStatus.Same));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_person_page_shows_every_agency_record_behind_the_person(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoSourcesAsync(database);
        var (_, linker) = For(database, Roles.DataSteward);
        await linker.RelinkAsync("first");
        Guid person;
        await using (var db = database.OpenAsSystem())
            person = (await db.RecordLinks.SingleAsync(l => l.RecordKey == "A20")).PersonId;
        var files = new PersonFile(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DistrictOfficer, district: "1002", id: "officer")));

        var provenance = await files.ProvenanceAsync(person);

        Assert.Equal(["src-a", "src-b"], provenance.Records.Select(r => r.Source.Code).Order().ToArray());
        Assert.All(provenance.Records, r => Assert.Equal("test.csv", r.Versions[0].FileName));
        // An officer of another district sees none of it.
        var other = new PersonFile(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DistrictOfficer, district: "1001", id: "other")));
        Assert.Empty((await other.ProvenanceAsync(person)).Records);
    }

    private static async Task<int> SourceIdAsync(TestDatabase database, string code)
    {
        await using var db = database.OpenAsSystem();
        return (await db.Sources.SingleAsync(s => s.Code == code)).Id;
    }
}
