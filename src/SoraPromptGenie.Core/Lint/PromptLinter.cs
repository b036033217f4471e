using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Lint;

/// <summary>
/// Checks a prompt against the advice of the Sora 2 prompting guide (design section 6), and with a target against that
/// target's profile as well (<see cref="TargetLint"/>). Pure and deterministic:
/// no LLM, no clock, no culture; the same prompt always yields the same report. Safe to share across threads.
/// </summary>
public sealed class PromptLinter
{
    // Score: start at 100 and subtract each finding's weight, then clamp to 0..100. A warning is advice the guide
    // states outright (name the framing, no parameters in prose); an info is a nudge a strong prompt may ignore
    // (no camera move, two colours), so a guide-style prompt with a couple of infos stays above 85. An error means
    // there is nothing to lint and costs everything.
    internal const int ErrorWeight = 100;
    internal const int WarningWeight = 10;
    internal const int InfoWeight = 3;

    internal const int ShortPromptWords = 15;
    internal const int LongPromptWords = 250;
    internal const int MaxDialogueWords = 20;
    internal const int MinColours = 3;
    internal const int MaxColours = 5;

    // Beats of one action ("coils the rope, pauses, looks up") legitimately name several verbs, so the warning is
    // for a shot that reads like a whole scene.
    internal const int MaxDistinctActions = 8;

    // Handheld and Steadicam describe how the camera is carried, not where it goes ("handheld tracking shot" is one
    // move), so they satisfy "a camera move is named" without counting towards "more than one move".
    private static readonly (string Name, Regex Pattern, bool IsSupport)[] CameraMoves =
    [
        ("dolly", LintPatterns.Dolly, false),
        ("push-in", LintPatterns.PushIn, false),
        ("pull-back", LintPatterns.PullBack, false),
        ("tracking", LintPatterns.Tracking, false),
        ("pan", LintPatterns.Pan, false),
        ("tilt", LintPatterns.Tilt, false),
        ("crane", LintPatterns.Crane, false),
        ("zoom", LintPatterns.Zoom, false),
        ("orbit", LintPatterns.Orbit, false),
        ("aerial", LintPatterns.Aerial, false),
        ("static", LintPatterns.Static, false),
        ("handheld", LintPatterns.Handheld, true),
        ("steadicam", LintPatterns.Steadicam, true),
    ];

    private static readonly LintReport EmptyReport = new(
        0,
        [new LintFinding(LintRules.Empty, LintSeverity.Error, "The prompt is empty; describe a subject, an action and a setting.")]);

    public LintReport Lint(string prompt) => Lint(prompt, target: null);

    /// <summary>Lints <paramref name="prompt"/> as written for <paramref name="target"/>; null lints against the Sora 2 guide.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Registered and injected as a service like the other prompt operations.")]
    public LintReport Lint(string prompt, TargetProfile? target)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return EmptyReport;
        }

        var findings = new List<LintFinding>();
        var quotes = FindQuotes(prompt);
        var words = ScanWords(prompt, quotes);

        CheckFraming(prompt, findings);
        CheckCameraMoves(prompt, findings);
        CheckActions(prompt, words, findings);
        CheckLight(prompt, words, findings);
        CheckPalette(words, findings);
        CheckVagueWords(prompt, words, quotes, findings);
        // With a target, the Sora-guide rules that concern the request follow the target: a silent target's sound is
        // the target-silent rule's (so dialogue advice is moot), a target's own prompt limit replaces the 250-word warning
        // (the short-prompt nudge stays, and targets without a limit keep the word count), and settings in the prose
        // point to the target's parameters instead of Sora's size and seconds.
        if (target?.Audio?.Mode != AudioMode.None)
        {
            CheckDialogue(prompt, quotes, findings);
        }

        CheckLength(prompt, warnWhenLong: target?.PromptLimit is null, findings);
        if (target is null)
        {
            CheckProseParameters(prompt, findings);
        }
        else
        {
            TargetLint.Check(prompt, target, quotes, findings);
        }

        return new LintReport(Score(findings), findings);
    }

    internal static int Score(IReadOnlyList<LintFinding> findings)
    {
        var score = 100;
        foreach (var finding in findings)
        {
            score -= finding.Severity switch
            {
                LintSeverity.Error => ErrorWeight,
                LintSeverity.Warning => WarningWeight,
                _ => InfoWeight,
            };
        }

        return Math.Clamp(score, 0, 100);
    }

    /// <summary>Counts whitespace-separated words that contain a letter or digit ("—" alone is not a word).</summary>
    internal static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        var wordHasContent = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inWord && wordHasContent)
                {
                    count++;
                }

                inWord = false;
                wordHasContent = false;
                continue;
            }

            inWord = true;
            wordHasContent |= char.IsLetterOrDigit(c);
        }

        return inWord && wordHasContent ? count + 1 : count;
    }

    private static void CheckFraming(string prompt, List<LintFinding> findings)
    {
        if (!LintPatterns.Framing.IsMatch(prompt))
        {
            findings.Add(new LintFinding(
                LintRules.Framing,
                LintSeverity.Warning,
                "No framing or camera angle named; state the shot, e.g. \"medium close-up, eye level\" or \"wide shot, low angle\"."));
        }
    }

    private static void CheckCameraMoves(string prompt, List<LintFinding> findings)
    {
        List<(string Name, int Start, int Length)>? found = null;
        var hasSupport = false;
        foreach (var (name, pattern, isSupport) in CameraMoves)
        {
            foreach (var match in pattern.EnumerateMatches(prompt))
            {
                if (isSupport)
                {
                    hasSupport = true;
                }
                else
                {
                    (found ??= []).Add((name, match.Index, match.Length));
                }

                break;
            }
        }

        if (found is null)
        {
            if (!hasSupport)
            {
                findings.Add(new LintFinding(
                    LintRules.CameraMove,
                    LintSeverity.Info,
                    "No camera move named; pick one, e.g. \"slow dolly in\", \"handheld tracking shot\" or \"static shot\"."));
            }

            return;
        }

        if (found.Count > 1)
        {
            found.Sort((a, b) => a.Start.CompareTo(b.Start));
            var second = found[1];
            findings.Add(new LintFinding(
                LintRules.CameraMove,
                LintSeverity.Warning,
                $"{found.Count} camera moves ({string.Join(", ", found.Select(f => f.Name))}); use one clear camera move per shot.",
                new TextSpan(second.Start, second.Length)));
        }
    }

    private static void CheckActions(string prompt, WordScan words, List<LintFinding> findings)
    {
        var actions = words.Actions;
        if (actions is null)
        {
            findings.Add(new LintFinding(
                LintRules.SubjectAction,
                LintSeverity.Warning,
                "No subject action found; give the subject one clear action, e.g. \"walks to the window\"."));
            return;
        }

        if (actions.Count > MaxDistinctActions)
        {
            var extra = actions[MaxDistinctActions];
            findings.Add(new LintFinding(
                LintRules.SubjectAction,
                LintSeverity.Warning,
                $"{actions.Count} distinct actions ({string.Join(", ", actions.Select(a => a.Verb))}); keep one clear subject action per shot and move the rest to other shots.",
                new TextSpan(extra.Start, extra.Length)));
        }

        if (!LintPatterns.BeatMarkers.IsMatch(prompt) && LintPatterns.BulletLine.Count(prompt) < 2)
        {
            findings.Add(new LintFinding(
                LintRules.ActionBeats,
                LintSeverity.Info,
                "Actions have no beats or counts; pace them, e.g. \"takes four steps, pauses, looks back\"."));
        }
    }

    private static void CheckLight(string prompt, WordScan words, List<LintFinding> findings)
    {
        if (!words.HasLight && !LintPatterns.LightPhrases.IsMatch(prompt))
        {
            findings.Add(new LintFinding(
                LintRules.Light,
                LintSeverity.Warning,
                "No light source or quality named; say where the light comes from and how it falls, e.g. \"soft window light from the left\"."));
        }
    }

    private static void CheckPalette(WordScan words, List<LintFinding> findings)
    {
        var count = words.Colours?.Count ?? 0;
        if (count < MinColours)
        {
            var named = count switch
            {
                0 => "No colours are named",
                1 => "Only 1 colour is named",
                _ => $"Only {count} colours are named",
            };
            findings.Add(new LintFinding(
                LintRules.Palette,
                LintSeverity.Info,
                $"{named}; anchor the palette with 3-5 colours, e.g. \"amber, teal and charcoal\"."));
        }
        else if (count > MaxColours)
        {
            findings.Add(new LintFinding(
                LintRules.Palette,
                LintSeverity.Warning,
                $"{count} colours named ({string.Join(", ", words.Colours!)}); 3-5 colour anchors keep the palette coherent."));
        }
    }

    private static void CheckVagueWords(string prompt, WordScan words, List<(int Start, int Length)>? quotes, List<LintFinding> findings)
    {
        var spans = words.Vague;
        foreach (var match in LintPatterns.VaguePhrases.EnumerateMatches(prompt))
        {
            if (!InQuotes(match.Index, quotes))
            {
                (spans ??= []).Add((match.Index, match.Length));
            }
        }

        if (spans is null)
        {
            return;
        }

        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var coveredUntil = -1;
        foreach (var (start, length) in spans)
        {
            // A phrase and a vague word inside it ("looks nice") are one finding, reported as the longer phrase.
            if (start < coveredUntil)
            {
                continue;
            }

            coveredUntil = start + length;
            findings.Add(new LintFinding(
                LintRules.VagueWords,
                LintSeverity.Warning,
                $"\"{prompt.AsSpan(start, length)}\" is vague; name what the viewer sees instead (a concrete subject, action, light or colour).",
                new TextSpan(start, length)));
        }
    }

    private static void CheckDialogue(string prompt, List<(int Start, int Length)>? quotes, List<LintFinding> findings)
    {
        if (quotes is null)
        {
            return;
        }

        foreach (var (start, length) in quotes)
        {
            var inner = prompt.AsSpan(start + 1, length - 2);
            if (inner.IsWhiteSpace())
            {
                continue;
            }

            var end = start + length;
            var lineStart = start == 0 ? 0 : prompt.LastIndexOf('\n', start - 1) + 1;
            var lineEnd = prompt.IndexOf('\n', end);
            var before = prompt.AsSpan(lineStart, start - lineStart);
            var after = prompt.AsSpan(end, (lineEnd < 0 ? prompt.Length : lineEnd) - end);

            if (LintLexicons.QuotedLabelLookup.Contains(LastWord(before)))
            {
                continue;
            }

            var span = new TextSpan(start, length);
            var wordCount = CountWords(inner);
            if (wordCount > MaxDialogueWords)
            {
                findings.Add(new LintFinding(
                    LintRules.Dialogue,
                    LintSeverity.Warning,
                    $"A dialogue line of {wordCount} words; keep each line to about {MaxDialogueWords} words so it fits the shot.",
                    span));
            }

            if (!IsAttributed(before, after))
            {
                findings.Add(new LintFinding(
                    LintRules.Dialogue,
                    LintSeverity.Warning,
                    "Quoted speech without a speaker; attribute each line, e.g. Mara: \"We're late.\"",
                    span));
            }
        }
    }

    private static void CheckLength(string prompt, bool warnWhenLong, List<LintFinding> findings)
    {
        var count = CountWords(prompt);
        if (count < ShortPromptWords)
        {
            findings.Add(new LintFinding(
                LintRules.Length,
                LintSeverity.Info,
                $"Only {count} words; short prompts leave the model freedom. Add detail where you want control."));
        }
        else if (warnWhenLong && count > LongPromptWords)
        {
            findings.Add(new LintFinding(
                LintRules.Length,
                LintSeverity.Warning,
                $"{count} words; long prompts constrain the model and details start to compete. Trim to what matters on screen."));
        }
    }

    private static void CheckProseParameters(string prompt, List<LintFinding> findings)
    {
        foreach (var match in LintPatterns.ProseParameter.EnumerateMatches(prompt))
        {
            findings.Add(new LintFinding(
                LintRules.ProseParameters,
                LintSeverity.Warning,
                $"\"{prompt.AsSpan(match.Index, match.Length)}\" in the prose has no effect; set size and seconds in the request.",
                new TextSpan(match.Index, match.Length)));
        }
    }

    private static List<(int Start, int Length)>? FindQuotes(string prompt)
    {
        List<(int Start, int Length)>? quotes = null;
        foreach (var match in LintPatterns.Quote.EnumerateMatches(prompt))
        {
            (quotes ??= []).Add((match.Index, match.Length));
        }

        return quotes;
    }

    internal static bool InQuotes(int index, List<(int Start, int Length)>? quotes)
    {
        if (quotes is null)
        {
            return false;
        }

        foreach (var (start, length) in quotes)
        {
            if (index < start)
            {
                return false;
            }

            if (index < start + length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One pass over the letter runs outside quoted speech: colours, action verbs, light words and vague words.
    /// Speech is skipped so a character saying "beautiful" or "red" does not count as the prompt's own wording.
    /// </summary>
    private static WordScan ScanWords(string prompt, List<(int Start, int Length)>? quotes)
    {
        var scan = new WordScan();
        var text = prompt.AsSpan();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            if (InQuotes(start, quotes))
            {
                continue;
            }

            var word = text[start..i];
            if (LintLexicons.ColourLookup.TryGetValue(word, out var colour))
            {
                if (scan.Colours is null || !scan.Colours.Contains(colour))
                {
                    (scan.Colours ??= []).Add(colour);
                }
            }

            if (LintLexicons.ActionVerbLookup.TryGetValue(word, out var verb) && !ContainsVerb(scan.Actions, verb))
            {
                (scan.Actions ??= []).Add((verb, start, word.Length));
            }

            scan.HasLight |= LintLexicons.LightLookup.Contains(word);

            if (LintLexicons.VagueLookup.Contains(word))
            {
                (scan.Vague ??= []).Add((start, word.Length));
            }
        }

        return scan;
    }

    private static bool ContainsVerb(List<(string Verb, int Start, int Length)>? actions, string verb)
    {
        if (actions is null)
        {
            return false;
        }

        foreach (var action in actions)
        {
            // Base forms are the lexicon's own string instances, so reference equality is exact here.
            if (ReferenceEquals(action.Verb, verb))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAttributed(ReadOnlySpan<char> before, ReadOnlySpan<char> after)
    {
        var colon = before.LastIndexOf(':');
        if (colon >= 0)
        {
            var label = before[..colon];
            var previous = label.LastIndexOf(':');
            label = label[(previous + 1)..].Trim().TrimStart("-*•").Trim();
            if (label.ContainsAnyExcept(" \t") && !label.Equals("dialogue", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return ContainsWord(before, LintLexicons.SpeechVerbLookup, int.MaxValue)
            || ContainsWord(after, LintLexicons.SpeechVerbLookup, 6);
    }

    private static bool ContainsWord(ReadOnlySpan<char> text, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup, int maxWords)
    {
        var i = 0;
        var seen = 0;
        while (i < text.Length && seen < maxWords)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            seen++;
            if (lookup.Contains(text[start..i]))
            {
                return true;
            }
        }

        return false;
    }

    internal static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> text)
    {
        var end = text.Length;
        while (end > 0 && !char.IsLetter(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return text[start..end];
    }

    private sealed class WordScan
    {
        public List<string>? Colours;
        public List<(string Verb, int Start, int Length)>? Actions;
        public List<(int Start, int Length)>? Vague;
        public bool HasLight;
    }
}
