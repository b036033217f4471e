using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Storyboards;

/// <summary>The offline engine's storyboard: deterministic beats, one camera move per shot, continuity in every shot, lint and lengths.</summary>
public sealed class DraftOfflineTests
{
    private const string Fisherman = "an old fisherman mends his nets on a quiet harbour at dawn";

    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();
    private static readonly TargetCatalog Targets = TargetCatalog.LoadEmbedded();
    private static readonly PromptLinter Linter = new();

    public static TheoryData<string, string?> IdeasAndTargets => new()
    {
        { Fisherman, null },
        { "a fox crossing a snowy road at night", "veo-3.1" },
        { "a girl runs through a field and releases a red kite", "runway-gen4.5" },
        { "a chef plates dessert in a busy restaurant kitchen", "gemini-omni-1.1-flash" },
        { "Maria Lopez walks her dog in the park", "sora-2" },
        { "a detective waits under a streetlamp in the rain", "kling-v3" },
        { "a red vintage car drives along a coastal road at sunset", "luma-ray-3.2" },
        { "an astronaut floats through a silent space station", "seedance-2.0" },
    };

    private static Storyboard Draft(string idea, int shots = 4, string? target = null)
    {
        var profile = Targets.Find(target);
        return OfflineStoryboardDrafter.For(Catalog).Draft(idea, ShotLengths.For(profile).Plan(shots, null).Seconds, profile).Storyboard;
    }

    [Fact]
    public void Draft_SameIdea_SameStoryboard()
    {
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(Draft(Fisherman, 6)),
            System.Text.Json.JsonSerializer.Serialize(Draft(Fisherman, 6)));
    }

    [Fact]
    public void Draft_Fisherman_SubjectIsTheCharacterAndThePlaceTheSetting()
    {
        var board = Draft(Fisherman);

        var character = Assert.Single(board.Continuity.Characters);
        Assert.Equal("The old fisherman", character.Name);
        Assert.Equal("with the same face, build and clothes throughout", character.Description);
        Assert.Equal("a quiet harbour at dawn", board.Continuity.Setting);
        Assert.StartsWith("The old fisherman, with the same face, build and clothes throughout, mends his nets on a quiet harbour at dawn.", board.Shots[0].Prompt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "pauses for a beat|holds still as the moment settles")]
    [InlineData(3, "pauses for a beat|turns toward something|holds still as the moment settles")]
    [InlineData(4, "pauses for a beat|pausing once|turns toward something|holds still as the moment settles")]
    [InlineData(6, "pauses for a beat|pausing once|repeats the motion twice|hurries for three quick beats|turns toward something|holds still as the moment settles")]
    public void Draft_ShotCount_FollowsTheBeats(int shots, string beats)
    {
        var board = Draft(Fisherman, shots);

        Assert.Equal(beats.Split('|'), board.Shots.Zip(beats.Split('|'), (shot, beat) => shot.Prompt.Contains(beat, StringComparison.Ordinal) ? beat : shot.Prompt));
        Assert.Equal("Fade out.", board.Shots[^1].Transition);
        Assert.All(board.Shots, s => Assert.False(string.IsNullOrWhiteSpace(s.Transition)));
    }

    [Fact]
    public void Draft_Cameras_WideToOpenPullBackToClose_NoMoveTwice()
    {
        var board = Draft(Fisherman, 12);

        Assert.Contains("a wide establishing shot", board.Shots[0].Prompt, StringComparison.Ordinal);
        Assert.Contains("the camera pulls back", board.Shots[^1].Prompt, StringComparison.Ordinal);
        var moves = board.Shots.Select(s => s.Camera!.Split("; ")[1]).ToList();
        Assert.Equal(moves.Count, moves.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(IdeasAndTargets))]
    public void Draft_EveryShot_CarriesContinuityWordForWordLintsAtLeast80WithOneCameraMove(string idea, string? target)
    {
        var board = Draft(idea, 6, target);
        var profile = Targets.Find(target);

        Assert.Null(StoryboardCheck.FirstProblem(board));
        Assert.Equal(profile?.Id, board.Target);
        var character = Assert.Single(board.Continuity.Characters);
        Assert.NotNull(board.Continuity.Look);
        foreach (var shot in board.Shots)
        {
            Assert.Contains($"{character.Name}, {character.Description},", shot.Prompt, StringComparison.Ordinal);
            Assert.Contains(board.Continuity.Look, shot.Prompt, StringComparison.Ordinal);
            if (board.Continuity.Setting is { } setting)
            {
                Assert.Contains(setting, shot.Prompt, StringComparison.Ordinal);
            }

            var report = Linter.Lint(shot.Prompt, profile);
            Assert.True(report.Score >= 80, $"{report.Score} for {shot.Prompt}: {string.Join("; ", report.Findings.Select(f => f.Message))}");
            Assert.DoesNotContain(report.Findings, f => f.Rule == LintRules.CameraMove);
        }
    }

    [Fact]
    public void Draft_LookAndCharacterEdits_RewriteEveryShot()
    {
        var board = Draft(Fisherman, 5);

        var edited = board.WithCharacter("The old fisherman", "a wiry man in a yellow oilskin").WithLook("Lit by candlelight.").WithSetting("a rocky beach");

        Assert.All(edited.Shots, s => Assert.StartsWith("The old fisherman, a wiry man in a yellow oilskin, mends his nets on a rocky beach.", s.Prompt, StringComparison.Ordinal));
        Assert.All(edited.Shots, s => Assert.EndsWith("Lit by candlelight.", s.Prompt, StringComparison.Ordinal));
    }

    [Fact]
    public void Draft_RunOnIdea_PlaceStopsBeforeTheNextAction()
    {
        Assert.Equal("a field", Draft("a girl runs through a field and releases a red kite").Continuity.Setting);
        Assert.Equal("The chef", Draft("a chef plates dessert in a busy restaurant kitchen").Continuity.Characters[0].Name);
    }

    [Fact]
    public void Draft_TargetWithSound_EndsEachShotWithAudio_TargetThatCuts_OpensWithOneShot()
    {
        Assert.All(Draft(Fisherman, 3, "veo-3.1").Shots, s => Assert.EndsWith("\nAudio: Natural ambient sound of the setting.", s.Prompt, StringComparison.Ordinal));
        Assert.All(Draft(Fisherman, 3, "gemini-omni-1.1-flash").Shots, s => Assert.StartsWith("In a single continuous shot, no scene cuts. The old fisherman", s.Prompt, StringComparison.Ordinal));
        Assert.All(Draft(Fisherman, 3, "runway-gen4.5").Shots, s => Assert.DoesNotContain("Audio:", s.Prompt, StringComparison.Ordinal));
    }
}
