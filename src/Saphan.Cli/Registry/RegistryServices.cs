using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Saphan.Access;
using Saphan.Assessment;
using Saphan.DemoData;
using Saphan.Registry.Import;
using Saphan.Registry.Linking;
using Saphan.Rights;
using Saphan.Storage;

namespace Saphan.Cli.Registry;

/// <summary>The services the registry verbs need, on the web app's database (--connection, ConnectionStrings__Saphan, or saphan.db here).</summary>
internal static class RegistryServices
{
    public static ServiceProvider Build(string? connection, int? batchSize = null, bool quiet = true)
    {
        var settings = new List<KeyValuePair<string, string?>>();
        if (connection is not null) settings.Add(new("ConnectionStrings:Saphan", connection));
        if (batchSize is { } b) settings.Add(new("Import:BatchSize", b.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(quiet ? LogLevel.Warning : LogLevel.Information));
        services.AddSaphanStorage(configuration);
        services.AddSaphanUsers();
        services.AddOptions<DemoDataOptions>();
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton<RegistryLinker>();
        // A link run from the command line moves rights and report-card data of merged people as the web app's does.
        services.AddRightsFollowingLinkage().AddReportCardFollowingLinkage();
        services.AddRegistryImport(configuration, background: false);
        return services.BuildServiceProvider();
    }
}
