using System.Globalization;

namespace Saphan.Assessment.Indicators;

/// <summary>
/// A deprivation rule or an "ask when" condition of an indicator, written as data (e.g. <c>answer / members &lt; 38000</c>,
/// <c>age in 6..14</c>, <c>(age &gt;= 60 or disabled) and answer = no</c>) and evaluated by this small interpreter, so that a
/// data steward changes thresholds and conditions without a new release and no indicator needs its own class.
/// </summary>
/// <remarks>
/// Grammar: <c>or</c>/<c>and</c>/<c>not</c>; comparisons <c>&lt; &lt;= &gt; &gt;= = !=</c> and the inclusive range <c>x in a..b</c>;
/// <c>+ - * /</c>; numbers (invariant, no thousands separators), <c>yes</c>/<c>no</c> (= true/false); the names a context
/// offers (<see cref="RuleNames"/>). Unknown values (a member without a birth date, a question not answered, division by
/// zero) make comparisons unknown, and <c>and</c>/<c>or</c>/<c>not</c> follow three-valued (SQL) logic, so that an unknown never
/// counts as a deprivation: only a rule that is definitely true marks one.
/// </remarks>
public sealed class Rule
{
    private readonly Node root;

    private Rule(string text, Node root)
    {
        Text = text;
        this.root = root;
    }

    public string Text { get; }

    /// <summary>Parses a rule, refusing names the context does not offer.</summary>
    /// <exception cref="RuleSyntaxException">The text is not a rule, or uses an unknown name.</exception>
    public static Rule Parse(string text, IReadOnlySet<string> names)
    {
        var parser = new Parser(text, names);
        var node = parser.ParseAll();
        return new Rule(text, node);
    }

    /// <summary>True only when the rule is definitely true (unknown is not true).</summary>
    public bool IsTrue(Func<string, object?> lookup) => root.Evaluate(lookup) is true;

    /// <summary>The rule's value: a decimal, a bool, or null for unknown.</summary>
    public object? Evaluate(Func<string, object?> lookup) => root.Evaluate(lookup);

    public override string ToString() => Text;

    private abstract record Node
    {
        public abstract object? Evaluate(Func<string, object?> lookup);
    }

    private sealed record Constant(object? Value) : Node
    {
        public override object? Evaluate(Func<string, object?> lookup) => Value;
    }

    private sealed record Name(string Identifier) : Node
    {
        public override object? Evaluate(Func<string, object?> lookup) => lookup(Identifier) switch
        {
            null => null,
            bool b => b,
            decimal d => d,
            int i => (decimal)i,
            long l => (decimal)l,
            double x => (decimal)x,
            var other => throw new InvalidOperationException($"The value of '{Identifier}' is a {other.GetType().Name}, not a number or yes/no."),
        };
    }

    private sealed record Not(Node Operand) : Node
    {
        public override object? Evaluate(Func<string, object?> lookup) => Operand.Evaluate(lookup) switch
        {
            bool b => !b,
            _ => null,
        };
    }

    private sealed record Negate(Node Operand) : Node
    {
        public override object? Evaluate(Func<string, object?> lookup) => Operand.Evaluate(lookup) is decimal d ? -d : null;
    }

    private sealed record Logical(bool IsAnd, Node Left, Node Right) : Node
    {
        public override object? Evaluate(Func<string, object?> lookup)
        {
            var left = Left.Evaluate(lookup) as bool?;
            // Short-circuit where the outcome is already decided, as in SQL's three-valued logic.
            if (IsAnd && left == false) return false;
            if (!IsAnd && left == true) return true;
            var right = Right.Evaluate(lookup) as bool?;
            if (IsAnd) return right == false ? false : left == true && right == true ? true : null;
            return right == true ? true : left == false && right == false ? false : null;
        }
    }

    private sealed record Arithmetic(char Operator, Node Left, Node Right) : Node
    {
        public override object? Evaluate(Func<string, object?> lookup)
        {
            if (Left.Evaluate(lookup) is not decimal a || Right.Evaluate(lookup) is not decimal b) return null;
            return Operator switch
            {
                '+' => a + b,
                '-' => a - b,
                '*' => a * b,
                _ => b == 0 ? null : a / b,
            };
        }
    }

    private sealed record Comparison(string Operator, Node Left, Node Right) : Node
    {
        public override object? Evaluate(Func<string, object?> lookup)
        {
            var a = Left.Evaluate(lookup);
            var b = Right.Evaluate(lookup);
            if (a is null || b is null) return null;
            if (a is bool x && b is bool y)
                return Operator switch
                {
                    "=" => x == y,
                    "!=" => x != y,
                    _ => throw new InvalidOperationException($"'{Operator}' does not compare yes/no answers."),
                };
            if (a is decimal m && b is decimal n)
                return Operator switch
                {
                    "<" => m < n,
                    "<=" => m <= n,
                    ">" => m > n,
                    ">=" => m >= n,
                    "=" => m == n,
                    _ => m != n,
                };
            throw new InvalidOperationException("A rule compares a number with a yes/no answer.");
        }
    }

    private sealed record InRange(Node Value, decimal From, decimal To) : Node
    {
        public override object? Evaluate(Func<string, object?> lookup) => Value.Evaluate(lookup) switch
        {
            decimal d => d >= From && d <= To,
            null => null,
            _ => throw new InvalidOperationException("'in a..b' needs a number."),
        };
    }

    private sealed class Parser(string text, IReadOnlySet<string> names)
    {
        private readonly List<string> tokens = Tokenize(text);
        private int position;

        public Node ParseAll()
        {
            if (tokens.Count == 0) throw new RuleSyntaxException(text, "the rule is empty");
            var node = Or();
            if (position < tokens.Count) throw new RuleSyntaxException(text, $"unexpected '{tokens[position]}'");
            return node;
        }

        private string? Peek => position < tokens.Count ? tokens[position] : null;

        private bool Accept(string token)
        {
            if (Peek != token) return false;
            position++;
            return true;
        }

        private Node Or()
        {
            var left = And();
            while (Accept("or")) left = new Logical(false, left, And());
            return left;
        }

        private Node And()
        {
            var left = NotExpression();
            while (Accept("and")) left = new Logical(true, left, NotExpression());
            return left;
        }

        private Node NotExpression() => Accept("not") ? new Not(NotExpression()) : ComparisonExpression();

        private Node ComparisonExpression()
        {
            var left = Sum();
            if (Accept("in"))
            {
                var from = NumberLiteral();
                if (!Accept("..")) throw new RuleSyntaxException(text, "'in' needs a range such as 6..14");
                var to = NumberLiteral();
                if (to < from) throw new RuleSyntaxException(text, $"the range {from}..{to} is empty");
                return new InRange(left, from, to);
            }
            foreach (var op in (string[])["<=", ">=", "!=", "<", ">", "="])
                if (Accept(op)) return new Comparison(op, left, Sum());
            return left;
        }

        private Node Sum()
        {
            var left = Product();
            while (Peek is "+" or "-") left = new Arithmetic(tokens[position++][0], left, Product());
            return left;
        }

        private Node Product()
        {
            var left = Unary();
            while (Peek is "*" or "/") left = new Arithmetic(tokens[position++][0], left, Unary());
            return left;
        }

        private Node Unary() => Accept("-") ? new Negate(Unary()) : Primary();

        private decimal NumberLiteral()
        {
            var negative = Accept("-");
            if (Peek is { } t && decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                position++;
                return negative ? -value : value;
            }
            throw new RuleSyntaxException(text, $"a number was expected{(Peek is null ? " at the end" : $", not '{Peek}'")}");
        }

        private Node Primary()
        {
            var token = Peek ?? throw new RuleSyntaxException(text, "the rule ends too early");
            if (Accept("("))
            {
                var inner = Or();
                if (!Accept(")")) throw new RuleSyntaxException(text, "a ')' is missing");
                return inner;
            }
            if (char.IsAsciiDigit(token[0])) return new Constant(NumberLiteral());
            position++;
            switch (token)
            {
                case "yes" or "true": return new Constant(true);
                case "no" or "false": return new Constant(false);
            }
            if (!char.IsAsciiLetter(token[0])) throw new RuleSyntaxException(text, $"unexpected '{token}'");
            if (!names.Contains(token)) throw new RuleSyntaxException(text, $"unknown name '{token}' (known: {string.Join(", ", names.Order(StringComparer.Ordinal))})");
            return new Name(token);
        }

        private static List<string> Tokenize(string text)
        {
            var tokens = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (char.IsAsciiDigit(c))
                {
                    var start = i;
                    while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))) i++;
                    tokens.Add(text[start..i]);
                    continue;
                }
                if (char.IsAsciiLetter(c) || c == '_')
                {
                    var start = i;
                    while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                    tokens.Add(text[start..i]);
                    continue;
                }
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (two is "<=" or ">=" or "!=" or "..")
                {
                    tokens.Add(two);
                    i += 2;
                    continue;
                }
                if ("<>=+-*/()".Contains(c))
                {
                    tokens.Add(c.ToString());
                    i++;
                    continue;
                }
                throw new RuleSyntaxException(text, $"unexpected character '{c}'");
            }
            return tokens;
        }
    }
}

/// <summary>The names a rule may use, by what the indicator is asked about.</summary>
public static class RuleNames
{
    /// <summary>This indicator's answer for the household, and the number of members on the assessment date.</summary>
    public static readonly IReadOnlySet<string> Household = new HashSet<string>(StringComparer.Ordinal) { "answer", "members" };

    /// <summary>A member's answer, age in completed years on the assessment date, disability card, bedridden, and household size.</summary>
    public static readonly IReadOnlySet<string> Member = new HashSet<string>(StringComparer.Ordinal) { "answer", "members", "age", "disabled", "bedridden" };

    /// <summary>What an "ask when" condition may use: the member, not yet an answer.</summary>
    public static readonly IReadOnlySet<string> AskWhen = new HashSet<string>(StringComparer.Ordinal) { "members", "age", "disabled", "bedridden" };
}

public sealed class RuleSyntaxException(string rule, string problem) : FormatException($"Rule '{rule}': {problem}.")
{
    public string Rule { get; } = rule;
    public string Problem { get; } = problem;
}
