using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Saphan.Access;
using Saphan.Assessment.Cases;
using Saphan.Assessment.Entry;
using Saphan.Assessment.Figures;
using Saphan.Assessment.Indicators;
using Saphan.Assessment.Plans;
using Saphan.Registry.Linking;
using Saphan.Storage;
using Saphan.Localization;

namespace Saphan.Assessment;

public static class AssessmentSetup
{
    /// <summary>The family report card: indicators, entry, report cards, figures, work lists, case plans, area plans, adoptions.</summary>
    public static IServiceCollection AddAssessment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AssessmentOptions>().Bind(configuration.GetSection(AssessmentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IndicatorCatalogue>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<ReportCards>();
        services.AddScoped<PovertyFigures>();
        services.AddScoped<WorkList>();
        services.AddScoped<CasePlans>();
        services.AddScoped<PlanViews>();
        services.AddScoped<Registry.SubjectRights.IPersonDataHolder, AssessmentPersonData>();
        services.AddHostedService<DefaultIndicatorsLoader>();
        services.AddReportCardFollowingLinkage();
        return services;
    }

    /// <summary>Answers about a member follow the registry's linkage when the member is merged into someone already known.</summary>
    public static IServiceCollection AddReportCardFollowingLinkage(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILinkageFollower, AssessmentLinkageFollower>());
        return services;
    }

    /// <summary>The photo of an assessment, for viewers who may see its household (the scope filter decides).</summary>
    public static IEndpointRouteBuilder MapAssessment(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/report-card/photos/{id:guid}", async (Guid id, AssessmentService assessments, CancellationToken ct) =>
                await assessments.PhotoAsync(id, ct) is { } photo
                    ? Results.File(photo.Content, photo.ContentType)
                    : Results.NotFound())
            .RequireAuthorization();
        return endpoints;
    }

    /// <summary>
    /// Puts the shipped indicator set into a database that has none. Hosted services start after the database was prepared
    /// (Program.cs awaits the preparation before running the host) and before the server listens.
    /// </summary>
    private sealed class DefaultIndicatorsLoader(IDbContextFactory<SaphanDb> contexts, TimeProvider clock) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            db.WithScope(AccessScope.System("indicators", clock.BangkokToday())).For("startup", "default indicator set");
            await IndicatorCatalogue.EnsureDefaultAsync(db, ct);
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
