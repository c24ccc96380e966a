using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Saphan.EndToEnd.Tests.Support;

namespace Saphan.EndToEnd.Tests.Foundation;

/// <summary>An executive sees figures for all of Bangkok and never a name or an ID number, on any page the browser renders.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExecutiveJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task An_executive_sees_bangkok_figures_and_no_person_on_any_page()
    {
        var people = await app.QueryAsync(db => db.People.Where(p => p.CitizenId != null).OrderBy(p => p.Id).Take(60).ToListAsync());
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "executive");

        await Assertions.Expect(page.Locator("[data-testid=district-table] tr[data-district]")).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator("[data-testid=suppression-note]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=district-map] path.leaflet-interactive")).ToHaveCountAsync(50);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "foundation-dashboard-executive.png"), FullPage = true });
        var rendered = new List<string> { await page.ContentAsync() };

        await page.GotoAsync($"{app.BaseUrl}/people/{people[0].Id}");
        await Assertions.Expect(page.Locator("[data-testid=access-refused]")).ToBeVisibleAsync();
        rendered.Add(await page.ContentAsync());

        await page.GotoAsync($"{app.BaseUrl}/people?q={Uri.EscapeDataString(people[1].FamilyName)}");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=people-hits]")).ToHaveCountAsync(0);
        rendered.Add(await page.ContentAsync());

        foreach (var html in rendered)
            foreach (var person in people)
            {
                Assert.DoesNotContain(person.CitizenId!.Value.Digits, html);
                Assert.DoesNotContain(person.CitizenId!.Value.Formatted, html);
                Assert.DoesNotContain(person.GivenName + " " + person.FamilyName, html);
            }
    }
}
