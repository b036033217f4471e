using System.Globalization;
using System.Text.RegularExpressions;

namespace SoraPromptGenie.Tests.Ops.Telemetry;

/// <summary>Reads series out of a Prometheus text exposition: <c>name{label="value",...} 12.5</c>.</summary>
internal sealed partial class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>Sum of every series of <paramref name="name"/> that carries all the given labels; null when none does.</summary>
    public double? Sum(string name, params (string Label, string Value)[] labels)
    {
        double? total = null;
        foreach (var line in Text.Split('\n'))
        {
            var match = Series().Match(line);
            if (!match.Success || match.Groups["name"].Value != name)
            {
                continue;
            }

            var present = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            if (labels.All(l => present.TryGetValue(l.Label, out var value) && value == l.Value))
            {
                total = (total ?? 0) + double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>[-+0-9.eE]+|NaN|\+Inf)")]
    private static partial Regex Series();

    [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Label();
}
