using SoraPromptGenie.Core.Lint;

namespace SoraPromptGenie.Tests.Lint;

public sealed class PromptLinterTests
{
    private const string StrongPrompt = """
        A weathered fisherman in a yellow oilskin coat stands at the end of a wooden pier at dawn, grey fog drifting over teal harbour water.

        Cinematography:
        Camera shot: medium close-up, eye level, slow dolly in.
        Lighting: soft diffused dawn light from the left, warm amber lantern glow on his face.
        Mood: quiet, patient, melancholic.

        Actions:
        - He coils the wet rope in three slow loops.
        - He pauses and looks out at the fog.
        - He lifts the lantern and exhales.

        Dialogue:
        Fisherman: "She'll come back with the tide."
        """;

    private const string VaguePrompt = "A beautiful, stunning city with an amazing cinematic look, epic and awesome, in 4K.";

    // A complete shot that trips no rule, so each rule test can add exactly the defect it checks.
    private const string Baseline =
        "Wide shot, low angle: a courier in a red jacket, blue scarf and white helmet rides a bicycle through rain, "
        + "takes three turns, pauses at the corner; slow dolly in under warm neon light.";

    private readonly PromptLinter _linter = new();

    [Fact]
    public void Lint_Baseline_HasNoFindings()
    {
        var report = _linter.Lint(Baseline);

        Assert.Empty(report.Findings);
        Assert.Equal(100, report.Score);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t ")]
    public void Lint_EmptyPrompt_ScoresZeroWithOneError(string prompt)
    {
        var report = _linter.Lint(prompt);

        Assert.Equal(0, report.Score);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(LintRules.Empty, finding.Rule);
        Assert.Equal(LintSeverity.Error, finding.Severity);
    }

    [Fact]
    public void Lint_NullPrompt_TreatedAsEmpty()
    {
        var report = _linter.Lint(null!);

        Assert.Equal(LintRules.Empty, Assert.Single(report.Findings).Rule);
    }

    [Fact]
    public void Lint_StrongGuidePrompt_ScoresAtLeast85()
    {
        var report = _linter.Lint(StrongPrompt);

        Assert.True(report.Score >= 85, $"Score {report.Score}: {Describe(report)}");
    }

    [Fact]
    public void Lint_VaguePrompt_ScoresBelow60()
    {
        var report = _linter.Lint(VaguePrompt);

        Assert.True(report.Score < 60, $"Score {report.Score}");
    }

    [Fact]
    public void Lint_PromptsOfRisingQuality_ScoreInOrder()
    {
        const string middling = "A fox walks across a snowy road at night, close-up, under one streetlight.";

        var vague = _linter.Lint(VaguePrompt).Score;
        var middle = _linter.Lint(middling).Score;
        var strong = _linter.Lint(StrongPrompt).Score;

        Assert.True(vague < middle && middle < strong, $"{vague} < {middle} < {strong}");
    }

    [Theory]
    [InlineData("beautiful amazing stunning epic awesome nice gorgeous beautiful amazing stunning epic awesome nice gorgeous 4K 8K 16:9 1080p")]
    [InlineData("x")]
    [InlineData(StrongPrompt)]
    public void Lint_AnyPrompt_ScoreWithinBounds(string prompt)
    {
        var report = _linter.Lint(prompt);

        Assert.InRange(report.Score, 0, 100);
    }

    [Fact]
    public void Lint_ManyWarnings_ClampsAtZero()
    {
        var prompt = string.Join(' ', Enumerable.Repeat("beautiful", 20));

        var report = _linter.Lint(prompt);

        Assert.Equal(0, report.Score);
    }

    [Fact]
    public void Lint_SamePromptTwice_ReturnsEqualReports()
    {
        var other = new PromptLinter();

        var first = _linter.Lint(StrongPrompt + "\n" + VaguePrompt);
        var second = other.Lint(StrongPrompt + "\n" + VaguePrompt);

        Assert.Equal(first.Score, second.Score);
        Assert.Equal(first.Findings, second.Findings);
    }

    [Fact]
    public void Lint_Findings_OrderedByRuleThenPosition()
    {
        var prompt = "A beautiful road in 4K, then an epic fox walks twice, 20 seconds.";

        var findings = _linter.Lint(prompt).Findings;

        var ruleOrder = new[]
        {
            LintRules.Framing, LintRules.CameraMove, LintRules.SubjectAction, LintRules.ActionBeats, LintRules.Light,
            LintRules.Palette, LintRules.VagueWords, LintRules.Dialogue, LintRules.Length, LintRules.ProseParameters,
        };
        var keys = findings.Select(f => (Array.IndexOf(ruleOrder, f.Rule), f.Span?.Start ?? -1)).ToList();
        Assert.Equal(keys.Order(), keys);
    }

    [Fact]
    public void Lint_EveryFinding_HasKnownRuleAndSeverity()
    {
        string[] severities = [LintSeverity.Info, LintSeverity.Warning, LintSeverity.Error];

        var findings = _linter.Lint(VaguePrompt + " \"" + string.Join(' ', Enumerable.Repeat("word", 25)) + "\"").Findings;

        Assert.All(findings, f => Assert.Contains(f.Severity, severities));
        Assert.All(findings, f => Assert.Matches("^[a-z]+(-[a-z]+)*$", f.Rule));
    }

    // ---- framing ----

    [Theory]
    [InlineData("close-up")]
    [InlineData("Extreme close-up")]
    [InlineData("medium close up")]
    [InlineData("wide shot")]
    [InlineData("medium shot")]
    [InlineData("establishing shot")]
    [InlineData("over-the-shoulder")]
    [InlineData("low angle")]
    [InlineData("high-angle")]
    [InlineData("eye level")]
    [InlineData("bird's-eye view")]
    [InlineData("POV")]
    public void Lint_FramingNamed_NoFramingFinding(string framing)
    {
        var prompt = $"A fox crosses a snowy road at night, {framing}.";

        var findings = RuleFindings(prompt, LintRules.Framing);

        Assert.Empty(findings);
    }

    [Fact]
    public void Lint_NoFraming_Warns()
    {
        var finding = Assert.Single(RuleFindings("A fox crosses a snowy road at night.", LintRules.Framing));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
    }

    // ---- camera-move ----

    [Fact]
    public void Lint_NoCameraMove_SuggestsOneAsInfo()
    {
        var finding = Assert.Single(RuleFindings("Wide shot of a fox crossing a snowy road.", LintRules.CameraMove));

        Assert.Equal(LintSeverity.Info, finding.Severity);
    }

    [Theory]
    [InlineData("slow dolly in")]
    [InlineData("static shot on a tripod")]
    [InlineData("handheld tracking shot")]
    [InlineData("the camera pans left")]
    [InlineData("crane up")]
    [InlineData("slow push in")]
    public void Lint_OneCameraMove_NoCameraFinding(string move)
    {
        var findings = RuleFindings($"Wide shot, {move}, as a fox crosses the road.", LintRules.CameraMove);

        Assert.Empty(findings);
    }

    [Fact]
    public void Lint_TwoCameraMoves_WarnsAtTheSecond()
    {
        const string prompt = "Wide shot, slow dolly in, then a whip pan to the fox.";

        var finding = Assert.Single(RuleFindings(prompt, LintRules.CameraMove));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains("one clear camera move per shot", finding.Message, StringComparison.Ordinal);
        Assert.Equal("whip pan", Text(prompt, finding.Span));
    }

    [Fact]
    public void Lint_SameMoveRepeated_CountsOnce()
    {
        var findings = RuleFindings("Dolly in on the fox; the dolly keeps creeping forward.", LintRules.CameraMove);

        Assert.Empty(findings);
    }

    [Fact]
    public void Lint_SubjectPushesInADoor_IsNotACameraMove()
    {
        var finding = Assert.Single(RuleFindings("Wide shot, she pushes in the heavy door.", LintRules.CameraMove));

        Assert.Equal(LintSeverity.Info, finding.Severity);
    }

    // ---- subject-action ----

    [Fact]
    public void Lint_NoActionVerb_Warns()
    {
        var finding = Assert.Single(RuleFindings("Wide shot of an empty kitchen with a wooden chair.", LintRules.SubjectAction));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData("An old man feeding pigeons")]
    [InlineData("A grandmother knits by the fire")]
    [InlineData("A mechanic repairs a motorbike in a garage")]
    [InlineData("A chef slams a pan down on the stove")]
    [InlineData("An old fisherman mends his net on a windy pier at dawn")]
    [InlineData("A chef in a tiny kitchen plates a dessert")]
    public void Lint_EverydayAction_IsFoundAsTheSubjectAction(string prompt)
    {
        var findings = RuleFindings(prompt, LintRules.SubjectAction);

        Assert.Empty(findings);
    }

    [Fact]
    public void Lint_OneAction_NoSubjectActionFinding()
    {
        var findings = RuleFindings("A dog runs across the field.", LintRules.SubjectAction);

        Assert.Empty(findings);
    }

    [Fact]
    public void Lint_TooManyDistinctActions_WarnsAtTheFirstExtraVerb()
    {
        const string prompt = "She runs, jumps, dances, sings, swims, climbs, cooks, paints and then drives away.";

        var finding = Assert.Single(RuleFindings(prompt, LintRules.SubjectAction));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.StartsWith("9 distinct actions", finding.Message, StringComparison.Ordinal);
        Assert.Equal("drives", Text(prompt, finding.Span));
    }

    [Fact]
    public void Lint_InflectionsOfOneVerb_CountAsOneAction()
    {
        var findings = RuleFindings(
            "She walks, walked, walking, walks again; runs, ran, running; turns, turned, turning; jumps, jumped.",
            LintRules.SubjectAction);

        Assert.Empty(findings);
    }

    [Fact]
    public void Lint_VerbsOnlyInsideDialogue_DoNotCountAsAction()
    {
        var finding = Assert.Single(RuleFindings("Close-up of an old radio. Host: \"Run, jump and dance!\"", LintRules.SubjectAction));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
    }

    // ---- action-beats ----

    [Fact]
    public void Lint_ActionWithoutBeats_SuggestsCounts()
    {
        var finding = Assert.Single(RuleFindings("A dog runs across the field.", LintRules.ActionBeats));

        Assert.Equal(LintSeverity.Info, finding.Severity);
        Assert.Contains("takes four steps, pauses", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A dog takes four steps and barks.")]
    [InlineData("A dog runs, stops, then barks.")]
    [InlineData("A dog pauses by the gate.")]
    [InlineData("A dog barks twice.")]
    [InlineData("A dog spins 3 times.")]
    [InlineData("Actions:\n- The dog runs to the gate.\n- The dog sits.")]
    public void Lint_ActionWithBeatsOrCounts_NoBeatsFinding(string prompt)
    {
        var findings = RuleFindings(prompt, LintRules.ActionBeats);

        Assert.Empty(findings);
    }

    [Fact]
    public void Lint_NoActionAtAll_NoBeatsFinding()
    {
        var findings = RuleFindings("An empty kitchen with a wooden chair.", LintRules.ActionBeats);

        Assert.Empty(findings);
    }

    // ---- light ----

    [Fact]
    public void Lint_NoLight_Warns()
    {
        var finding = Assert.Single(RuleFindings("A fox crosses a snowy road.", LintRules.Light));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData("under soft window light")]
    [InlineData("at golden hour")]
    [InlineData("candlelit")]
    [InlineData("lit by a sodium-vapour streetlight")]
    [InlineData("in hard shadows")]
    [InlineData("backlit by the low sun")]
    public void Lint_LightNamed_NoLightFinding(string light)
    {
        var findings = RuleFindings($"A fox crosses a snowy road {light}.", LintRules.Light);

        Assert.Empty(findings);
    }

    // ---- palette ----

    [Theory]
    [InlineData("A fox crosses a road.", 0)]
    [InlineData("A red fox crosses a road.", 1)]
    [InlineData("A red fox crosses a grey road, gray sky.", 2)]
    public void Lint_FewerThanThreeColours_Info(string prompt, int colours)
    {
        var finding = Assert.Single(RuleFindings(prompt, LintRules.Palette));

        Assert.Equal(LintSeverity.Info, finding.Severity);
        var expected = colours switch
        {
            0 => "No colours are named",
            1 => "Only 1 colour is named",
            _ => $"Only {colours} colours are named",
        };
        Assert.StartsWith(expected, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A red fox crosses a grey road under an amber sky.")]
    [InlineData("Teal water, amber lamps, black rocks, white foam, a red boat.")]
    public void Lint_ThreeToFiveColours_NoPaletteFinding(string prompt)
    {
        var findings = RuleFindings(prompt, LintRules.Palette);

        Assert.Empty(findings);
    }

    [Fact]
    public void Lint_MoreThanFiveColours_Warns()
    {
        var finding = Assert.Single(RuleFindings(
            "Teal water, amber lamps, black rocks, white foam, a red boat, a purple sky.", LintRules.Palette));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains("3-5 colour anchors", finding.Message, StringComparison.Ordinal);
    }

    // ---- vague-words ----

    [Theory]
    [InlineData("beautiful")]
    [InlineData("Stunning")]
    [InlineData("amazing")]
    [InlineData("nice")]
    [InlineData("epic")]
    [InlineData("awesome")]
    [InlineData("cinematic look")]
    [InlineData("moves quickly")]
    [InlineData("highly detailed")]
    public void Lint_VagueWord_WarnsWithExactSpan(string vague)
    {
        var prompt = $"A fox, {vague}, on a snowy road.";

        var finding = Assert.Single(RuleFindings(prompt, LintRules.VagueWords));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal(vague, Text(prompt, finding.Span));
    }

    [Fact]
    public void Lint_VagueWordTwice_OneFindingPerOccurrence()
    {
        const string prompt = "A beautiful fox on a beautiful road, so beautiful.";

        var findings = RuleFindings(prompt, LintRules.VagueWords);

        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal("beautiful", Text(prompt, f.Span)));
        Assert.Equal(3, findings.Select(f => f.Span!.Start).Distinct().Count());
    }

    [Fact]
    public void Lint_VagueWordInsidePhrase_ReportedOnceAsThePhrase()
    {
        const string prompt = "The fox looks nice.";

        var finding = Assert.Single(RuleFindings(prompt, LintRules.VagueWords));

        Assert.Equal("looks nice", Text(prompt, finding.Span));
    }

    [Theory]
    [InlineData("A concrete fox on a snowy road.")]
    [InlineData("Mara: \"It's beautiful out here.\"")]
    [InlineData("The niece walks past an epicentre sign.")]
    public void Lint_NoVagueWordsOutsideSpeech_NoVagueFinding(string prompt)
    {
        var findings = RuleFindings(prompt, LintRules.VagueWords);

        Assert.Empty(findings);
    }

    // ---- dialogue ----

    [Theory]
    [InlineData("Mara: \"We're late.\"")]
    [InlineData("- Fisherman (quietly): \"She'll come back.\"")]
    [InlineData("\"We're late,\" she whispers.")]
    [InlineData("He says, \"Stay here.\"")]
    [InlineData("Dialogue:\nMara: “Not yet.”")]
    [InlineData("A shop sign reading \"OPEN\" flickers.")]
    public void Lint_ShortAttributedOrNonSpeechQuote_NoDialogueFinding(string prompt)
    {
        var findings = RuleFindings(prompt, LintRules.Dialogue);

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("A girl at the window. \"We're late.\"", "\"We're late.\"")]
    [InlineData("Dialogue: \"Not yet.\"", "\"Not yet.\"")]
    [InlineData("Dialogue:\n- “Not yet.”", "“Not yet.”")]
    public void Lint_UnattributedSpeech_WarnsAtTheQuote(string prompt, string quote)
    {
        var finding = Assert.Single(RuleFindings(prompt, LintRules.Dialogue));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal(quote, Text(prompt, finding.Span));
    }

    [Fact]
    public void Lint_LongDialogueLine_Warns()
    {
        var line = "\"" + string.Join(' ', Enumerable.Repeat("word", 21)) + "\"";
        var prompt = $"Mara: {line}";

        var finding = Assert.Single(RuleFindings(prompt, LintRules.Dialogue));

        Assert.StartsWith("A dialogue line of 21 words", finding.Message, StringComparison.Ordinal);
        Assert.Equal(line, Text(prompt, finding.Span));
    }

    [Fact]
    public void Lint_DialogueLineOfTwentyWords_NoFinding()
    {
        var prompt = "Mara: \"" + string.Join(' ', Enumerable.Repeat("word", 20)) + "\"";

        var findings = RuleFindings(prompt, LintRules.Dialogue);

        Assert.Empty(findings);
    }

    // ---- length ----

    [Fact]
    public void Lint_ShortPrompt_InfoAboutFreedom()
    {
        var finding = Assert.Single(RuleFindings("A fox crosses a road.", LintRules.Length));

        Assert.Equal(LintSeverity.Info, finding.Severity);
        Assert.Contains("short prompts leave the model freedom", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_LongPrompt_WarnsThatItConstrains()
    {
        var prompt = string.Join(' ', Enumerable.Repeat("fox", 251));

        var finding = Assert.Single(RuleFindings(prompt, LintRules.Length));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains("long prompts constrain", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(250)]
    public void Lint_PromptAtLengthLimits_NoLengthFinding(int words)
    {
        var prompt = string.Join(' ', Enumerable.Repeat("fox", words)) + " — ";

        var findings = RuleFindings(prompt, LintRules.Length);

        Assert.Empty(findings);
    }

    // ---- prose-parameters ----

    [Theory]
    [InlineData("4K")]
    [InlineData("8k")]
    [InlineData("1080p")]
    [InlineData("20 seconds")]
    [InlineData("10-second")]
    [InlineData("60fps")]
    [InlineData("24 fps")]
    [InlineData("16:9")]
    [InlineData("9:16")]
    [InlineData("1920x1080")]
    [InlineData("full HD")]
    [InlineData("aspect ratio")]
    [InlineData("vertical video")]
    public void Lint_ParameterInProse_WarnsWithExactSpan(string parameter)
    {
        var prompt = $"A fox crosses a snowy road, {parameter}, at night.";

        var finding = Assert.Single(RuleFindings(prompt, LintRules.ProseParameters));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains("set size and seconds in the request", finding.Message, StringComparison.Ordinal);
        Assert.Equal(parameter, Text(prompt, finding.Span));
    }

    [Theory]
    [InlineData("A 1990s diner at 5:30 pm.")]
    [InlineData("She takes four steps and waits two seconds.")]
    [InlineData("An HDR-style poster on the wall of flat 4B.")]
    [InlineData("Take 2 of the shot, 3 people in the frame.")]
    public void Lint_NumbersThatAreNotParameters_NoProseFinding(string prompt)
    {
        var findings = RuleFindings(prompt, LintRules.ProseParameters);

        Assert.Empty(findings);
    }

    [Fact]
    public void Lint_SeveralParameters_OneFindingEach()
    {
        const string prompt = "Make it 4K, 20 seconds, 16:9.";

        var findings = RuleFindings(prompt, LintRules.ProseParameters);

        Assert.Equal(["4K", "20 seconds", "16:9"], findings.Select(f => Text(prompt, f.Span)));
    }

    // ---- spans ----

    [Fact]
    public void Lint_AllSpans_LieInsideThePrompt()
    {
        var prompt = VaguePrompt + "\n" + StrongPrompt + "\nDolly in, pan left. A girl: \"Hello\" \"Bye\" 20 seconds.";

        var spans = _linter.Lint(prompt).Findings.Where(f => f.Span is not null).Select(f => f.Span!).ToList();

        Assert.NotEmpty(spans);
        Assert.All(spans, s => Assert.InRange(s.Start + s.Length, s.Start + 1, prompt.Length));
    }

    private List<LintFinding> RuleFindings(string prompt, string rule) =>
        [.. _linter.Lint(prompt).Findings.Where(f => f.Rule == rule)];

    private static string Text(string prompt, TextSpan? span)
    {
        Assert.NotNull(span);
        return prompt.Substring(span.Start, span.Length);
    }

    private static string Describe(LintReport report) =>
        string.Join("; ", report.Findings.Select(f => $"{f.Rule}/{f.Severity}: {f.Message}"));
}
