using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Storage;

namespace Saphan.Registry.Import;

public static class ImportSetup
{
    /// <summary>
    /// The import services: the runner (used by the web worker and the CLI), the wizard's services, the source registry,
    /// and — when <paramref name="background"/> — the queue and the worker that runs web imports.
    /// </summary>
    public static IServiceCollection AddRegistryImport(this IServiceCollection services, IConfiguration? configuration = null, bool background = true)
    {
        var options = services.AddOptions<ImportOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection(ImportOptions.Section));
        options.ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ImportRunner>();
        services.AddScoped<SourceRegistry>();
        services.AddSingleton<ImportProgressBoard>();
        services.AddSingleton<ImportQueue>();
        services.AddScoped<ImportService>();
        if (background)
        {
            services.AddSingleton<UploadRetention>();
            services.AddHostedService<ImportWorker>();
        }
        return services;
    }

    /// <summary>GET /registry/imports/{id}/rejects.csv: the run's rejects file (data stewards and administrators; audited as an export).</summary>
    public static IEndpointRouteBuilder MapRegistryImport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/registry/imports/{id:long}/rejects.csv", DownloadRejects)
            .RequireAuthorization(p => p.RequireRole(Roles.DataSteward, Roles.Administrator));
        return endpoints;
    }

    private static async Task<IResult> DownloadRejects(long id, DataAccess data, HttpContext http)
    {
        await using var db = await data.OpenAsync(http.Request.Path, "rejects download");
        if (!db.Scope.SeesEveryone) return Results.Forbid();
        var run = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.ImportRuns, r => r.Id == id);
        if (run is null) return Results.NotFound();
        await data.AuditAsync(AuditAction.Export, "ImportRun", id.ToString(System.Globalization.CultureInfo.InvariantCulture), http.Request.Path, "rejects download");
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"rejects-{id}.csv\"";
        await RejectsExport.WriteAsync(db, id, http.Response.Body, http.RequestAborted);
        return Results.Empty;
    }
}
