using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Assessment.Cases;
using Saphan.Assessment.Figures;
using Saphan.Assessment.Indicators;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Assessment;

/// <summary>Case plans: actions with agencies and due dates, overdue actions, outcomes, who may change them.</summary>
public sealed class CasePlanTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void An_action_is_overdue_after_its_due_date_until_it_is_done_or_cancelled()
    {
        var plan = new CasePlan(Guid.NewGuid(), "officer", DateTimeOffset.UnixEpoch);
        var action = plan.AddAction("EDU-2", Dimension.Education, "พาเด็กกลับเข้าเรียน", "msdhs.children", Today, "officer", DateTimeOffset.UnixEpoch);
        Assert.False(action.IsOverdueOn(Today));
        Assert.True(action.IsOverdueOn(Today.AddDays(1)));
        action.Update(ActionStatus.InProgress, null, Today);
        Assert.True(action.IsOverdueOn(Today.AddDays(1)));
        action.Update(ActionStatus.Done, "เข้าเรียนแล้ว", Today.AddDays(2));
        Assert.False(action.IsOverdueOn(Today.AddDays(30)));
        Assert.Equal(Today.AddDays(2), action.CompletedOn);
        Assert.Equal(Department.ChildrenAndYouth, action.Agency!.Department);
    }

    [Fact]
    public void An_action_needs_a_description_a_known_agency_and_an_outcome_when_done()
    {
        var plan = new CasePlan(Guid.NewGuid(), "officer", DateTimeOffset.UnixEpoch);
        Assert.Throws<ArgumentException>(() => plan.AddAction("INC-1", Dimension.Income, " ", "mol", Today, "o", DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentException>(() => plan.AddAction("INC-1", Dimension.Income, "หางาน", "no-such-agency", Today, "o", DateTimeOffset.UnixEpoch));
        var action = plan.AddAction("INC-1", Dimension.Income, "หางาน", "mol", Today, "o", DateTimeOffset.UnixEpoch);
        Assert.Throws<ArgumentException>(() => action.Update(ActionStatus.Done, "", Today));
        Assert.Equal(ActionStatus.Planned, action.Status);
    }

    [Fact]
    public void Every_msdhs_department_is_an_agency_a_plan_can_name()
    {
        foreach (var department in Enum.GetValues<Department>())
            Assert.Contains(Agencies.All, a => a.Kind == AgencyKind.Msdhs && a.Department == department);
        Assert.Equal(Agencies.All.Count, Agencies.All.Select(a => a.Key).Distinct().Count());
        Assert.Contains(Agencies.All, a => a.Kind == AgencyKind.Bma);
        Assert.Contains(Agencies.All, a => a.Kind == AgencyKind.OtherMinistry);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_plans_actions_for_a_households_problems_and_the_work_list_shows_the_overdue(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database);
        var set = await AssessmentWorld.EnsureIndicatorsAsync(database);
        var household = await AssessmentWorld.HouseholdInAsync(database, "1002");
        var members = await AssessmentWorld.MembersAsync(database, household.Id);
        var officer = new AssessmentWorld(database, TestViewers.User(Roles.DistrictOfficer, district: "1002", id: "officer-1002"));
        var id = (await officer.Entry.StartAsync(household.Id))!.Value;
        Assert.True((await officer.Entry.SubmitAsync(id, AssessmentWorld.Answers(set, members, database.Today, "INC-1", "LIV-1"), database.Today, null, null)).Succeeded);

        var view = await officer.Plans.OpenAsync(household.Id);
        Assert.Equal(["INC-1", "LIV-1"], view!.Problems.Select(p => p.Code));
        Assert.Null(view.Plan);
        Assert.True(view.MayEdit);

        Assert.Equal(CasePlanProblem.DescriptionRequired, await officer.Plans.AddActionAsync(household.Id, "INC-1", "", "mol", database.Today));
        Assert.Equal(CasePlanProblem.AgencyRequired, await officer.Plans.AddActionAsync(household.Id, "INC-1", "ฝึกอาชีพ", null, database.Today));
        Assert.Equal(CasePlanProblem.DueDateInPast, await officer.Plans.AddActionAsync(household.Id, "INC-1", "ฝึกอาชีพ", "mol", database.Today.AddDays(-1)));
        Assert.Equal(CasePlanProblem.None, await officer.Plans.AddActionAsync(household.Id, "INC-1", "ฝึกอาชีพและหางาน", "msdhs.welfare", database.Today));
        Assert.Equal(CasePlanProblem.None, await officer.Plans.AddActionAsync(household.Id, "LIV-1", "ซ่อมบ้าน (บ้านพอเพียง)", "msdhs.codi", database.Today.AddDays(30)));

        var plan = (await officer.Plans.OpenAsync(household.Id))!.Plan!;
        Assert.Equal(2, plan.Actions.Count);
        Assert.Equal(Dimension.Income, plan.Actions.Single(a => a.ProblemCode == "INC-1").Dimension);

        // Two days later the first action is overdue; the work list says so.
        database.Clock.Advance(TimeSpan.FromDays(2));
        var item = (await officer.WorkList.ForViewerAsync(new WorkListFilter())).Single(w => w.HouseholdId == household.Id);
        Assert.Equal((2, 1, true), (item.OpenActions, item.OverdueActions, item.HasCasePlan));

        var first = plan.Actions.Single(a => a.ProblemCode == "INC-1");
        Assert.Equal(CasePlanProblem.OutcomeRequired, await officer.Plans.UpdateActionAsync(household.Id, first.Id, ActionStatus.Done, " "));
        Assert.Equal(CasePlanProblem.None, await officer.Plans.UpdateActionAsync(household.Id, first.Id, ActionStatus.Done, "ได้งานที่โรงงาน"));
        Assert.Equal(CasePlanProblem.ActionNotFound, await officer.Plans.UpdateActionAsync(household.Id, Guid.NewGuid(), ActionStatus.Done, "x"));
        item = (await officer.WorkList.ForViewerAsync(new WorkListFilter())).Single(w => w.HouseholdId == household.Id);
        Assert.Equal((1, 0), (item.OpenActions, item.OverdueActions));

        // A volunteer who sees the household reads the plan but cannot change it.
        await using (var db = database.OpenAsSystem())
        {
            db.VolunteerAssignments.Add(new VolunteerAssignment("vol-1", household.Id, database.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var volunteer = officer.As(TestViewers.User(Roles.Volunteer, id: "vol-1"));
        Assert.False((await volunteer.Plans.OpenAsync(household.Id))!.MayEdit);
        Assert.Equal(CasePlanProblem.Refused, await volunteer.Plans.AddActionAsync(household.Id, "INC-1", "x", "mol", database.Today.AddDays(9)));

        // Another district's officer sees no case plan at all.
        await using var check = database.Open(AccessScope.For(TestViewers.User(Roles.DistrictOfficer, district: "1001", id: "o"), database.Today));
        Assert.Equal(0, await check.CasePlans.CountAsync());
    }
}
