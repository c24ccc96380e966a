using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Saphan.Assessment;
using Saphan.EndToEnd.Tests.Support;

namespace Saphan.EndToEnd.Tests.Assessment;

/// <summary>
/// The family report card end to end: a volunteer assesses a household on a phone, the district officer finds it on the work
/// list and plans an action for an MSDHS department, and a reassessment shows the solved problem on the household's timeline.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportCardJourneyTests(BrowserFixture app)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, $"report-card-{name}.png");

    [Fact]
    public async Task A_volunteer_assesses_on_a_phone_an_officer_plans_help_and_a_reassessment_shows_the_problem_solved()
    {
        // An assigned Dusit household nobody has assessed yet.
        var (householdId, memberCount) = await app.QueryAsync(async db =>
        {
            var volunteer = await db.Users.SingleAsync(u => u.UserName == "volunteer1002");
            var assigned = await db.VolunteerAssignments.Where(a => a.UserId == volunteer.Id).Select(a => a.HouseholdId).ToListAsync();
            var household = await db.Households.Where(h => assigned.Contains(h.Id) && !db.Assessments.Any(a => a.HouseholdId == h.Id))
                .OrderBy(h => h.Id).Select(h => new { h.Id, Members = h.Members.Count }).FirstAsync();
            return (household.Id, household.Members);
        });

        // 1. The volunteer, on a 390×844 phone with location allowed.
        var phone = await PhoneAsync();
        await app.SignInAsync(phone, "volunteer1002");
        await phone.GotoAsync($"{app.BaseUrl}/report-card");
        var row = phone.Locator($"[data-testid=rc-households] li[data-household='{householdId}']");
        await Assertions.Expect(row).ToContainTextAsync("ยังไม่เคยประเมิน");
        await phone.ScreenshotAsync(new() { Path = Shot("1-volunteer-households-phone"), FullPage = true });
        await row.Locator("[data-testid=rc-start]").ClickAsync();
        await phone.WaitForURLAsync(url => url.Contains("/report-card/assess/"));
        await Assertions.Expect(phone.Locator("h1")).ToContainTextAsync("แบบประเมินสมุดพกครอบครัว");

        // Nothing answered, a number typed in words: clear Thai messages, nothing submitted.
        await phone.FillAsync("[data-testid=n-INC-1]", "สองหมื่น");
        await phone.ClickAsync("[data-testid=rc-submit]");
        await Assertions.Expect(phone.Locator("[data-testid=rc-message]")).ToContainTextAsync("กรุณาแก้ไขข้อที่มีกรอบสีแดง");
        await Assertions.Expect(phone.Locator("[data-testid=e-INC-1]")).ToContainTextAsync("กรุณากรอกเป็นตัวเลข");
        await phone.FillAsync("[data-testid=n-INC-1]", "");
        await phone.ClickAsync("[data-testid=rc-submit]");
        await Assertions.Expect(phone.Locator("[data-testid=e-INC-1]")).ToContainTextAsync("กรุณาตอบข้อนี้");
        await Assertions.Expect(phone.Locator("[data-testid=e-LIV-3]")).ToContainTextAsync("กรุณาตอบข้อนี้");
        await phone.ScreenshotAsync(new() { Path = Shot("2-validation-phone"), FullPage = true });

        // An impossible amount of water is refused with its bound.
        await AnswerEverythingYesAsync(phone);
        await phone.FillAsync("[data-testid=n-LIV-3]", "50000");
        await phone.ClickAsync("[data-testid=rc-submit]");
        await Assertions.Expect(phone.Locator("[data-testid=e-LIV-3]")).ToContainTextAsync("ค่านี้สูงเกินจริง ต้องไม่เกิน 10,000");

        // The answers: low income (20,000 THB a person a year, typed with Thai digits) and a house that is not durable.
        await phone.FillAsync("[data-testid=n-INC-1]", ThaiDigits($"{20_000 * memberCount:N0}"));
        await phone.FillAsync("[data-testid=n-LIV-3]", $"{10 * memberCount}");
        await phone.FillAsync("[data-testid=n-LIV-4]", $"{100 * memberCount}");
        await phone.CheckAsync("[data-testid=q-LIV-1] input[value=no]");
        await phone.SetInputFilesAsync("[data-testid=rc-photo] input[type=file], input[type=file][data-testid=rc-photo]", new FilePayload { Name = "บ้าน.png", MimeType = "image/png", Buffer = TinyPng });
        await Assertions.Expect(phone.Locator("[data-testid=rc-photo-preview]")).ToBeVisibleAsync();
        await phone.ClickAsync("[data-testid=rc-locate]");
        await Assertions.Expect(phone.Locator("[data-testid=rc-location]")).ToContainTextAsync("13.77660, 100.51460");

        // A draft survives a reload.
        await phone.ClickAsync("[data-testid=rc-save-draft]");
        await Assertions.Expect(phone.Locator("[data-testid=rc-message]")).ToContainTextAsync("บันทึกร่างแล้ว");
        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("[data-testid=q-LIV-1] input[value=no]")).ToBeCheckedAsync();
        await Assertions.Expect(phone.Locator("[data-testid=n-INC-1]")).ToHaveValueAsync($"{20_000 * memberCount}");
        await AssertFitsAsync(phone);
        await phone.ScreenshotAsync(new() { Path = Shot("3-assessment-draft-phone"), FullPage = true });

        await phone.ClickAsync("[data-testid=rc-submit]");
        await phone.WaitForURLAsync(url => url.Contains($"/report-card/households/{householdId}"));
        await Assertions.Expect(phone.Locator("[data-testid=rc-submitted]")).ToBeVisibleAsync();
        var profile = phone.Locator("[data-testid=rc-profile]");
        await Assertions.Expect(profile.Locator("[data-indicator=INC-1]")).ToContainTextAsync("รายได้ต่อคนต่ำกว่า 38,000 บาทต่อปี");
        await Assertions.Expect(profile.Locator("[data-indicator=LIV-1]")).ToBeVisibleAsync();
        await AssertFitsAsync(phone);
        await phone.ScreenshotAsync(new() { Path = Shot("4-report-card-phone"), FullPage = true });

        var stored = await app.QueryAsync(db => db.Assessments.SingleAsync(a => a.HouseholdId == householdId));
        Assert.Equal((AssessmentStatus.Submitted, true, "INC-1 LIV-1"), (stored.Status, stored.IsLatest, stored.DeprivedIndicators));
        Assert.Equal(13.7766, stored.Latitude!.Value, 4);
        Assert.True(await app.QueryAsync(db => db.AssessmentPhotos.AnyAsync(p => p.AssessmentId == stored.Id)));

        // 2. The district officer finds the household on the work list and plans an action for an MSDHS department.
        var desk = await app.NewPageAsync();
        await app.SignInAsync(desk, "officer1002");
        await desk.GotoAsync($"{app.BaseUrl}/report-card/work-list");
        await desk.SelectOptionAsync("[data-testid=wl-dimension]", "Income");
        var listed = desk.Locator($"[data-testid=work-list] tr[data-household='{householdId}']");
        await Assertions.Expect(listed).ToBeVisibleAsync();
        await desk.ScreenshotAsync(new() { Path = Shot("5-work-list-officer"), FullPage = true });
        await listed.Locator("[data-testid=wl-plan]").ClickAsync();
        await desk.WaitForURLAsync(url => url.EndsWith($"/report-card/households/{householdId}/plan"));

        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await desk.SelectOptionAsync("[data-testid=plan-problem]", "INC-1");
        await desk.FillAsync("[data-testid=plan-description]", "ฝึกอาชีพและหางานให้หัวหน้าครัวเรือน");
        await desk.SelectOptionAsync("[data-testid=plan-agency]", "msdhs.welfare");
        await desk.FillAsync("[data-testid=plan-due]", "31/02/2569");
        await desk.ClickAsync("[data-testid=plan-add-button]");
        await Assertions.Expect(desk.Locator("[data-testid=plan-message]")).ToContainTextAsync("กรุณากรอกกำหนดเสร็จเป็นวันที่");
        await desk.FillAsync("[data-testid=plan-due]", $"{due.Day}/{due.Month}/{due.Year + 543}");
        await desk.ClickAsync("[data-testid=plan-add-button]");
        await Assertions.Expect(desk.Locator("[data-testid=plan-message]")).ToContainTextAsync("เพิ่มการช่วยเหลือแล้ว");
        var action = desk.Locator("[data-testid=plan-actions] tbody tr").Filter(new() { HasText = "ฝึกอาชีพและหางาน" });
        await Assertions.Expect(action.Locator("[data-testid=action-agency]")).ToHaveTextAsync("กรมพัฒนาสังคมและสวัสดิการ");
        await Assertions.Expect(action).ToContainTextAsync((due.Year + 543).ToString());
        await desk.ScreenshotAsync(new() { Path = Shot("6-case-plan-officer"), FullPage = true });
        var planned = await app.QueryAsync(db => db.CasePlans.SingleAsync(c => c.HouseholdId == householdId));
        Assert.Equal(("msdhs.welfare", Saphan.Access.Department.SocialDevelopmentAndWelfare, due), (planned.Actions.Single().AgencyKey, planned.Actions.Single().Agency!.Department, planned.Actions.Single().DueOn));

        // An overdue action of the demo data stands out in red on its plan.
        var overdueHousehold = await app.QueryAsync(async db =>
            (await db.CasePlans.ToListAsync()).FirstOrDefault(c => c.Actions.Any(a => a.IsOverdueOn(DateOnly.FromDateTime(DateTime.UtcNow))) && c.HouseholdId != householdId
                && db.Households.Any(h => h.Id == c.HouseholdId && h.DistrictCode == "1002"))?.HouseholdId);
        if (overdueHousehold is { } late)
        {
            await desk.GotoAsync($"{app.BaseUrl}/report-card/households/{late}/plan");
            await Assertions.Expect(desk.Locator("tr.rc-overdue [data-testid=overdue]").First).ToContainTextAsync("เลยกำหนด");
            await desk.ScreenshotAsync(new() { Path = Shot("7-overdue-officer"), FullPage = true });
        }

        // 3. Later: the volunteer reassesses; income is now enough, the house still needs repair.
        await phone.GotoAsync($"{app.BaseUrl}/report-card/households/{householdId}");
        await phone.ClickAsync("[data-testid=rc-reassess]");
        await phone.WaitForURLAsync(url => url.Contains("/report-card/assess/"));
        await AnswerEverythingYesAsync(phone);
        await phone.FillAsync("[data-testid=n-INC-1]", $"{60_000 * memberCount}");
        await phone.FillAsync("[data-testid=n-LIV-3]", $"{10 * memberCount}");
        await phone.FillAsync("[data-testid=n-LIV-4]", $"{100 * memberCount}");
        await phone.CheckAsync("[data-testid=q-LIV-1] input[value=no]");
        await phone.ClickAsync("[data-testid=rc-submit]");
        await phone.WaitForURLAsync(url => url.Contains($"/report-card/households/{householdId}?submitted=1"));
        var timeline = phone.Locator("[data-testid=rc-timeline]");
        await Assertions.Expect(timeline.Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(timeline.Locator("li").First.Locator("[data-solved=INC-1]")).ToContainTextAsync("แก้ไขแล้ว");
        await Assertions.Expect(timeline.Locator("li").First.Locator("[data-remaining=LIV-1]")).ToContainTextAsync("ยังคงอยู่");
        await Assertions.Expect(phone.Locator("[data-testid=rc-profile] [data-indicator=INC-1]")).ToHaveCountAsync(0);
        await phone.ScreenshotAsync(new() { Path = Shot("8-timeline-solved-phone"), FullPage = true });

        var rounds = await app.QueryAsync(db => db.Assessments.Where(a => a.HouseholdId == householdId).ToListAsync());
        Assert.Equal(2, rounds.Count);
        Assert.Equal("LIV-1", rounds.Single(a => a.IsLatest).DeprivedIndicators);
    }

    [Fact]
    public async Task An_officer_of_another_district_is_refused_the_report_card_and_an_executive_sees_only_counts()
    {
        var dusit = await app.QueryAsync(db => db.Households.Where(h => h.DistrictCode == "1002").OrderBy(h => h.Id).Select(h => h.Id).FirstAsync());
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1001");
        await page.GotoAsync($"{app.BaseUrl}/report-card/households/{dusit}");
        await Assertions.Expect(page.Locator("[data-testid=access-refused]")).ToBeVisibleAsync();
        await page.GotoAsync($"{app.BaseUrl}/report-card/work-list");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ครัวเรือนที่ต้องช่วยก่อน");
        Assert.Equal(0, await page.Locator($"tr[data-household='{dusit}']").CountAsync());

        var executive = await app.NewPageAsync();
        await app.SignInAsync(executive, "executive");
        await executive.GotoAsync($"{app.BaseUrl}/report-card/areas");
        await Assertions.Expect(executive.Locator("[data-testid=district-map] path.leaflet-interactive").First).ToBeVisibleAsync();
        await Assertions.Expect(executive.Locator("[data-testid=district-figures] tr[data-area]")).ToHaveCountAsync(50);
        await executive.ScreenshotAsync(new() { Path = Shot("9-poverty-map-executive"), FullPage = true });
        await executive.ClickAsync("[data-testid=district-figures] tr[data-area='1002'] a");
        await Assertions.Expect(executive.Locator("[data-testid=households-aggregate-only]")).ToBeVisibleAsync();
        await Assertions.Expect(executive.Locator("[data-testid=area-households]")).ToHaveCountAsync(0);
        await executive.ScreenshotAsync(new() { Path = Shot("10-district-executive"), FullPage = true });

        var officer = await app.NewPageAsync();
        await app.SignInAsync(officer, "officer1002");
        await officer.GotoAsync($"{app.BaseUrl}/report-card/areas/1002");
        await Assertions.Expect(officer.Locator("[data-testid=area-households] li").First).ToBeVisibleAsync();
        await officer.ScreenshotAsync(new() { Path = Shot("11-district-officer"), FullPage = true });
        await officer.GotoAsync($"{app.BaseUrl}/report-card/area-plans");
        await Assertions.Expect(officer.Locator("[data-testid=area-plans] li")).ToHaveCountAsync(3);
        await officer.ClickAsync("[data-testid=area-plans] li[data-district='1002'] a");
        await Assertions.Expect(officer.Locator("[data-kind=BaanMankong]")).ToBeVisibleAsync();
        await officer.ScreenshotAsync(new() { Path = Shot("12-area-plan"), FullPage = true });
        await officer.GotoAsync($"{app.BaseUrl}/report-card/adoptions");
        await Assertions.Expect(officer.Locator("[data-testid=adoptions] tbody tr")).ToHaveCountAsync(8);
        await officer.ClickAsync("[data-testid=adoptions] tr[data-agency='msdhs.women'] a");
        await Assertions.Expect(officer.Locator("[data-testid=adoption-title]")).ToContainTextAsync("กรมกิจการสตรีและสถาบันครอบครัว");
        await Assertions.Expect(officer.Locator("[data-testid=adoption-note]")).ToContainTextAsync("ไม่มีพิกัด");
        await officer.ScreenshotAsync(new() { Path = Shot("13-adoption"), FullPage = true });
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "th-TH",
            Geolocation = new Geolocation { Latitude = 13.7766f, Longitude = 100.5146f, Accuracy = 15 },
            Permissions = ["geolocation"],
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    private static async Task AnswerEverythingYesAsync(IPage page)
    {
        var yes = page.Locator("input[type=radio][value=yes]");
        await Assertions.Expect(yes.First).ToBeVisibleAsync();
        var count = await yes.CountAsync();
        Assert.True(count >= 6, $"only {count} yes/no questions on the form");
        for (var i = 0; i < count; i++) await yes.Nth(i).CheckAsync();
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"page is {overflow}px wider than the phone screen");
    }

    private static string ThaiDigits(string text) => new(text.Select(c => c is >= '0' and <= '9' ? (char)('๐' + (c - '0')) : c).ToArray());

    // A 1×1 PNG.
    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
