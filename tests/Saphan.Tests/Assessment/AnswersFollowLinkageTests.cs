using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Access;
using Saphan.Assessment;
using Saphan.Assessment.Indicators;
using Saphan.Audit;
using Saphan.Geography;
using Saphan.Registry;
using Saphan.Registry.Linking;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Tests.Registry.Linking;
using Saphan.Tests.Support;

namespace Saphan.Tests.Assessment;

/// <summary>Answers about a household member follow the registry's linkage when the member is merged into someone already known.</summary>
public sealed class AnswersFollowLinkageTests
{
    private static readonly Guid Survivor = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private static readonly Guid Merged = Guid.Parse("0190a000-0000-7000-8000-000000000002");

    [Fact]
    public void A_merged_members_answers_name_the_survivor_except_where_the_survivor_answered_the_same_question()
    {
        var set = DefaultIndicatorSet.Create();
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var assessment = HouseholdAssessment.Start(Guid.CreateVersion7(now), set, "u1", "volunteer", today, now);
        var given = new Dictionary<AnswerKey, AnswerValue>
        {
            [new("INC-2", Survivor)] = new(null, true),
            [new("INC-2", Merged)] = new(null, false),
            [new("EDU-3", Merged)] = new(null, false),
            [new("HLT-2", null)] = new(null, true),
        };
        Assert.Empty(assessment.Record(set, given, today, null, null, today, now));

        var moved = assessment.FollowMerge(Merged, Survivor);

        Assert.Equal(1, moved);
        var map = assessment.AnswerMap();
        Assert.Equal(4, map.Count);
        Assert.Equal(new AnswerValue(null, false), map[new AnswerKey("EDU-3", Survivor)]);
        // The survivor's own answer stands; the merged person's answer to the same question is kept, not lost, under their name.
        Assert.Equal(new AnswerValue(null, true), map[new AnswerKey("INC-2", Survivor)]);
        Assert.Equal(new AnswerValue(null, false), map[new AnswerKey("INC-2", Merged)]);
        Assert.Equal(new AnswerValue(null, true), map[new AnswerKey("HLT-2", null)]);
        Assert.Equal(0, assessment.FollowMerge(Guid.NewGuid(), Survivor));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_former_member_merged_by_linkage_is_still_named_on_the_report_card_as_the_survivor(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = database.Clock.GetUtcNow();
        IndicatorSet set;
        Source a, b;
        await using (var db = database.OpenAsSystem())
        {
            await ReferenceGeography.EnsureLoadedAsync(db);
            set = await IndicatorCatalogue.EnsureDefaultAsync(db);
            a = Source.Register("bma-1002-welfare", "ทะเบียนสวัสดิการเขตดุสิต", "Dusit welfare register", "สำนักงานเขตดุสิต", "welfare", "case work", LegalBasis.PublicTask, "", "steward", now);
            b = Source.Register("dep-disability", "ทะเบียนคนพิการ", "Disability register", "พก.", "disability cards", "allowance", LegalBasis.LegalObligation, "", "steward", now);
            db.Sources.AddRange(a, b);
            await db.SaveChangesAsync();
            for (var i = 0; i < 10; i++)
            {
                db.SourceRecords.Add(RegistryLinkerTests.Record(a.Id, $"A{i}", i, now));
                if (i < 5) db.SourceRecords.Add(RegistryLinkerTests.Record(b.Id, $"B{i}", i, now));
            }
            // Person 3 once more, under another given name and without an ID: kept apart until a steward decides.
            db.SourceRecords.Add(RegistryLinkerTests.Record(b.Id, "B3x", 3, now, givenOverride: "ต่างชื่อ", idOverride: ""));
            await db.SaveChangesAsync();
        }
        await using var services = new ServiceCollection().AddLogging()
            .AddSingleton<IDbContextFactory<SaphanDb>>(database).AddSingleton<TimeProvider>(database.Clock)
            .AddSingleton<RegistryLinker>().AddReportCardFollowingLinkage().BuildServiceProvider();
        var linker = services.GetRequiredService<RegistryLinker>();
        await linker.RelinkAsync("first");

        Guid survivor, gone, other, household, assessmentId;
        await using (var db = database.OpenAsSystem())
        {
            var links = await db.RecordLinks.ToDictionaryAsync(l => l.RecordKey, l => l.PersonId);
            (survivor, gone, other) = (links["A3"], links["B3x"], links["A7"]);
            Assert.NotEqual(survivor, gone);
            // The one without an ID lived with person 7 and was assessed with that household, then moved out.
            var home = Household.Register(new HouseholdAddress { HouseNumber = "7", SubdistrictCode = "100201" }, now);
            db.Households.Add(home);
            var (head, member) = (await db.People.SingleAsync(p => p.Id == other), await db.People.SingleAsync(p => p.Id == gone));
            head.JoinHousehold(home, HouseholdRole.Head, now);
            member.JoinHousehold(home, HouseholdRole.Spouse, now);
            var members = new[] { head, member }.Select(p => new MemberFacts(p.Id, p.GivenName, p.BirthDate, p.HasDisabilityCard, p.IsBedridden)).ToList();
            var assessment = HouseholdAssessment.Start(home.Id, set, "u1", "volunteer", database.Today, now);
            Assert.Empty(assessment.Record(set, AssessmentWorld.Answers(set, members, database.Today, "INC-3"), database.Today, null, null, database.Today, now));
            Assert.Empty(assessment.Submit(set, members, new AssessedArea("1002", "100201", null), now));
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            member.LeaveHousehold(now);
            await db.SaveChangesAsync();
            (household, assessmentId) = (home.Id, assessment.Id);
        }
        var answersOfGone = await CountAsync(database, gone);
        Assert.True(answersOfGone > 0);
        var answersBefore = await CountAsync(database, null);

        await using (var db = database.OpenAsSystem())
        {
            var pair = await db.ReviewPairs.SingleOrDefaultAsync(p => p.RecordKeyA == "A3" && p.RecordKeyB == "B3x");
            if (pair is null) db.ReviewPairs.Add(pair = ReviewPair.Create(a.Id, "A3", b.Id, "B3x", 9, "test", "1002", now));
            pair.Decide(ReviewStatus.Same, "steward", now);
            await db.SaveChangesAsync();
        }
        var summary = await linker.RelinkAsync("decision");

        Assert.Equal(1, summary.Merged);
        Assert.Equal(0, await CountAsync(database, gone));
        Assert.Equal(answersOfGone, await CountAsync(database, survivor));
        Assert.Equal(answersBefore, await CountAsync(database, null));
        await using (var db = database.OpenAsSystem())
        {
            var audit = await db.AuditLog.SingleAsync(e => e.RecordType == "Assessment" && e.RecordId == assessmentId.ToString() && e.Action == AuditAction.Update);
            Assert.Contains(survivor.ToString(), audit.Purpose, StringComparison.Ordinal);
        }
        var card = await new AssessmentWorld(database, TestViewers.User(Roles.DistrictOfficer, district: "1002", id: "officer-1002")).Cards.OpenAsync(household);
        var names = card!.Timeline.Single().DeprivedMembers["INC-3"];
        var survivorName = await NameAsync(database, survivor);
        Assert.Equal(new[] { await NameAsync(database, other), survivorName }.Order(), names.Order());
    }

    private static async Task<int> CountAsync(TestDatabase database, Guid? person)
    {
        await using var db = database.OpenAsSystem();
        var answers = (await db.Assessments.ToListAsync()).SelectMany(a => a.Answers);
        return person is null ? answers.Count() : answers.Count(x => x.PersonId == person);
    }

    private static async Task<string> NameAsync(TestDatabase database, Guid person)
    {
        await using var db = database.OpenAsSystem();
        var p = await db.People.SingleAsync(x => x.Id == person);
        return (p.Title ?? "") + p.GivenName + " " + p.FamilyName;
    }
}
