extern alias cli;

using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Saphan.Access;
using Saphan.Storage;
using cli::Saphan.Cli;
using cli::Saphan.Cli.Administration;

namespace Saphan.Tests.Cli;

/// <summary>The production administrator is created with the CLI, in the database the web app uses.</summary>
public sealed class AdminVerbTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"saphan-cli-{Guid.NewGuid():N}.db");
    private string Connection => $"Data Source={file};Pooling=False";

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = Verb.Dispatch([AdminVerb.Verb], ["admin", .. args, "--connection", Connection], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Admin_create_makes_an_administrator_who_can_sign_in_with_the_printed_password()
    {
        var (code, output, _) = Run("create", "--user", "somchai.admin", "--name", "สมชาย ผู้ดูแล");

        Assert.Equal(0, code);
        var password = output.Split(": ").Last().Trim();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddDbContext<SaphanDb>(o => o.UseSqlite(Connection));
        services.AddSaphanUsers();
        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SaphanUser>>();
        var user = await users.FindByNameAsync("somchai.admin");
        Assert.NotNull(user);
        Assert.Equal("สมชาย ผู้ดูแล", user.DisplayName);
        Assert.True(await users.IsInRoleAsync(user, Roles.Administrator));
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.False(user.IsDemo);
        // A production database gets no demo people.
        var db = scope.ServiceProvider.GetRequiredService<SaphanDb>().WithScope(AccessScope.System("test", DateOnly.FromDateTime(DateTime.UtcNow)));
        Assert.Equal(0, await db.People.CountAsync());
        Assert.Equal(50, await db.Districts.CountAsync());
    }

    [Fact]
    public void Creating_the_same_user_twice_changes_nothing_and_says_so()
    {
        Assert.Equal(0, Run("create", "--user", "admin2", "--name", "A").Code);
        var again = Run("create", "--user", "admin2", "--name", "B");
        Assert.Equal(1, again.Code);
        Assert.Contains("exists already", again.Err);
    }

    [Theory]
    [InlineData("create", "--user", "x", "--name", "X", "--role", "King")]
    [InlineData("create", "--user", "x", "--name", "X", "--role", "DistrictOfficer")]
    [InlineData("create", "--user", "x", "--name", "X", "--role", "DistrictOfficer", "--district", "10x1")]
    [InlineData("create", "--user", "x", "--name", "X", "--role", "DepartmentOfficer", "--department", "Nowhere")]
    [InlineData("create", "--name", "X")]
    [InlineData("delete", "--user", "x", "--name", "X")]
    public void Bad_calls_are_refused_with_a_usage_message(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains("saphan admin create", err);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (File.Exists(file)) File.Delete(file);
    }
}
