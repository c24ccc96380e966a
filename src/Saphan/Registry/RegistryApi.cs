using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Registry.Search;

namespace Saphan.Registry;

public static class RegistryApi
{
    public static IServiceCollection AddRegistry(this IServiceCollection services) =>
        services.AddScoped<PersonFile>().AddScoped<PeopleSearch>().AddScoped<Review.ReviewQueue>().AddScoped<SubjectRights.SubjectAccess>().AddScoped<Registration.PersonRegistration>().AddScoped<HouseholdRegister>().AddSingleton<Linking.RegistryLinker>();

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/people").RequireAuthorization();
        api.MapGet("/{id:guid}", GetPerson);
        api.MapGet("/", PeopleSearchApi.FindPeople);
        // PDPA s.30 access request: handled by data stewards (the DPO's office), downloaded as one JSON document.
        api.MapGet("/{id:guid}/export", async (Guid id, SubjectRights.SubjectAccess access) =>
                await access.ExportAsync(id) is { } json
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", $"saphan-person-{id}.json")
                    : Results.NotFound())
            .RequireAuthorization(p => p.RequireRole(Access.Roles.DataSteward, Access.Roles.Administrator));
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
            OpenOutcome.NotFound or OpenOutcome.Merged => TypedResults.NotFound(),
            _ => TypedResults.Ok(Answer(opened.Record!)),
        };
    }

    private static PersonAnswer Answer(Person p) => new(p.Id, p.Title, p.GivenName, p.FamilyName, p.CitizenId?.Digits, p.Sex.ToString(),
        p.BirthDate, p.BirthDatePrecision.ToString(), p.DistrictCode, p.HouseholdId, p.IsSynthetic);
}
