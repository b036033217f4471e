using System.Text.RegularExpressions;
using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Core.Engines.Llm;

/// <summary>
/// Turns a model's answer to a text operation into the bare prompt. Models add wrappers despite the output contract:
/// code fences, "Here is your prompt:" lines, closing offers and surrounding quotes. None of that belongs in a video prompt,
/// and neither do control characters: an answer is text the user may paste into a terminal.
/// </summary>
public static partial class LlmOutputCleaner
{
    public const string EmptyAnswerMessage = "The language model returned an empty answer.";

    /// <summary>Returns the cleaned prompt, or throws <see cref="UpstreamException"/> when nothing is left.</summary>
    public static string Clean(string? modelOutput)
    {
        var text = Normalize(modelOutput);
        text = StripFence(text);
        text = StripPreamble(text);
        text = StripClosingRemark(text);
        text = StripFence(text);
        text = StripWrappingQuotes(text);

        return string.IsNullOrWhiteSpace(text)
            ? throw new UpstreamException(UpstreamFailure.Error, EmptyAnswerMessage)
            : text;
    }

    /// <summary>Line breaks become LF; escape sequences, other control characters and bidi overrides go (<see cref="PromptCharacters"/>).</summary>
    private static string Normalize(string? text) => PromptCharacters.Strip(text ?? string.Empty).Trim();

    /// <summary>Takes the inside of a fenced block when the text outside it is only chatter around the prompt.</summary>
    private static string StripFence(string text)
    {
        var match = FenceRegex().Match(text);
        if (!match.Success)
        {
            // An opening fence with no closing one: the answer was cut off, the rest is still the prompt.
            if (text.StartsWith("```", StringComparison.Ordinal))
            {
                var lineEnd = text.IndexOf('\n', StringComparison.Ordinal);
                return lineEnd < 0 ? string.Empty : text[(lineEnd + 1)..].Trim();
            }

            return text;
        }

        var inside = match.Groups["body"].Value.Trim();
        var outside = text.Length - match.Length;
        return outside <= inside.Length ? inside : text;
    }

    private static string StripPreamble(string text)
    {
        // Twice: "Sure!" followed by "Here is the enhanced prompt:" is common.
        for (var pass = 0; pass < 2; pass++)
        {
            var lineEnd = text.IndexOf('\n', StringComparison.Ordinal);
            var firstLine = lineEnd < 0 ? text : text[..lineEnd];
            if (PreambleLineRegex().IsMatch(firstLine) || LabelLineRegex().IsMatch(firstLine))
            {
                text = lineEnd < 0 ? string.Empty : text[(lineEnd + 1)..].TrimStart();
                continue;
            }

            var inline = InlinePreambleRegex().Match(text);
            if (inline.Success)
            {
                text = text[inline.Length..].TrimStart();
            }

            break;
        }

        return text;
    }

    private static string StripClosingRemark(string text)
    {
        var lastBreak = text.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (lastBreak < 0)
        {
            return text;
        }

        var lastParagraph = text[(lastBreak + 2)..];
        return ClosingRemarkRegex().IsMatch(lastParagraph) ? text[..lastBreak].TrimEnd() : text;
    }

    private static string StripWrappingQuotes(string text)
    {
        while (text.Length >= 2)
        {
            var closing = text[0] switch
            {
                '"' => '"',
                '\'' => '\'',
                '`' => '`',
                '\u201C' => '\u201D',
                '\u2018' => '\u2019',
                '\u00AB' => '\u00BB',
                _ => '\0',
            };

            // A quote inside means the outer marks belong to dialogue ("Go," she says, "now."), not a wrapper.
            var inner = text[1..^1];
            if (closing == '\0' || text[^1] != closing || inner.Contains(closing, StringComparison.Ordinal)
                || inner.Contains(text[0], StringComparison.Ordinal))
            {
                break;
            }

            text = inner.Trim();
        }

        return text;
    }

    [GeneratedRegex(@"^(?:.*?\n)??```[\w+-]*[ \t]*\n(?<body>.*?)\n?```[ \t]*(?:\n.*)?$", RegexOptions.Singleline)]
    private static partial Regex FenceRegex();

    [GeneratedRegex(
        @"^\s*(?:(?:sure|certainly|of course|absolutely|okay|ok|alright)[!.,]?|(?:(?:sure|certainly|of course|absolutely|okay|ok|alright)[!.,]?\s+)?(?:here(?:'s|\u2019s| is| are)|below is|the following is|this is|i(?:'ve| have)\s+\w+)\b[^\n]*:)\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex PreambleLineRegex();

    [GeneratedRegex(
        @"^\s*(?:\*\*|#+\s*)?(?:(?:your|the|an?)\s+)?(?:enhanced|expanded|structured|restructured|merged|final|improved|revised|updated|new|generated)?\s*(?:sora\s*2?\s*)?(?:video\s+)?prompt(?:\*\*)?\s*:?(?:\*\*)?\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex LabelLineRegex();

    [GeneratedRegex(
        @"^(?:(?:sure|certainly|of course)[!.,]?\s*)?here(?:'s|\u2019s| is)\s+(?:your|the|an?)\s+[^:\n]{0,60}?prompt[^:\n]{0,20}:[ \t]*",
        RegexOptions.IgnoreCase)]
    private static partial Regex InlinePreambleRegex();

    [GeneratedRegex(
        @"^\s*(?:let me know|i hope|hope this|feel free|would you like|if you(?:'d| would) like|want me to|shall i)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ClosingRemarkRegex();
}
