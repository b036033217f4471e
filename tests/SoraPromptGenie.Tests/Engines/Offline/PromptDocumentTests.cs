using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines.Offline;

namespace SoraPromptGenie.Tests.Engines.Offline;

public sealed class PromptDocumentTests
{
    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();

    [Fact]
    public void Parse_RenderedDocument_RoundTrips()
    {
        const string prompt = "A fox crosses a road.\n\nSecond paragraph.\n\nCamera Angles: Eye Level — a level lens.\nStyle: Film Noir — hard shadows.\nSound Design: Score — a low drone.";

        var document = PromptDocument.Parse(prompt, Catalog);

        Assert.Equal("A fox crosses a road.\n\nSecond paragraph.", document.Scene);
        Assert.Equal(["camera-angles", "style", null], document.Clauses.Select(c => c.CategoryId));
        Assert.Equal(prompt, document.Render());
    }

    [Fact]
    public void Parse_ClausesOutOfOrderAndDuplicated_KeepsLastPerCategoryInCatalogOrder()
    {
        const string prompt = "Style: first\nA fox.\nlighting: lamp\nSTYLE: second";

        var document = PromptDocument.Parse(prompt, Catalog);

        Assert.Equal("A fox.\n\nLighting: lamp\nStyle: second", document.Render());
    }

    [Theory]
    [InlineData("Note: the baker opens first.")]
    [InlineData("At 5:30 the bell rings — twice.")]
    [InlineData("Lighting:no space after the colon")]
    public void Parse_ColonInOrdinaryProse_StaysScene(string line)
    {
        var document = PromptDocument.Parse(line, Catalog);

        Assert.Equal(line, document.Scene);
        Assert.Empty(document.Clauses);
    }

    [Fact]
    public void Parse_SentencesWrittenFromCards_BecomeTheirCardsAndRoundTrip()
    {
        const string prompt = "A fox crosses a road. It stops.\n\nIn a low-angle shot from knee height, the camera tracks alongside at matching speed. "
            + "Lit by cool, pale moonlight from high above. Shot on 35mm film with fine grain and rich natural colour.";

        var document = PromptDocument.Parse(prompt, Catalog);

        Assert.Equal("A fox crosses a road. It stops.", document.Scene);
        Assert.Equal(
            ["camera-angles/low-angle", "camera-motion/tracking-shot", "lighting/moonlight", "style/cinematic-35mm"],
            document.Clauses.Select(c => c.Card?.Id));
        Assert.Equal(prompt, document.Render());
    }

    [Fact]
    public void Parse_SentenceOfCardsInsideSceneText_IsTakenOutOfTheLine()
    {
        var document = PromptDocument.Parse("A fox crosses a road. Lit by cool, pale moonlight from high above. It stops.", Catalog);

        Assert.Equal("A fox crosses a road. It stops.", document.Scene);
        Assert.Equal("lighting/moonlight", Assert.Single(document.Clauses).Card?.Id);
    }

    [Theory]
    [InlineData("Lit by cool, pale moonlight from far above.")]
    [InlineData("lit by cool, pale moonlight from high above.")]
    [InlineData("Cool, pale moonlight from high above.")]
    public void Parse_CardSentenceEditedByHand_StaysScene(string line)
    {
        var document = PromptDocument.Parse("A fox.\n\n" + line, Catalog);

        Assert.Empty(document.Clauses);
        Assert.Equal("A fox.\n\n" + line, document.Scene);
    }

    [Fact]
    public void Without_OneCardOfASharedSentence_WritesTheOtherAlone()
    {
        var document = PromptDocument.Parse("A fox.\n\nIn a low-angle shot from knee height, the camera tracks alongside at matching speed.", Catalog);

        var without = document.Without("camera-angles");

        Assert.Equal("A fox.\n\nThe camera tracks alongside at matching speed.", without.Render());
    }

    [Fact]
    public void Without_CategoryByAnyCase_DropsOnlyThatClause()
    {
        var document = PromptDocument.Parse("A fox.\n\nCamera Angles: low\nLighting: lamp\nStyle: grainy", Catalog);

        var without = document.Without("LIGHTING");

        Assert.Equal("A fox.\n\nCamera Angles: low\nStyle: grainy", without.Render());
    }
}
