using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Saphan.Dashboard;

public static class DashboardApi
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddScoped<DistrictFigures>();

    /// <summary>District figures: scoped counts for officers, suppressed aggregates for executives and the public.</summary>
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/figures/districts", async (DistrictFigures figures) => TypedResults.Ok(await figures.ForViewerAsync()))
            .AllowAnonymous();
        return endpoints;
    }
}
