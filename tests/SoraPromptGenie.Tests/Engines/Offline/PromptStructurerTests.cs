using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;

namespace SoraPromptGenie.Tests.Engines.Offline;

public sealed class PromptStructurerTests
{
    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();
    private readonly OfflinePromptEngine _engine = new(Catalog);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t \r\n")]
    public async Task StructureAsync_EmptyOrWhitespace_ReturnsEmpty(string prompt)
    {
        var result = await _engine.RunAsync(new TextOperation.Structure(prompt), CancellationToken.None);

        Assert.Equal(string.Empty, result.Text);
        Assert.Equal("offline", result.Engine);
    }

    [Fact]
    public async Task StructureAsync_ProsePrompt_SortsSentencesIntoTheTemplate()
    {
        const string prompt =
            "A detective sits alone in a rain-streaked diner at 2 a.m. The camera slowly pushes in on his face. " +
            "He stirs his coffee, then looks up. The mood is tense and lonely. A waitress refills his cup.";

        var result = await _engine.RunAsync(new TextOperation.Structure(prompt), CancellationToken.None);

        Assert.Equal(
            """
            A detective sits alone in a rain-streaked diner at 2 a.m.

            Cinematography:
            Camera shot: the camera slowly pushes in on his face
            Mood: tense and lonely

            Actions:
            - He stirs his coffee, then looks up
            - A waitress refills his cup
            """.ReplaceLineEndings("\n"),
            result.Text);
    }

    [Fact]
    public async Task StructureAsync_QuotedSpeech_AddsDialogueSection()
    {
        const string prompt = "Two friends sit on a porch at dusk. One of them laughs. She says, \"You're late. Again.\" He shrugs.";

        var result = await _engine.RunAsync(new TextOperation.Structure(prompt), CancellationToken.None);

        Assert.EndsWith("\n\nDialogue:\n- She says, \"You're late. Again.\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("Actions:\n- One of them laughs\n- He shrugs\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StructureAsync_NoSpeech_HasNoDialogueSection()
    {
        var result = await _engine.RunAsync(new TextOperation.Structure("A lighthouse stands on a cliff. Waves crash below."), CancellationToken.None);

        Assert.DoesNotContain("Dialogue:", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StructureAsync_NothingButScene_UsesDefaultsAndDerivesABeat()
    {
        var result = await _engine.RunAsync(new TextOperation.Structure("A lighthouse on a rocky cliff"), CancellationToken.None);

        Assert.Equal(
            """
            A lighthouse on a rocky cliff.

            Cinematography:
            Camera shot: medium shot, eye level
            Mood: grounded and natural

            Actions:
            - Hold on the lighthouse for a four-count as the camera completes its move
            """.ReplaceLineEndings("\n"),
            result.Text);
    }

    [Fact]
    public async Task StructureAsync_SceneWithItsOwnAction_KeepsItInProseAndBeats()
    {
        var result = await _engine.RunAsync(new TextOperation.Structure("A red fox trots across an empty road."), CancellationToken.None);

        Assert.StartsWith("A red fox trots across an empty road.\n\n", result.Text, StringComparison.Ordinal);
        Assert.EndsWith(
            "Actions:\n- A red fox trots across an empty road\n- Hold on the red fox for a two-count as the shot settles",
            result.Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task StructureAsync_EnhancedPrompt_RoutesClausesByCategory()
    {
        var prompt = _engine.Enhance("A fox crosses a snowy road at night.", [Card("camera-angles/eye-level"), Card("mood/melancholic"), Card("lighting/moonlight")]);

        var result = await _engine.RunAsync(new TextOperation.Structure(prompt), CancellationToken.None);

        var lines = result.Text.Split('\n');
        Assert.Equal(
            "A fox crosses a snowy road at night. Pale blue moonlight from high above picks out edges and silhouettes while the rest of the scene falls into soft, cool shadow.",
            lines[0]);
        Assert.Equal(
            "Camera shot: eye level — the lens sits at the subject's eye line, giving a neutral, conversational perspective that neither flatters nor diminishes them",
            lines[3]);
        Assert.StartsWith("Mood: quiet melancholy — a quiet, wistful sadness", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StructureAsync_MoodWordsInScene_FillTheMoodLine()
    {
        var result = await _engine.RunAsync(new TextOperation.Structure("An eerie, abandoned fairground sits under a foreboding sky."), CancellationToken.None);

        Assert.Contains("\nMood: eerie, foreboding\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StructureAsync_AlreadyStructured_IsUnchanged()
    {
        var once = await _engine.RunAsync(
            new TextOperation.Structure(
                _engine.Enhance("A fox crosses a road. She whispers, \"Go on.\" It runs.", [Card("camera-motion/slow-orbit"), Card("style/film-noir")])),
            CancellationToken.None);

        var twice = await _engine.RunAsync(new TextOperation.Structure(once.Text), CancellationToken.None);

        Assert.Equal(once.Text, twice.Text);
    }

    [Fact]
    public async Task StructureAsync_TemplateWithExtraCinematographyLines_KeepsThem()
    {
        const string prompt = "A fox.\n\nCinematography:\nCamera shot: wide shot\nLens: 50mm\nMood: calm\n\nActions:\n- The fox sniffs the air";

        var result = await _engine.RunAsync(new TextOperation.Structure(prompt), CancellationToken.None);

        Assert.Equal("A fox.\n\nCinematography:\nCamera shot: wide shot\nMood: calm\nLens: 50mm\n\nActions:\n- The fox sniffs the air", result.Text);
    }

    [Fact]
    public async Task EnhanceThenStructure_AlreadyStructuredPrompt_KeepsTemplateAndSortsTheNewCardIn()
    {
        var structured = _engine.Structure(_engine.Enhance("A fox crosses a road.", [Card("mood/melancholic")]));

        var enhanced = _engine.Enhance(structured, [Card("camera-angles/low-angle"), Card("lighting/moonlight")]);
        var restructured = await _engine.RunAsync(new TextOperation.Structure(enhanced), CancellationToken.None);

        Assert.StartsWith(structured + "\n\nCamera Angles: Low Angle — ", enhanced, StringComparison.Ordinal);
        Assert.Equal(
            structured
                .Replace("Camera shot: medium shot, eye level", "Camera shot: low angle — the camera looks up at the subject from knee height, making them loom large and powerful against the sky or ceiling", StringComparison.Ordinal)
                .Replace("A fox crosses a road.", "A fox crosses a road. Pale blue moonlight from high above picks out edges and silhouettes while the rest of the scene falls into soft, cool shadow.", StringComparison.Ordinal),
            restructured.Text);
    }

    [Theory]
    [InlineData("A red fox trots across the road.", "the red fox")]
    [InlineData("An elderly woman kneads bread dough.", "the elderly woman")]
    [InlineData("Portrait of an old fisherman smiling.", "the old fisherman")]
    [InlineData("Vendors stack pyramids of oranges.", "vendors")]
    [InlineData("Maria Lopez walks home.", "Maria Lopez")]
    [InlineData("There is a storm.", "the subject")]
    [InlineData("Running through the field.", "the subject")]
    public void Subject_SceneSentence_IsItsOpeningNounPhrase(string sentence, string subject)
    {
        var result = PromptStructurer.Subject(sentence);

        Assert.Equal(subject, result);
    }

    private static EnhancementSpec Card(string id)
    {
        var enhancement = Catalog.FindEnhancement(id)!;
        return new EnhancementSpec(enhancement.Title, enhancement.Description, enhancement.Category);
    }
}
