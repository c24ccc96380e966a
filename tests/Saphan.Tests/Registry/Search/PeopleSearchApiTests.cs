using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Access;
using Saphan.Registry;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Search;

/// <summary><c>/api/people?q=</c> through the whole app: the officer's scope, masked ID numbers, Thai refusals.</summary>
public sealed class PeopleSearchApiTests(SaphanWebFactory factory) : IClassFixture<SaphanWebFactory>
{
    private async Task<Person> SomeoneAsync(string district)
    {
        using var scope = factory.Services.CreateScope();
        await using var db = (await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SaphanDb>>().CreateDbContextAsync())
            .WithScope(AccessScope.System("test", DateOnly.FromDateTime(DateTime.UtcNow)));
        return await db.People.AsNoTracking().Where(p => p.DistrictCode == district && p.CitizenId != null).OrderBy(p => p.Id).FirstAsync();
    }

    [Fact]
    public async Task An_officer_finds_their_own_person_by_name_with_a_masked_id_and_the_reason()
    {
        var client = await factory.SignInAsync("officer1002");
        var person = await SomeoneAsync("1002");
        var response = await client.GetAsync($"/api/people?q={Uri.EscapeDataString(person.GivenName + " " + person.FamilyName)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var hit = json.RootElement.EnumerateArray().Single(h => h.GetProperty("id").GetGuid() == person.Id);
        Assert.Equal("Name", hit.GetProperty("reason").GetString());
        Assert.Equal(person.BirthDatePrecision.ToString(), hit.GetProperty("birthDatePrecision").GetString());
        Assert.EndsWith(person.CitizenId!.Value.Digits[^4..], hit.GetProperty("maskedCitizenId").GetString());
        Assert.DoesNotContain(person.CitizenId!.Value.Digits, body);
        Assert.All(json.RootElement.EnumerateArray(), h => Assert.Equal("1002", h.GetProperty("districtCode").GetString()));
    }

    [Fact]
    public async Task Someone_of_another_district_is_not_found_even_by_national_id()
    {
        var client = await factory.SignInAsync("officer1002");
        var other = await SomeoneAsync("1001");
        var body = await client.GetStringAsync($"/api/people?q={other.CitizenId!.Value.Formatted}");
        Assert.Equal("[]", body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ก")]
    [InlineData("12/3")]
    public async Task A_query_that_would_list_anyone_is_refused_in_thai(string q)
    {
        var client = await factory.SignInAsync("officer1002");
        var response = await client.GetAsync($"/api/people?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("[ก-๙]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unreadable_birth_date_filter_is_refused()
    {
        var client = await factory.SignInAsync("steward");
        var response = await client.GetAsync($"/api/people?q={Uri.EscapeDataString("สมชาย")}&born=31/2/2567");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
