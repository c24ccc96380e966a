using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Saphan.Registry;

public static class RegistryApi
{
    public static IServiceCollection AddRegistry(this IServiceCollection services) =>
        services.AddScoped<PersonFile>().AddScoped<PeopleSearch>();

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/people").RequireAuthorization();
        api.MapGet("/{id:guid}", GetPerson);
        api.MapGet("/", FindPeople);
        return endpoints;
    }

    public sealed record PersonAnswer(Guid Id, string? Title, string GivenName, string FamilyName, string? CitizenId, string Sex,
        DateOnly? BirthDate, string BirthDatePrecision, string DistrictCode, Guid? HouseholdId, bool IsSynthetic);

    private static async Task<Results<Ok<PersonAnswer>, NotFound, ForbidHttpResult>> GetPerson(Guid id, PersonFile files, HttpContext http)
    {
        var opened = await files.OpenPersonAsync(id, http.Request.Path, "api");
        return opened.Outcome switch
        {
            OpenOutcome.Refused => TypedResults.Forbid(),
            OpenOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Ok(Answer(opened.Record!)),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<PeopleSearch.Hit>>, BadRequest<string>>> FindPeople(string? q, PeopleSearch search, HttpContext http)
    {
        if (q is null || q.Trim().Length < 2) return TypedResults.BadRequest("q: at least 2 characters / ต้องมีอย่างน้อย 2 ตัวอักษร");
        return TypedResults.Ok(await search.FindAsync(q, http.Request.Path));
    }

    private static PersonAnswer Answer(Person p) => new(p.Id, p.Title, p.GivenName, p.FamilyName, p.CitizenId?.Digits, p.Sex.ToString(),
        p.BirthDate, p.BirthDatePrecision.ToString(), p.DistrictCode, p.HouseholdId, p.IsSynthetic);
}
