using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Assessment;
using Saphan.Assessment.Figures;
using Saphan.Assessment.Indicators;
using Saphan.Audit;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Assessment;

/// <summary>Entering, submitting and reading assessments through the services, with scope enforced by the database query.</summary>
public sealed class AssessmentServiceTests
{
    private static readonly System.Security.Claims.ClaimsPrincipal Dusit = TestViewers.User(Roles.DistrictOfficer, district: "1002", id: "officer-1002");
    private static readonly System.Security.Claims.ClaimsPrincipal PhraNakhon = TestViewers.User(Roles.DistrictOfficer, district: "1001", id: "officer-1001");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Starting_twice_at_once_gives_one_draft_both_continue(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database);
        await AssessmentWorld.EnsureIndicatorsAsync(database);
        var household = await AssessmentWorld.HouseholdInAsync(database, "1002");

        // Two taps (or two volunteers) at the same moment, each with its own service and context.
        var started = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new AssessmentWorld(database, Dusit).Entry.StartAsync(household.Id))));

        Assert.All(started, id => Assert.Equal(started[0], id));
        await using var db = database.OpenAsSystem();
        Assert.Equal(1, await db.Assessments.CountAsync(a => a.HouseholdId == household.Id && a.Status == AssessmentStatus.Draft));
        // The database holds to it whoever writes: a second draft is refused.
        db.Assessments.Add(HouseholdAssessment.Start(household.Id, await db.IndicatorSets.FirstAsync(), null, "x", database.Today, database.Clock.GetUtcNow()));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_of_another_district_can_neither_see_nor_list_an_assessment(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database);
        var set = await AssessmentWorld.EnsureIndicatorsAsync(database);
        var household = await AssessmentWorld.HouseholdInAsync(database, "1002");
        var members = await AssessmentWorld.MembersAsync(database, household.Id);
        var dusit = new AssessmentWorld(database, Dusit);

        var id = await dusit.Entry.StartAsync(household.Id);
        Assert.NotNull(id);
        var submitted = await dusit.Entry.SubmitAsync(id!.Value, AssessmentWorld.Answers(set, members, database.Today, "INC-1", "LIV-2", "HLT-2"), database.Today, null, null);
        Assert.True(submitted.Succeeded, string.Join(", ", submitted.Problems));

        // Dusit's officer sees it everywhere.
        Assert.NotNull(await dusit.Cards.OpenAsync(household.Id));
        Assert.Contains(await dusit.WorkList.ForViewerAsync(new WorkListFilter()), w => w.HouseholdId == household.Id);
        Assert.Equal(1, (await dusit.Figures.DistrictsAsync()).Single(d => d.Key == "1002").Assessed);

        // Phra Nakhon's officer: not by id, not in a list, not in a count, not through any page service.
        var other = dusit.As(PhraNakhon);
        await using (var db = database.Open(AccessScope.For(PhraNakhon, database.Today)))
        {
            Assert.Equal(0, await db.Assessments.CountAsync());
            Assert.Null(await db.Assessments.FirstOrDefaultAsync(a => a.Id == id));
            Assert.Equal(1, await db.Assessments.IgnoreQueryFilters().CountAsync(a => a.Id == id));
        }
        Assert.Null(await other.Entry.OpenAsync(id.Value));
        Assert.Null(await other.Cards.OpenAsync(household.Id));
        Assert.Null(await other.Entry.StartAsync(household.Id));
        Assert.False((await other.Entry.SaveDraftAsync(id.Value, new Dictionary<AnswerKey, AnswerValue>(), database.Today, null, null)).Succeeded);
        Assert.DoesNotContain(await other.WorkList.ForViewerAsync(new WorkListFilter()), w => w.HouseholdId == household.Id);
        Assert.DoesNotContain(await other.Figures.DistrictsAsync(), d => d.Key == "1002");
        Assert.Null(await other.Plans.OpenAsync(household.Id));
        Assert.Equal(Saphan.Assessment.Cases.CasePlanProblem.Refused,
            await other.Plans.AddActionAsync(household.Id, "INC-1", "x", "msdhs.welfare", database.Today.AddDays(5)));

        await using var audit = database.OpenAsSystem();
        var denied = await audit.AuditLog.Where(a => a.UserName.Contains("officer-1001") && a.Action == AuditAction.Denied).ToListAsync();
        Assert.Contains(denied, a => a.RecordType == "Assessment" && a.RecordId == id.ToString());
        Assert.Contains(denied, a => a.RecordType == "Household" && a.RecordId == household.Id.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_volunteer_assesses_only_assigned_households_and_a_department_officer_does_not_assess(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database);
        await AssessmentWorld.EnsureIndicatorsAsync(database);
        var assigned = await AssessmentWorld.HouseholdInAsync(database, "1002");
        var notAssigned = await AssessmentWorld.HouseholdInAsync(database, "1002", skip: 1);
        await using (var db = database.OpenAsSystem())
        {
            db.VolunteerAssignments.Add(new VolunteerAssignment("vol-1", assigned.Id, database.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var volunteer = new AssessmentWorld(database, TestViewers.User(Roles.Volunteer, id: "vol-1"));

        var list = await volunteer.Entry.HouseholdsAsync(null);
        Assert.Equal([assigned.Id], list.Select(h => h.Id));
        Assert.NotNull(await volunteer.Entry.StartAsync(assigned.Id));
        Assert.Null(await volunteer.Entry.StartAsync(notAssigned.Id));
        // Starting twice continues the same draft.
        Assert.Equal(await volunteer.Entry.StartAsync(assigned.Id), (await volunteer.Entry.HouseholdsAsync(null)).Single().DraftId);

        var department = volunteer.As(TestViewers.User(Roles.DepartmentOfficer, department: Department.OlderPersons, id: "dep-1"));
        Assert.Empty(await department.Entry.HouseholdsAsync(null));
        Assert.Null(await department.Entry.StartAsync(assigned.Id));
        var executive = volunteer.As(TestViewers.User(Roles.Executive, id: "exec-1"));
        Assert.Null(await executive.Entry.StartAsync(assigned.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reassessment_becomes_the_latest_and_the_timeline_shows_what_was_solved(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database);
        var set = await AssessmentWorld.EnsureIndicatorsAsync(database);
        var household = await AssessmentWorld.HouseholdInAsync(database, "1002");
        var members = await AssessmentWorld.MembersAsync(database, household.Id);
        var world = new AssessmentWorld(database, Dusit);
        var firstDay = database.Today.AddDays(-200);

        var first = (await world.Entry.StartAsync(household.Id))!.Value;
        Assert.True((await world.Entry.SubmitAsync(first, AssessmentWorld.Answers(set, members, firstDay, "INC-1", "LIV-1", "HLT-3"), firstDay, null, null)).Succeeded);
        var second = (await world.Entry.StartAsync(household.Id))!.Value;
        Assert.NotEqual(first, second);
        Assert.True((await world.Entry.SubmitAsync(second, AssessmentWorld.Answers(set, members, database.Today, "LIV-1", "PUB-2"), database.Today, null, null)).Succeeded);
        // A late entry of an older visit does not displace the latest.
        var late = (await world.Entry.StartAsync(household.Id))!.Value;
        Assert.True((await world.Entry.SubmitAsync(late, AssessmentWorld.Answers(set, members, firstDay.AddDays(10), "INC-1", "LIV-1", "HLT-3"), firstDay.AddDays(10), null, null)).Succeeded);

        await using (var db = database.OpenAsSystem())
        {
            var latest = await db.Assessments.Where(a => a.HouseholdId == household.Id && a.IsLatest).Select(a => a.Id).ToListAsync();
            Assert.Equal([second], latest);
        }
        var card = await world.Cards.OpenAsync(household.Id);
        Assert.NotNull(card);
        Assert.Equal(3, card.Timeline.Count);
        Assert.Equal(second, card.Latest!.Assessment.Id);
        Assert.Equal(["HLT-3", "INC-1"], card.Latest.Solved.Select(i => i.Code).Order());
        Assert.Equal(["LIV-1"], card.Latest.Remaining.Select(i => i.Code));
        Assert.Equal(["PUB-2"], card.Latest.New.Select(i => i.Code));
        Assert.NotEmpty(card.Latest.DeprivedMembers["PUB-2"]);
        Assert.Equal(1, (await world.Figures.DistrictsAsync()).Single(d => d.Key == "1002").Assessed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submitting_with_missing_answers_keeps_the_draft_and_says_what_is_missing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database);
        var set = await AssessmentWorld.EnsureIndicatorsAsync(database);
        var household = await AssessmentWorld.HouseholdInAsync(database, "1002");
        var members = await AssessmentWorld.MembersAsync(database, household.Id);
        var world = new AssessmentWorld(database, Dusit);
        var id = (await world.Entry.StartAsync(household.Id))!.Value;
        var answers = AssessmentWorld.Answers(set, members, database.Today);
        answers.Remove(new AnswerKey("INC-1", null));

        Assert.True((await world.Entry.SaveDraftAsync(id, answers, database.Today, new GeoPoint(13.78, 100.51, 20), "ร่าง")).Succeeded);
        var outcome = await world.Entry.SubmitAsync(id, answers, database.Today, null, null);
        Assert.Contains(outcome.Problems, p => p is { Code: "INC-1", Kind: AnswerProblemKind.Required });
        var form = await world.Entry.OpenAsync(id);
        Assert.Equal(AssessmentStatus.Draft, form!.Assessment.Status);
        Assert.Equal(answers.Count, form.Assessment.Answers.Count);
        Assert.Empty(await world.WorkList.ForViewerAsync(new WorkListFilter()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_photo_must_be_a_small_image_and_is_shown_only_in_scope(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database);
        await AssessmentWorld.EnsureIndicatorsAsync(database);
        var household = await AssessmentWorld.HouseholdInAsync(database, "1002");
        var world = new AssessmentWorld(database, Dusit);
        var id = (await world.Entry.StartAsync(household.Id))!.Value;

        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[1000]];
        var tooLarge = await world.Entry.SavePhotoAsync(id, new MemoryStream(new byte[60_000]), 60_000);
        Assert.Contains(tooLarge.Problems, p => p.Kind == AnswerProblemKind.PhotoTooLarge);
        // A stream longer than its declared size is cut off at the limit, not trusted.
        var lying = await world.Entry.SavePhotoAsync(id, new MemoryStream([0xFF, 0xD8, 0xFF, .. new byte[60_000]]), 10);
        Assert.Contains(lying.Problems, p => p.Kind == AnswerProblemKind.PhotoTooLarge);
        var script = await world.Entry.SavePhotoAsync(id, new MemoryStream("<script>alert(1)</script>"u8.ToArray()), 25);
        Assert.Contains(script.Problems, p => p.Kind == AnswerProblemKind.PhotoNotAnImage);
        Assert.True((await world.Entry.SavePhotoAsync(id, new MemoryStream(jpeg), jpeg.Length)).Succeeded);

        var photo = await world.Entry.PhotoAsync(id);
        Assert.Equal("image/jpeg", photo!.ContentType);
        Assert.Equal(jpeg, photo.Content);
        Assert.Null(await world.As(PhraNakhon).Entry.PhotoAsync(id));
    }
}
