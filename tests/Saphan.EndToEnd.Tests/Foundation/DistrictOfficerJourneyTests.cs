using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Saphan.Audit;
using Saphan.Registry;
using Saphan.EndToEnd.Tests.Support;

namespace Saphan.EndToEnd.Tests.Foundation;

[Collection(BrowserCollection.Name)]
public sealed class DistrictOfficerJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task A_district_officer_sees_the_dashboard_and_map_opens_a_person_of_their_district_and_is_refused_another()
    {
        var (mine, other) = await app.QueryAsync(async db => (
            await db.People.Where(p => p.DistrictCode == "1001" && p.HouseholdId != null).OrderBy(p => p.Id).FirstAsync(),
            await db.People.Where(p => p.DistrictCode == "1050").OrderBy(p => p.Id).FirstAsync()));
        var page = await app.NewPageAsync();

        await app.SignInAsync(page, "officer1001");

        // The dashboard: Thai heading for the officer's district, the map with the district polygons, the chart.
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ภาพรวมเขตพระนคร");
        await Assertions.Expect(page.Locator("[data-testid=district-map] path.leaflet-interactive").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=district-map] path.leaflet-interactive")).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator("[data-testid=district-chart]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=district-table] tr[data-district]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "foundation-dashboard-officer.png"), FullPage = true });

        // A person of the district opens, with the Buddhist-era birth date.
        await page.GotoAsync($"{app.BaseUrl}/people/{mine.Id}");
        await Assertions.Expect(page.Locator("[data-testid=person-name]")).ToContainTextAsync(mine.FamilyName);
        if (mine.BirthDate is { } born && mine.BirthDatePrecision == Saphan.Linkage.Normalisation.DatePrecision.Day)
            await Assertions.Expect(page.Locator("[data-testid=person-birth]")).ToContainTextAsync((born.Year + 543).ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "foundation-person.png"), FullPage = true });

        // Someone of another district: a clear refusal in Thai, and an audit row.
        await page.GotoAsync($"{app.BaseUrl}/people/{other.Id}");
        await Assertions.Expect(page.Locator("[data-testid=access-refused]")).ToContainTextAsync("ไม่มีสิทธิ์เข้าถึงข้อมูลนี้");
        await Assertions.Expect(page.Locator("[data-testid=person-name]")).ToHaveCountAsync(0);
        Assert.DoesNotContain(other.FamilyName, await page.ContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "foundation-refused.png") });

        var refusal = await app.QueryAsync(db => db.AuditLog.Where(a => a.RecordId == other.Id.ToString() && a.Action == AuditAction.Denied).ToListAsync());
        Assert.Single(refusal);
        Assert.Equal("officer1001", refusal[0].UserName);
        var read = await app.QueryAsync(db => db.AuditLog.CountAsync(a => a.RecordId == mine.Id.ToString() && a.Action == AuditAction.Read));
        Assert.True(read >= 1);
    }

    [Fact]
    public async Task A_district_officer_records_a_household_and_adds_a_member_with_their_relationship()
    {
        var (head, spouse) = await app.QueryAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            Person Someone(string given, Saphan.Linkage.Sex sex) =>
                Person.Register(new PersonDetails(given, "ทดลองครัวเรือน", sex), new Residence { DistrictCode = "1001" }, now);
            var pair = (Someone("บุญมี", Saphan.Linkage.Sex.Male), Someone("บุญมา", Saphan.Linkage.Sex.Female));
            db.People.AddRange(pair.Item1, pair.Item2);
            await db.SaveChangesAsync();
            return pair;
        });
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1001");

        // On the person's page: the household at an address, the person heading it.
        await page.GotoAsync($"{app.BaseUrl}/people/{head.Id}");
        await page.ClickAsync("[data-testid=household-start] summary");
        await page.FillAsync("[data-testid=household-house-number]", "45/6");
        await page.SelectOptionAsync("[data-testid=household-subdistrict]", "100101");
        await page.ClickAsync("[data-testid=household-start-save]");
        await Assertions.Expect(page.Locator("[data-testid=household-started]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=person-household]");
        await Assertions.Expect(page.Locator("[data-testid=household-address]")).ToContainTextAsync("45/6");

        // On the household page: find the spouse, choose the relationship, and see them listed.
        await page.FillAsync("[data-testid=household-find-query]", "ทดลองครัวเรือน");
        await page.ClickAsync("[data-testid=household-find]");
        await page.ClickAsync($"[data-testid=household-hits] tr[data-person='{spouse.Id}'] [data-testid=household-choose]");
        await page.SelectOptionAsync("[data-testid=household-role]", nameof(HouseholdRole.Spouse));
        await page.ClickAsync("[data-testid=household-add-save]");
        await Assertions.Expect(page.Locator("[data-testid=household-done]")).ToContainTextAsync(spouse.FullName);
        await Assertions.Expect(page.Locator($"[data-testid=household-members] tr[data-person='{spouse.Id}']")).ToContainTextAsync("คู่สมรส");
        // Since when: the day in the Buddhist era, without a time of day.
        var today = Saphan.Localization.DateText.Show(Saphan.Localization.BangkokTime.BangkokToday(TimeProvider.System), Saphan.Localization.SaphanCultures.Thai);
        await Assertions.Expect(page.Locator($"[data-testid=household-members] tr[data-person='{spouse.Id}']")).ToContainTextAsync(today);
        await Assertions.Expect(page.Locator($"[data-testid=household-members] tr[data-person='{spouse.Id}']")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d\d:\d\d"));
        await Assertions.Expect(page.Locator($"[data-testid=household-members] tr[data-person='{head.Id}']")).ToContainTextAsync("หัวหน้าครัวเรือน");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "foundation-household.png"), FullPage = true });
    }

    [Fact]
    public async Task The_dashboard_works_on_a_phone_and_switches_to_english()
    {
        var page = await app.NewPageAsync(390, 844);
        await app.SignInAsync(page, "officer1002");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ภาพรวมเขตดุสิต");
        await Assertions.Expect(page.Locator("[data-testid=district-map] path.leaflet-interactive").First).ToBeVisibleAsync();
        // Nothing wider than the screen.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"page is {overflow}px wider than the phone screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "foundation-dashboard-phone.png"), FullPage = true });

        await page.ClickAsync("a[data-culture=en]");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("District overview: Dusit");
        await page.ClickAsync("a[data-culture=th]");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ภาพรวมเขตดุสิต");
    }
}
