using Microsoft.EntityFrameworkCore;
using Saphan.DemoData;
using Saphan.Geography;

namespace Saphan.Tests.Support;

/// <summary>Loads the reference geography and a small synthetic population into a test database.</summary>
public static class DemoWorld
{
    public static async Task<DemoPopulation.Result> LoadAsync(TestDatabase database, int people = 600, int seed = 7)
    {
        await using var db = database.OpenAsSystem();
        await ReferenceGeography.EnsureLoadedAsync(db);
        var population = new DemoPopulation(seed, database.Clock.GetUtcNow()).Generate(people,
            await db.Subdistricts.ToListAsync(), await db.Communities.ToListAsync(), ReferenceGeography.PopulationByDistrict());
        db.Households.AddRange(population.Households);
        db.People.AddRange(population.People.Where(p => p.HouseholdId is null));
        await db.SaveChangesAsync();
        await DemoRegistrySource.AttachAsync(db, population.People, database.Clock.GetUtcNow(), default);
        return population;
    }
}
