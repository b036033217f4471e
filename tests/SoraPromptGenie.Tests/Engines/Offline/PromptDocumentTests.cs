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
    public void Without_CategoryByAnyCase_DropsOnlyThatClause()
    {
        var document = PromptDocument.Parse("A fox.\n\nCamera Angles: low\nLighting: lamp\nStyle: grainy", Catalog);

        var without = document.Without("LIGHTING");

        Assert.Equal("A fox.\n\nCamera Angles: low\nStyle: grainy", without.Render());
    }
}
