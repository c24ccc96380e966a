using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.DemoData;
using Saphan.Rights;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Rights;

/// <summary>A test database with the demo population, its synthetic rights data and stored verdicts, and services per viewer.</summary>
internal sealed class RightsWorld(TestDatabase database, DemoPopulation.Result population)
{
    public TestDatabase Database { get; } = database;
    public DemoPopulation.Result Population { get; } = population;
    public RightsRefresh Refresh { get; } = new(database, database.Clock);

    public static async Task<RightsWorld> CreateAsync(TestDatabase database, int people = 600)
    {
        var population = await DemoWorld.LoadAsync(database, people);
        await using (var db = database.OpenAsSystem())
        {
            db.For("test", "rights demo data");
            await DemoRights.SeedAsync(db, population.People, database.Clock.GetUtcNow(), 2567);
        }
        return new RightsWorld(database, population);
    }

    public static ClaimsPrincipal Officer(string district) => TestViewers.User(Roles.DistrictOfficer, district: district, id: "officer-" + district);
    public static ClaimsPrincipal Steward(string id) => TestViewers.User(Roles.DataSteward, id: id);
    public static ClaimsPrincipal Executive() => TestViewers.User(Roles.Executive, id: "exec");

    public DataAccess Data(ClaimsPrincipal user) => TestViewers.DataAccessFor(Database, user);
    public PersonRightsFile Rights(ClaimsPrincipal user) => new(Data(user), Refresh, Database.Clock);
    public Referrals Referrals(ClaimsPrincipal user) => new(Data(user), Database.Clock);
    public MissingOutList Lists(ClaimsPrincipal user) => new(Data(user));
    public RightsFigures Figures(ClaimsPrincipal user) => new(Data(user));
    public RuleAdministration Rules(ClaimsPrincipal user) => new(Data(user), Refresh, Database.Clock);
    public EnrolmentImport Import(ClaimsPrincipal user) => new(Data(user), Refresh, Database.Clock);

    public async Task<T> QueryAsync<T>(Func<SaphanDb, Task<T>> query)
    {
        await using var db = Database.OpenAsSystem();
        return await query(db);
    }

    /// <summary>Someone in <paramref name="district"/> missing out on <paramref name="scheme"/>, from the stored verdicts.</summary>
    public Task<Guid> MissingOutAsync(string district, string scheme) => QueryAsync(db => (
            from e in db.RightsEvaluations
            join p in db.People on e.PersonId equals p.Id
            where p.DistrictCode == district && e.SchemeCode == scheme && e.Status == Saphan.Rights.Eligibility.RightStatus.MissingOut
            orderby p.Id
            select p.Id).FirstAsync());
}
