using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Saphan.Storage;

namespace Saphan.Assessment.Indicators;

/// <summary>
/// The indicator sets in the database. A saved set never changes (a change is a new version), so parsed sets are cached
/// for the life of the process.
/// </summary>
public sealed class IndicatorCatalogue(IDbContextFactory<SaphanDb> contexts)
{
    private readonly ConcurrentDictionary<int, IndicatorSet> cache = new();

    public async Task<IndicatorSet> GetAsync(int id, CancellationToken ct = default)
    {
        if (cache.TryGetValue(id, out var cached)) return cached;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var set = await db.IndicatorSets.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        return cache.GetOrAdd(id, set);
    }

    /// <summary>The set in force on a day: the latest effective on or before it (the earliest set when none is yet).</summary>
    public async Task<IndicatorSet> InForceOnAsync(DateOnly day, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var id = await db.IndicatorSets.Where(s => s.EffectiveFrom <= day).OrderByDescending(s => s.EffectiveFrom).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
                 ?? await db.IndicatorSets.OrderBy(s => s.EffectiveFrom).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
                 ?? throw new InvalidOperationException("No family report card indicator set is in the database.");
        return await GetAsync(id, ct);
    }

    public async Task<IReadOnlyList<IndicatorSet>> AllAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var ids = await db.IndicatorSets.OrderByDescending(s => s.EffectiveFrom).Select(s => s.Id).ToListAsync(ct);
        var sets = new List<IndicatorSet>();
        foreach (var id in ids) sets.Add(await GetAsync(id, ct));
        return sets;
    }

    /// <summary>Adds the shipped default set when the database has none (start-up, demo data, tests).</summary>
    public static async Task<IndicatorSet> EnsureDefaultAsync(SaphanDb db, CancellationToken ct = default)
    {
        var existing = await db.IndicatorSets.FirstOrDefaultAsync(s => s.Version == DefaultIndicatorSet.Version, ct);
        if (existing is not null) return existing;
        var set = DefaultIndicatorSet.Create();
        db.IndicatorSets.Add(set);
        await db.SaveChangesAsync(ct);
        return set;
    }
}
