using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Access;
using Saphan.Registry;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Web;

/// <summary>Executives and the public see aggregates only: no page or API answer of theirs holds a name or an ID number.</summary>
public sealed class ExecutiveTests(SaphanWebFactory factory) : IClassFixture<SaphanWebFactory>
{
    private async Task<List<Person>> SomePeopleAsync(string? district = null, bool notIn = false)
    {
        using var scope = factory.Services.CreateScope();
        await using var db = (await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SaphanDb>>().CreateDbContextAsync())
            .WithScope(AccessScope.System("test", DateOnly.FromDateTime(DateTime.UtcNow)));
        var people = db.People.AsNoTracking().Where(p => p.CitizenId != null);
        if (district is not null) people = notIn ? people.Where(p => p.DistrictCode != district) : people.Where(p => p.DistrictCode == district);
        return await people.OrderBy(p => p.Id).Take(40).ToListAsync();
    }

    [Fact]
    public async Task An_executives_pages_and_api_answers_hold_no_names_or_ids()
    {
        var client = await factory.SignInAsync("executive");
        var people = await SomePeopleAsync();
        var someone = people[0];

        var answers = new List<string>();
        foreach (var url in new[] { "/", "/api/figures/districts", $"/people/{someone.Id}", $"/households/{someone.HouseholdId}", $"/people?q={Uri.EscapeDataString(someone.GivenName)}" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
            answers.Add(await response.Content.ReadAsStringAsync());
        }
        var api = await client.GetAsync($"/api/people/{someone.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var search = await client.GetAsync($"/api/people?q={Uri.EscapeDataString(someone.FamilyName)}");
        answers.Add(await search.Content.ReadAsStringAsync());

        Assert.Contains(answers, a => a.Contains("ภาพรวม") || a.Contains("1001"));
        foreach (var answer in answers)
            foreach (var person in people)
            {
                Assert.DoesNotContain(person.CitizenId!.Value.Digits, answer);
                Assert.DoesNotContain(person.CitizenId!.Value.Formatted, answer);
                Assert.DoesNotContain($"{person.GivenName} {person.FamilyName}", answer);
                Assert.DoesNotContain(person.FamilyName, answer);
            }
    }

    [Fact]
    public async Task The_public_gets_figures_with_small_counts_suppressed_and_no_people_api()
    {
        var client = factory.CreateClient();
        var figures = await client.GetFromJsonAsync<List<Saphan.Dashboard.DistrictCount>>("/api/figures/districts");
        Assert.Equal(50, figures!.Count);
        Assert.All(figures, f => Assert.True(f.Homeless is null or 0 or >= Saphan.Storage.SmallCountSuppression.SmallestShownCount));
        Assert.Contains(figures, f => f.Homeless is null || f.Bedridden is null);

        var people = await SomePeopleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/people/{people[0].Id}")).StatusCode);
    }

    [Fact]
    public async Task A_district_officer_gets_their_own_people_from_the_api_and_a_403_for_others()
    {
        var client = await factory.SignInAsync("officer1002");
        var mine = (await SomePeopleAsync("1002"))[0];
        var other = (await SomePeopleAsync("1002", notIn: true))[0];

        var answer = await client.GetFromJsonAsync<RegistryApi.PersonAnswer>($"/api/people/{mine.Id}");
        Assert.Equal(mine.FamilyName, answer!.FamilyName);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/people/{other.Id}")).StatusCode);
    }

    [Fact]
    public async Task Health_answers_and_errors_never_show_a_stack_trace()
    {
        var client = factory.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        var missing = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var body = await missing.Content.ReadAsStringAsync();
        Assert.Contains("ไม่พบหน้าที่ต้องการ", body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_thai()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = "officer1001", ["Input.Password"] = "wrong-password",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", await response.Content.ReadAsStringAsync());
    }
}
