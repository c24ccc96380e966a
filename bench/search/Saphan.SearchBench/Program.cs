using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Saphan.Access;
using Saphan.Geography;
using Saphan.Linkage;
using Saphan.Linkage.Normalisation;
using Saphan.Registry.Search;
using Saphan.Storage;
using Saphan.Synthetic;

// dotnet run -c Release --project bench/search/Saphan.SearchBench -- load --connection "Host=…" --people 5000000 --seed 42 --queries q.tsv
// Migrates the database (the app's own migration, with its search indexes), copies the synthetic people into "people"
// with binary COPY (indexes dropped first and rebuilt after: far faster than maintaining them row by row), and writes
// --count misspelt queries for people drawn from the population, with the id of the person each one should find.
var options = Options.Parse(args);
if (options.Verb != "load")
{
    Console.Error.WriteLine("usage: Saphan.SearchBench load --connection CS [--people 5000000] [--seed 42] [--queries FILE] [--count 5000]");
    return 2;
}
await Loader.RunAsync(options);
return 0;

internal sealed record Options(string Verb, string Connection, int People, int Seed, string Queries, int Count)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Options(args.Length > 0 ? args[0] : "", Get("connection", ""), int.Parse(Get("people", "5000000"), CultureInfo.InvariantCulture),
            int.Parse(Get("seed", "42"), CultureInfo.InvariantCulture), Get("queries", "queries.tsv"), int.Parse(Get("count", "5000"), CultureInfo.InvariantCulture));
    }
}

internal static class Loader
{
    private static readonly string[] Nicknames = ["ดำ", "แดง", "ต้อม", "นิด", "หน่อย", "เล็ก", "ใหญ่", "อ้วน", "ปุ๊", "แมว", "ต่าย", "โอ๋", "จุ๋ม", "เอ", "บี", "ป้อม"];

    private static readonly string[] Columns =
    [
        "Id", "CitizenId", "Title", "GivenName", "FamilyName", "Nickname", "Sex", "BirthDate", "BirthDatePrecision", "Phone",
        "DistrictCode", "SubdistrictCode", "HasDisabilityCard", "IsBedridden", "IsHomeless", "IsSynthetic", "RegisteredAt", "UpdatedAt",
        "GivenKey", "GivenLk82", "GivenUdom83", "GivenMetaSound", "FamilyKey", "FamilyLk82", "FamilyUdom83", "FamilyMetaSound", "OtherNamesKey",
        "GivenCrossScript", "FamilyCrossScript",
    ];

    public static async Task RunAsync(Options o)
    {
        var total = Stopwatch.StartNew();
        var storage = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = o.Connection };
        var builder = new DbContextOptionsBuilder<SaphanDb>();
        StorageSetup.Configure(builder, storage);
        await using (var db = new SaphanDb(builder.Options, TimeProvider.System))
        {
            db.WithScope(AccessScope.System("search bench", DateOnly.FromDateTime(DateTime.UtcNow)));
            await db.Database.MigrateAsync();
            await ReferenceGeography.EnsureLoadedAsync(db);
        }
        Console.WriteLine($"migrated in {total.Elapsed.TotalSeconds:F1} s");

        await using var connection = new NpgsqlConnection(o.Connection);
        await connection.OpenAsync();
        var indexes = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'people' AND indexname <> 'PK_people'", connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) indexes.Add(reader.GetString(1));
        await Execute(connection, "DROP INDEX " + string.Join(", ", indexes.Select(d => '"' + d.Split('"')[1] + '"')));

        // Queries for people spread over the whole population, chosen before the one streaming pass.
        var pick = new DeterministicRandom(o.Seed, 77);
        var wanted = new HashSet<int>();
        while (wanted.Count < Math.Min(o.Count, o.People)) wanted.Add(pick.Next(o.People));
        var queries = new StringBuilder();

        var copy = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        var copySql = $"COPY people ({string.Join(", ", Columns.Select(c => '"' + c + '"'))}) FROM STDIN (FORMAT BINARY)";
        await using (var writer = await connection.BeginBinaryImportAsync(copySql))
        {
            var index = 0;
            foreach (var p in new SyntheticPopulation(o.Seed).People(o.People))
            {
                var nickname = index % 20 == 0 ? Nicknames[index / 20 % Nicknames.Length] : null;
                var given = NameKeys.Of(p.GivenName);
                var family = NameKeys.Of(p.FamilyName);
                var id = PersonGuid(index);
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(p.CitizenId, NpgsqlDbType.Varchar);
                await writer.WriteAsync(p.Title, NpgsqlDbType.Varchar);
                await writer.WriteAsync(p.GivenName, NpgsqlDbType.Varchar);
                await writer.WriteAsync(p.FamilyName, NpgsqlDbType.Varchar);
                await WriteNullable(writer, nickname, NpgsqlDbType.Text);
                await writer.WriteAsync((int)p.Sex, NpgsqlDbType.Integer);
                await writer.WriteAsync(p.BirthDate, NpgsqlDbType.Date);
                await writer.WriteAsync((int)DatePrecision.Day, NpgsqlDbType.Integer);
                await WriteNullable(writer, p.Phone, NpgsqlDbType.Varchar);
                await writer.WriteAsync(p.Address.Subdistrict.DistrictCode, NpgsqlDbType.Varchar);
                await writer.WriteAsync(p.Address.Subdistrict.Code, NpgsqlDbType.Varchar);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                foreach (var key in new[] { given.Key, given.Lk82, given.Udom83, given.MetaSound, family.Key, family.Lk82, family.Udom83, family.MetaSound,
                             NameKeys.OtherNamesKey(nickname, null), given.CrossScript, family.CrossScript })
                    await WriteNullable(writer, key, NpgsqlDbType.Varchar);
                if (wanted.Contains(index)) queries.Append(Misspelt(p, index, o.Seed)).Append('\t').Append(id).Append('\n');
                if (++index % 500_000 == 0) Console.WriteLine($"  {index:N0} rows, {copy.Elapsed.TotalSeconds:F0} s");
            }
            await writer.CompleteAsync();
        }
        Console.WriteLine($"copied {o.People:N0} people in {copy.Elapsed.TotalSeconds:F1} s");
        await File.WriteAllTextAsync(o.Queries, queries.ToString());

        // Index builds in two connections (two cores), largest first.
        var build = Stopwatch.StartNew();
        var queue = new Queue<string>(indexes.OrderByDescending(d => d.Contains("gin", StringComparison.Ordinal)));
        async Task Worker()
        {
            await using var c = new NpgsqlConnection(o.Connection);
            await c.OpenAsync();
            await Execute(c, "SET maintenance_work_mem = '1GB'");
            while (true)
            {
                string? next;
                lock (queue) next = queue.Count > 0 ? queue.Dequeue() : null;
                if (next is null) return;
                var one = Stopwatch.StartNew();
                await Execute(c, next);
                Console.WriteLine($"  {one.Elapsed.TotalSeconds,6:F1} s  {next}");
            }
        }
        await Task.WhenAll(Worker(), Worker());
        await Execute(connection, "VACUUM ANALYZE people");
        Console.WriteLine($"indexes and analyze in {build.Elapsed.TotalSeconds:F1} s; total {total.Elapsed.TotalSeconds:F1} s; {wanted.Count} queries in {o.Queries}");
    }

    /// <summary>
    /// What an officer might type for this person: the name with one letter of a sound group swapped (ศ/ส/ษ, ท/ธ/ฑ …),
    /// a tone mark dropped or added, the silent-letter mark forgotten, a given-name prefix, a title in front, or the exact name.
    /// </summary>
    private static string Misspelt(SyntheticPerson p, int index, int seed)
    {
        var rng = new DeterministicRandom(seed, 5_000_000_000L + index);
        var (given, family) = (p.GivenName, p.FamilyName);
        var roll = rng.NextDouble();
        string text;
        if (roll < 0.35) text = rng.Chance(0.5) ? $"{NoiseModel.SimilarLetter(given, rng)} {family}" : $"{given} {NoiseModel.SimilarLetter(family, rng)}";
        else if (roll < 0.55) text = rng.Chance(0.5) ? $"{NoiseModel.ToneMark(given, rng)} {family}" : $"{given} {NoiseModel.ToneMark(family, rng)}";
        else if (roll < 0.65) text = $"{given.Replace("์", "", StringComparison.Ordinal)} {family.Replace("์", "", StringComparison.Ordinal)}";
        else if (roll < 0.75) text = $"{given[..Math.Min(given.Length, 3)]} {family}";
        else if (roll < 0.85) text = $"{p.Title}{given} {family}";
        else text = $"{given} {family}";
        return Uri.EscapeDataString(text);
    }

    /// <summary>A stable id per person number, so that the query file knows whom each query should find.</summary>
    private static Guid PersonGuid(int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, index);
        bytes[15] = 0x5A;
        return new Guid(bytes);
    }

    private static Task WriteNullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, type);

    private static async Task Execute(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
