using SoraPromptGenie.Core.Storyboards;

namespace SoraPromptGenie.Tests.Storyboards;

public sealed class StoryboardEditingTests
{
    private const string Raincoat = "a tall woman in a yellow raincoat";

    private static Storyboard Lighthouse() => new(
        [
            new StoryboardShot($"Mara, {Raincoat}, climbs the stairs of a storm-lashed lighthouse. Lit by cold blue dusk.", 4),
            new StoryboardShot("The lamp room glows as the lens turns. Lit by cold blue dusk.", 4),
            new StoryboardShot($"Mara, {Raincoat}, lights the lamp and looks out to sea. Lit by cold blue dusk.", 5),
        ],
        new StoryboardContinuity([new StoryboardCharacter("Mara", Raincoat)], Setting: "a storm-lashed lighthouse", Look: "Lit by cold blue dusk."));

    [Fact]
    public void WithCharacter_NewDescription_RewritesEveryShotThatNamesTheCharacterAndNoOther()
    {
        var edited = Lighthouse().WithCharacter("Mara", "a wiry old keeper in a green oilskin");

        Assert.Equal("Mara, a wiry old keeper in a green oilskin, climbs the stairs of a storm-lashed lighthouse. Lit by cold blue dusk.", edited.Shots[0].Prompt);
        Assert.Equal(Lighthouse().Shots[1], edited.Shots[1]);
        Assert.Equal("Mara, a wiry old keeper in a green oilskin, lights the lamp and looks out to sea. Lit by cold blue dusk.", edited.Shots[2].Prompt);
        Assert.Equal("a wiry old keeper in a green oilskin", Assert.Single(edited.Continuity.Characters).Description);
    }

    [Fact]
    public void WithCharacter_ShotNamesCharacterWithoutDescription_DescribesItAtFirstMention()
    {
        var board = Lighthouse() with { Shots = [.. Lighthouse().Shots, new StoryboardShot("Later, Mara sleeps by the lamp.", 3)] };

        var edited = board.WithCharacter("Mara", "a wiry old keeper");

        Assert.Equal("Later, Mara, a wiry old keeper, sleeps by the lamp.", edited.Shots[3].Prompt);
    }

    [Fact]
    public void WithCharacter_NameInsideAnotherWord_IsNotAMention()
    {
        var board = Lighthouse() with { Shots = [new StoryboardShot("Tamara waves from the pier.", 3), .. Lighthouse().Shots] };

        var edited = board.WithCharacter("Mara", "a wiry old keeper");

        Assert.Equal("Tamara waves from the pier.", edited.Shots[0].Prompt);
        Assert.Equal([1, 3], board.ShotsNaming("Mara"));
    }

    [Fact]
    public void WithLook_ReplacesTheLookInEveryShot()
    {
        var edited = Lighthouse().WithLook("Lit by warm lamplight.");

        Assert.All(edited.Shots, s => Assert.EndsWith("Lit by warm lamplight.", s.Prompt, StringComparison.Ordinal));
        Assert.Equal("Lit by warm lamplight.", edited.Continuity.Look);
        Assert.Equal(13, edited.TotalSeconds);
    }

    [Fact]
    public void WithSetting_ReplacesTheSettingWhereShotsCarryIt()
    {
        var edited = Lighthouse().WithSetting("a fogbound harbour tower");

        Assert.Contains("climbs the stairs of a fogbound harbour tower.", edited.Shots[0].Prompt, StringComparison.Ordinal);
        Assert.Equal("a fogbound harbour tower", edited.Continuity.Setting);
    }

    [Theory]
    [InlineData(1, "storyboard.shots must hold 2 to 12 shots.")]
    [InlineData(13, "storyboard.shots must hold 2 to 12 shots.")]
    public void FirstProblem_ShotCountOutOfRange_SaysTheRange(int count, string expected)
    {
        var board = Lighthouse() with { Shots = Enumerable.Repeat(new StoryboardShot("A gull lands.", 3), count).ToList() };

        Assert.Equal(expected, StoryboardCheck.FirstProblem(board));
    }

    [Fact]
    public void FirstProblem_ProblemsAreNamedByTheirJsonPath()
    {
        Assert.Null(StoryboardCheck.FirstProblem(Lighthouse()));
        Assert.Equal("storyboard is required.", StoryboardCheck.FirstProblem(null));
        Assert.Equal(
            "storyboard.shots[1].seconds must be 1 to 60.",
            StoryboardCheck.FirstProblem(Lighthouse() with { Shots = [Lighthouse().Shots[0], Lighthouse().Shots[1] with { Seconds = 0 }] }));
        Assert.Equal(
            "storyboard.shots[0].prompt is required.",
            StoryboardCheck.FirstProblem(Lighthouse() with { Shots = [new StoryboardShot("  ", 3), Lighthouse().Shots[1]] }));
        Assert.StartsWith(
            "storyboard.shots[0].camera contains control character U+001B (ESC)",
            StoryboardCheck.FirstProblem(Lighthouse() with { Shots = [Lighthouse().Shots[0] with { Camera = "pan\u001B[31m" }, Lighthouse().Shots[1]] }),
            StringComparison.Ordinal);
        Assert.Equal(
            "storyboard.continuity.characters names Mara twice; give each character one entry.",
            StoryboardCheck.FirstProblem(Lighthouse() with
            {
                Continuity = new StoryboardContinuity([new("Mara", Raincoat), new("mara", "someone else")]),
            }));
    }
}
