using System.Globalization;
using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Lint;

/// <summary>
/// The rules a target adds, each checked on every target of each family that its profile data gives it to: Google (Veo
/// on Vertex and Runway, Gemini Omni), Runway Gen-4.5, Luma Ray 3.2, Seedance (ModelArk and Runway), Kling, Sora and generic.
/// </summary>
public sealed class TargetLintTests
{
    // A complete shot that trips no rule of the Sora guide (PromptLinterTests.Baseline), so each test adds one defect.
    private const string Baseline =
        "Wide shot, low angle: a courier in a red jacket, blue scarf and white helmet rides a bicycle through rain, "
        + "takes three turns, pauses at the corner; slow dolly in under warm neon light.";

    private static readonly TargetCatalog Catalog = TargetCatalog.LoadEmbedded();

    private readonly PromptLinter _linter = new();

    // ---- without a target ----

    [Fact]
    public void Lint_NullTarget_IsTheSoraGuideReportWithoutTargetRules()
    {
        const string prompt = "A fox crosses a road without cars, 10 seconds, 16:9, with sound. The man says we are late.";

        var plain = _linter.Lint(prompt);
        var withNull = _linter.Lint(prompt, target: null);

        Assert.Equal(plain.Score, withNull.Score);
        Assert.Equal(plain.Findings, withNull.Findings);
        Assert.Contains(plain.Findings, f => f.Rule == LintRules.ProseParameters);
        Assert.DoesNotContain(plain.Findings, f => f.Rule.StartsWith("target-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllTargets))]
    public void Lint_Baseline_NoWarningOrErrorForAnyTarget(string id)
    {
        var report = _linter.Lint(Baseline, Target(id));

        Assert.DoesNotContain(report.Findings, f => f.Severity != LintSeverity.Info);
        Assert.True(report.Score >= 97, $"{id}: {report.Score}");
    }

    // ---- target-limit ----

    [Theory]
    [InlineData("veo-3.1")]
    [InlineData("veo-3.1-fast")]
    [InlineData("runway-veo3.1")]
    [InlineData("runway-gen4.5")]
    [InlineData("runway-seedance2")]
    public void Lint_OverAVerifiedLimit_IsAnErrorWithCountMaxAndUnitFromTheCut(string id)
    {
        var target = Target(id);
        var limit = target.PromptLimit!;
        var prompt = Over(Baseline, limit);

        var finding = Assert.Single(Findings(prompt, target, LintRules.TargetLimit));

        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Contains(Number(limit.Measure(prompt)), finding.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {Number(limit.Max)} {PromptLimitUnit.Name(limit.Unit)}", finding.Message, StringComparison.Ordinal);
        Assert.NotNull(finding.Span);
        Assert.Equal(prompt.Length, finding.Span.Start + finding.Span.Length);
        Assert.True(limit.Fits(prompt[..finding.Span.Start]), "the text before the span fits");
        Assert.False(limit.Fits(prompt[..(finding.Span.Start + 1)]), "the span starts where the text stops fitting");
        Assert.Equal(0, _linter.Lint(prompt, target).Score);
    }

    [Theory]
    [InlineData("luma-ray-3.2")]
    [InlineData("seedance-2.0")]
    [InlineData("seedance-2.0-fast")]
    [InlineData("kling-v2.6")]
    [InlineData("kling-v3")]
    public void Lint_OverAnUnverifiedLimit_Warns(string id)
    {
        var target = Target(id);
        var prompt = Over(Baseline, target.PromptLimit!);

        var finding = Assert.Single(Findings(prompt, target, LintRules.TargetLimit));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains("unverified", finding.Message, StringComparison.Ordinal);
        Assert.Contains(PromptLimitUnit.Name(target.PromptLimit!.Unit), finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TargetsWithLimit))]
    public void Lint_NearTheLimit_IsAnInfo(string id)
    {
        var target = Target(id);
        var limit = target.PromptLimit!;
        var prompt = Baseline;
        while (limit.Measure(prompt) * 100L <= limit.Max * 95L)
        {
            prompt += " The courier waits.";
        }

        Assert.True(limit.Fits(prompt), $"{limit.Measure(prompt)} over {limit.Max}");
        var finding = Assert.Single(Findings(prompt, target, LintRules.TargetLimit));

        Assert.Equal(LintSeverity.Info, finding.Severity);
        Assert.Contains("near the limit", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("veo-3.1")]
    [InlineData("luma-ray-3.2")]
    [InlineData("seedance-2.0")]
    [InlineData("kling-v3")]
    public void Lint_LongPromptWithinATargetLimit_NoWordCountWarning(string id)
    {
        var prompt = Baseline + string.Concat(Enumerable.Repeat(" The courier waits.", 90));

        Assert.Contains(_linter.Lint(prompt).Findings, f => f.Rule == LintRules.Length && f.Severity == LintSeverity.Warning);
        Assert.DoesNotContain(_linter.Lint(prompt, Target(id)).Findings, f => f.Rule == LintRules.Length && f.Severity == LintSeverity.Warning);
    }

    [Theory]
    [InlineData("gemini-omni-1.1-flash")]
    [InlineData("sora-2")]
    [InlineData("sora-2-pro")]
    [InlineData("generic")]
    public void Lint_LongPromptForATargetWithoutALimit_KeepsTheWordCountWarning(string id)
    {
        var prompt = Baseline + string.Concat(Enumerable.Repeat(" The courier waits.", 90));

        var report = _linter.Lint(prompt, Target(id));

        Assert.Contains(report.Findings, f => f.Rule == LintRules.Length && f.Severity == LintSeverity.Warning);
        Assert.DoesNotContain(report.Findings, f => f.Rule == LintRules.TargetLimit);
    }

    // ---- target-parameter ----

    [Theory]
    [InlineData("veo-3.1", "10 seconds", "set durationSeconds (4, 6 or 8)")]
    [InlineData("veo-3.1", "16:9", "set aspectRatio (16:9 or 9:16) in")]
    [InlineData("veo-3.1-fast", "1080p", "set resolution (720p or 1080p)")]
    [InlineData("veo-3.1-fast", "with sound", "set generateAudio (true or false)")]
    [InlineData("runway-veo3.1", "16:9", "set ratio (1280:720, 720:1280, 1080:1920 or 1920:1080) in")]
    [InlineData("runway-veo3.1", "audio on", "set audio (true or false)")]
    [InlineData("gemini-omni-1.1-flash", "9:16", "set aspect_ratio (16:9 or 9:16) in")]
    [InlineData("gemini-omni-1.1-flash", "4K", "set resolution (360p, 720p, 1080p or 4k)")]
    [InlineData("runway-gen4.5", "10 seconds", "set duration (2 to 10)")]
    [InlineData("runway-gen4.5", "1080p", "set ratio (1280:720 or 720:1280)")]
    [InlineData("luma-ray-3.2", "10 seconds", "set duration (5s or 10s)")]
    [InlineData("luma-ray-3.2", "21:9", "set aspect_ratio (9:16, 3:4, 1:1, 4:3, 16:9 or 21:9) in")]
    [InlineData("seedance-2.0", "720p", "set resolution (480p, 720p or 1080p)")]
    [InlineData("seedance-2.0-fast", "with audio", "set generate_audio (true or false)")]
    [InlineData("runway-seedance2", "16:9", "Seedance 2 on Runway has no aspect-ratio parameter")]
    [InlineData("kling-v2.6", "1080p", "set mode (std or pro)")]
    [InlineData("kling-v3", "with sound", "set sound (on or off)")]
    [InlineData("kling-v3", "16:9", "set aspect_ratio (16:9, 9:16 or 1:1) in")]
    [InlineData("sora-2", "16:9", "set size (1280x720 or 720x1280) in")]
    [InlineData("sora-2-pro", "12 seconds", "set seconds (4, 8 or 12)")]
    [InlineData("sora-2", "seed 42", "Sora 2 has no seed parameter")]
    [InlineData("generic", "16:9", "set the aspect-ratio as a request parameter of the model you use")]
    [InlineData("generic", "with sound", "turn audio on or off with the request parameter")]
    [InlineData("kling-v3", "Sora 2", "does not choose the model; the target does (Kling 3, model kling-v3)")]
    public void Lint_SettingInProse_NamesTheTargetsParameter(string id, string phrase, string advice)
    {
        var prompt = $"{Baseline} {phrase}, at night.";

        var finding = Assert.Single(Findings(prompt, Target(id), LintRules.TargetParameter));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains(advice, finding.Message, StringComparison.Ordinal);
        Assert.Equal(phrase, Text(prompt, finding.Span));
        Assert.DoesNotContain(_linter.Lint(prompt, Target(id)).Findings, f => f.Rule == LintRules.ProseParameters);
    }

    [Theory]
    [InlineData("gemini-omni-1.1-flash")]
    [InlineData("sora-2")]
    public void Lint_AudioSwitchInProse_ForAnAlwaysOnTarget_SaysThereIsNoSwitch(string id)
    {
        var prompt = $"{Baseline} With sound.";

        var finding = Assert.Single(Findings(prompt, Target(id), LintRules.TargetParameter));

        Assert.Equal(LintSeverity.Info, finding.Severity);
        Assert.Contains("always makes sound and has no switch", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("She takes four steps and waits two seconds.")]
    [InlineData("A 1990s diner at 5:30 pm, a runway model walks past.")]
    [InlineData("The courier shouts, \"Give me 10 seconds!\"")]
    public void Lint_NumbersAndWordsThatAreNotSettings_NoParameterFinding(string sentence)
    {
        Assert.Empty(Findings($"{Baseline} {sentence}", Target("veo-3.1"), LintRules.TargetParameter));
    }

    // ---- target-silent ----

    [Theory]
    [InlineData("runway-gen4.5", LintSeverity.Warning)]
    [InlineData("luma-ray-3.2", LintSeverity.Info)]
    public void Lint_DialogueAndSoundForASilentTarget_OneFindingAtTheFirstCue(string id, string severity)
    {
        // Unattributed, so the Sora guide's dialogue rule would warn if it ran for a silent target.
        var prompt = $"{Baseline}\n\"We're late.\" Thunder sound rolls in.";

        var finding = Assert.Single(Findings(prompt, Target(id), LintRules.TargetSilent));

        Assert.Equal(severity, finding.Severity);
        Assert.Equal("\"We're late.\"", Text(prompt, finding.Span));
        Assert.Contains("1 more sound cue", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_linter.Lint(prompt, Target(id)).Findings, f => f.Rule == LintRules.Dialogue);
    }

    [Theory]
    [InlineData("runway-gen4.5")]
    [InlineData("luma-ray-3.2")]
    public void Lint_SilenceOrASignForASilentTarget_NoSilentFinding(string id)
    {
        Assert.Empty(Findings($"{Baseline} A sign reads \"OPEN\". A road with no sound.", Target(id), LintRules.TargetSilent));
    }

    // ---- target-audio-unset ----

    [Theory]
    [InlineData("gemini-omni-1.1-flash")]
    [InlineData("sora-2")]
    [InlineData("sora-2-pro")]
    public void Lint_NoSoundDescribedForAnAlwaysOnTarget_Info(string id)
    {
        var finding = Assert.Single(Findings(Baseline, Target(id), LintRules.TargetAudioUnset));

        Assert.Equal(LintSeverity.Info, finding.Severity);
        Assert.Empty(Findings($"{Baseline} Rain hisses; soft music.", Target(id), LintRules.TargetAudioUnset));
    }

    // ---- target-dialogue-quotes ----

    [Theory]
    [InlineData("veo-3.1")]
    [InlineData("veo-3.1-fast")]
    [InlineData("runway-veo3.1")]
    [InlineData("seedance-2.0")]
    [InlineData("seedance-2.0-fast")]
    [InlineData("runway-seedance2")]
    [InlineData("generic")]
    public void Lint_SpeechWithoutQuotes_WhereTheAdviceQuotesDialogue_WarnsAtTheVerb(string id)
    {
        var prompt = $"{Baseline} The courier says we are late. Mara: \"Then ride.\"";

        var finding = Assert.Single(Findings(prompt, Target(id), LintRules.TargetDialogueQuotes));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal("says", Text(prompt, finding.Span));
        Assert.Empty(Findings($"{Baseline} The courier says, \"We're late.\" \"Then ride,\" Mara whispers.", Target(id), LintRules.TargetDialogueQuotes));
    }

    [Theory]
    [InlineData("gemini-omni-1.1-flash")]
    [InlineData("kling-v3")]
    [InlineData("sora-2")]
    [InlineData("runway-gen4.5")]
    public void Lint_SpeechWithoutQuotes_WhereTheAdviceDoesNotQuoteDialogue_NoQuotesFinding(string id)
    {
        Assert.Empty(Findings($"{Baseline} The courier says we are late.", Target(id), LintRules.TargetDialogueQuotes));
    }

    // ---- target-negative-avoid / -fold / -field ----

    [Theory]
    [InlineData("runway-gen4.5", "without cars")]
    [InlineData("runway-gen4.5", "No people")]
    [InlineData("generic", "Avoid lens flares")]
    [InlineData("generic", "don't show the logo")]
    public void Lint_NegativeWhereTheGuideAvoidsThem_WarnsWithAPositiveRewrite(string id, string negative)
    {
        var prompt = $"{Baseline} {negative}.";

        var finding = Assert.Single(Findings(prompt, Target(id), LintRules.TargetNegativeAvoid));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal(negative, Text(prompt, finding.Span));
        Assert.Contains("Describe what should be there instead", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gemini-omni-1.1-flash", "Avoid lens flares", "No lens flares.")]
    [InlineData("seedance-2.0", "don't show the logo", "No logo.")]
    [InlineData("seedance-2.0-fast", "without a crowd", "No crowd.")]
    [InlineData("runway-seedance2", "free of text", "No text.")]
    [InlineData("luma-ray-3.2", "without people", "No people.")]
    [InlineData("sora-2", "do not include subtitles", "No subtitles.")]
    [InlineData("sora-2-pro", "Exclude lens flares", "No lens flares.")]
    public void Lint_IndirectNegativeOnAFoldTarget_SuggestsANoSentence(string id, string negative, string sentence)
    {
        var prompt = $"{Baseline} {negative}.";

        var finding = Assert.Single(Findings(prompt, Target(id), LintRules.TargetNegativeFold));

        Assert.Equal(LintSeverity.Info, finding.Severity);
        Assert.Equal(negative, Text(prompt, finding.Span));
        Assert.Contains($"\"{sentence}\"", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Findings($"{Baseline} {sentence}", Target(id), LintRules.TargetNegativeFold));
    }

    [Theory]
    [InlineData("veo-3.1", "negativePrompt")]
    [InlineData("veo-3.1-fast", "negativePrompt")]
    [InlineData("runway-veo3.1", "negativePrompt")]
    [InlineData("kling-v2.6", "negative_prompt")]
    [InlineData("kling-v3", "negative_prompt")]
    public void Lint_NegativeInProseOnAFieldTarget_NamesTheField(string id, string field)
    {
        var prompt = $"{Baseline} No people. A road without any cars.";

        var findings = Findings(prompt, Target(id), LintRules.TargetNegativeField);

        Assert.Equal(["No people", "without any cars"], findings.Select(f => Text(prompt, f.Span)));
        Assert.All(findings, f => Assert.Equal(LintSeverity.Info, f.Severity));
        Assert.Contains($"move \"people\" to {Target(id).DisplayName}'s {field} field", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("move \"cars\"", findings[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The fox tries to avoid the car.")]
    [InlineData("No matter the rain, the courier rides on.")]
    [InlineData("Mara shouts, \"No way, don't show them!\"")]
    public void Lint_PhrasesThatAreNotExclusions_NoNegativeFinding(string sentence)
    {
        var prompt = $"{Baseline} {sentence}";

        foreach (var id in new[] { "runway-gen4.5", "veo-3.1", "seedance-2.0" })
        {
            Assert.DoesNotContain(_linter.Lint(prompt, Target(id)).Findings, f => f.Rule.StartsWith("target-negative", StringComparison.Ordinal));
        }
    }

    // ---- the whole report ----

    [Theory]
    [MemberData(nameof(AllTargets))]
    public void Lint_WithTarget_SpansLieInsideThePromptAndRulesAreKnown(string id)
    {
        var prompt = $"{Over(Baseline, new TargetPromptLimit(1_000, PromptLimitUnit.Utf16Units, "test"))} 16:9, seed 7, with sound, "
            + "no cars, avoid flares. The man says hi. \"Go,\" she whispers.";
        var known = typeof(LintRules).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);

        var findings = _linter.Lint(prompt, Target(id)).Findings;

        Assert.All(findings, f => Assert.Contains(f.Rule, known));
        Assert.All(findings.Where(f => f.Span is not null), f => Assert.InRange(f.Span!.Start + f.Span.Length, f.Span.Start + 1, prompt.Length));
    }

    public static TheoryData<string> AllTargets() => [.. Catalog.Ids];

    public static TheoryData<string> TargetsWithLimit() => [.. Catalog.All.Where(t => t.PromptLimit is not null).Select(t => t.Id)];

    private static TargetProfile Target(string id) => Catalog.Find(id) ?? throw new ArgumentException($"no target {id}", nameof(id));

    /// <summary>Repeats a sentence after <paramref name="start"/> until the text is past <paramref name="limit"/>.</summary>
    private static string Over(string start, TargetPromptLimit limit)
    {
        var text = start;
        while (limit.Fits(text))
        {
            text += " The courier waits.";
        }

        return text;
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private List<LintFinding> Findings(string prompt, TargetProfile target, string rule) =>
        [.. _linter.Lint(prompt, target).Findings.Where(f => f.Rule == rule)];

    private static string Text(string prompt, TextSpan? span)
    {
        Assert.NotNull(span);
        return prompt.Substring(span.Start, span.Length);
    }
}
