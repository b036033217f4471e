using SoraPromptGenie.Core.Storyboards;
using SoraPromptGenie.Data.Configurations;
using SoraPromptGenie.Library;
using SoraPromptGenie.Storyboards;

namespace SoraPromptGenie.Tests.Storyboards;

/// <summary>The stored document and the plain-text shot list of a saved storyboard.</summary>
public sealed class StoryboardLibraryDocumentTests
{
    [Theory]
    [InlineData("<")]
    [InlineData("\U0001F3AC")]
    public void Write_LargestStoryboardOfCharactersJsonEscapes_FitsTheDocumentColumn(string character)
    {
        string Text(int length) => string.Concat(Enumerable.Repeat(character, length / character.Length));
        var shots = Enumerable.Range(0, StoryboardLimits.MaxShots)
            .Select(_ => new StoryboardShot(Text(StoryboardLimits.MaxShotPromptLength), StoryboardLimits.MaxShotSeconds, Text(StoryboardLimits.MaxNoteLength), Text(StoryboardLimits.MaxNoteLength)))
            .ToList();
        var characters = Enumerable.Range(0, StoryboardLimits.MaxCharacters)
            .Select(i => new StoryboardCharacter(i + Text(StoryboardLimits.MaxCharacterNameLength - 2), Text(StoryboardLimits.MaxDescriptionLength)))
            .ToList();
        var parameters = Enumerable.Range(0, SavedTarget.MaxParameters)
            .ToDictionary(i => i + Text(SavedTarget.MaxParameterTextLength - 2), _ => Text(SavedTarget.MaxParameterTextLength));
        var largest = new Storyboard(
            shots,
            new StoryboardContinuity(characters, Text(StoryboardLimits.MaxContinuityTextLength), Text(StoryboardLimits.MaxContinuityTextLength)),
            Text(StoryboardLimits.MaxTitleLength),
            Text(SavedPromptConfiguration.MaxTargetLength),
            parameters);
        Assert.Null(StoryboardCheck.FirstProblem(largest));

        var document = StoryboardLibrary.Write(largest);

        Assert.InRange(document.Length, 300_000, SavedStoryboardConfiguration.MaxDocumentLength);
        Assert.Equal(largest.Shots, StoryboardLibrary.Read(document).Shots);
    }

    [Fact]
    public void ShotList_Storyboard_ListsContinuityAndNumberedShotsWithTheirTimes()
    {
        var storyboard = new Storyboard(
            [
                new StoryboardShot("Mara climbs the stairs.\nRain hammers the glass.", 4, Camera: "low angle", Transition: "cut"),
                new StoryboardShot("The lamp turns.", 6),
            ],
            new StoryboardContinuity([new StoryboardCharacter("Mara", "a tall woman in a yellow raincoat")], Setting: "a lighthouse", Look: "cold blue dusk"));

        var text = StoryboardShotList.For("Lighthouse", storyboard);

        Assert.Equal(
            """
            # Lighthouse
            2 shots, 10 seconds

            ## Continuity
            - Mara: a tall woman in a yellow raincoat
            - Setting: a lighthouse
            - Look: cold blue dusk

            ## Shots

            1. (0-4 s) Mara climbs the stairs.
               Rain hammers the glass.
               Camera: low angle
               Transition: cut

            2. (4-10 s) The lamp turns.

            """,
            text);
    }
}
