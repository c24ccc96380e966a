using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Saphan.Audit;
using Saphan.EndToEnd.Tests.Support;
using Saphan.Rights;
using Saphan.Rights.Eligibility;

namespace Saphan.EndToEnd.Tests.Rights;

[Collection(BrowserCollection.Name)]
public sealed class MissingOutJourneyTests(BrowserFixture app)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);

    [Fact]
    public async Task A_district_officer_finds_an_older_person_without_the_allowance_sees_why_in_Thai_and_refers_them()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1001");

        // The district's "missing out" list, reached from the menu.
        await page.ClickAsync("nav >> text=ผู้ตกหล่นสิทธิ");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ผู้ตกหล่นสิทธิและสวัสดิการ");
        var list = page.Locator("[data-testid=missing-out-list]");
        await Assertions.Expect(list.Locator("tbody tr").First).ToBeVisibleAsync();
        // Only Phra Nakhon's people are listed for this officer.
        var districts = await list.Locator("tbody tr td:nth-child(4)").AllInnerTextsAsync();
        Assert.NotEmpty(districts);
        Assert.All(districts, d => Assert.Equal("พระนคร", d.Trim()));

        // The subject is whoever the page shows missing out on the old-age allowance and not referred yet (other journeys
        // import and link records first, so the list is read, not guessed from the database).
        var missingOldAge = page.Locator($"[data-scheme={RightsCatalogue.OldAgeAllowance}].text-bg-danger", new() { HasNotTextString = "ส่งต่อแล้ว" });
        var row = list.Locator("tbody tr", new() { Has = missingOldAge }).First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        var subjectId = Guid.Parse((await row.GetAttributeAsync("data-person-id"))!);
        var subject = await app.QueryAsync(async db => new
        {
            Person = await db.People.SingleAsync(p => p.Id == subjectId),
            OldAge = await db.RightsEvaluations.SingleAsync(e => e.PersonId == subjectId && e.SchemeCode == RightsCatalogue.OldAgeAllowance),
            Referrals = await db.Referrals.Where(r => r.PersonId == subjectId).Select(r => r.Id).ToListAsync(),
        });
        Assert.Equal(("1001", RightStatus.MissingOut), (subject.Person.DistrictCode, subject.OldAge.Status));
        row = list.Locator($"tr[data-person-id='{subjectId}']");
        var badge = row.Locator($"[data-scheme={RightsCatalogue.OldAgeAllowance}]");
        await Assertions.Expect(badge).ToContainTextAsync("เบี้ยยังชีพผู้สูงอายุ");
        await Assertions.Expect(badge).ToContainTextAsync(subject.OldAge.MonthlyAmount.ToString("N0", CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("rights-missing-out-list.png"), FullPage = true });

        // Open the person: the rights section says, in Thai, why they miss out.
        await row.Locator("[data-testid=wl-person]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/people/{subjectId}", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=person-name]")).ToContainTextAsync(subject.Person.FamilyName);
        var oldAge = page.Locator($"[data-testid=rights-table] tr[data-scheme={RightsCatalogue.OldAgeAllowance}]");
        await Assertions.Expect(oldAge.Locator("[data-testid=rights-status]")).ToHaveTextAsync("ตกหล่น (มีสิทธิ์แต่ยังไม่ได้รับ)");
        var why = oldAge.Locator("[data-testid=rights-why]");
        await Assertions.Expect(why).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"เข้าเกณฑ์ครบ แต่ยังไม่ได้รับ — ควรได้รับเดือนละ {subject.OldAge.MonthlyAmount:N0} บาท"));
        await Assertions.Expect(why).ToContainTextAsync("ถึงเกณฑ์ 60 ปีขึ้นไป");
        await Assertions.Expect(why).ToContainTextAsync("สัญชาติไทย");
        await Assertions.Expect(why).ToContainTextAsync("ไม่ได้รับบำนาญ");
        await Assertions.Expect(oldAge).ToContainTextAsync("เกณฑ์ฉบับที่ 3");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("rights-person-why.png"), FullPage = true });

        // Refer them to the district office that registers the allowance.
        var referralRows = page.Locator("[data-testid=person-referrals] tbody tr");
        if (subject.Referrals.Count == 0) await Assertions.Expect(page.Locator("[data-testid=no-referrals]")).ToBeVisibleAsync();
        else await Assertions.Expect(referralRows).ToHaveCountAsync(subject.Referrals.Count);
        await oldAge.Locator("[data-testid=refer]").ClickAsync();
        var form = page.Locator("[data-testid=refer-form]");
        await Assertions.Expect(form.Locator("[data-testid=refer-to]")).ToContainTextAsync("สำนักงานเขตพระนคร");
        await Assertions.Expect(form.Locator("[data-testid=refer-reason]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("เบี้ยยังชีพผู้สูงอายุ"));
        await form.Locator("[data-testid=refer-send]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rights-message]")).ToContainTextAsync("ส่งต่อถึง สำนักงานเขตพระนคร");

        // The referral shows on the person's page, also after opening it again.
        await page.ReloadAsync();
        await Assertions.Expect(referralRows).ToHaveCountAsync(subject.Referrals.Count + 1);
        var sent = referralRows.Filter(new() { HasTextString = "ส่งแล้ว รอรับเรื่อง" });
        await Assertions.Expect(sent).ToHaveCountAsync(1);
        await Assertions.Expect(sent).ToContainTextAsync("เบี้ยยังชีพผู้สูงอายุ");
        await Assertions.Expect(oldAge.Locator("[data-testid=refer]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("rights-person-referred.png"), FullPage = true });

        // Stored once, for this person, with status and due date, audited; the work list now marks it as referred.
        var referrals = await app.QueryAsync(db => db.Referrals.Where(r => r.PersonId == subjectId).ToListAsync());
        Assert.Equal(subject.Referrals.Count + 1, referrals.Count);
        var referral = Assert.Single(referrals, r => !subject.Referrals.Contains(r.Id));
        Assert.Equal(ReferralStatus.Sent, referral.Status);
        Assert.Equal("district:1001", referral.ToAgency);
        Assert.Equal("district:1001", referral.FromAgency);
        Assert.Equal(RightsCatalogue.OldAgeAllowance, referral.SchemeCode);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(Referrals.DefaultDueDays), referral.DueDate);
        var audit = await app.QueryAsync(db => db.AuditLog.Where(a => a.RecordId == subjectId.ToString() && a.UserName == "officer1001").ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditAction.Read && a.RecordType == "PersonRights");
        Assert.Contains(audit, a => a.Action == AuditAction.Create && a.RecordType == "Referral" && a.Purpose.Contains(referral.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == AuditAction.List && a.RecordType == "Person");
        await page.GotoAsync(app.BaseUrl + "/rights/missing-out");
        await Assertions.Expect(page.Locator($"tr[data-person-id='{subjectId}'] [data-scheme={RightsCatalogue.OldAgeAllowance}]")).ToContainTextAsync("ส่งต่อแล้ว");
    }

    [Fact]
    public async Task An_executive_sees_rights_figures_by_district_without_names_and_no_work_list()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "executive");
        await page.GotoAsync(app.BaseUrl + "/rights/figures");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ตัวเลขสิทธิและสวัสดิการรายเขต");
        await Assertions.Expect(page.Locator("[data-testid=rights-figures] tr[data-district]")).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator("[data-testid=district-map] path.leaflet-interactive").First).ToBeVisibleAsync();
        var cells = await page.Locator("[data-testid=rights-figures] tbody td.text-end").AllInnerTextsAsync();
        // Small counts are shown as "<5", never as 1–4.
        Assert.DoesNotContain(cells, c => c.Trim() is "1" or "2" or "3" or "4");
        Assert.Contains(cells, c => c.Trim() == "<5");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("rights-figures-executive.png"), FullPage = true });

        await page.GotoAsync(app.BaseUrl + "/rights/missing-out");
        await Assertions.Expect(page.Locator("[data-testid=missing-out-aggregates]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=missing-out-list]")).ToHaveCountAsync(0);
    }
}
