using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Storyboards;

/// <summary>Each storyboard rule fires on the storyboard that breaks it and stays quiet on one that keeps it.</summary>
public sealed class StoryboardLintTests
{
    private const string Raincoat = "a tall woman in a yellow raincoat";
    private static readonly TargetCatalog Catalog = TargetCatalog.LoadEmbedded();
    private readonly StoryboardLinter _linter = new(new PromptLinter());

    private static Storyboard Board(params StoryboardShot[] shots) =>
        new(shots, new StoryboardContinuity([new StoryboardCharacter("Mara", Raincoat)]), Title: "Lighthouse");

    private static StoryboardShot Shot(int seconds, string? action = null, string? camera = null) =>
        new($"Mara, {Raincoat}, {action ?? "climbs the spiral stairs"}. Medium shot, the camera slowly dollies in. Lit by cold blue dusk.", seconds, camera);

    private StoryboardLintReport Lint(Storyboard board, string? target) => _linter.Lint(board, Catalog.Find(target));

    private static IReadOnlyList<StoryboardFinding> Of(StoryboardLintReport report, string rule) =>
        [.. report.Findings.Where(f => f.Rule == rule)];

    [Fact]
    public void Character_DescribedDifferentlyInAShot_NamesTheShots()
    {
        var board = Board(Shot(4), new StoryboardShot("Mara, a short man in a grey coat, lights the lamp. Close-up, static shot.", 4), Shot(4));

        var finding = Assert.Single(Of(Lint(board, "veo-3.1"), StoryboardLintRules.Character));

        Assert.Equal([2], finding.Shots);
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.StartsWith("Shot 2 names Mara without the continuity description", finding.Message, StringComparison.Ordinal);
        Assert.Contains("shots 1 and 3 carry it", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Character_ShotNamesTheCharacterWithNoDescriptionAtAll_Fires()
    {
        var board = Board(Shot(4), new StoryboardShot("Mara lights the great lamp. Close-up, the camera pans left and cranes up.", 6));

        var finding = Assert.Single(Of(Lint(board, "kling-v3"), StoryboardLintRules.Character));

        Assert.Equal([2], finding.Shots);
    }

    [Fact]
    public void Character_EveryShotCarriesTheDescriptionOrDoesNotNameTheCharacter_IsQuiet()
    {
        var board = Board(Shot(4), new StoryboardShot("The lamp turns over the black sea. Wide shot, static shot.", 4));

        Assert.Empty(Of(Lint(board, "veo-3.1"), StoryboardLintRules.Character));
    }

    [Fact]
    public void ShotLength_ASecondCountThePerShotTargetDoesNotMake_NamesTheShotAndTheLengths()
    {
        var finding = Assert.Single(Of(Lint(Board(Shot(4), Shot(12)), "runway-gen4.5"), StoryboardLintRules.ShotLength));

        Assert.Equal([2], finding.Shots);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Contains("each shot lasts 2 to 10 seconds (at most 10 s).", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShotLength_UnverifiedValues_Warn()
    {
        var finding = Assert.Single(Of(Lint(Board(Shot(5), Shot(7)), "kling-v2.6"), StoryboardLintRules.ShotLength));

        Assert.Equal(LintSeverity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData("runway-gen4.5", new[] { 4, 10 })]
    [InlineData("luma-ray-3.2", new[] { 5, 10 })]
    [InlineData("kling-v3", new[] { 5, 12 })]
    [InlineData("generic", new[] { 40, 60 })]
    public void ShotLength_LengthsTheTargetMakesOrOneRequestForAll_IsQuiet(string target, int[] seconds)
    {
        Assert.Empty(Of(Lint(Board([.. seconds.Select(s => Shot(s))]), target), StoryboardLintRules.ShotLength));
    }

    [Fact]
    public void TotalLength_OverWhatOneRequestMakes_Fires()
    {
        var omni = Assert.Single(Of(Lint(Board(Shot(6), Shot(6)), "gemini-omni-1.1-flash"), StoryboardLintRules.TotalLength));
        var kling = Assert.Single(Of(Lint(Board(Shot(10), Shot(10)), "kling-v3"), StoryboardLintRules.TotalLength));

        Assert.Equal("The storyboard runs 12 s; Gemini Omni 1.1 Flash makes at most 10 s in one request.", omni.Message);
        Assert.Equal(LintSeverity.Warning, kling.Severity);
    }

    [Theory]
    [InlineData("gemini-omni-1.1-flash", new[] { 4, 6 })]
    [InlineData("seedance-2.0", new[] { 5, 5, 5 })]
    [InlineData("veo-3.1", new[] { 8, 8, 8 })]
    public void TotalLength_WithinOneRequestOrOneRequestPerShot_IsQuiet(string target, int[] seconds)
    {
        Assert.Empty(Of(Lint(Board([.. seconds.Select(s => Shot(s))]), target), StoryboardLintRules.TotalLength));
    }

    [Fact]
    public void ShotCount_MoreShotsThanOneRequestTakes_Fires_SixIsQuiet()
    {
        var seven = Lint(Board([.. Enumerable.Repeat(2, 7).Select(s => Shot(s))]), "kling-v3");
        var six = Lint(Board([.. Enumerable.Repeat(2, 6).Select(s => Shot(s))]), "kling-v3");

        Assert.Equal("Kling 3 takes at most 6 shots in one request; this storyboard has 7.", Assert.Single(Of(seven, StoryboardLintRules.ShotCount)).Message);
        Assert.Empty(Of(six, StoryboardLintRules.ShotCount));
        Assert.Empty(Of(Lint(Board([.. Enumerable.Repeat(4, 7).Select(s => Shot(s))]), "veo-3.1"), StoryboardLintRules.ShotCount));
    }

    [Fact]
    public void CameraMoves_TwoMovesInAShot_NamesTheShot_OneMoveIsQuiet()
    {
        var board = Board(Shot(4), new StoryboardShot($"Mara, {Raincoat}, lights the lamp. Wide shot, the camera pans left, then cranes up over the gallery.", 4));

        var finding = Assert.Single(Of(Lint(board, null), StoryboardLintRules.CameraMoves));

        Assert.Equal([2], finding.Shots);
        Assert.Empty(Of(Lint(Board(Shot(4), Shot(4)), null), StoryboardLintRules.CameraMoves));
    }

    [Fact]
    public void Score_IsTheShotsAverageLessTheStoryboardFindings()
    {
        var clean = Board(Shot(4), Shot(4));
        var broken = Board(Shot(4), new StoryboardShot("Mara, a short man, lights the lamp. Medium shot, the camera slowly dollies in. Lit by cold blue dusk.", 12));

        var cleanReport = Lint(clean, "runway-gen4.5");
        var brokenReport = Lint(broken, "runway-gen4.5");

        Assert.Empty(cleanReport.Findings);
        Assert.Equal((int)Math.Round(cleanReport.Shots.Average(s => s.Score), MidpointRounding.AwayFromZero), cleanReport.Score);
        var average = (int)Math.Round(brokenReport.Shots.Average(s => s.Score), MidpointRounding.AwayFromZero);
        Assert.Equal(Math.Clamp(average - StoryboardLinter.WarningCost - StoryboardLinter.ErrorCost, 0, 100), brokenReport.Score);
        Assert.Equal(2, brokenReport.Findings.Count);
    }

    [Fact]
    public void Shots_AreEachShotsOwnLintForTheTarget()
    {
        var board = Board(Shot(4), Shot(4));

        var report = Lint(board, "veo-3.1");

        Assert.Equal(2, report.Shots.Count);
        Assert.Equal(new PromptLinter().Lint(board.Shots[0].Prompt, Catalog.Find("veo-3.1")), report.Shots[0], LintReportComparer.Instance);
    }

    private sealed class LintReportComparer : IEqualityComparer<LintReport>
    {
        public static readonly LintReportComparer Instance = new();

        public bool Equals(LintReport? x, LintReport? y) => x is not null && y is not null && x.Score == y.Score && x.Findings.SequenceEqual(y.Findings);

        public int GetHashCode(LintReport obj) => obj.Score;
    }
}
