using System.Globalization;
using System.Text.RegularExpressions;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Lint;

/// <summary>
/// The rules that hold for one target, read from its profile rather than from its id: the prompt limit, the request
/// parameters a setting in the prose belongs to, what the target does with sound, how its advice writes dialogue, and how
/// it takes exclusions. A new profile gets them from its data.
/// </summary>
internal static class TargetLint
{
    /// <summary>A prompt above this share of the limit gets an info, before it gets an error.</summary>
    internal const int NearLimitPercent = 90;

    // A quote this close after a speech verb ("says, ...") or before it ("..." she says) carries the words.
    private const int QuoteAfterVerb = 80;
    private const int QuoteBeforeVerb = 40;
    private const int MaxObjectWords = 4;
    private const int MaxListedValues = 8;

    /// <summary>A quote carries a speech verb's words only within its sentence.</summary>
    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create(".!?\n");

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "the", "any", "some" };

    private static readonly HashSet<string> ObjectStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "while", "as", "in", "on", "at", "through", "into", "from", "to", "with", "under", "over",
        "across", "along", "behind", "near", "by", "that", "which", "who", "so", "is", "are",
    };

    public static void Check(string prompt, TargetProfile target, List<(int Start, int Length)>? quotes, List<LintFinding> findings)
    {
        var speech = SpeechQuotes(prompt, quotes);
        CheckLimit(prompt, target, findings);
        var settings = CheckParameters(prompt, target, quotes, findings);
        CheckSound(prompt, target, quotes, speech, findings);
        CheckDialogueQuotes(prompt, target, quotes, speech, findings);
        CheckNegatives(prompt, target, quotes, settings, findings);
    }

    /// <summary>
    /// Over a verified limit the target refuses the prompt, so it is an error (the report scores 0, as for an empty
    /// prompt: there is nothing this target would run). An unverified limit only warns, as the export does.
    /// </summary>
    private static void CheckLimit(string prompt, TargetProfile target, List<LintFinding> findings)
    {
        if (target.PromptLimit is not { } limit)
        {
            return;
        }

        var unit = PromptLimitUnit.Name(limit.Unit);
        var count = limit.Measure(prompt);
        var estimated = limit.Unit == PromptLimitUnit.Tokens;
        var size = estimated
            ? string.Create(CultureInfo.InvariantCulture, $"about {count:N0} {unit} (estimated at {PromptLimitUnit.CharactersPerToken} characters a token)")
            : string.Create(CultureInfo.InvariantCulture, $"{count:N0} {unit}");
        var most = string.Create(CultureInfo.InvariantCulture, $"{target.DisplayName} takes at most {limit.Max:N0} {unit}");

        if (count > limit.Max)
        {
            var cut = CutIndex(prompt, limit);
            var span = new TextSpan(cut, prompt.Length - cut);
            findings.Add(limit.Verified
                ? new LintFinding(LintRules.TargetLimit, LintSeverity.Error, $"The prompt is {size}; {most}. Shorten it from the marked text on.", span)
                : new LintFinding(LintRules.TargetLimit, LintSeverity.Warning, $"The prompt is {size}; {most} by an unofficial source (unverified). Shorten it from the marked text on.", span));
        }
        else if (count * 100L > limit.Max * (long)NearLimitPercent)
        {
            findings.Add(new LintFinding(LintRules.TargetLimit, LintSeverity.Info, $"The prompt is {size}, near the limit: {most}."));
        }
        else if (estimated && prompt.Length > limit.Max)
        {
            findings.Add(new LintFinding(
                LintRules.TargetLimit,
                LintSeverity.Info,
                $"The prompt is {size}; {most}, so text of many short tokens may be over it."));
        }
    }

    /// <summary>Where the text passes the limit: the first UTF-16 index that no longer fits.</summary>
    internal static int CutIndex(string text, TargetPromptLimit limit)
    {
        if (limit.Unit == PromptLimitUnit.Utf16Units)
        {
            var cut = Math.Min(limit.Max, text.Length);
            return cut < text.Length && char.IsLowSurrogate(text[cut]) ? cut - 1 : cut;
        }

        if (limit.Unit == PromptLimitUnit.Words)
        {
            var words = 0;
            var i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i == text.Length)
                {
                    break;
                }

                if (words == limit.Max)
                {
                    return i;
                }

                words++;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }

            return text.Length;
        }

        var fits = limit.Unit == PromptLimitUnit.Tokens ? limit.Max * PromptLimitUnit.CharactersPerToken : limit.Max;
        var index = 0;
        var runes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (runes == fits)
            {
                return index;
            }

            index += rune.Utf16SequenceLength;
            runes++;
        }

        return text.Length;
    }

    private static List<(int Start, int Length)>? CheckParameters(
        string prompt, TargetProfile target, List<(int Start, int Length)>? quotes, List<LintFinding> findings)
    {
        List<(int Start, int Length)>? spans = null;
        foreach (Match match in LintPatterns.TargetParameterProse.Matches(prompt))
        {
            if (PromptLinter.InQuotes(match.Index, quotes))
            {
                continue;
            }

            var setting = ProseSetting.Of(match);
            var phrase = match.Value;
            var finding = setting.Kind switch
            {
                ProseSetting.Model => ModelFinding(phrase, target),
                ProseSetting.Audio => AudioFinding(phrase, target),
                _ => ParameterFinding(phrase, setting, target),
            };
            if (finding is null)
            {
                continue;
            }

            (spans ??= []).Add((match.Index, match.Length));
            findings.Add(finding with { Span = new TextSpan(match.Index, match.Length) });
        }

        return spans;
    }

    private static LintFinding ParameterFinding(string phrase, ProseSetting setting, TargetProfile target)
    {
        if (target.Request is null)
        {
            return new LintFinding(
                LintRules.TargetParameter,
                LintSeverity.Warning,
                $"\"{phrase}\" in the prose is not a setting; set the {setting.Name} as a request parameter of the model you use.");
        }

        var parameters = setting.ParametersOf(target);
        return parameters.Count == 0
            ? new LintFinding(
                LintRules.TargetParameter,
                LintSeverity.Warning,
                $"\"{phrase}\" in the prose is not a setting, and {target.DisplayName} has no {setting.Name} parameter; leave it out.")
            : new LintFinding(
                LintRules.TargetParameter,
                LintSeverity.Warning,
                $"\"{phrase}\" in the prose is not a setting; set {string.Join(" and ", parameters.Select(Describe))} in {target.DisplayName}'s request.");
    }

    private static LintFinding ModelFinding(string phrase, TargetProfile target) =>
        new(
            LintRules.TargetParameter,
            LintSeverity.Warning,
            target.Model is null
                ? $"\"{phrase}\" in the prose does not choose the model; the request does."
                : $"\"{phrase}\" in the prose does not choose the model; the target does ({target.DisplayName}, model {target.Model}).");

    /// <summary>A silent target's audio words are the silent rule's; an always-on target has no switch to point to.</summary>
    private static LintFinding? AudioFinding(string phrase, TargetProfile target)
    {
        switch (target.Audio)
        {
            case { Mode: AudioMode.None }:
                return null;
            case { Mode: AudioMode.Always }:
                return new LintFinding(
                    LintRules.TargetParameter,
                    LintSeverity.Info,
                    $"\"{phrase}\": {target.DisplayName} always makes sound and has no switch; describe in the prompt what should be heard.");
            case { Mode: AudioMode.Switch, Parameter: { } name } when target.FindParameter(name) is { } parameter:
                return new LintFinding(
                    LintRules.TargetParameter,
                    LintSeverity.Warning,
                    $"\"{phrase}\" in the prose is not a setting; set {Describe(parameter)} in {target.DisplayName}'s request.");
            default:
                return new LintFinding(
                    LintRules.TargetParameter,
                    LintSeverity.Warning,
                    $"\"{phrase}\" in the prose is not a setting; turn audio on or off with the request parameter of the model you use.");
        }
    }

    private static string Describe(TargetParameter parameter)
    {
        var values = parameter.Values;
        return values.Count switch
        {
            0 => parameter.Name,
            > MaxListedValues when values.All(v => int.TryParse(v, CultureInfo.InvariantCulture, out _)) => $"{parameter.Name} ({values[0]} to {values[^1]})",
            _ => $"{parameter.Name} ({VideoRequestBuilder.JoinOr(values)})",
        };
    }

    /// <summary>
    /// A target that makes silent video ignores dialogue and sound: one finding at the first cue, with the count. Where the
    /// profile says the silence itself is unverified, it is an info.
    /// </summary>
    private static void CheckSound(
        string prompt,
        TargetProfile target,
        List<(int Start, int Length)>? quotes,
        List<(int Start, int Length)> speech,
        List<LintFinding> findings)
    {
        if (target.Audio is not { } audio || audio.Mode == AudioMode.Switch)
        {
            return;
        }

        var cues = new List<(int Start, int Length)>(speech);
        foreach (var match in LintPatterns.SoundCue.EnumerateMatches(prompt))
        {
            if (!PromptLinter.InQuotes(match.Index, quotes) && !(audio.Mode == AudioMode.None && IsExcluded(prompt, match.Index)))
            {
                cues.Add((match.Index, match.Length));
            }
        }

        if (audio.Mode == AudioMode.Always)
        {
            if (cues.Count == 0)
            {
                findings.Add(new LintFinding(
                    LintRules.TargetAudioUnset,
                    LintSeverity.Info,
                    $"{target.DisplayName} always makes sound, and no sound is described; say what should be heard, e.g. \"soft rain and distant traffic\" or \"No music\"."));
            }

            return;
        }

        if (cues.Count == 0)
        {
            return;
        }

        cues.Sort((a, b) => a.Start.CompareTo(b.Start));
        var (start, length) = cues[0];
        var first = prompt.AsSpan(start, length);
        var more = cues.Count > 1 ? $" and {cues.Count - 1} more sound cue{(cues.Count > 2 ? "s" : "")}" : "";
        findings.Add(audio.Verified
            ? new LintFinding(
                LintRules.TargetSilent,
                LintSeverity.Warning,
                $"{target.DisplayName} makes silent video: \"{first}\"{more} will not be heard. Describe picture and motion only.",
                new TextSpan(start, length))
            : new LintFinding(
                LintRules.TargetSilent,
                LintSeverity.Info,
                $"\"{first}\"{more} ask for sound, but {target.DisplayName} has no audio parameter and whether it makes sound is unverified. Describe picture and motion first.",
                new TextSpan(start, length)));
    }

    private static void CheckDialogueQuotes(
        string prompt,
        TargetProfile target,
        List<(int Start, int Length)>? quotes,
        List<(int Start, int Length)> speech,
        List<LintFinding> findings)
    {
        if (target.Audio?.Mode == AudioMode.None || !AdvisesQuotedDialogue(target))
        {
            return;
        }

        foreach (var match in LintPatterns.SpeechVerb.EnumerateMatches(prompt))
        {
            if (PromptLinter.InQuotes(match.Index, quotes) || HasQuoteNearby(prompt, match.Index, match.Length, speech))
            {
                continue;
            }

            findings.Add(new LintFinding(
                LintRules.TargetDialogueQuotes,
                LintSeverity.Warning,
                $"\"{prompt.AsSpan(match.Index, match.Length)}\" without quoted words; {target.DisplayName} takes dialogue in quotes, e.g. She says, \"We're late.\"",
                new TextSpan(match.Index, match.Length)));
        }
    }

    /// <summary>The profile's own advice (its audio advice or a guidance line) puts dialogue in quotes.</summary>
    internal static bool AdvisesQuotedDialogue(TargetProfile target) =>
        target.Guidance.Select(g => g.Text).Append(target.Audio?.Advice ?? "")
            .Any(text => text.Contains("dialogue", StringComparison.OrdinalIgnoreCase)
                && (text.Contains("in quotes", StringComparison.OrdinalIgnoreCase) || text.Contains("double quotes", StringComparison.OrdinalIgnoreCase)));

    private static bool HasQuoteNearby(string prompt, int start, int length, List<(int Start, int Length)> speech)
    {
        var end = start + length;
        foreach (var (quoteStart, quoteLength) in speech)
        {
            var quoteEnd = quoteStart + quoteLength;
            var (gapStart, gapEnd, most) = quoteStart >= end ? (end, quoteStart, QuoteAfterVerb) : (quoteEnd, start, QuoteBeforeVerb);
            if (gapEnd >= gapStart && gapEnd - gapStart <= most && !prompt.AsSpan(gapStart, gapEnd - gapStart).ContainsAny(SentenceEnds))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckNegatives(
        string prompt,
        TargetProfile target,
        List<(int Start, int Length)>? quotes,
        List<(int Start, int Length)>? settings,
        List<LintFinding> findings)
    {
        if (target.Negatives is not { } negatives)
        {
            return;
        }

        foreach (Match match in LintPatterns.NegativeCue.Matches(prompt))
        {
            if (PromptLinter.InQuotes(match.Index, quotes) || Overlaps(match.Index, settings))
            {
                continue;
            }

            var plainNo = match.Groups["plain"].Success;
            if (negatives.Mode == NegativeMode.Fold && plainNo)
            {
                continue;
            }

            if (ObjectAfter(prompt, match.Index + match.Length) is not { } found)
            {
                continue;
            }

            var span = new TextSpan(match.Index, found.End - match.Index);
            var phrase = prompt.AsSpan(span.Start, span.Length);
            findings.Add(negatives.Mode switch
            {
                NegativeMode.Avoid => new LintFinding(
                    LintRules.TargetNegativeAvoid,
                    LintSeverity.Warning,
                    $"\"{phrase}\" is negative phrasing; {target.DisplayName} works best with positive phrasing. Describe what should be there instead (\"an empty road\" rather than \"no cars\").",
                    span),
                NegativeMode.Fold => new LintFinding(
                    LintRules.TargetNegativeFold,
                    LintSeverity.Info,
                    $"\"{phrase}\": {target.DisplayName} has no negative-prompt field; write the exclusion as its own short sentence, \"No {found.Object}.\"",
                    span),
                _ => new LintFinding(
                    LintRules.TargetNegativeField,
                    LintSeverity.Info,
                    $"\"{phrase}\": move \"{found.Object}\" to {target.DisplayName}'s {NegativeField(negatives)} field instead of the prompt.",
                    span),
            });
        }
    }

    private static string NegativeField(TargetNegatives negatives) =>
        negatives.Path is null ? "negative-prompt" : JsonBodyPath.LastName(negatives.Path);

    /// <summary>The excluded thing after a negative cue: up to four words, leading articles left out, to a stop word or punctuation.</summary>
    private static (int End, string Object)? ObjectAfter(string prompt, int from)
    {
        var i = from;
        var objectStart = -1;
        var end = -1;
        var words = 0;
        while (words < MaxObjectWords)
        {
            while (i < prompt.Length && prompt[i] is ' ' or '\t' or '-')
            {
                i++;
            }

            var start = i;
            while (i < prompt.Length && (char.IsLetterOrDigit(prompt[i]) || prompt[i] is '\'' or '’' || (prompt[i] == '-' && i + 1 < prompt.Length && char.IsLetter(prompt[i + 1]))))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            var word = prompt.AsSpan(start, i - start).ToString();
            if (objectStart < 0 && Determiners.Contains(word))
            {
                continue;
            }

            if (ObjectStops.Contains(word))
            {
                break;
            }

            if (objectStart < 0)
            {
                objectStart = start;
            }

            end = i;
            words++;
        }

        return objectStart < 0 ? null : (end, prompt[objectStart..end]);
    }

    /// <summary>A sound word that is itself excluded ("no sound", "without music") asks for silence, not for sound.</summary>
    private static bool IsExcluded(string prompt, int index)
    {
        var word = PromptLinter.LastWord(prompt.AsSpan(0, index));
        return word.Equals("no", StringComparison.OrdinalIgnoreCase) || word.Equals("without", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Overlaps(int index, List<(int Start, int Length)>? spans) =>
        spans is not null && spans.Any(s => index >= s.Start && index < s.Start + s.Length);

    /// <summary>Quoted text that is speech, not a sign, title or label ("a sign reads ...").</summary>
    private static List<(int Start, int Length)> SpeechQuotes(string prompt, List<(int Start, int Length)>? quotes)
    {
        var speech = new List<(int Start, int Length)>();
        foreach (var (start, length) in quotes ?? [])
        {
            if (prompt.AsSpan(start + 1, length - 2).IsWhiteSpace())
            {
                continue;
            }

            var lineStart = start == 0 ? 0 : prompt.LastIndexOf('\n', start - 1) + 1;
            if (!LintLexicons.QuotedLabelLookup.Contains(PromptLinter.LastWord(prompt.AsSpan(lineStart, start - lineStart))))
            {
                speech.Add((start, length));
            }
        }

        return speech;
    }

    /// <summary>The kind of setting a phrase of <see cref="LintPatterns.TargetParameterProse"/> writes, and where a target takes it.</summary>
    private readonly record struct ProseSetting(string Kind, string Name)
    {
        public const string Duration = "duration";
        public const string FrameRate = "fps";
        public const string Resolution = "resolution";
        public const string Size = "size";
        public const string AspectRatio = "aspect";
        public const string Audio = "audio";
        public const string Seed = "seed";
        public const string Model = "model";

        private static readonly string[] Kinds = [Duration, FrameRate, Resolution, Size, AspectRatio, Audio, Seed, Model];

        public static ProseSetting Of(Match match)
        {
            var kind = Kinds.First(k => match.Groups[k].Success);
            return new ProseSetting(kind, kind switch
            {
                FrameRate => "frame-rate",
                AspectRatio => "aspect-ratio",
                Size => "frame-size",
                _ => kind,
            });
        }

        /// <summary>
        /// Found by the parameters' names and values, not by target id: a duration is a parameter named like one; an aspect
        /// ratio a ratio parameter, else a size in pixels (Sora's size); a resolution a resolution parameter, else a size in
        /// pixels (Runway's ratio), else a parameter whose description gives resolutions (Kling's mode).
        /// </summary>
        public List<TargetParameter> ParametersOf(TargetProfile target)
        {
            var parameters = target.Parameters;
            return Kind switch
            {
                Duration => [.. parameters.Where(p => Named(p, "duration") || Named(p, "seconds"))],
                FrameRate => [.. parameters.Where(p => Named(p, "fps") || Named(p, "frame"))],
                Seed => [.. parameters.Where(p => Named(p, "seed"))],
                AspectRatio => AspectOf(parameters),
                Resolution => ResolutionOf(parameters),
                _ => [.. AspectOf(parameters).Union(ResolutionOf(parameters))],
            };
        }

        private static List<TargetParameter> AspectOf(IReadOnlyList<TargetParameter> parameters) =>
            FirstNonEmpty(
                parameters.Where(p => Named(p, "ratio") || Named(p, "aspect")),
                parameters.Where(IsPixelSize));

        private static List<TargetParameter> ResolutionOf(IReadOnlyList<TargetParameter> parameters) =>
            FirstNonEmpty(
                parameters.Where(p => Named(p, "resolution")),
                parameters.Where(IsPixelSize),
                parameters.Where(p => p.Description is { } d && LintPatterns.ResolutionValue.IsMatch(d)));

        private static List<TargetParameter> FirstNonEmpty(params IEnumerable<TargetParameter>[] candidates) =>
            candidates.Select(c => c.ToList()).FirstOrDefault(c => c.Count > 0) ?? [];

        /// <summary>The name has <paramref name="word"/> as one of its words (aspectRatio, aspect_ratio), not inside one (duRATIOn).</summary>
        private static bool Named(TargetParameter parameter, string word)
        {
            foreach (var match in LintPatterns.NameWord.EnumerateMatches(parameter.Name))
            {
                if (parameter.Name.AsSpan(match.Index, match.Length).Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPixelSize(TargetParameter parameter) =>
            parameter.Allowed is { Count: > 0 } allowed && allowed.All(LintPatterns.PixelSize.IsMatch);
    }
}
