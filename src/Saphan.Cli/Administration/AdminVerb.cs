using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Saphan.Access;
using Saphan.DemoData;
using Saphan.Storage;

namespace Saphan.Cli.Administration;

/// <summary>
/// <c>saphan admin create</c>: creates a user (by default the production administrator) in the database the web app uses.
/// The password is generated and printed once, unless one is given on standard input.
/// </summary>
public static class AdminVerb
{
    public static Verb Verb { get; } = new("admin", "create users (the first administrator of a new installation)", Usage, Run)
    {
        Flags = ["password-stdin"],
    };

    private const string Usage = """
        saphan admin create --user NAME --name "DISPLAY NAME" [--role Administrator] [--district 1001] [--department OlderPersons]
                            [--password-stdin] [--connection "CONNECTION STRING"]

          Roles: Administrator, DataSteward, Executive, DistrictOfficer (needs --district), DepartmentOfficer (needs --department),
          Volunteer. Departments: PersonsWithDisabilities, OlderPersons, ChildrenAndYouth, WomenAndFamily,
          SocialDevelopmentAndWelfare, Housing.
          The database is the web app's: --connection, or ConnectionStrings__Saphan, or the SQLite file saphan.db here.
        """;

    private static int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional is not ["create"]) throw new CliUsageException("expected: saphan admin create …");
        var userName = args.Required("user").Trim();
        var displayName = args.Required("name").Trim();
        var role = args.Get("role") ?? Roles.Administrator;
        if (!Roles.All.Contains(role)) throw new CliUsageException($"unknown role '{role}'");
        var district = args.Get("district");
        Department? department = null;
        if (role == Roles.DistrictOfficer && (district is null || district.Length != 4 || !district.All(char.IsAsciiDigit)))
            throw new CliUsageException("a district officer needs --district with a 4-digit DOPA code (1001–1050)");
        if (role == Roles.DepartmentOfficer)
        {
            if (!Enum.TryParse<Department>(args.Get("department"), out var d)) throw new CliUsageException("a department officer needs a valid --department");
            department = d;
        }
        var password = args.Has("password-stdin") ? Console.In.ReadLine()?.Trim() : Generate();
        if (string.IsNullOrEmpty(password)) throw new CliUsageException("no password on standard input");

        using var services = Services(args.Get("connection"));
        DatabasePreparation.PrepareAsync(services).GetAwaiter().GetResult();
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SaphanUser>>();
        if (users.FindByNameAsync(userName).GetAwaiter().GetResult() is not null)
        {
            stderr.WriteLine($"a user named '{userName}' exists already; nothing was changed");
            return 1;
        }
        var user = new SaphanUser { UserName = userName, DisplayName = displayName, DistrictCode = district, Department = department };
        var created = users.CreateAsync(user, password).GetAwaiter().GetResult();
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) stderr.WriteLine(e.Description);
            return 1;
        }
        users.AddToRoleAsync(user, role).GetAwaiter().GetResult();
        stdout.WriteLine($"created {role} '{userName}'");
        if (!args.Has("password-stdin"))
            stdout.WriteLine($"password (shown once; change it after the first sign-in and turn on two-factor sign-in): {password}");
        return 0;
    }

    private static ServiceProvider Services(string? connection)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(connection is null ? [] : [new("ConnectionStrings:Saphan", connection)])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSaphanStorage(configuration);
        services.AddSaphanUsers();
        services.AddOptions<DemoDataOptions>();
        services.AddScoped<DemoDataSeeder>();
        return services.BuildServiceProvider();
    }

    private static string Generate()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "Sp-" + RandomNumberGenerator.GetString(alphabet, 16) + "-9";
    }
}
