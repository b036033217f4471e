using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SoraPromptGenie.Tests.Fuzz;

/// <summary>
/// Builds hostile request bodies from a kind and a seed, so any failing body is reproduced from the two numbers CsCheck
/// prints. Each kind targets one way a client (or an attacker) can get JSON wrong.
/// </summary>
internal static class FuzzBodies
{
    public const int Kinds = 11;

    private const string JsonPunctuation = "{}[]\",:\\0-e.";

    public static byte[] Build(JsonObject template, int kind, int seed)
    {
        var random = new Random(seed);
        return kind switch
        {
            0 => Utf8(RandomValue(random, depth: 0)?.ToJsonString() ?? "null"),
            1 => Utf8(ReplaceField(template, random, RandomValue(random, depth: 2))),
            2 => Utf8(ReplaceField(template, random, JsonValue.Create(ControlText(random)))),
            3 => Utf8(ReplaceField(template, random, JsonValue.Create(new string('x', random.Next(1_000, 80_000))))),
            4 => Utf8(Nested(random)),
            5 => InvalidUtf8(template, random),
            6 => Utf8(NumbersAsStrings(template, random)),
            7 => Utf8(DuplicateKeys(template, random)),
            8 => Mutate(Utf8(template.ToJsonString()), random),
            9 => Utf8(Plausible(template, random)),
            _ => Utf8(Truncate(template.ToJsonString(), random)),
        };
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth >= 5 ? 6 : 8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        3 => JsonValue.Create((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 300))),
        4 => JsonValue.Create(RandomText(random, random.Next(0, 40))),
        5 => JsonValue.Create(ControlText(random)),
        6 => new JsonArray([.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomValue(random, depth + 1))]),
        _ => RandomObject(random, depth + 1),
    };

    private static JsonObject RandomObject(Random random, int depth)
    {
        var node = new JsonObject();
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            node[RandomText(random, random.Next(0, 12))] = RandomValue(random, depth);
        }

        return node;
    }

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(4) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0xA0, 0x3000),
                2 => ' ',
                _ => (char)random.Next('a', 'z' + 1),
            });
        }

        return builder.ToString();
    }

    /// <summary>Control characters, bidi overrides, a zero-width joiner and a valid surrogate pair.</summary>
    private static string ControlText(Random random)
    {
        string[] pieces = ["\0", "\u0001", "\b", "\u001b[31m", "\u007f", "\u202e", "\u200d", "\ufeff", "\r\n", "\t", "😀", "word", "a fox at dawn"];
        return string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
    }

    private static string ReplaceField(JsonObject template, Random random, JsonNode? value)
    {
        var copy = (JsonObject)template.DeepClone();
        var names = copy.Select(p => p.Key).ToList();
        var name = random.Next(4) == 0 || names.Count == 0 ? RandomText(random, random.Next(1, 10)) : names[random.Next(names.Count)];
        copy[name] = value;
        return copy.ToJsonString();
    }

    private static string Nested(Random random)
    {
        var depth = random.Next(20, 5_000);
        var builder = new StringBuilder();
        var closers = new Stack<char>();
        for (var i = 0; i < depth; i++)
        {
            if (random.Next(2) == 0)
            {
                builder.Append('[');
                closers.Push(']');
            }
            else
            {
                builder.Append("{\"currentPrompt\":");
                closers.Push('}');
            }
        }

        builder.Append("\"x\"");
        while (closers.Count > 0)
        {
            builder.Append(closers.Pop());
        }

        return builder.ToString();
    }

    private static byte[] InvalidUtf8(JsonObject template, Random random)
    {
        var text = Utf8(ReplaceField(template, random, JsonValue.Create("MARKER")));
        var marker = Utf8("MARKER");
        var at = text.AsSpan().IndexOf(marker);
        byte[][] invalid = [[0xC3], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xE2, 0x82]];
        var bad = invalid[random.Next(invalid.Length)];
        return [.. text[..at], .. bad, .. text[(at + marker.Length)..]];
    }

    private static string NumbersAsStrings(JsonObject template, Random random)
    {
        var copy = (JsonObject)template.DeepClone();
        foreach (var name in copy.Select(p => p.Key).ToList())
        {
            copy[name] = random.Next(3) switch
            {
                0 => JsonValue.Create(random.Next(-5, 50).ToString(CultureInfo.InvariantCulture)),
                1 => JsonValue.Create(random.Next(-5, 50)),
                _ => copy[name]?.DeepClone(),
            };
        }

        return copy.ToJsonString();
    }

    private static string DuplicateKeys(JsonObject template, Random random)
    {
        var json = template.ToJsonString();
        var name = template.Select(p => p.Key).ElementAtOrDefault(random.Next(Math.Max(1, template.Count))) ?? "x";
        var duplicate = $"\"{name}\":{RandomValue(random, depth: 3)?.ToJsonString() ?? "null"},";
        return json.Insert(1, duplicate + (random.Next(2) == 0 ? duplicate : string.Empty));
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var list = bytes.ToList();
        for (var i = random.Next(1, 6); i > 0 && list.Count > 0; i--)
        {
            var at = random.Next(list.Count);
            switch (random.Next(3))
            {
                case 0:
                    list[at] = (byte)random.Next(256);
                    break;
                case 1:
                    list.Insert(at, (byte)JsonPunctuation[random.Next(JsonPunctuation.Length)]);
                    break;
                default:
                    list.RemoveAt(at);
                    break;
            }
        }

        return [.. list];
    }

    /// <summary>Well-formed bodies with random but type-correct values: these reach the engine.</summary>
    private static string Plausible(JsonObject template, Random random)
    {
        var copy = (JsonObject)template.DeepClone();
        foreach (var name in copy.Select(p => p.Key).ToList())
        {
            if (copy[name] is JsonValue value && value.TryGetValue<string>(out _))
            {
                copy[name] = string.Join(' ', Enumerable.Range(0, random.Next(0, 12)).Select(_ => RandomText(random, random.Next(1, 9))));
            }
            else if (copy[name] is JsonValue number && number.TryGetValue<int>(out _))
            {
                copy[name] = random.Next(-3, 25);
            }
        }

        if (random.Next(3) == 0)
        {
            copy["fresh"] = random.Next(2) == 0;
        }

        return copy.ToJsonString();
    }

    private static string Truncate(string json, Random random) => json[..random.Next(json.Length)];
}
