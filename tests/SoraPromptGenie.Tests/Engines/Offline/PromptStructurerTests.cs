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
        Assert.Equal("A fox crosses a snowy road at night. Lit by cool, pale moonlight from high above.", lines[0]);
        Assert.Equal("Camera shot: an eye-level medium shot", lines[3]);
        Assert.Equal("Mood: quietly melancholic, with lingering pauses and empty space", lines[4]);
        Assert.EndsWith("Actions:\n- A fox crosses a snowy road at night\n- Hold on the fox for a two-count as the shot settles", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("an old fisherman mends his net on a windy pier at dawn", "An old fisherman mends his net on a windy pier at dawn", "the old fisherman")]
    [InlineData("a chef in a tiny kitchen plates a dessert", "A chef in a tiny kitchen plates a dessert", "the chef")]
    [InlineData("a cat knocks a glass off the kitchen table and watches it fall", "A cat knocks a glass off the kitchen table, then watches it fall", "the cat")]
    public async Task StructureAsync_ExpandedIdea_ActionsKeepTheSubjectAndItsAction(string idea, string action, string subject)
    {
        var expanded = _engine.Expand(idea);

        var result = await _engine.RunAsync(new TextOperation.Structure(expanded), CancellationToken.None);

        var actions = result.Text[(result.Text.IndexOf("Actions:\n", StringComparison.Ordinal) + 9)..].Split('\n');
        Assert.Equal(["- " + action, $"- Hold on {subject} for a two-count as the shot settles"], actions);
    }

    [Fact]
    public async Task StructureAsync_ExpandedIdea_SortsTheShotIntoCameraAndProse()
    {
        const string idea = "a red fox trots across a snowy field at night";
        var cards = new IdeaExpander(Catalog).Pick(idea).ToDictionary(c => c.Category);

        var result = await _engine.RunAsync(new TextOperation.Structure(_engine.Expand(idea)), CancellationToken.None);

        var lines = result.Text.Split('\n');
        Assert.Equal($"Camera shot: {cards["camera-angles"].Phrase}; {cards["camera-motion"].Phrase}", lines[3]);
        Assert.StartsWith("A red fox trots across a snowy field at night. Lit by " + cards["lighting"].Phrase, lines[0], StringComparison.Ordinal);
        Assert.Contains(cards["style"].Phrase, lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(lines.SkipWhile(l => l != "Actions:"), l => l.Contains(cards["lighting"].Phrase, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task StructureAsync_BeatThatOpensWithItsVerb_NamesTheSubject()
    {
        var result = await _engine.RunAsync(new TextOperation.Structure("A chef flips a pancake. Catches it and grins. Then turns to the window."), CancellationToken.None);

        Assert.EndsWith("Actions:\n- The chef catches it and grins\n- Then the chef turns to the window", result.Text, StringComparison.Ordinal);
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

        Assert.Equal(structured + "\n\nFramed in a low-angle shot from knee height. Lit by cool, pale moonlight from high above.", enhanced);
        Assert.Equal(
            structured
                .Replace("Camera shot: medium shot, eye level", "Camera shot: a low-angle shot from knee height", StringComparison.Ordinal)
                .Replace("A fox crosses a road.", "A fox crosses a road. Lit by cool, pale moonlight from high above.", StringComparison.Ordinal),
            restructured.Text);
    }

    [Theory]
    [InlineData("A red fox trots across the road.", "the red fox")]
    [InlineData("An elderly woman kneads bread dough.", "the elderly woman")]
    [InlineData("Portrait of an old fisherman smiling.", "the old fisherman")]
    [InlineData("Vendors stack pyramids of oranges.", "vendors")]
    [InlineData("Maria Lopez walks home.", "Maria Lopez")]
    [InlineData("An old fisherman mends his net on a windy pier.", "the old fisherman")]
    [InlineData("A pilot lands a small plane.", "the pilot")]
    [InlineData("A chef in a tiny kitchen plates a dessert.", "the chef")]
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
