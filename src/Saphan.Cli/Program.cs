using Saphan.Cli;

// `saphan <verb> [options]`: each verb lives in its own folder (Linkage/ for link, generate, evaluate); add new
// verbs to this list.
Verb[] verbs =
[
    Saphan.Cli.Linkage.LinkVerb.Verb,
    Saphan.Cli.Linkage.GenerateVerb.Verb,
    Saphan.Cli.Linkage.EvaluateVerb.Verb,
    Saphan.Cli.Administration.AdminVerb.Verb,
    Saphan.Cli.Registry.ImportVerb.Verb,
    Saphan.Cli.Registry.RelinkVerb.Verb,
    Saphan.Cli.Registry.SourceVerb.Verb,
];
return Verb.Dispatch(verbs, args, Console.Out, Console.Error);

namespace Saphan.Cli
{
    /// <summary>One CLI verb: its name, a one-line summary, its usage text and what it runs (returns the exit code).</summary>
    public sealed record Verb(string Name, string Summary, string Usage, Func<CliArgs, TextWriter, TextWriter, int> Run)
    {
        /// <summary>Options that take no value (so that the argument after them stays positional).</summary>
        public IReadOnlyList<string> Flags { get; init; } = [];

        public static int Dispatch(IReadOnlyList<Verb> verbs, string[] args, TextWriter stdout, TextWriter stderr)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                stdout.WriteLine("saphan <command> [options]\n\ncommands:");
                foreach (var v in verbs) stdout.WriteLine($"  {v.Name,-12} {v.Summary}");
                stdout.WriteLine("\n'saphan <command> --help' shows a command's options.");
                return args.Length == 0 ? 1 : 0;
            }
            var verb = verbs.FirstOrDefault(v => string.Equals(v.Name, args[0], StringComparison.OrdinalIgnoreCase));
            if (verb is null)
            {
                stderr.WriteLine($"unknown command '{args[0]}'; 'saphan --help' lists them");
                return 2;
            }
            CliArgs parsed;
            try
            {
                parsed = CliArgs.Parse(args.AsSpan(1), verb.Flags);
            }
            catch (CliUsageException e)
            {
                stderr.WriteLine(e.Message);
                stderr.WriteLine(verb.Usage);
                return 2;
            }
            if (parsed.Has("help") || parsed.Has("h"))
            {
                stdout.WriteLine(verb.Usage);
                return 0;
            }
            try
            {
                return verb.Run(parsed, stdout, stderr);
            }
            catch (CliUsageException e)
            {
                stderr.WriteLine(e.Message);
                stderr.WriteLine(verb.Usage);
                return 2;
            }
        }
    }

    /// <summary>A mistake in how the command was called (exit code 2).</summary>
    public sealed class CliUsageException(string message) : Exception(message);

    /// <summary>"--name value", "--flag" and positional arguments.</summary>
    public sealed class CliArgs
    {
        private readonly Dictionary<string, string?> options = new(StringComparer.OrdinalIgnoreCase);

        public List<string> Positional { get; } = [];

        public static CliArgs Parse(ReadOnlySpan<string> args, IReadOnlyList<string>? flags = null)
        {
            var result = new CliArgs();
            for (var i = 0; i < args.Length; i++)
            {
                var a = args[i];
                if (a.StartsWith('-') && a.Length > 1 && !char.IsDigit(a[1]))
                {
                    var name = a.TrimStart('-');
                    string? value = null;
                    var eq = name.IndexOf('=');
                    if (eq >= 0)
                    {
                        value = name[(eq + 1)..];
                        name = name[..eq];
                    }
                    else if (name is "help" or "h" || flags?.Contains(name, StringComparer.OrdinalIgnoreCase) == true)
                    {
                    }
                    else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        value = args[++i];
                    }
                    result.options[name] = value;
                }
                else
                {
                    result.Positional.Add(a);
                }
            }
            return result;
        }

        public bool Has(string name) => options.ContainsKey(name);

        public string? Get(string name) => options.GetValueOrDefault(name);

        public string Required(string name) => Get(name) is { Length: > 0 } v ? v : throw new CliUsageException($"missing --{name}");

        public int Int(string name, int fallback) => Get(name) is { } v
            ? int.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0
                ? n
                : throw new CliUsageException($"--{name} needs a whole number, not '{v}'")
            : fallback;

        public double Double(string name, double fallback) => Get(name) is { } v
            ? double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new CliUsageException($"--{name} needs a number, not '{v}'")
            : fallback;
    }
}
