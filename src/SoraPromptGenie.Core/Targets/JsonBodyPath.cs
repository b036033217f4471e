using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SoraPromptGenie.Core.Targets;

/// <summary>
/// A field's place in a request body: names joined by dots, each optionally indexed into an array, as in
/// <c>parameters.aspectRatio</c>, <c>video.duration</c> or <c>content[0].text</c>.
/// </summary>
public static partial class JsonBodyPath
{
    public static bool IsValid(string? path) => path is not null && PathPattern.IsMatch(path);

    /// <summary>The field's own name: the last segment without its index (<c>video.duration</c> gives <c>duration</c>).</summary>
    public static string LastName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var last = path[(path.LastIndexOf('.') + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? last : last[..bracket];
    }

    /// <summary>Whether the field sits at the top level of the body.</summary>
    public static bool IsTopLevel(string path) => !path.Contains('.', StringComparison.Ordinal) && !path.Contains('[', StringComparison.Ordinal);

    /// <summary>Sets the value at <paramref name="path"/>, creating the objects and array items on the way.</summary>
    /// <exception cref="InvalidOperationException">The body holds something else where the path needs an object or array.</exception>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(root);
        var segments = Parse(path);
        JsonNode current = root;
        for (var i = 0; i < segments.Count; i++)
        {
            var (name, index) = segments[i];
            var isLast = i == segments.Count - 1;
            var parent = current as JsonObject ?? throw new InvalidOperationException($"'{path}' does not lead through objects.");
            if (index is null)
            {
                if (isLast)
                {
                    parent[name] = value;
                    return;
                }

                current = parent[name] ??= new JsonObject();
                continue;
            }

            var array = (parent[name] ??= new JsonArray()) as JsonArray
                ?? throw new InvalidOperationException($"'{path}': {name} is not an array.");
            while (array.Count <= index.Value)
            {
                array.Add(isLast ? null : new JsonObject());
            }

            if (isLast)
            {
                array[index.Value] = value;
                return;
            }

            current = array[index.Value] ??= new JsonObject();
        }
    }

    private static List<(string Name, int? Index)> Parse(string path)
    {
        if (!IsValid(path))
        {
            throw new ArgumentException($"'{path}' is not a body path such as video.duration or content[0].text.", nameof(path));
        }

        return [.. path.Split('.').Select(segment =>
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            return bracket < 0
                ? (segment, (int?)null)
                : (segment[..bracket], int.Parse(segment.AsSpan(bracket + 1, segment.Length - bracket - 2), NumberStyles.None, CultureInfo.InvariantCulture));
        })];
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(?:\[[0-9]{1,2}\])?(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[[0-9]{1,2}\])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern { get; }
}
