namespace SoraPromptGenie.Core.Text;

/// <summary>Lists as messages write them.</summary>
public static class Phrases
{
    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string JoinOr(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        return list.Count < 2 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} or {list[^1]}";
    }
}
