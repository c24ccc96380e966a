using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Assessment;
using Saphan.Audit;
using Saphan.Geography;
using Saphan.Linkage;
using Saphan.Linkage.Normalisation;
using Saphan.Registry.Linking;
using Saphan.Registry.Sources;
using Saphan.Rights;
using Saphan.Rights.Eligibility;
using Saphan.Storage;
using Saphan.Tests.Registry.Linking;
using Saphan.Tests.Support;

namespace Saphan.Tests.Rights;

/// <summary>
/// Rights follow the registry's linkage: a merged person's facts, enrolments and referrals move to the survivor with the merge,
/// and the verdicts of everyone a run touched are evaluated again right after it.
/// </summary>
public sealed class RightsFollowLinkageTests
{
    /// <summary>
    /// 20 people in agency A, 10 of them again in B (same ID), and person 5 once more in B under another given name without an
    /// ID ("B5x"): the engine keeps B5x apart until a steward decides. Person 5 then has two records, B5x one, so person 5 survives.
    /// </summary>
    private sealed class World(TestDatabase database, ServiceProvider services, Source a, Source b) : IAsyncDisposable
    {
        public TestDatabase Database { get; } = database;
        public RegistryLinker Linker { get; } = services.GetRequiredService<RegistryLinker>();
        public Source A { get; } = a;
        public Source B { get; } = b;
        public DateTimeOffset Now => Database.Clock.GetUtcNow();

        public static async Task<World> CreateAsync(StorageProvider provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            await using (var db = database.OpenAsSystem())
            {
                await ReferenceGeography.EnsureLoadedAsync(db);
                await RightsCatalogue.EnsureLoadedAsync(db, database.Clock.GetUtcNow());
            }
            Source a, b;
            await using (var db = database.OpenAsSystem())
            {
                var now = database.Clock.GetUtcNow();
                a = Source.Register("bma-1002-welfare", "ทะเบียนสวัสดิการเขตดุสิต", "Dusit welfare register", "สำนักงานเขตดุสิต", "welfare", "case work", LegalBasis.PublicTask, "", "steward", now);
                b = Source.Register("dep-disability", "ทะเบียนคนพิการ", "Disability register", "พก.", "disability cards", "allowance", LegalBasis.LegalObligation, "", "steward", now);
                db.Sources.AddRange(a, b);
                await db.SaveChangesAsync();
                for (var i = 0; i < 20; i++)
                {
                    db.SourceRecords.Add(RegistryLinkerTests.Record(a.Id, $"A{i}", i, now));
                    if (i < 10) db.SourceRecords.Add(RegistryLinkerTests.Record(b.Id, $"B{i}", i, now));
                }
                db.SourceRecords.Add(RegistryLinkerTests.Record(b.Id, "B5x", 5, now, givenOverride: "ต่างชื่อ", idOverride: ""));
                await db.SaveChangesAsync();
            }
            // The web app's registrations: the registry, rights and the family report card as the host wires them.
            var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton<IDbContextFactory<SaphanDb>>(database)
                .AddSingleton<TimeProvider>(database.Clock)
                .AddSingleton<RegistryLinker>()
                .AddRightsFollowingLinkage()
                .AddReportCardFollowingLinkage()
                .BuildServiceProvider();
            var world = new World(database, services, a, b);
            await world.Linker.RelinkAsync("first");
            return world;
        }

        public async Task<Guid> PersonOfAsync(string key)
        {
            await using var db = Database.OpenAsSystem();
            return (await db.RecordLinks.SingleAsync(l => l.RecordKey == key)).PersonId;
        }

        public async Task DecideSameAsync(string keyA, string keyB)
        {
            await using var db = Database.OpenAsSystem();
            var pair = await db.ReviewPairs.SingleOrDefaultAsync(p => p.RecordKeyA == keyA && p.RecordKeyB == keyB);
            if (pair is null) db.ReviewPairs.Add(pair = ReviewPair.Create(A.Id, keyA, B.Id, keyB, 9, "test", "1002", Now));
            pair.Decide(ReviewStatus.Same, "steward", Now);
            await db.SaveChangesAsync();
        }

        public async Task<T> QueryAsync<T>(Func<SaphanDb, Task<T>> query)
        {
            await using var db = Database.OpenAsSystem();
            return await query(db);
        }

        public async Task AddAsync(params object[] rows)
        {
            await using var db = Database.OpenAsSystem();
            db.AddRange(rows);
            await db.SaveChangesAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    private static PersonFact Fact(Guid person, FactKind kind, bool? flag, long? amount, string source, DateOnly asOf, DateTimeOffset at) =>
        PersonFact.Record(person, kind, flag, amount, source, asOf, "officer", at);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Facts_enrolments_and_referrals_of_a_merged_person_move_to_the_survivor_without_loss_or_doubles(StorageProvider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var (survivor, gone) = (await world.PersonOfAsync("A5"), await world.PersonOfAsync("B5x"));
        Assert.NotEqual(survivor, gone);
        var now = world.Now;
        var today = world.Database.Today;

        // The survivor's own data, and the merged person's: one fact and one enrolment are the same thing known twice.
        var survivorThai = Fact(survivor, FactKind.ThaiNationality, true, null, "survey", new(2026, 1, 10), now);
        var goneThai = Fact(gone, FactKind.ThaiNationality, true, null, "survey", new(2026, 1, 10), now);
        var gonePension = Fact(gone, FactKind.StatePension, false, null, "กรมบัญชีกลาง", new(2026, 3, 1), now);
        var survivorIncome = Fact(survivor, FactKind.OwnIncome, null, 50_000, "survey", new(2025, 6, 1), now);
        var goneIncome = Fact(gone, FactKind.OwnIncome, null, 30_000, "survey", new(2026, 6, 1), now);
        var survivorHealth = Enrolment.Record(survivor, RightsCatalogue.HealthCoverage, new(2010, 1, 1), "nhso-2024.csv", 7, "steward", now.AddDays(-30));
        var goneHealth = Enrolment.Record(gone, RightsCatalogue.HealthCoverage, new(2010, 1, 1), "nhso-2026.csv", 9, "steward", now);
        goneHealth.End(new(2026, 9, 1));
        var goneDisability = Enrolment.Record(gone, RightsCatalogue.DisabilityAllowance, new(2021, 2, 1), "recorded", null, "officer", now);
        var survivorReferral = Referral.Create(survivor, RightsCatalogue.OldAgeAllowance, "district:1002", "district:1002", "ไม่ได้รับเบี้ย", today.AddDays(15), today, "u1", "officer", now);
        var goneReferral = Referral.Create(gone, RightsCatalogue.OldAgeAllowance, "dep:OlderPersons", "district:1002", "ไม่ได้รับเบี้ย", today.AddDays(15), today, "u2", "officer", now.AddMinutes(5));
        goneReferral.MoveTo(ReferralStatus.Accepted, null, now.AddMinutes(6));
        var goneDeclined = Referral.Create(gone, RightsCatalogue.StateWelfareCard, "district:1002", "dep:SocialDevelopmentAndWelfare", "บัตรสวัสดิการ", today.AddDays(15), today, "u1", "officer", now);
        goneDeclined.MoveTo(ReferralStatus.Declined, "รายได้เกิน", now.AddMinutes(1));
        await world.AddAsync(survivorThai, goneThai, gonePension, survivorIncome, goneIncome, survivorHealth, goneHealth, goneDisability,
            survivorReferral, goneReferral, goneDeclined);
        world.Database.Clock.Advance(TimeSpan.FromHours(1));
        await using (var db = world.Database.OpenAsSystem())
        {
            // Before the merge: without a word on a state pension the survivor's old-age allowance cannot be decided.
            await RightsRefresh.RefreshAsync(db, today, now, null, default);
            Assert.Equal(RightStatus.Unknown, (await db.RightsEvaluations.SingleAsync(e => e.PersonId == survivor && e.SchemeCode == RightsCatalogue.OldAgeAllowance)).Status);
            Assert.True(await db.RightsEvaluations.AnyAsync(e => e.PersonId == gone));
        }
        var (factsBefore, enrolmentsBefore, referralsBefore) = await world.QueryAsync(async db => (
            await db.PersonFacts.IgnoreQueryFilters().CountAsync(), await db.Enrolments.IgnoreQueryFilters().CountAsync(), await db.Referrals.IgnoreQueryFilters().CountAsync()));

        await world.DecideSameAsync("A5", "B5x");
        var summary = await world.Linker.RelinkAsync("after decision");

        Assert.Equal(1, summary.Merged);
        var run = world.Now;
        await using var check = world.Database.OpenAsSystem();
        Assert.Equal(survivor, (await check.People.IgnoreQueryFilters().SingleAsync(p => p.Id == gone)).MergedIntoId);
        Assert.False(await check.PersonFacts.IgnoreQueryFilters().AnyAsync(f => f.PersonId == gone));
        Assert.False(await check.Enrolments.IgnoreQueryFilters().AnyAsync(e => e.PersonId == gone));
        Assert.False(await check.Referrals.IgnoreQueryFilters().AnyAsync(r => r.PersonId == gone));
        Assert.False(await check.RightsEvaluations.IgnoreQueryFilters().AnyAsync(e => e.PersonId == gone));

        // Facts: all are history and move, except the very same statement, which the survivor keeps once.
        var facts = await check.PersonFacts.Where(f => f.PersonId == survivor).ToListAsync();
        Assert.Equal(factsBefore - 1, await check.PersonFacts.IgnoreQueryFilters().CountAsync());
        Assert.Equal(new[] { survivorThai.Id, gonePension.Id, survivorIncome.Id, goneIncome.Id }.Order(), facts.Select(f => f.Id).Order());
        // Enrolments: the same enrolment known twice is kept once, the later record (with the end it knows of); others move.
        var enrolments = await check.Enrolments.Where(e => e.PersonId == survivor).ToListAsync();
        Assert.Equal(enrolmentsBefore - 1, await check.Enrolments.IgnoreQueryFilters().CountAsync());
        var health = Assert.Single(enrolments, e => e.SchemeCode == RightsCatalogue.HealthCoverage);
        Assert.Equal((goneHealth.Id, (DateOnly?)new DateOnly(2026, 9, 1)), (health.Id, health.EndDate));
        Assert.Equal(goneDisability.Id, Assert.Single(enrolments, e => e.SchemeCode == RightsCatalogue.DisabilityAllowance).Id);
        // Referrals: every one moves; of two open ones for the same scheme the accepted one stays open, the other is withdrawn.
        var referrals = await check.Referrals.Where(r => r.PersonId == survivor).ToListAsync();
        Assert.Equal(referralsBefore, referrals.Count);
        var open = Assert.Single(referrals, r => r.IsOpen);
        Assert.Equal((goneReferral.Id, ReferralStatus.Accepted), (open.Id, open.Status));
        var withdrawn = referrals.Single(r => r.Id == survivorReferral.Id);
        Assert.Equal(ReferralStatus.Withdrawn, withdrawn.Status);
        Assert.Contains(goneReferral.Id.ToString(), withdrawn.StatusNote, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Declined, referrals.Single(r => r.Id == goneDeclined.Id).Status);

        // Audited, with the survivor named.
        var audit = await check.AuditLog.Where(a => a.RecordId == gone.ToString() && a.Action == AuditAction.Update).ToListAsync();
        foreach (var type in new[] { "PersonFact", "Enrolment", "Referral" })
            Assert.Contains(audit, a => a.RecordType == type && a.Purpose.Contains(survivor.ToString(), StringComparison.Ordinal));

        // Evaluated again right after the run: the moved pension fact decides the old-age allowance, and the newest income counts.
        var oldAge = await check.RightsEvaluations.SingleAsync(e => e.PersonId == survivor && e.SchemeCode == RightsCatalogue.OldAgeAllowance);
        Assert.Equal((RightStatus.MissingOut, run), (oldAge.Status, oldAge.EvaluatedAt));
        var population = await Population.LoadAsync(check, await RuleBook.LoadAsync(check), world.Database.Today, [survivor]);
        Assert.Equal(30_000, population.Cases[population.IndexOf(survivor)].OwnIncome);

        // Another run changes nothing: nothing moves twice, nothing is doubled.
        var again = await world.Linker.RelinkAsync("again");
        Assert.Equal((0, 0), (again.Moved, again.Merged));
        Assert.Equal((factsBefore - 1, enrolmentsBefore - 1, referralsBefore), await world.QueryAsync(async db => (
            await db.PersonFacts.IgnoreQueryFilters().CountAsync(), await db.Enrolments.IgnoreQueryFilters().CountAsync(), await db.Referrals.IgnoreQueryFilters().CountAsync())));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_person_whose_records_now_give_an_age_of_60_is_missing_out_right_after_the_run(StorageProvider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var now = world.Now;
        await using (var db = world.Database.OpenAsSystem())
        {
            // Person 30, known to agency A as born in 1990.
            db.SourceRecords.Add(Record(world.A.Id, "A30", 1, 30, new PartialDate(1990, 3, 1), now));
            await db.SaveChangesAsync();
        }
        await world.Linker.RelinkAsync("new record");
        var person = await world.PersonOfAsync("A30");
        await world.AddAsync(Fact(person, FactKind.StatePension, false, null, "กรมบัญชีกลาง", new(2026, 1, 5), now));
        var unrelated = await world.PersonOfAsync("A12");
        await using (var db = world.Database.OpenAsSystem()) await RightsRefresh.RefreshAsync(db, world.Database.Today, now, null, default);
        Assert.False(await world.QueryAsync(db => db.RightsEvaluations.AnyAsync(e => e.PersonId == person && e.SchemeCode == RightsCatalogue.OldAgeAllowance)));
        var officer = TestViewers.DataAccessFor(world.Database, RightsWorld.Officer("1002"));
        Assert.DoesNotContain(person, (await new MissingOutList(officer).ForViewerAsync(new WorkListQuery(SchemeCode: RightsCatalogue.OldAgeAllowance), "/x")).Entries.Select(e => e.PersonId));

        // The agency corrects the year of birth: 1950, so 76 today.
        world.Database.Clock.Advance(TimeSpan.FromHours(1));
        await using (var db = world.Database.OpenAsSystem())
        {
            db.SourceRecords.Add(Record(world.A.Id, "A30", 2, 30, new PartialDate(1950, 3, 1), world.Now));
            await db.SaveChangesAsync();
        }
        await world.Linker.RelinkAsync("corrected record");

        var stored = await world.QueryAsync(db => db.RightsEvaluations.SingleAsync(e => e.PersonId == person && e.SchemeCode == RightsCatalogue.OldAgeAllowance));
        Assert.Equal((RightStatus.MissingOut, world.Now), (stored.Status, stored.EvaluatedAt));
        // The stored verdict is the one the person's page works out live.
        var live = (await new PersonRightsFile(officer, new RightsRefresh(world.Database, world.Database.Clock), world.Database.Clock).OpenAsync(person, "/x"))!
            .Schemes.Single(s => s.Scheme.Code == RightsCatalogue.OldAgeAllowance).Verdict;
        Assert.Equal(live, stored.Verdict);
        Assert.True(live.MonthlyAmount > 0);
        var list = await new MissingOutList(officer).ForViewerAsync(new WorkListQuery(SchemeCode: RightsCatalogue.OldAgeAllowance), "/x");
        Assert.Contains(list.Entries, e => e.PersonId == person && e.Age == 76);
        // Only those the run touched were evaluated again.
        Assert.All(await world.QueryAsync(db => db.RightsEvaluations.Where(e => e.PersonId == unrelated).ToListAsync()), e => Assert.Equal(now, e.EvaluatedAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Records_moved_to_a_new_person_leave_the_rights_data_where_it_was(StorageProvider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var person = await world.PersonOfAsync("A7");
        Assert.Equal(person, await world.PersonOfAsync("B7"));
        var now = world.Now;
        await world.AddAsync(Fact(person, FactKind.StatePension, false, null, "survey", new(2026, 1, 5), now),
            Enrolment.Record(person, RightsCatalogue.HealthCoverage, new(2012, 5, 1), "recorded", null, "officer", now));
        await using (var db = world.Database.OpenAsSystem())
        {
            // A steward says A7 and B7 are not the same person: B7 becomes someone new, and nobody is merged.
            var pair = ReviewPair.Create(world.A.Id, "A7", world.B.Id, "B7", 30, "test", "1002", now);
            pair.Decide(ReviewStatus.NotSame, "steward", now);
            db.ReviewPairs.Add(pair);
            await db.SaveChangesAsync();
        }

        world.Database.Clock.Advance(TimeSpan.FromHours(1));

        var summary = await world.Linker.RelinkAsync("split");

        Assert.Equal((1, 0), (summary.NewPeople, summary.Merged));
        var (a7, b7) = (await world.PersonOfAsync("A7"), await world.PersonOfAsync("B7"));
        Assert.Contains(person, new[] { a7, b7 });
        var other = a7 == person ? b7 : a7;
        Assert.Equal((1, 1), await world.QueryAsync(async db => (
            await db.PersonFacts.CountAsync(f => f.PersonId == person), await db.Enrolments.CountAsync(e => e.PersonId == person))));
        Assert.False(await world.QueryAsync(db => db.PersonFacts.AnyAsync(f => f.PersonId == other)));
        Assert.False(await world.QueryAsync(db => db.Enrolments.AnyAsync(e => e.PersonId == other)));
        Assert.DoesNotContain(await world.QueryAsync(db => db.AuditLog.Where(a => a.RecordType == "PersonFact" || a.RecordType == "Enrolment").Select(a => a.Purpose).ToListAsync()),
            p => p.Contains("merged into", StringComparison.Ordinal));
        // Both people were evaluated right after the run.
        var evaluated = await world.QueryAsync(db => db.RightsEvaluations.Where(e => e.PersonId == person || e.PersonId == other)
            .Select(e => new { e.PersonId, e.EvaluatedAt }).ToListAsync());
        Assert.Equal(new[] { person, other }.Order(), evaluated.Select(e => e.PersonId).Distinct().Order());
        Assert.All(evaluated, e => Assert.Equal(world.Now, e.EvaluatedAt));
    }

    private static SourceRecord Record(int source, string key, int version, int person, PartialDate birth, DateTimeOffset now)
    {
        var template = RegistryLinkerTests.Record(source, key, person, now);
        return SourceRecord.Create(source, key, version, $"hash-{key}-{version}", "{}", new LinkRecord
        {
            Source = source.ToString(System.Globalization.CultureInfo.InvariantCulture), RecordId = key, CitizenId = template.CitizenId,
            GivenName = template.GivenName, FamilyName = template.FamilyName, Sex = template.Sex, BirthDate = birth,
            Address = new AddressParts { HouseNumber = $"{person}", SubdistrictCode = "100201", DistrictCode = "1002" },
        }, null, null, [], 1, "test.csv", version, now, "test");
    }
}
