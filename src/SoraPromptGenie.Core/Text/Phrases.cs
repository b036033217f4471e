namespace SoraPromptGenie.Core.Text;

/// <summary>Lists as messages write them.</summary>
public static class Phrases
{
    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string JoinOr(IEnumerable<string> values) => Join(values, "or");

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string JoinAnd(IEnumerable<string> values) => Join(values, "and");

    private static string Join(IEnumerable<string> values, string last)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        return list.Count < 2 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} {last} {list[^1]}";
    }
}
